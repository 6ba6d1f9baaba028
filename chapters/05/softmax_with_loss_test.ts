import assert from "node:assert/strict";
import { MISTAKES } from "../../lib/mistakes/ch05.ts";
import * as np from "../../lib/np/mod.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";
import {
  assertAllClose,
  assertGradientMatches,
  numericalGradientOf,
  say,
} from "../../lib/testing/mod.ts";
import { SoftmaxWithLoss } from "./softmax_with_loss.ts";
import { book, toArray } from "./testdata/book_fixture.ts";

const named = mistakeNamer("05", MISTAKES);

/** The kind of labels ("one-hot" or "index") as the Japanese labels say it. */
function labelsJa(kind: "one-hot" | "index"): string {
  return kind === "index" ? "インデックス形式" : "one-hot 表現";
}

Deno.test(
  "SoftmaxWithLoss.forward() is the cross-entropy of the softmax (§5.6.3)",
  named({ SoftmaxWithLoss }, ({ SoftmaxWithLoss }) => {
    const layer = new SoftmaxWithLoss();
    // Scores whose softmax is the book's (0.3, 0.2, 0.5); the answer is class 1.
    const x = np.log(np.array([[0.3, 0.2, 0.5]]));
    const loss = layer.forward(x, np.array([[0, 1, 0]]));
    const want = -Math.log(0.2 + 1e-7);
    assert.ok(
      Math.abs(loss - want) < 1e-12,
      say(
        `loss: got ${loss}, expected −log(0.2 + 1e-7) = ${want}`,
        `loss: 結果は ${loss}、期待値は −log(0.2 + 1e-7) = ${want}`,
      ),
    );
    assert.equal(
      layer.loss,
      loss,
      say(
        `the field loss is ${layer.loss}, forward returned ${loss}`,
        `フィールド loss が ${layer.loss} ですが、forward の戻り値は ${loss} です`,
      ),
    );
    assert.ok(
      layer.y !== null,
      say(
        "y is null after forward: forward must keep the softmax output",
        "forward の後で y が null のままです。forward でソフトマックス関数の出力を保持してください",
      ),
    );
    assertAllClose(layer.y, [[0.3, 0.2, 0.5]], {
      rtol: 1e-12,
      msg: say("the field y (softmax of x)", "フィールド y (x のソフトマックス)"),
    });
  }),
);

Deno.test(
  "SoftmaxWithLoss.backward() is y − t, the book's (0.3, −0.8, 0.5) (§5.6.3)",
  named({ SoftmaxWithLoss }, ({ SoftmaxWithLoss }) => {
    const layer = new SoftmaxWithLoss();
    layer.forward(np.log(np.array([[0.3, 0.2, 0.5]])), np.array([[0, 1, 0]]));
    const dx = layer.backward();
    assertAllClose(dx, [[0.3, -0.8, 0.5]], {
      rtol: 1e-12,
      msg: say(
        "dx for y = (0.3, 0.2, 0.5), t = (0, 1, 0)",
        "y = (0.3, 0.2, 0.5), t = (0, 1, 0) のときの dx",
      ),
    });
  }),
);

Deno.test(
  "SoftmaxWithLoss.backward() multiplies dx by dout, the gradient from above (§5.6.3)",
  named({ SoftmaxWithLoss }, ({ SoftmaxWithLoss }) => {
    // A batch of one, so that the division by the batch size changes nothing here.
    const layer = new SoftmaxWithLoss();
    layer.forward(np.log(np.array([[0.3, 0.2, 0.5]])), np.array([[0, 1, 0]]));
    assertAllClose(layer.backward(2), [[0.6, -1.6, 1.0]], {
      rtol: 1e-12,
      msg: say(
        "dx for dout = 2 (batch of one: (y − t) · dout)",
        "dout = 2 のときの dx (バッチサイズ 1 なので (y − t) · dout)",
      ),
    });
    assertAllClose(layer.backward(0.5), [[0.15, -0.4, 0.25]], {
      rtol: 1e-12,
      msg: say(
        "dx for dout = 0.5 (batch of one: (y − t) · dout)",
        "dout = 0.5 のときの dx (バッチサイズ 1 なので (y − t) · dout)",
      ),
    });
  }),
);

Deno.test(
  "SoftmaxWithLoss.backward() divides by the batch size and takes index labels",
  named({ SoftmaxWithLoss }, ({ SoftmaxWithLoss }) => {
    const x = np.array([[0, 0], [Math.log(3), 0]]);
    const oneHot = new SoftmaxWithLoss(), index = new SoftmaxWithLoss();
    const loss = oneHot.forward(x, np.array([[1, 0], [0, 1]]));
    const indexLoss = index.forward(x, np.array([0, 1]));
    assert.ok(
      Math.abs(indexLoss - loss) < 1e-15,
      say(
        `loss: ${indexLoss} for index labels, ${loss} one-hot`,
        `loss: インデックス形式のラベルで ${indexLoss}、one-hot 表現で ${loss}`,
      ),
    );
    // y = [[0.5, 0.5], [0.75, 0.25]]; (y − t) / 2.
    const expected = [[-0.25, 0.25], [0.375, -0.375]];
    assertAllClose(oneHot.backward(), expected, {
      rtol: 1e-12,
      msg: say("dx, one-hot labels, batch of 2", "dx (one-hot 表現のラベル、バッチサイズ 2)"),
    });
    assertAllClose(index.backward(), expected, {
      rtol: 1e-12,
      msg: say(
        "dx, index labels [0, 1], batch of 2",
        "dx (インデックス形式のラベル [0, 1]、バッチサイズ 2)",
      ),
    });
    assertAllClose(index.backward(2), np.mul(2, np.array(expected)), {
      rtol: 1e-12,
      msg: say(
        "dx for dout = 2, index labels, batch of 2",
        "dout = 2 のときの dx (インデックス形式のラベル、バッチサイズ 2)",
      ),
    });
  }),
);

Deno.test(
  "SoftmaxWithLoss.backward() uses the softmax of the latest forward pass",
  named({ SoftmaxWithLoss }, ({ SoftmaxWithLoss }) => {
    const layer = new SoftmaxWithLoss();
    layer.forward(np.array([[5, 0, 0]]), np.array([0]));
    layer.forward(np.log(np.array([[0.3, 0.2, 0.5]])), np.array([[0, 1, 0]]));
    assert.ok(
      layer.y !== null,
      say(
        "y is null after forward: forward must keep the softmax output",
        "forward の後で y が null のままです。forward でソフトマックス関数の出力を保持してください",
      ),
    );
    assertAllClose(layer.y, [[0.3, 0.2, 0.5]], {
      rtol: 1e-12,
      msg: say(
        "the field y after a second forward pass (the softmax of the second x)",
        "2 回目の forward の後のフィールド y (2 回目の x のソフトマックス)",
      ),
    });
    assertAllClose(layer.backward(), [[0.3, -0.8, 0.5]], {
      rtol: 1e-12,
      msg: say(
        "dx after a second forward pass (y − t of the second x and t)",
        "2 回目の forward の後の dx (2 回目の x と t による y − t)",
      ),
    });
  }),
);

Deno.test(
  "SoftmaxWithLoss.backward() matches the numerical gradient",
  named({ SoftmaxWithLoss }, ({ SoftmaxWithLoss }) => {
    // Moderate scores: the 1e-7 inside the log, which backward ignores, stays negligible.
    const x = np.rng(1).normal([4, 5], { scale: 0.5 });
    const labels = np.array([0, 3, 4, 1]);
    const oneHot = np.zeros([4, 5]);
    labels.data.forEach((label, i) => oneHot.set([i, label], 1));
    for (const [kind, t] of [["one-hot", oneHot], ["index", labels]] as const) {
      const layer = new SoftmaxWithLoss();
      layer.forward(x, t);
      const dx = layer.backward();
      const numerical = numericalGradientOf(() => new SoftmaxWithLoss().forward(x, t), x);
      assertGradientMatches(dx, numerical, {
        rtol: 1e-5,
        atol: 1e-7,
        msg: say(
          `dx vs the numerical gradient, ${kind} labels`,
          `dx と数値微分で求めた勾配の比較 (${labelsJa(kind)}のラベル)`,
        ),
      });
    }
  }),
);

// The book's own NumPy code, recorded by tools/book/ch04_05.py in testdata/book_ch05.json.
Deno.test(
  "SoftmaxWithLoss.forward() and backward() match the book's common/layers.py",
  named({ SoftmaxWithLoss }, ({ SoftmaxWithLoss }) => {
    for (const c of book.layers.softmaxWithLoss) {
      for (const [kind, t] of [["one-hot", toArray(c.t)], ["index", np.array(c.label)]] as const) {
        const layer = new SoftmaxWithLoss();
        const loss = layer.forward(toArray(c.x), t);
        assert.ok(
          Math.abs(loss - c.loss) < 1e-12 * Math.max(1, c.loss),
          say(
            `loss, ${kind} labels: got ${loss}, the book's code ${c.loss}`,
            `loss (${labelsJa(kind)}のラベル): 結果は ${loss}、書籍のコードでは ${c.loss}`,
          ),
        );
        assertAllClose(layer.backward(), toArray(c.dx), {
          rtol: 1e-12,
          atol: 1e-16,
          msg: say(`dx, ${kind} labels`, `dx (${labelsJa(kind)}のラベル)`),
        });
      }
    }
  }),
);
