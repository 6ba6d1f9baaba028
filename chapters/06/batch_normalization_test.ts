import assert from "node:assert/strict";
import { MISTAKES } from "../../lib/mistakes/ch06.ts";
import * as np from "../../lib/np/mod.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";
import {
  assertAllClose,
  assertGradientMatches,
  numericalGradientOf,
  say,
} from "../../lib/testing/mod.ts";
import { BatchNormalization } from "./batch_normalization.ts";
import { book, toArray } from "./testdata/book_fixture.ts";

const named = mistakeNamer("06", MISTAKES);

Deno.test(
  "BatchNormalization.forward() normalizes a hand-sized batch (§6.3.1)",
  named({ BatchNormalization }, ({ BatchNormalization }) => {
    const bn = new BatchNormalization(np.array([2, 1]), np.array([0.5, 0]));
    // Feature 0: mean 2, variance 1. Feature 1: mean 0, variance 4.
    const out = bn.forward(np.array([[1, -2], [3, 2]]));
    const s0 = Math.sqrt(1 + 1e-6), s1 = Math.sqrt(4 + 1e-6);
    assertAllClose(out, [[0.5 - 2 / s0, -2 / s1], [0.5 + 2 / s0, 2 / s1]], {
      rtol: 1e-12,
      msg: say(
        "out for x = [[1, -2], [3, 2]], γ = [2, 1], β = [0.5, 0]",
        "x = [[1, -2], [3, 2]], γ = [2, 1], β = [0.5, 0] のときの out",
      ),
    });
  }),
);

Deno.test(
  "BatchNormalization.forward() gives each feature mean β and deviation γ in training",
  named({ BatchNormalization }, ({ BatchNormalization }) => {
    const x = np.rng(1).normal([64, 5], { loc: 3, scale: 2 });
    const gamma = np.array([1, 2, 0.5, 1, 3]), beta = np.array([0, 1, -1, 0.5, 2]);
    const out = new BatchNormalization(gamma, beta).forward(x, { train: true });
    assertAllClose(np.mean(out, { axis: 0 }), beta, {
      atol: 1e-12,
      msg: say("the mean of out per feature (β)", "特徴ごとの out の平均 (β になるはず)"),
    });
    const std = np.sqrt(np.mean(np.square(np.sub(out, beta)), { axis: 0 }));
    assertAllClose(std, gamma, {
      rtol: 1e-6,
      msg: say("the deviation of out per feature (γ)", "特徴ごとの out の標準偏差 (γ になるはず)"),
    });
  }),
);

Deno.test(
  "BatchNormalization.forward() keeps running statistics with momentum 0.9 (§6.3)",
  named({ BatchNormalization }, ({ BatchNormalization }) => {
    const bn = new BatchNormalization(np.ones([2]), np.zeros([2]));
    bn.forward(np.array([[1, 10], [3, 30]])); // mean [2, 20], variance [1, 100]
    assert.ok(
      bn.runningMean !== null && bn.runningVar !== null,
      say(
        "the running statistics are null",
        "移動平均の統計量 (runningMean, runningVar) が null です",
      ),
    );
    assertAllClose(bn.runningMean, [0.2, 2], {
      rtol: 1e-12,
      msg: say("runningMean after batch 1", "1 つ目のバッチの後の runningMean"),
    });
    assertAllClose(bn.runningVar, [0.1, 10], {
      rtol: 1e-12,
      msg: say("runningVar after batch 1", "1 つ目のバッチの後の runningVar"),
    });
    bn.forward(np.array([[5, 0], [5, 0]])); // mean [5, 0], variance [0, 0]
    assertAllClose(bn.runningMean, [0.9 * 0.2 + 0.5, 0.9 * 2], {
      rtol: 1e-12,
      msg: say("runningMean after batch 2", "2 つ目のバッチの後の runningMean"),
    });
    assertAllClose(bn.runningVar, [0.09, 9], {
      rtol: 1e-12,
      msg: say("runningVar after batch 2", "2 つ目のバッチの後の runningVar"),
    });
  }),
);

Deno.test(
  "BatchNormalization.forward() uses the running statistics in test mode",
  named({ BatchNormalization }, ({ BatchNormalization }) => {
    const bn = new BatchNormalization(np.array([2]), np.array([1]), {
      runningMean: np.array([3]),
      runningVar: np.array([4]),
    });
    const out = bn.forward(np.array([[3], [7], [-1]]), { train: false });
    const s = Math.sqrt(4 + 1e-6);
    assertAllClose(out, [[1], [1 + 8 / s], [1 - 8 / s]], {
      rtol: 1e-12,
      msg: say(
        "out in test mode (running mean 3, running variance 4)",
        "テストモードでの out (移動平均 3、移動分散 4)",
      ),
    });
    assertAllClose(bn.runningMean ?? [NaN], [3], {
      msg: say(
        "runningMean: test mode must not change it",
        "runningMean: テストモードでは変更してはいけません",
      ),
    });
  }),
);

Deno.test(
  "BatchNormalization.forward() treats [N, C, H, W] as [N, C·H·W] like the book",
  named({ BatchNormalization }, ({ BatchNormalization }) => {
    const x = np.rng(2).normal([4, 2, 3, 3]);
    const gamma = np.rng(3).normal([18], { loc: 1, scale: 0.2 }), beta = np.rng(4).normal([18]);
    const out = new BatchNormalization(gamma, beta).forward(x);
    assert.deepEqual(
      out.shape,
      [4, 2, 3, 3],
      say(
        `out has shape [${out.shape.join(", ")}], x [4, 2, 3, 3]`,
        `out の形状が [${out.shape.join(", ")}] です (x は [4, 2, 3, 3])`,
      ),
    );
    const flat = new BatchNormalization(gamma, beta).forward(x.reshape(4, 18));
    assertAllClose(out.reshape(4, 18), flat, {
      rtol: 1e-12,
      msg: say(
        "out for [4, 2, 3, 3] vs for the same x as [4, 18]",
        "[4, 2, 3, 3] の x に対する out と、同じ x を [4, 18] にしたときの out の比較",
      ),
    });
  }),
);

/** Checks dx, dγ and dβ against numerical gradients of L = Σ out · w. */
function checkBackward(Layer: typeof BatchNormalization, shape: number[]): void {
  const r = np.rng(5);
  const d = shape.slice(1).reduce((p, n) => p * n, 1);
  const x = r.normal(shape, { loc: 1, scale: 2 });
  const gamma = r.normal([d], { loc: 1, scale: 0.3 }), beta = r.normal([d]);
  const w = r.normal(shape);
  const bn = new Layer(gamma, beta);
  const loss = () => np.sum(np.mul(bn.forward(x, { train: true }), w));
  loss();
  const dx = bn.backward(w);
  assert.deepEqual(
    dx.shape,
    shape,
    say(
      `dx has shape [${dx.shape.join(", ")}], x [${shape.join(", ")}]`,
      `dx の形状が [${dx.shape.join(", ")}] です (x は [${shape.join(", ")}])`,
    ),
  );
  const { dgamma, dbeta } = bn;
  assert.ok(
    dgamma !== null && dbeta !== null,
    say("backward must set dgamma and dbeta", "backward で dgamma と dbeta を設定してください"),
  );
  for (
    const [name, analytic, param] of [["dx", dx, x], ["dgamma", dgamma, gamma], [
      "dbeta",
      dbeta,
      beta,
    ]] as const
  ) {
    assertGradientMatches(analytic, numericalGradientOf(loss, param), {
      rtol: 1e-5,
      atol: 1e-7,
      msg: say(
        `${name} vs the numerical gradient, x of shape [${shape.join(", ")}]`,
        `${name} と数値微分で求めた勾配の比較 (x の形状は [${shape.join(", ")}])`,
      ),
    });
  }
}

Deno.test(
  "BatchNormalization.backward() matches the numerical gradient for x, γ and β",
  named({ BatchNormalization }, ({ BatchNormalization }) => {
    checkBackward(BatchNormalization, [6, 4]);
  }),
);

Deno.test(
  "BatchNormalization.backward() matches the numerical gradient for 4-D input",
  named({ BatchNormalization }, ({ BatchNormalization }) => {
    checkBackward(BatchNormalization, [3, 2, 2, 2]);
  }),
);

Deno.test(
  "BatchNormalization.backward() gives dx that sums to zero over the batch",
  named({ BatchNormalization }, ({ BatchNormalization }) => {
    // The mean is subtracted, so moving every sample of a feature together changes nothing.
    const x = np.rng(6).normal([8, 3]);
    const bn = new BatchNormalization(np.ones([3]), np.zeros([3]));
    bn.forward(x);
    const dx = bn.backward(np.rng(7).normal([8, 3]));
    assertAllClose(np.sum(dx, { axis: 0 }), [0, 0, 0], {
      atol: 1e-12,
      msg: say("the sum of dx over the batch", "バッチ方向に足し合わせた dx"),
    });
  }),
);

// The book's own code (tools/book/ch06.py, NumPy) on the same inputs.
Deno.test(
  "BatchNormalization.forward() and backward() agree with the book's NumPy code",
  named({ BatchNormalization }, ({ BatchNormalization }) => {
    for (const c of book.batchNormalization) {
      const bn = new BatchNormalization(toArray(c.gamma), toArray(c.beta), {
        momentum: c.momentum,
      });
      for (const [i, step] of c.train.entries()) {
        const msg = (what: string) =>
          say(
            `shape [${c.shape.join(", ")}], training batch ${i + 1}: ${what}`,
            `形状 [${c.shape.join(", ")}]、訓練時の ${i + 1} つ目のバッチ: ${what}`,
          );
        const tol = { rtol: 1e-9, atol: 1e-12 };
        assertAllClose(bn.forward(toArray(step.x), { train: true }), toArray(step.out), {
          ...tol,
          msg: msg("out"),
        });
        assertAllClose(bn.backward(toArray(step.dout)), toArray(step.dx), {
          ...tol,
          msg: msg("dx"),
        });
        assert.ok(
          bn.dgamma !== null && bn.dbeta !== null,
          msg(say("dgamma or dbeta is null", "dgamma か dbeta が null です")),
        );
        assertAllClose(bn.dgamma, toArray(step.dgamma), { ...tol, msg: msg("dgamma") });
        assertAllClose(bn.dbeta, toArray(step.dbeta), { ...tol, msg: msg("dbeta") });
        assert.ok(
          bn.runningMean !== null && bn.runningVar !== null,
          msg(say("running stats null", "移動平均の統計量が null です")),
        );
        assertAllClose(bn.runningMean, toArray(step.runningMean), {
          ...tol,
          msg: msg("runningMean"),
        });
        assertAllClose(bn.runningVar, toArray(step.runningVar), { ...tol, msg: msg("runningVar") });
      }
      assertAllClose(bn.forward(toArray(c.test.x), { train: false }), toArray(c.test.out), {
        rtol: 1e-9,
        atol: 1e-12,
        msg: say(
          `shape [${c.shape.join(", ")}], test mode`,
          `形状 [${c.shape.join(", ")}]、テストモード`,
        ),
      });
    }
  }),
);
