import assert from "node:assert/strict";
import { MISTAKES } from "../../lib/mistakes/ch06.ts";
import * as np from "../../lib/np/mod.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";
import { assertAllClose, say } from "../../lib/testing/mod.ts";
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
    assert.deepEqual(
      xs.shape,
      [50, 2],
      say(
        `x shuffled has shape [${xs.shape.join(", ")}]`,
        `シャッフル後の x の形状が [${xs.shape.join(", ")}] です`,
      ),
    );
    for (let i = 0; i < 50; i++) {
      const at = say(
        `row ${i}: x [${xs.get(i, 0)}, ${xs.get(i, 1)}], t ${ts.get(i)}`,
        `${i} 行目: x [${xs.get(i, 0)}, ${xs.get(i, 1)}], t ${ts.get(i)}`,
      );
      assert.equal(
        xs.get(i, 0),
        ts.get(i),
        say(
          `${at}: each input must stay beside its label`,
          `${at}: 入力はそれぞれのラベルと組のままでなければいけません`,
        ),
      );
      assert.equal(
        xs.get(i, 1),
        -ts.get(i),
        say(
          `${at}: each input must stay beside its label`,
          `${at}: 入力はそれぞれのラベルと組のままでなければいけません`,
        ),
      );
    }
    assert.deepEqual(
      [...ts.data].sort((a, b) => a - b),
      [...t.data],
      say("every sample is kept once", "どのサンプルもちょうど 1 回ずつ残るはず"),
    );
    assert.notDeepEqual([...ts.data], [...t.data], say("the order changed", "順番が変わるはず"));
  }),
);

Deno.test(
  "shuffleDataset() repeats with the same seed and keeps one-hot rows",
  named({ shuffleDataset }, ({ shuffleDataset }) => {
    const { x } = numbered(10);
    const t = np.eye(10);
    const [, a] = shuffleDataset(x, t, { rng: np.rng(2) });
    const [xs, b] = shuffleDataset(x, t, { rng: np.rng(2) });
    assert.deepEqual(
      a.toArray(),
      b.toArray(),
      say("t: the same seed gave different orders", "t: 同じシードなのに順番が異なります"),
    );
    for (let i = 0; i < 10; i++) {
      assert.equal(
        b.get(i, xs.get(i, 0)),
        1,
        say(
          `row ${i}: the one-hot label left its input`,
          `${i} 行目: one-hot 表現のラベルが入力と組になっていません`,
        ),
      );
    }
  }),
);

Deno.test(
  "shuffleDataset() takes its order from options.rng.permutation(n), as the book",
  named({ shuffleDataset }, ({ shuffleDataset }) => {
    const { x, t } = numbered(20);
    const [xs, ts] = shuffleDataset(x, t, { rng: np.rng(7) });
    const order = [...np.rng(7).permutation(20).data];
    assert.deepEqual(
      [...ts.data],
      order,
      say(
        "t shuffled with rng(7) vs rng(7).permutation(20)",
        "rng(7) でシャッフルした t と rng(7).permutation(20) の比較",
      ),
    );
    assert.deepEqual(
      Array.from({ length: 20 }, (_, i) => xs.get(i, 0)),
      order,
      say(
        "x's first column shuffled with rng(7) vs rng(7).permutation(20)",
        "rng(7) でシャッフルした x の 1 列目と rng(7).permutation(20) の比較",
      ),
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
      say("the shapes of the four parts", "4 つの部分の形状"),
    );
    const seen = [...tTrain.data, ...tVal.data].sort((a, b) => a - b);
    assert.deepEqual(
      seen,
      [...t.data],
      say(
        "training and validation split the samples, no overlap",
        "訓練データと検証データはサンプルを重複なく分け合うはず",
      ),
    );
    for (let i = 0; i < 100; i++) {
      assert.equal(
        xVal.get(i, 0),
        tVal.get(i),
        say(
          `xVal row ${i} is not beside its label tVal[${i}]`,
          `xVal の ${i} 行目がラベル tVal[${i}] と組になっていません`,
        ),
      );
    }
    const lowHalf = [...tVal.data].filter((v) => v < 250).length;
    assert.ok(
      lowHalf > 30 && lowHalf < 70,
      say(
        `tVal: ${lowHalf} of 100 validation samples from the first half: expected a shuffle first`,
        `tVal: 検証データ 100 個のうち ${lowHalf} 個が前半からです。先にシャッフルするはずです`,
      ),
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
      say(
        "tVal: the first 10 of the shuffle (rng(8).permutation(50)), in its order",
        "tVal: シャッフル (rng(8).permutation(50)) の先頭 10 個を、その順番で",
      ),
    );
    assert.deepEqual(
      [...tTrain.data],
      order.slice(10),
      say(
        "tTrain: the other 40 of the shuffle, in its order",
        "tTrain: シャッフルの残り 40 個を、その順番で",
      ),
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
      say(
        "47 samples at rate 0.3: ⌊14.1⌋ = 14 for validation",
        "47 サンプルで割合 0.3: 検証データは ⌊14.1⌋ = 14 個",
      ),
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
      say(
        `log10(lr) ranges from ${lrMin} to ${lrMax}, expected within [-6, -2)`,
        `log10(lr) が ${lrMin} から ${lrMax} の範囲です。[-6, -2) に収まるはずです`,
      ),
    );
    assert.ok(
      wdMin >= -8 && wdMax < -4,
      say(
        `log10(weightDecay) ranges from ${wdMin} to ${wdMax}, expected within [-8, -4)`,
        `log10(weightDecay) が ${wdMin} から ${wdMax} の範囲です。[-8, -4) に収まるはずです`,
      ),
    );
    assert.ok(
      Math.abs(mean(lrExp) + 4) < 0.1,
      say(
        `log10(lr) averages ${mean(lrExp)}, expected -4`,
        `log10(lr) の平均が ${mean(lrExp)} です。-4 になるはずです`,
      ),
    );
    assert.ok(
      Math.abs(mean(wdExp) + 6) < 0.1,
      say(
        `log10(λ) averages ${mean(wdExp)}, expected -6`,
        `log10(λ) の平均が ${mean(wdExp)} です。-6 になるはずです`,
      ),
    );
    const quarter = lrExp.filter((e) => e < -5).length / lrExp.length;
    assert.ok(
      Math.abs(quarter - 0.25) < 0.04,
      say(`${quarter} of the exponents are below -5`, `指数が -5 未満の割合が ${quarter} です`),
    );
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
      msg: say(
        "[weightDecay, lr] with rng(9): λ = 10^(the first uniform draw), lr = 10^(the second)",
        "rng(9) での [weightDecay, lr]: λ = 10^(1 回目の一様乱数)、lr = 10^(2 回目)",
      ),
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
    assert.deepEqual(
      a,
      b,
      say("the same seed gave different draws", "同じシードなのに異なる値が出ました"),
    );
    assert.ok(
      a.lr >= 1e-3 && a.lr < 1e-1,
      say(`lr ${a.lr} outside [1e-3, 1e-1)`, `lr ${a.lr} が [1e-3, 1e-1) の範囲外です`),
    );
    assert.ok(
      a.weightDecay >= 1e-2 && a.weightDecay < 1,
      say(
        `weightDecay ${a.weightDecay} outside [1e-2, 1)`,
        `weightDecay ${a.weightDecay} が [1e-2, 1) の範囲外です`,
      ),
    );
  }),
);
