import assert from "node:assert/strict";
import { MISTAKES } from "../../lib/mistakes/ch06.ts";
import { relu } from "../../lib/functions/activation.ts";
import * as np from "../../lib/np/mod.ts";
import { assertAllClose, say } from "../../lib/testing/mod.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";
import {
  type HistogramActivation,
  layerActivations,
  type WeightInitStd,
  weightScale,
} from "./weight_init.ts";

const named = mistakeNamer("06", MISTAKES);

Deno.test(
  "weightScale() gives He's √(2/n) for relu and he (§6.2.3)",
  named({ weightScale }, ({ weightScale }) => {
    assert.equal(
      weightScale("relu", 50),
      0.2,
      say(
        `weightScale("relu", 50) is ${weightScale("relu", 50)}`,
        `weightScale("relu", 50) が ${weightScale("relu", 50)} です`,
      ),
    );
    const he = weightScale("he", 784);
    assert.equal(
      he,
      Math.sqrt(2 / 784),
      say(
        `weightScale("he", 784) is ${he}, expected √(2/784)`,
        `weightScale("he", 784) が ${he} です。√(2/784) になるはずです`,
      ),
    );
  }),
);

Deno.test(
  "weightScale() gives Xavier's √(1/n) for sigmoid and xavier (§6.2.2)",
  named({ weightScale }, ({ weightScale }) => {
    const sigmoid = weightScale("sigmoid", 100);
    assert.equal(
      sigmoid,
      0.1,
      say(
        `weightScale("sigmoid", 100) is ${sigmoid}, expected 0.1`,
        `weightScale("sigmoid", 100) が ${sigmoid} です。0.1 になるはずです`,
      ),
    );
    const xavier = weightScale("xavier", 784);
    assert.equal(
      xavier,
      Math.sqrt(1 / 784),
      say(
        `weightScale("xavier", 784) is ${xavier}, expected √(1/784)`,
        `weightScale("xavier", 784) が ${xavier} です。√(1/784) になるはずです`,
      ),
    );
  }),
);

Deno.test(
  "weightScale() takes a number as the standard deviation itself",
  named({ weightScale }, ({ weightScale }) => {
    assert.equal(
      weightScale(0.01, 100),
      0.01,
      say(
        `weightScale(0.01, 100) is ${weightScale(0.01, 100)}`,
        `weightScale(0.01, 100) が ${weightScale(0.01, 100)} です`,
      ),
    );
    assert.equal(
      weightScale(1, 3),
      1,
      say(
        `weightScale(1, 3) is ${weightScale(1, 3)}`,
        `weightScale(1, 3) が ${weightScale(1, 3)} です`,
      ),
    );
  }),
);

/** The spread of each layer's output (standard deviation over all elements). */
function spreads(
  activations: typeof layerActivations,
  activation: HistogramActivation,
  weightInitStd: WeightInitStd,
): number[] {
  const x = np.rng(0).standardNormal([1000, 100]);
  const out = activations(x, { activation, weightInitStd, rng: np.rng(1) });
  assert.equal(
    out.length,
    5,
    say(
      `${out.length} outputs, expected five layers, as the book`,
      `出力が ${out.length} 個です。書籍と同じく 5 層分になるはずです`,
    ),
  );
  for (const [i, a] of out.entries()) {
    assert.deepEqual(
      a.shape,
      [1000, 100],
      say(
        `layer ${i + 1}'s output has shape [${a.shape.join(", ")}]`,
        `${i + 1} 層目の出力の形状が [${a.shape.join(", ")}] です`,
      ),
    );
  }
  return out.map((a) => Math.sqrt(np.mean(np.square(np.sub(a, np.mean(a))))));
}

/** The share of each layer's outputs below 0.1 or above 0.9. */
function extremes(
  activations: typeof layerActivations,
  activation: HistogramActivation,
  weightInitStd: WeightInitStd,
): number[] {
  const x = np.rng(0).standardNormal([1000, 100]);
  const out = activations(x, { activation, weightInitStd, rng: np.rng(1) });
  return out.map((a) => a.data.filter((v) => v < 0.1 || v > 0.9).length / a.size);
}

Deno.test(
  "layerActivations() computes zₖ = f(zₖ₋₁ · Wₖ) with each Wₖ drawn in turn from rng (§6.2.2)",
  named({ layerActivations }, ({ layerActivations }) => {
    // 10 samples of 20 nodes, three ReLU layers with He's scale √(2/20).
    const x = np.rng(2).standardNormal([10, 20]);
    const out = layerActivations(x, {
      layers: 3,
      activation: "relu",
      weightInitStd: "he",
      rng: np.rng(3),
    });
    assert.equal(
      out.length,
      3,
      say(`${out.length} outputs for layers: 3`, `layers: 3 なのに出力が ${out.length} 個です`),
    );
    const rng = np.rng(3);
    let z = x;
    for (let k = 0; k < 3; k++) {
      const W = rng.normal([20, 20], { scale: Math.sqrt(2 / 20) });
      z = relu(np.dot(z, W));
      assertAllClose(out[k], z, {
        rtol: 1e-10,
        atol: 1e-12,
        msg: say(
          `layer ${k + 1}'s output: relu(z${k} · W${k + 1}), W${k + 1} the generator's ${
            k + 1
          }th normal [20, 20] draw with std √(2/20), z0 = x`,
          `${k + 1} 層目の出力: relu(z${k} · W${k + 1})。W${k + 1} は乱数生成器から ${
            k + 1
          } 回目に引いた標準偏差 √(2/20) の正規分布 [20, 20]、z0 = x`,
        ),
      });
    }
  }),
);

Deno.test(
  "layerActivations() with std 1 pushes sigmoid outputs to 0 and 1 (figure 6-10)",
  named({ layerActivations }, ({ layerActivations }) => {
    for (const [i, share] of extremes(layerActivations, "sigmoid", 1).entries()) {
      assert.ok(
        share > 0.6,
        say(
          `layer ${i + 1}: only ${share} of the outputs are near 0 or 1`,
          `${i + 1} 層目: 0 か 1 に近い出力の割合が ${share} しかありません`,
        ),
      );
    }
  }),
);

Deno.test(
  "layerActivations() with std 0.01 crowds sigmoid outputs at 0.5 (figure 6-11)",
  named({ layerActivations }, ({ layerActivations }) => {
    for (const [i, spread] of spreads(layerActivations, "sigmoid", 0.01).entries()) {
      assert.ok(
        spread < 0.05,
        say(
          `layer ${i + 1}: the outputs spread by ${spread}, expected them bunched at 0.5`,
          `${i + 1} 層目: 出力の広がり (標準偏差) が ${spread} です。0.5 付近に集中するはずです`,
        ),
      );
    }
  }),
);

Deno.test(
  "layerActivations() with Xavier keeps sigmoid outputs spread out (figure 6-13)",
  named({ layerActivations }, ({ layerActivations }) => {
    const s = spreads(layerActivations, "sigmoid", "xavier"),
      e = extremes(layerActivations, "sigmoid", "xavier");
    for (let i = 0; i < 5; i++) {
      assert.ok(
        s[i] > 0.08 && s[i] < 0.3,
        say(
          `layer ${i + 1} spreads by ${s[i]}`,
          `${i + 1} 層目の広がり (標準偏差) が ${s[i]} です`,
        ),
      );
      assert.ok(
        e[i] < 0.1,
        say(
          `layer ${i + 1} has ${e[i]} of its outputs near 0 or 1`,
          `${i + 1} 層目: 0 か 1 に近い出力の割合が ${e[i]} です`,
        ),
      );
    }
  }),
);

Deno.test(
  "layerActivations() with He keeps ReLU outputs alike in every layer (figure 6-14)",
  named({ layerActivations }, ({ layerActivations }) => {
    const he = spreads(layerActivations, "relu", "he");
    for (const [i, s] of he.entries()) {
      assert.ok(
        s > 0.5 && s < 1.5,
        say(
          `He: layer ${i + 1} spreads by ${s}, expected 0.5 to 1.5`,
          `Heの初期値: ${i + 1} 層目の広がり (標準偏差) が ${s} です。0.5 から 1.5 になるはずです`,
        ),
      );
    }
    const xavier = spreads(layerActivations, "relu", "xavier");
    assert.ok(
      xavier[4] < 0.5 * xavier[0],
      say(
        `Xavier with ReLU should shrink layer by layer: layer 1 spreads by ${
          xavier[0]
        }, layer 5 by ${xavier[4]}`,
        `ReLU で Xavierの初期値なら層ごとに縮むはず: 1 層目の広がりが ${xavier[0]}、5 層目が ${
          xavier[4]
        } です`,
      ),
    );
    const small = spreads(layerActivations, "relu", 0.01);
    assert.ok(
      small[4] < 1e-3,
      say(
        `std 0.01 with ReLU should vanish, last layer spreads by ${small[4]}`,
        `ReLU で標準偏差 0.01 なら消えていくはず: 最後の層の広がりが ${small[4]} です`,
      ),
    );
  }),
);

Deno.test(
  "layerActivations() supports tanh, centred on 0",
  named({ layerActivations }, ({ layerActivations }) => {
    const x = np.rng(0).standardNormal([300, 100]);
    const out = layerActivations(x, {
      activation: "tanh",
      weightInitStd: "xavier",
      rng: np.rng(1),
    });
    for (const [i, a] of out.entries()) {
      assert.ok(
        Math.abs(np.mean(a)) < 0.05,
        say(
          `layer ${i + 1}: mean ${np.mean(a)}, expected about 0`,
          `${i + 1} 層目: 平均が ${np.mean(a)} です。ほぼ 0 になるはずです`,
        ),
      );
      assert.ok(
        np.max(np.abs(a)) < 1,
        say(
          `layer ${i + 1}: |output| up to ${np.max(np.abs(a))}, tanh stays below 1`,
          `${i + 1} 層目: |出力| の最大が ${np.max(np.abs(a))} です。tanh は 1 未満に収まります`,
        ),
      );
    }
  }),
);

Deno.test(
  "layerActivations() honours the number of layers and the generator",
  named({ layerActivations }, ({ layerActivations }) => {
    const x = np.rng(2).standardNormal([10, 20]);
    const a = layerActivations(x, {
      layers: 3,
      activation: "relu",
      weightInitStd: "he",
      rng: np.rng(3),
    });
    const b = layerActivations(x, {
      layers: 3,
      activation: "relu",
      weightInitStd: "he",
      rng: np.rng(3),
    });
    assert.equal(
      a.length,
      3,
      say(`${a.length} outputs for layers: 3`, `layers: 3 なのに出力が ${a.length} 個です`),
    );
    assert.deepEqual(
      a[2].shape,
      [10, 20],
      say(
        `layer 3's output has shape [${a[2].shape.join(", ")}]`,
        `3 層目の出力の形状が [${a[2].shape.join(", ")}] です`,
      ),
    );
    assert.deepEqual(
      a[2].toArray(),
      b[2].toArray(),
      say(
        "layer 3's output differs for the same seed",
        "同じシードなのに 3 層目の出力が異なります",
      ),
    );
  }),
);
