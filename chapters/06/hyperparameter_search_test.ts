import assert from "node:assert/strict";
import { MISTAKES } from "../../lib/mistakes/ch06.ts";
import * as np from "../../lib/np/mod.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";
import { assertAllClose } from "../../lib/testing/mod.ts";
import { sampleHyperparameters, shuffleDataset, splitValidation } from "./hyperparameter_search.ts";

const named = mistakeNamer("06", MISTAKES);

/** 50 samples whose input row i is [i, -i] and whose label is i. */
function numbered(n = 50) {
  const x = np.array(Array.from({ length: n }, (_, i) => [i, -i]));
  const t = np.arange(n);
  return { x, t };
}

Deno.test(
  "shuffleDataset() permutes inputs and labels alike (common/util.py)",
  named({ shuffleDataset }, ({ shuffleDataset }) => {
    const { x, t } = numbered();
    const [xs, ts] = shuffleDataset(x, t, { rng: np.rng(1) });
    assert.deepEqual(xs.shape, [50, 2], `x shuffled has shape [${xs.shape.join(", ")}]`);
    for (let i = 0; i < 50; i++) {
      const at = `row ${i}: x [${xs.get(i, 0)}, ${xs.get(i, 1)}], t ${ts.get(i)}`;
      assert.equal(xs.get(i, 0), ts.get(i), `${at}: each input must stay beside its label`);
      assert.equal(xs.get(i, 1), -ts.get(i), `${at}: each input must stay beside its label`);
    }
    assert.deepEqual([...ts.data].sort((a, b) => a - b), [...t.data], "every sample is kept once");
    assert.notDeepEqual([...ts.data], [...t.data], "the order changed");
  }),
);

Deno.test(
  "shuffleDataset() repeats with the same seed and keeps one-hot rows",
  named({ shuffleDataset }, ({ shuffleDataset }) => {
    const { x } = numbered(10);
    const t = np.eye(10);
    const [, a] = shuffleDataset(x, t, { rng: np.rng(2) });
    const [xs, b] = shuffleDataset(x, t, { rng: np.rng(2) });
    assert.deepEqual(a.toArray(), b.toArray(), "t: the same seed gave different orders");
    for (let i = 0; i < 10; i++) {
      assert.equal(b.get(i, xs.get(i, 0)), 1, `row ${i}: the one-hot label left its input`);
    }
  }),
);

Deno.test(
  "shuffleDataset() takes its order from options.rng.permutation(n), as the book",
  named({ shuffleDataset }, ({ shuffleDataset }) => {
    const { x, t } = numbered(20);
    const [xs, ts] = shuffleDataset(x, t, { rng: np.rng(7) });
    const order = [...np.rng(7).permutation(20).data];
    assert.deepEqual([...ts.data], order, "t shuffled with rng(7) vs rng(7).permutation(20)");
    assert.deepEqual(
      Array.from({ length: 20 }, (_, i) => xs.get(i, 0)),
      order,
      "x's first column shuffled with rng(7) vs rng(7).permutation(20)",
    );
  }),
);

Deno.test(
  "splitValidation() holds out 20% of the samples by default (§6.5.1)",
  named({ splitValidation }, ({ splitValidation }) => {
    const { x, t } = numbered(500);
    const { xTrain, tTrain, xVal, tVal } = splitValidation(x, t, { rng: np.rng(3) });
    assert.deepEqual(
      { xTrain: xTrain.shape, tTrain: tTrain.shape, xVal: xVal.shape, tVal: tVal.shape },
      { xTrain: [400, 2], tTrain: [400], xVal: [100, 2], tVal: [100] },
      "the shapes of the four parts",
    );
    const seen = [...tTrain.data, ...tVal.data].sort((a, b) => a - b);
    assert.deepEqual(seen, [...t.data], "training and validation split the samples, no overlap");
    for (let i = 0; i < 100; i++) {
      assert.equal(xVal.get(i, 0), tVal.get(i), `xVal row ${i} is not beside its label tVal[${i}]`);
    }
    const lowHalf = [...tVal.data].filter((v) => v < 250).length;
    assert.ok(
      lowHalf > 30 && lowHalf < 70,
      `tVal: ${lowHalf} of 100 validation samples from the first half: expected a shuffle first`,
    );
  }),
);

Deno.test(
  "splitValidation() holds out the FIRST ⌊n · rate⌋ samples of the shuffle (§6.5.1)",
  named({ splitValidation }, ({ splitValidation }) => {
    // The book: shuffle_dataset (one rng.permutation), then x_val = x_train[:validation_num].
    const { x, t } = numbered(50);
    const { tTrain, tVal } = splitValidation(x, t, { rng: np.rng(8) });
    const order = [...np.rng(8).permutation(50).data];
    assert.deepEqual(
      [...tVal.data],
      order.slice(0, 10),
      "tVal: the first 10 of the shuffle (rng(8).permutation(50)), in its order",
    );
    assert.deepEqual(
      [...tTrain.data],
      order.slice(10),
      "tTrain: the other 40 of the shuffle, in its order",
    );
  }),
);

Deno.test(
  "splitValidation() rounds the validation count down, as the book's int()",
  named({ splitValidation }, ({ splitValidation }) => {
    const { x, t } = numbered(47);
    const { xTrain, xVal } = splitValidation(x, t, { validationRate: 0.3, rng: np.rng(4) });
    assert.deepEqual(
      { train: xTrain.shape[0], validation: xVal.shape[0] },
      { train: 33, validation: 14 },
      "47 samples at rate 0.3: ⌊14.1⌋ = 14 for validation",
    );
  }),
);

Deno.test(
  "sampleHyperparameters() draws lr and weight decay uniformly on a log scale (§6.5.3)",
  named({ sampleHyperparameters }, ({ sampleHyperparameters }) => {
    const rng = np.rng(5);
    const lrExp: number[] = [], wdExp: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const { lr, weightDecay } = sampleHyperparameters({ rng });
      lrExp.push(Math.log10(lr));
      wdExp.push(Math.log10(weightDecay));
    }
    const mean = (v: number[]) => v.reduce((p, q) => p + q, 0) / v.length;
    const [lrMin, lrMax] = [Math.min(...lrExp), Math.max(...lrExp)];
    const [wdMin, wdMax] = [Math.min(...wdExp), Math.max(...wdExp)];
    assert.ok(
      lrMin >= -6 && lrMax < -2,
      `log10(lr) ranges from ${lrMin} to ${lrMax}, expected within [-6, -2)`,
    );
    assert.ok(
      wdMin >= -8 && wdMax < -4,
      `log10(weightDecay) ranges from ${wdMin} to ${wdMax}, expected within [-8, -4)`,
    );
    assert.ok(Math.abs(mean(lrExp) + 4) < 0.1, `log10(lr) averages ${mean(lrExp)}, expected -4`);
    assert.ok(Math.abs(mean(wdExp) + 6) < 0.1, `log10(λ) averages ${mean(wdExp)}, expected -6`);
    const quarter = lrExp.filter((e) => e < -5).length / lrExp.length;
    assert.ok(Math.abs(quarter - 0.25) < 0.04, `${quarter} of the exponents are below -5`);
  }),
);

Deno.test(
  "sampleHyperparameters() draws λ's exponent first, then lr's, as the book (§6.5.3)",
  named({ sampleHyperparameters }, ({ sampleHyperparameters }) => {
    const got = sampleHyperparameters({ rng: np.rng(9) });
    const r = np.rng(9);
    const u1 = r.uniform([1], { low: -8, high: -4 }).item();
    const u2 = r.uniform([1], { low: -6, high: -2 }).item();
    assertAllClose([got.weightDecay, got.lr], [10 ** u1, 10 ** u2], {
      rtol: 1e-12,
      msg: "[weightDecay, lr] with rng(9): λ = 10^(the first uniform draw), lr = 10^(the second)",
    });
  }),
);

Deno.test(
  "sampleHyperparameters() takes other ranges and repeats with the same seed",
  named({ sampleHyperparameters }, ({ sampleHyperparameters }) => {
    const a = sampleHyperparameters({
      rng: np.rng(6),
      lrRange: [-3, -1],
      weightDecayRange: [-2, 0],
    });
    const b = sampleHyperparameters({
      rng: np.rng(6),
      lrRange: [-3, -1],
      weightDecayRange: [-2, 0],
    });
    assert.deepEqual(a, b, "the same seed gave different draws");
    assert.ok(a.lr >= 1e-3 && a.lr < 1e-1, `lr ${a.lr} outside [1e-3, 1e-1)`);
    assert.ok(
      a.weightDecay >= 1e-2 && a.weightDecay < 1,
      `weightDecay ${a.weightDecay} outside [1e-2, 1)`,
    );
  }),
);
