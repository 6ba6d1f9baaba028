import assert from "node:assert/strict";
import { MISTAKES } from "../../lib/mistakes/ch06.ts";
import * as np from "../../lib/np/mod.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";
import { assertAllClose, say } from "../../lib/testing/mod.ts";
import { AdaGrad, Adam, Momentum, Nesterov, RMSprop, SGD } from "./optimizers.ts";
import { book, type Tensor, toArray, toArrays } from "./testdata/book_fixture.ts";

const named = mistakeNamer("06", MISTAKES);

type Optimizer = {
  update(params: Record<string, np.NDArray>, grads: Record<string, np.NDArray>): void;
};

/** f(x, y) = x²/20 + y², the book's elongated bowl (§6.1.3), and its gradient. */
function f(x: number, y: number): number {
  return x * x / 20 + y * y;
}

/** Runs 30 steps from (-7, 2) as the book's optimizer_compare_naive.py, returns the end point. */
function descend(optimizer: Optimizer, steps = 30): [number, number] {
  const params = { x: np.array([-7.0]), y: np.array([2.0]) };
  for (let i = 0; i < steps; i++) {
    const grads = { x: np.div(params.x, 10), y: np.mul(params.y, 2) };
    optimizer.update(params, grads);
  }
  return [params.x.item(), params.y.item()];
}

/** Asserts that an optimizer takes (-7, 2) close to the minimum of f. */
function assertDescends(optimizer: Optimizer): void {
  const [x, y] = descend(optimizer);
  const start = f(-7, 2); // 6.45
  assert.ok(
    f(x, y) < 0.02 * start,
    say(
      `after 30 steps f(${x}, ${y}) = ${f(x, y)}, expected below ${0.02 * start}`,
      `30 ステップ後に f(${x}, ${y}) = ${f(x, y)} です。${0.02 * start} 未満になるはずです`,
    ),
  );
}

Deno.test(
  "SGD.update() moves against the gradient by lr (§6.1.2)",
  named({ SGD }, ({ SGD }) => {
    const params = { W: np.array([[1, 2], [3, 4]]), b: np.array([0.5]) };
    new SGD({ lr: 0.1 }).update(params, { W: np.array([[10, -10], [0, 1]]), b: np.array([5]) });
    assertAllClose(params.W, [[0, 3], [3, 3.9]], {
      rtol: 1e-12,
      msg: say("W after one step", "1 ステップ後の W"),
    });
    assertAllClose(params.b, [0], {
      atol: 1e-12,
      msg: say("b after one step", "1 ステップ後の b"),
    });
  }),
);

Deno.test(
  "SGD.update() uses the book's default lr 0.01 and changes the arrays in place",
  named({ SGD }, ({ SGD }) => {
    const W = np.array([1, 2]);
    const params = { W };
    new SGD().update(params, { W: np.array([1, -1]) });
    assert.equal(
      params.W,
      W,
      say(
        "params.W must still be the same array (the layers hold it)",
        "params.W は同じ配列のままでなければいけません (レイヤがその配列を持っています)",
      ),
    );
    assertAllClose(W, [0.99, 2.01], {
      rtol: 1e-12,
      msg: say("W after one step with lr 0.01", "lr 0.01 で 1 ステップ後の W"),
    });
  }),
);

Deno.test(
  "SGD.update() reduces f(x, y) = x²/20 + y² from (-7, 2) (§6.1.7)",
  named({ SGD }, ({ SGD }) => {
    assertDescends(new SGD({ lr: 0.95 }));
  }),
);

Deno.test(
  "Momentum.update() accumulates a velocity (§6.1.4)",
  named({ Momentum }, ({ Momentum }) => {
    const W = np.array([0, 10]);
    const optimizer = new Momentum({ lr: 0.1, momentum: 0.9 });
    const expected = [[-0.1, 10.1], [-0.29, 10.29], [-0.561, 10.561]];
    for (const [i, want] of expected.entries()) {
      optimizer.update({ W }, { W: np.array([1, -1]) });
      assertAllClose(W, want, {
        rtol: 1e-12,
        msg: say(`W after step ${i + 1}`, `${i + 1} ステップ後の W`),
      });
    }
    assert.ok(
      optimizer.v !== null,
      say("the velocity lives in the public field v", "速度は公開フィールド v に保持してください"),
    );
    assertAllClose(optimizer.v.W, [-0.271, 0.271], {
      rtol: 1e-12,
      msg: say("v after three steps", "3 ステップ後の v"),
    });
  }),
);

Deno.test(
  "Momentum.update() uses the book's defaults lr 0.01 and momentum 0.9",
  named({ Momentum }, ({ Momentum }) => {
    const W = np.array([0]);
    const optimizer = new Momentum();
    optimizer.update({ W }, { W: np.array([1]) });
    optimizer.update({ W }, { W: np.array([1]) });
    assertAllClose(W, [-(0.01 + 0.019)], {
      rtol: 1e-12,
      msg: say("W after two steps", "2 ステップ後の W"),
    });
  }),
);

Deno.test(
  "Momentum.update() reduces f(x, y) = x²/20 + y² from (-7, 2) (§6.1.7)",
  named({ Momentum }, ({ Momentum }) => {
    assertDescends(new Momentum({ lr: 0.1 }));
  }),
);

Deno.test(
  "Nesterov.update() moves W with the old velocity, then updates v (book's 2021 fix)",
  named({ Nesterov }, ({ Nesterov }) => {
    const W = np.array([0]);
    const optimizer = new Nesterov({ lr: 0.1, momentum: 0.9 });
    // W += α²·v − (1 + α)·η·g with the old v, then v = α·v − η·g (α 0.9, η 0.1, g 1):
    // step 1: W = 0 − 0.19 = −0.19, v = −0.1; step 2: W = −0.19 − 0.081 − 0.19 = −0.461,
    // v = −0.19; step 3: W = −0.461 − 0.1539 − 0.19 = −0.8049, v = −0.271.
    const expected = [[-0.19, -0.1], [-0.461, -0.19], [-0.8049, -0.271]];
    for (const [i, [w, v]] of expected.entries()) {
      optimizer.update({ W }, { W: np.array([1]) });
      assertAllClose(W, [w], {
        rtol: 1e-12,
        msg: say(`W after step ${i + 1}`, `${i + 1} ステップ後の W`),
      });
      assert.ok(
        optimizer.v !== null,
        say(
          "the velocity lives in the public field v",
          "速度は公開フィールド v に保持してください",
        ),
      );
      assertAllClose(optimizer.v.W, [v], {
        rtol: 1e-12,
        msg: say(`v after step ${i + 1}`, `${i + 1} ステップ後の v`),
      });
    }
  }),
);

Deno.test(
  "Nesterov.update() uses the book's defaults lr 0.01 and momentum 0.9",
  named({ Nesterov }, ({ Nesterov }) => {
    const W = np.array([0]);
    const optimizer = new Nesterov();
    optimizer.update({ W }, { W: np.array([1]) });
    optimizer.update({ W }, { W: np.array([1]) });
    // −1.9 · 0.01, then + 0.81 · (−0.01) − 1.9 · 0.01.
    assertAllClose(W, [-0.019 - 0.0081 - 0.019], {
      rtol: 1e-12,
      msg: say("W after two steps", "2 ステップ後の W"),
    });
  }),
);

Deno.test(
  "Nesterov.update() reduces f(x, y) = x²/20 + y² from (-7, 2)",
  named({ Nesterov }, ({ Nesterov }) => {
    assertDescends(new Nesterov({ lr: 0.1 }));
  }),
);

Deno.test(
  "AdaGrad.update() divides each step by the root of the summed squared gradients (§6.1.5)",
  named({ AdaGrad }, ({ AdaGrad }) => {
    const W = np.array([0, 0]);
    const optimizer = new AdaGrad({ lr: 0.5 });
    optimizer.update({ W }, { W: np.array([4, -0.01]) });
    const first = [-0.5 * 4 / (4 + 1e-7), 0.5 * 0.01 / (0.01 + 1e-7)];
    assertAllClose(W, first, { rtol: 1e-12, msg: say("W after step 1", "1 ステップ後の W") });
    optimizer.update({ W }, { W: np.array([3, 0]) });
    const second = [first[0] - 0.5 * 3 / (5 + 1e-7), first[1]];
    assertAllClose(W, second, { rtol: 1e-12, msg: say("W after step 2", "2 ステップ後の W") });
    assert.ok(
      optimizer.h !== null,
      say(
        "the sum of squares lives in the public field h",
        "2 乗和は公開フィールド h に保持してください",
      ),
    );
    assertAllClose(optimizer.h.W, [25, 1e-4], {
      rtol: 1e-12,
      msg: say("h after two steps", "2 ステップ後の h"),
    });
  }),
);

Deno.test(
  "AdaGrad.update() uses the book's default lr 0.01",
  named({ AdaGrad }, ({ AdaGrad }) => {
    const W = np.array([1]);
    new AdaGrad().update({ W }, { W: np.array([2]) });
    assertAllClose(W, [1 - 0.01 * 2 / (2 + 1e-7)], {
      rtol: 1e-12,
      msg: say("W after one step", "1 ステップ後の W"),
    });
  }),
);

Deno.test(
  "AdaGrad.update() reduces f(x, y) = x²/20 + y² from (-7, 2) (§6.1.7)",
  named({ AdaGrad }, ({ AdaGrad }) => {
    assertDescends(new AdaGrad({ lr: 1.5 }));
  }),
);

Deno.test(
  "RMSprop.update() keeps a decaying average of squared gradients",
  named({ RMSprop }, ({ RMSprop }) => {
    const W = np.array([0]);
    const optimizer = new RMSprop({ lr: 0.01, decayRate: 0.99 });
    optimizer.update({ W }, { W: np.array([2]) });
    const first = -0.02 / (Math.sqrt(0.04) + 1e-7);
    assertAllClose(W, [first], {
      rtol: 1e-12,
      msg: say("W after step 1 (h = 0.04)", "1 ステップ後の W (h = 0.04)"),
    });
    optimizer.update({ W }, { W: np.array([2]) });
    const second = first - 0.02 / (Math.sqrt(0.0796) + 1e-7);
    assertAllClose(W, [second], {
      rtol: 1e-12,
      msg: say("W after step 2 (h = 0.0796)", "2 ステップ後の W (h = 0.0796)"),
    });
    assert.ok(
      optimizer.h !== null,
      say(
        "the moving average lives in the public field h",
        "移動平均は公開フィールド h に保持してください",
      ),
    );
    assertAllClose(optimizer.h.W, [0.0796], {
      rtol: 1e-12,
      msg: say("h after two steps", "2 ステップ後の h"),
    });
  }),
);

Deno.test(
  "RMSprop.update() uses the book's defaults lr 0.01 and decay 0.99",
  named({ RMSprop }, ({ RMSprop }) => {
    const W = np.array([0]);
    new RMSprop().update({ W }, { W: np.array([-3]) });
    assertAllClose(W, [0.03 / (Math.sqrt(0.09) + 1e-7)], {
      rtol: 1e-12,
      msg: say("W after one step", "1 ステップ後の W"),
    });
  }),
);

Deno.test(
  "RMSprop.update() reduces f(x, y) = x²/20 + y² from (-7, 2)",
  named({ RMSprop }, ({ RMSprop }) => {
    assertDescends(new RMSprop({ lr: 0.1 }));
  }),
);

Deno.test(
  "Adam.update() folds the bias correction into the learning rate (§6.1.6)",
  named({ Adam }, ({ Adam }) => {
    const W = np.array([1, 1]);
    const optimizer = new Adam({ lr: 0.1, beta1: 0.9, beta2: 0.999 });
    // Gradients large enough that where ε = 1e-7 sits changes W by less than rtol 1e-6.
    const g1 = [5, -2], g2 = [3, 2];
    optimizer.update({ W }, { W: np.array(g1) });
    const lr1 = 0.1 * Math.sqrt(1 - 0.999) / (1 - 0.9);
    const m1 = g1.map((g) => 0.1 * g), v1 = g1.map((g) => 0.001 * g * g);
    const w1 = m1.map((m, i) => 1 - lr1 * m / (Math.sqrt(v1[i]) + 1e-7));
    assertAllClose(W, w1, {
      rtol: 1e-6,
      msg: say(
        "W after step 1 (lr_t = lr · √(1 − β₂) / (1 − β₁))",
        "1 ステップ後の W (lr_t = lr · √(1 − β₂) / (1 − β₁))",
      ),
    });
    optimizer.update({ W }, { W: np.array(g2) });
    const lr2 = 0.1 * Math.sqrt(1 - 0.999 ** 2) / (1 - 0.9 ** 2);
    const m2 = m1.map((m, i) => 0.9 * m + 0.1 * g2[i]);
    const v2 = v1.map((v, i) => 0.999 * v + 0.001 * g2[i] * g2[i]);
    const w2 = w1.map((w, i) => w - lr2 * m2[i] / (Math.sqrt(v2[i]) + 1e-7));
    assertAllClose(W, w2, {
      rtol: 1e-6,
      msg: say(
        "W after step 2 (lr_t = lr · √(1 − β₂²) / (1 − β₁²))",
        "2 ステップ後の W (lr_t = lr · √(1 − β₂²) / (1 − β₁²))",
      ),
    });
    assert.equal(
      optimizer.iter,
      2,
      say(
        `iter after two steps is ${optimizer.iter}`,
        `2 ステップ後の iter が ${optimizer.iter} です`,
      ),
    );
    assert.ok(
      optimizer.m !== null && optimizer.v !== null,
      say("m and v live in the public fields", "m と v は公開フィールドに保持してください"),
    );
    assertAllClose(optimizer.m.W, m2, {
      rtol: 1e-12,
      msg: say("m after two steps", "2 ステップ後の m"),
    });
    assertAllClose(optimizer.v.W, v2, {
      rtol: 1e-12,
      msg: say("v after two steps", "2 ステップ後の v"),
    });
  }),
);

Deno.test(
  "Adam.update() adds ε = 1e-7 after the square root: √v + ε, not √(v + ε)",
  named({ Adam }, ({ Adam }) => {
    // A gradient of 1e-8: √v is about 3e-10, so ε outside the root dominates the denominator.
    const W = np.array([1]);
    new Adam({ lr: 0.1 }).update({ W }, { W: np.array([1e-8]) });
    const lrT = 0.1 * Math.sqrt(1 - 0.999) / (1 - 0.9);
    const m = 0.1 * 1e-8, v = 0.001 * 1e-16;
    const want = 1 - lrT * m / (Math.sqrt(v) + 1e-7);
    assertAllClose(W, [want], {
      rtol: 1e-12,
      msg: say(
        `W after one step with g = 1e-8 (a step of ${1 - want} with √v + ε)`,
        `g = 1e-8 で 1 ステップ後の W (√v + ε なら更新量は ${1 - want})`,
      ),
    });
  }),
);

Deno.test(
  "Adam.update() uses the book's defaults lr 0.001, beta1 0.9, beta2 0.999",
  named({ Adam }, ({ Adam }) => {
    const W = np.array([0]);
    new Adam().update({ W }, { W: np.array([2]) });
    const lrT = 0.001 * Math.sqrt(0.001) / 0.1;
    assertAllClose(W, [-lrT * 0.2 / (Math.sqrt(0.004) + 1e-7)], {
      rtol: 1e-12,
      msg: say("W after one step", "1 ステップ後の W"),
    });
  }),
);

Deno.test(
  "Adam.update() reduces f(x, y) = x²/20 + y² from (-7, 2) (§6.1.7)",
  named({ Adam }, ({ Adam }) => {
    const [x, y] = descend(new Adam({ lr: 0.3 }));
    // Adam overshoots and circles in (figure 6-8), so it ends less close than the others.
    assert.ok(
      f(x, y) < 0.15,
      say(
        `after 30 steps f(${x}, ${y}) = ${f(x, y)}, expected below 0.15`,
        `30 ステップ後に f(${x}, ${y}) = ${f(x, y)} です。0.15 未満になるはずです`,
      ),
    );
  }),
);

Deno.test(
  "Adam.update() keeps float32 parameters float32",
  named({ Adam }, ({ Adam }) => {
    const W = np.array([1, 2], { dtype: "float32" });
    new Adam().update({ W }, { W: np.array([1, 1], { dtype: "float32" }) });
    assert.equal(
      W.dtype,
      "float32",
      say(
        `W's dtype is ${W.dtype} after a step, was float32`,
        `1 ステップ後の W の dtype が ${W.dtype} です (元は float32)`,
      ),
    );
    assertAllClose(W, [0.999, 1.999], {
      rtol: 1e-6,
      msg: say("W after one step", "1 ステップ後の W"),
    });
  }),
);

// The book's own code (tools/book/ch06.py, NumPy; Nesterov as the book's repository since its
// 2021 fix) on the same inputs: four steps each.
const classes = { SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam };
for (const [name, Class] of Object.entries(classes)) {
  Deno.test(
    `${name}.update() agrees with the book's NumPy code over four steps`,
    named({ [name]: Class }, (implementations) => {
      const Optimizer = implementations[name];
      const cases = book.optimizers.filter((c) => c.name === name);
      assert.ok(
        cases.length > 0,
        say(`the fixture has no case for ${name}`, `フィクスチャに ${name} のケースがありません`),
      );
      for (const c of cases) {
        const optimizer = new Optimizer(c.options);
        const params = toArrays(c.params);
        for (const [i, step] of c.steps.entries()) {
          optimizer.update(params, toArrays(step.grads));
          for (const key of Object.keys(params)) {
            assertAllClose(params[key], toArray(step.params[key as "W" | "b"]), {
              rtol: 1e-10,
              atol: 1e-14,
              msg: say(
                `${name}(${JSON.stringify(c.options)}), step ${i + 1}, parameter ${key}`,
                `${name}(${JSON.stringify(c.options)})、${i + 1} ステップ目、パラメータ ${key}`,
              ),
            });
          }
        }
        const state = optimizer as unknown as Record<string, unknown>;
        for (const [field, want] of Object.entries(c.state)) {
          if (typeof want === "number") {
            assert.equal(
              state[field],
              want,
              say(
                `${name}.${field} is ${state[field]}, expected ${want}`,
                `${name}.${field} が ${state[field]} です。${want} になるはずです`,
              ),
            );
            continue;
          }
          const got = state[field] as Record<string, np.NDArray> | null;
          assert.ok(
            got != null,
            say(
              `${name}.${field} is ${got} after four steps`,
              `4 ステップ後の ${name}.${field} が ${got} です`,
            ),
          );
          for (const [key, tensor] of Object.entries(want as Record<string, Tensor>)) {
            assertAllClose(got[key], toArray(tensor), {
              rtol: 1e-10,
              atol: 1e-14,
              msg: say(`${name}.${field}.${key}`, `${name}.${field}.${key} の値`),
            });
          }
        }
      }
    }),
  );
}
