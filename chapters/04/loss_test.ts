import assert from "node:assert/strict";
import fc from "fast-check";
import * as np from "../../lib/np/mod.ts";
import * as reference from "../../lib/functions/loss.ts";
import { MISTAKES } from "../../lib/mistakes/ch04.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";
import { say } from "../../lib/testing/mod.ts";
import { assertProperty } from "../../lib/testing/property.ts";
import { crossEntropyError, sumSquaredError } from "./loss.ts";
import { book, toArray } from "./testdata/book_fixture.ts";

const named = mistakeNamer("04", MISTAKES);

// The book's example output (§4.2.1): "2" is most probable (0.6) in y, and the answer is 2.
const t = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
const yRight = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]);
// The same probabilities with "7" most probable: a wrong answer.
const yWrong = np.array([0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0]);

/** Two numbers equal up to the last few bits; `what` names the value checked. */
function assertClose(what: string, actual: number, expected: number, tol = 1e-12): void {
  assert.ok(
    Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)),
    say(
      `${what}: expected ${expected}, got ${actual}`,
      `${what}: ${expected} になるはずが、${actual} でした`,
    ),
  );
}

/** A batch of probability rows (softmax of seeded normal numbers) and its labels. */
function batch(seed: number, n: number, classes: number) {
  const rng = np.rng(seed);
  const e = np.exp(rng.normal([n, classes], { scale: 2 }));
  const y = np.div(e, np.sum(e, { axis: 1, keepdims: true }));
  const labels = rng.integers(0, classes, { size: [n] });
  const oneHot = np.zeros([n, classes]);
  for (let i = 0; i < n; i++) oneHot.set([i, labels.data[i]], 1);
  return { y, labels, oneHot };
}

// sumSquaredError ---------------------------------------------------------------------------

Deno.test(
  "sumSquaredError() matches the book's example (§4.2.1)",
  named({ sumSquaredError }, ({ sumSquaredError }) => {
    assertClose(
      say("the loss of the right answer (2)", "正解（2）の損失"),
      sumSquaredError(yRight, t),
      0.0975,
    );
    assertClose(
      say("the loss of the wrong answer (7)", "不正解（7）の損失"),
      sumSquaredError(yWrong, t),
      0.5975,
    );
  }),
);

Deno.test(
  "sumSquaredError() averages over a batch",
  named({ sumSquaredError }, ({ sumSquaredError }) => {
    // Three samples, so that a missing 1/n (×3) and a missing ½ (×2) give different numbers.
    const y = np.stack([yRight, yWrong, yRight]);
    const tBatch = np.stack([t, t, t]);
    assertClose(
      say(
        "the loss of the batch [right, wrong, right], the mean of 0.0975, 0.5975 and 0.0975",
        "バッチ [正解, 不正解, 正解] の損失（0.0975, 0.5975, 0.0975 の平均）",
      ),
      sumSquaredError(y, tBatch),
      (0.0975 + 0.5975 + 0.0975) / 3,
    );
  }),
);

Deno.test(
  "sumSquaredError() is 0 for a perfect answer and grows with the error",
  named({ sumSquaredError }, ({ sumSquaredError }) => {
    assert.equal(sumSquaredError(t, t), 0, say("the loss of y = t", "y = t の損失"));
    assertClose(
      say("the loss of y = 0 against a one-hot t", "one-hot の t に対する y = 0 の損失"),
      sumSquaredError(np.zeros([10]), t),
      0.5,
    );
  }),
);

Deno.test(
  "sumSquaredError() matches the reference on random batches",
  named({ sumSquaredError }, ({ sumSquaredError }) => {
    const first = batch(0, 3, 5);
    assertClose(
      say("the loss of a random batch of 3", "3 個のランダムなバッチの損失"),
      sumSquaredError(first.y, first.oneHot),
      reference.sumSquaredError(first.y, first.oneHot),
    );
    assertProperty(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 6 }), (seed, n) => {
        const { y, oneHot } = batch(seed, n, 5);
        assertClose(
          say(
            `the loss of a random batch of ${n} (seed ${seed})`,
            `${n} 個のランダムなバッチの損失（seed ${seed}）`,
          ),
          sumSquaredError(y, oneHot),
          reference.sumSquaredError(y, oneHot),
        );
      }),
      { seed: 1, numRuns: 50 },
    );
  }),
);

// crossEntropyError -------------------------------------------------------------------------

Deno.test(
  "crossEntropyError() matches the book's example (§4.2.2)",
  named({ crossEntropyError }, ({ crossEntropyError }) => {
    assertClose(
      say("the loss of the right answer (2)", "正解（2）の損失"),
      crossEntropyError(yRight, t),
      0.510825457099338,
    );
    assertClose(
      say("the loss of the wrong answer (7)", "不正解（7）の損失"),
      crossEntropyError(yWrong, t),
      2.302584092994546,
    );
  }),
);

Deno.test(
  "crossEntropyError() takes class indices as labels (§4.2.4)",
  named({ crossEntropyError }, ({ crossEntropyError }) => {
    assertClose(
      say("the loss of the right answer with t = [2]", "t = [2] での正解の損失"),
      crossEntropyError(yRight, np.array([2])),
      0.510825457099338,
    );
    assertClose(
      say("the loss of the wrong answer with t = [2]", "t = [2] での不正解の損失"),
      crossEntropyError(yWrong, np.array([2])),
      2.302584092994546,
    );
    const y = np.stack([yRight, yWrong]);
    assertClose(
      say(
        "the loss of the batch [yRight, yWrong] with t = [2, 7] (each row's label is its largest output)",
        "バッチ [yRight, yWrong]、t = [2, 7] の損失（どちらの行もラベルが最大の出力）",
      ),
      crossEntropyError(y, np.array([2, 7])),
      0.510825457099338,
    );
  }),
);

Deno.test(
  "crossEntropyError() averages over a batch (§4.2.4)",
  named({ crossEntropyError }, ({ crossEntropyError }) => {
    const y = np.stack([yRight, yWrong]);
    const mean = (0.510825457099338 + 2.302584092994546) / 2;
    assertClose(
      say("the loss of the batch [right, wrong], one-hot", "バッチ [正解, 不正解] の損失、one-hot"),
      crossEntropyError(y, np.stack([t, t])),
      mean,
    );
    assertClose(
      say(
        "the loss of the batch [right, wrong], t = [2, 2]",
        "バッチ [正解, 不正解] の損失、t = [2, 2]",
      ),
      crossEntropyError(y, np.array([2, 2])),
      mean,
    );
  }),
);

Deno.test(
  "crossEntropyError() stays finite when the right class has probability 0 (delta 1e-7)",
  named({ crossEntropyError }, ({ crossEntropyError }) => {
    const y = np.array([1, 0, 0]);
    const loss = crossEntropyError(y, np.array([0, 1, 0]));
    assert.ok(
      Number.isFinite(loss),
      say(
        `the loss of y = [1, 0, 0], t = [0, 1, 0] is ${loss}: ln 0 = −∞ unless δ = 1e-7 is added to y (§4.2.2)`,
        `y = [1, 0, 0], t = [0, 1, 0] の損失が ${loss} です: y に δ = 1e-7 を足さないと ln 0 = −∞ になります（§4.2.2）`,
      ),
    );
    assertClose(
      say(
        "the loss of y = [1, 0, 0], t = [0, 1, 0], −ln(1e-7)",
        "y = [1, 0, 0], t = [0, 1, 0] の損失、−ln(1e-7)",
      ),
      loss,
      -Math.log(1e-7),
      1e-9,
    );
  }),
);

Deno.test(
  "crossEntropyError() gives the same for one-hot and index labels",
  named({ crossEntropyError }, ({ crossEntropyError }) => {
    // One direct call first, so that an unwritten stub fails with its own error.
    const first = batch(0, 3, 4);
    assertClose(
      say(
        "the loss with index labels against one-hot labels",
        "インデックスのラベルと one-hot のラベルでの損失の比較",
      ),
      crossEntropyError(first.y, first.labels),
      crossEntropyError(first.y, first.oneHot),
    );
    assertProperty(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 6 }), (seed, n) => {
        const { y, labels, oneHot } = batch(seed, n, 4);
        assertClose(
          say(
            `the loss with index labels against one-hot labels, batch of ${n} (seed ${seed})`,
            `インデックスのラベルと one-hot のラベルでの損失の比較、${n} 個のバッチ（seed ${seed}）`,
          ),
          crossEntropyError(y, labels),
          crossEntropyError(y, oneHot),
        );
      }),
      { seed: 1, numRuns: 50 },
    );
  }),
);

Deno.test(
  "crossEntropyError() matches the reference on random batches",
  named({ crossEntropyError }, ({ crossEntropyError }) => {
    const first = batch(0, 3, 5);
    assertClose(
      say(
        "the loss of a random batch of 3, index labels",
        "3 個のランダムなバッチの損失、インデックスのラベル",
      ),
      crossEntropyError(first.y, first.labels),
      reference.crossEntropyError(first.y, first.labels),
    );
    assertProperty(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 6 }), (seed, n) => {
        const { y, labels, oneHot } = batch(seed, n, 5);
        assertClose(
          say(
            `the loss of a random batch of ${n} (seed ${seed}), index labels`,
            `${n} 個のランダムなバッチの損失（seed ${seed}）、インデックスのラベル`,
          ),
          crossEntropyError(y, labels),
          reference.crossEntropyError(y, labels),
        );
        assertClose(
          say(
            `the loss of a random batch of ${n} (seed ${seed}), one-hot labels`,
            `${n} 個のランダムなバッチの損失（seed ${seed}）、one-hot のラベル`,
          ),
          crossEntropyError(y, oneHot),
          reference.crossEntropyError(y, oneHot),
        );
      }),
      { seed: 1, numRuns: 50 },
    );
  }),
);

// The book's own NumPy code -------------------------------------------------------------------
// tools/book/ch04_05.py ran the book's common/functions.py on fixed batches and recorded them in
// testdata/book_ch04.json; these tests replay them.

Deno.test(
  "sumSquaredError() matches the book's NumPy code (the batch mean is the workbook's)",
  named({ sumSquaredError }, ({ sumSquaredError }) => {
    for (const [i, c] of book.losses.entries()) {
      const expected = "sse" in c ? c.sse : c.sseMean;
      assertClose(
        say(
          `the loss of recorded case ${i} (y of shape [${c.y.shape}])`,
          `記録されたケース ${i}（y の形状 [${c.y.shape}]）の損失`,
        ),
        sumSquaredError(toArray(c.y), toArray(c.t)),
        expected as number,
      );
    }
  }),
);

Deno.test(
  "crossEntropyError() matches the book's NumPy code on recorded batches",
  named({ crossEntropyError }, ({ crossEntropyError }) => {
    for (const [i, c] of book.losses.entries()) {
      const y = toArray(c.y);
      assertClose(
        say(
          `the loss of recorded case ${i} (y of shape [${c.y.shape}]), one-hot labels`,
          `記録されたケース ${i}（y の形状 [${c.y.shape}]）の損失、one-hot のラベル`,
        ),
        crossEntropyError(y, toArray(c.t)),
        c.cee,
      );
      assertClose(
        say(
          `the loss of recorded case ${i} (y of shape [${c.y.shape}]), index labels`,
          `記録されたケース ${i}（y の形状 [${c.y.shape}]）の損失、インデックスのラベル`,
        ),
        crossEntropyError(y, np.array(c.label)),
        c.cee,
      );
    }
  }),
);
