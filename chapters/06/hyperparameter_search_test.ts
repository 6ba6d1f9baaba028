import assert from "node:assert/strict";
import * as np from "../../lib/np/mod.ts";
import { sampleHyperparameters, shuffleDataset, splitValidation } from "./hyperparameter_search.ts";

/** 50 samples whose input row i is [i, -i] and whose label is i. */
function numbered(n = 50) {
  const x = np.array(Array.from({ length: n }, (_, i) => [i, -i]));
  const t = np.arange(n);
  return { x, t };
}

Deno.test("shuffleDataset() permutes inputs and labels alike (common/util.py)", () => {
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
});

Deno.test("shuffleDataset() repeats with the same seed and keeps one-hot rows", () => {
  const { x } = numbered(10);
  const t = np.eye(10);
  const [, a] = shuffleDataset(x, t, { rng: np.rng(2) });
  const [xs, b] = shuffleDataset(x, t, { rng: np.rng(2) });
  assert.deepEqual(a.toArray(), b.toArray(), "t: the same seed gave different orders");
  for (let i = 0; i < 10; i++) {
    assert.equal(b.get(i, xs.get(i, 0)), 1, `row ${i}: the one-hot label left its input`);
  }
});

Deno.test("splitValidation() holds out 20% of the samples by default (§6.5.1)", () => {
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
});

Deno.test("splitValidation() rounds the validation count down, as the book's int()", () => {
  const { x, t } = numbered(47);
  const { xTrain, xVal } = splitValidation(x, t, { validationRate: 0.3, rng: np.rng(4) });
  assert.deepEqual(
    { train: xTrain.shape[0], validation: xVal.shape[0] },
    { train: 33, validation: 14 },
    "47 samples at rate 0.3: ⌊14.1⌋ = 14 for validation",
  );
});

Deno.test("sampleHyperparameters() draws lr and weight decay uniformly on a log scale (§6.5.3)", () => {
  const rng = np.rng(5);
  const lrExp: number[] = [], wdExp: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const { lr, weightDecay } = sampleHyperparameters({ rng });
    lrExp.push(Math.log10(lr));
    wdExp.push(Math.log10(weightDecay));
  }
  const mean = (v: number[]) => v.reduce((p, q) => p + q, 0) / v.length;
  assert.ok(Math.min(...lrExp) >= -6 && Math.max(...lrExp) < -2, "lr in [1e-6, 1e-2)");
  assert.ok(Math.min(...wdExp) >= -8 && Math.max(...wdExp) < -4, "weight decay in [1e-8, 1e-4)");
  assert.ok(Math.abs(mean(lrExp) + 4) < 0.1, `log10(lr) averages ${mean(lrExp)}, expected -4`);
  assert.ok(Math.abs(mean(wdExp) + 6) < 0.1, `log10(λ) averages ${mean(wdExp)}, expected -6`);
  const quarter = lrExp.filter((e) => e < -5).length / lrExp.length;
  assert.ok(Math.abs(quarter - 0.25) < 0.04, `${quarter} of the exponents are below -5`);
});

Deno.test("sampleHyperparameters() takes other ranges and repeats with the same seed", () => {
  const a = sampleHyperparameters({ rng: np.rng(6), lrRange: [-3, -1], weightDecayRange: [-2, 0] });
  const b = sampleHyperparameters({ rng: np.rng(6), lrRange: [-3, -1], weightDecayRange: [-2, 0] });
  assert.deepEqual(a, b, "the same seed gave different draws");
  assert.ok(a.lr >= 1e-3 && a.lr < 1e-1, `lr ${a.lr} outside [1e-3, 1e-1)`);
  assert.ok(
    a.weightDecay >= 1e-2 && a.weightDecay < 1,
    `weightDecay ${a.weightDecay} outside [1e-2, 1)`,
  );
});
