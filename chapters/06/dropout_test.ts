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
import { Dropout } from "./dropout.ts";
import { book, toArray } from "./testdata/book_fixture.ts";

const named = mistakeNamer("06", MISTAKES);

Deno.test(
  "Dropout.forward() drops about dropoutRatio of the units in training (§6.4.3)",
  named({ Dropout }, ({ Dropout }) => {
    const x = np.rng(1).uniform([200, 100], { low: 1, high: 2 });
    const out = new Dropout(0.3, { rng: np.rng(2) }).forward(x, { train: true });
    let dropped = 0;
    for (let i = 0; i < x.size; i++) {
      if (out.data[i] === 0) dropped++;
      else {
        assert.equal(
          out.data[i],
          x.data[i],
          say(
            `out at ${i} is ${out.data[i]}, x ${
              x.data[i]
            }: a kept unit passes unchanged (no scaling)`,
            `位置 ${i} の out が ${out.data[i]} です (x は ${
              x.data[i]
            })。残したニューロンの値はそのまま通します (スケールしない)`,
          ),
        );
      }
    }
    const rate = dropped / x.size;
    assert.ok(
      Math.abs(rate - 0.3) < 0.02,
      say(
        `out: dropped ${rate} of the units, expected about 0.3`,
        `out: 消去したニューロンの割合が ${rate} です。約 0.3 になるはずです`,
      ),
    );
  }),
);

Deno.test(
  "Dropout.forward() trains by default, with a new mask each pass",
  named({ Dropout }, ({ Dropout }) => {
    const dropout = new Dropout(0.5, { rng: np.rng(3) });
    const first = dropout.forward(np.ones([10, 10]));
    const second = dropout.forward(np.ones([10, 10]));
    assert.ok(
      first.data.includes(0),
      say(
        "out has no 0 without options: the default mode is training, which drops units",
        "options なしの out に 0 がありません。既定は訓練モードで、ニューロンを消去します",
      ),
    );
    assert.notDeepEqual(
      first.toArray(),
      second.toArray(),
      say(
        "out: two training passes drew the same mask",
        "out: 訓練時の 2 回の forward で同じマスクになりました",
      ),
    );
  }),
);

Deno.test(
  "Dropout.forward() repeats its masks with the same seed",
  named({ Dropout }, ({ Dropout }) => {
    const x = np.ones([5, 8]);
    const a = new Dropout(0.5, { rng: np.rng(4) }).forward(x, { train: true });
    const b = new Dropout(0.5, { rng: np.rng(4) }).forward(x, { train: true });
    assert.deepEqual(
      a.toArray(),
      b.toArray(),
      say("out: the same seed gave different masks", "out: 同じシードなのにマスクが異なります"),
    );
  }),
);

Deno.test(
  "Dropout.forward() scales by 1 − dropoutRatio in test mode, as the book",
  named({ Dropout }, ({ Dropout }) => {
    const x = np.array([[1, -2], [4, 8]]);
    const dropout = new Dropout(0.25);
    assertAllClose(dropout.forward(x, { train: false }), [[0.75, -1.5], [3, 6]], {
      rtol: 1e-12,
      msg: say("out in test mode, ratio 0.25", "テストモードでの out (ratio 0.25)"),
    });
  }),
);

Deno.test(
  "Dropout.backward() passes the gradient through the kept units only",
  named({ Dropout }, ({ Dropout }) => {
    const x = np.rng(5).normal([6, 7]);
    const w = np.rng(6).normal([6, 7]);
    const dropout = new Dropout(0.4, { rng: np.rng(7) });
    const saved = dropout.rng.getState();
    // The same mask on every call: restore the generator before each forward pass.
    const loss = () => {
      dropout.rng.setState(saved);
      return np.sum(np.mul(dropout.forward(x, { train: true }), w));
    };
    loss();
    const dx = dropout.backward(w);
    assert.ok(
      dropout.mask !== null,
      say(
        "mask is null after a training pass: forward must keep it",
        "訓練時の forward の後で mask が null のままです。forward で保持してください",
      ),
    );
    const mask = dropout.mask;
    for (let i = 0; i < dx.size; i++) {
      const want = mask.data[i] === 0 ? 0 : w.data[i];
      assert.ok(
        dx.data[i] === want,
        say(
          `dx at ${i} is ${dx.data[i]}, expected ${want}`,
          `位置 ${i} の dx が ${dx.data[i]} です。${want} になるはずです`,
        ),
      );
    }
    assertGradientMatches(dx, numericalGradientOf(loss, x), {
      rtol: 1e-5,
      atol: 1e-7,
      msg: say(
        "dx vs the numerical gradient (the same mask on every pass)",
        "dx と数値微分で求めた勾配の比較 (毎回同じマスク)",
      ),
    });
  }),
);

// The book's own code (tools/book/ch06.py, NumPy) on the same inputs.
Deno.test(
  "Dropout.forward() in test mode agrees with the book's NumPy code",
  named({ Dropout }, ({ Dropout }) => {
    for (const c of book.dropout) {
      const out = new Dropout(c.ratio).forward(toArray(c.x), { train: false });
      assertAllClose(out, toArray(c.testOut), {
        rtol: 1e-12,
        msg: say(`out in test mode, ratio ${c.ratio}`, `テストモードでの out (ratio ${c.ratio})`),
      });
    }
  }),
);
