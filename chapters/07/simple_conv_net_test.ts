import assert from "node:assert/strict";
import { Affine } from "../../lib/layers/affine.ts";
import { Convolution } from "../../lib/layers/convolution.ts";
import { Pooling } from "../../lib/layers/pooling.ts";
import { Relu } from "../../lib/layers/relu.ts";
import * as np from "../../lib/np/mod.ts";
import { assertNetGradients, say } from "../../lib/testing/mod.ts";
import { SimpleConvNet } from "./simple_conv_net.ts";
import { MISTAKES } from "../../lib/mistakes/ch07.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";

const named = mistakeNamer("07", MISTAKES);

/** A network small enough for numerical gradients: 6×6 images, 2 filters of 3×3 with pad 1. */
function smallNet(Net: typeof SimpleConvNet): SimpleConvNet {
  return new Net({
    inputDim: [1, 6, 6],
    convParam: { filterNum: 2, filterSize: 3, pad: 1, stride: 1 },
    hiddenSize: 4,
    outputSize: 3,
    weightInitStd: 0.5,
    seed: 7,
  });
}

Deno.test(
  "SimpleConvNet() builds the book's layers and parameters (§7.5)",
  named({ SimpleConvNet }, ({ SimpleConvNet }) => {
    const net = new SimpleConvNet();
    const shapes = Object.fromEntries(Object.entries(net.params).map(([k, v]) => [k, v.shape]));
    const expected = {
      W1: [30, 1, 5, 5],
      b1: [30],
      W2: [4320, 100],
      b2: [100],
      W3: [100, 10],
      b3: [10],
    };
    assert.deepEqual(
      shapes,
      expected,
      say(
        `params' shapes: ${JSON.stringify(shapes)}, expected ${JSON.stringify(expected)}`,
        `params の形状が ${JSON.stringify(shapes)} です。${
          JSON.stringify(expected)
        } になるはずです`,
      ),
    );
    const names = [...net.layers.keys()];
    const book = ["Conv1", "Relu1", "Pool1", "Affine1", "Relu2", "Affine2"];
    assert.deepEqual(
      names,
      book,
      say(
        `layers' names: ${names}, expected ${book}`,
        `layers の名前が ${names} です。${book} になるはずです`,
      ),
    );
    const kinds = [Convolution, Relu, Pooling, Affine, Relu, Affine];
    [...net.layers.values()].forEach((layer, i) =>
      assert.ok(
        layer instanceof kinds[i],
        say(
          `layer ${book[i]}: a ${layer.constructor.name}, expected a ${kinds[i].name}`,
          `レイヤ ${book[i]} が ${layer.constructor.name} です。${kinds[i].name} になるはずです`,
        ),
      )
    );
    // The layers hold the network's own arrays, so in-place updates of params reach them.
    const conv1 = net.layers.get("Conv1") as Convolution;
    assert.ok(
      conv1.W === net.params.W1,
      say(
        "Conv1's W is params.W1 itself (not a copy)",
        "Conv1 の W は params.W1 そのもの (コピーではない) のはず",
      ),
    );
    assert.ok(
      (net.layers.get("Affine2") as Affine).b === net.params.b3,
      say(
        "Affine2's b is params.b3 itself (not a copy)",
        "Affine2 の b は params.b3 そのもの (コピーではない) のはず",
      ),
    );
    const pool = net.layers.get("Pool1") as Pooling;
    const window = [pool.poolH, pool.poolW, pool.stride];
    assert.deepEqual(
      window,
      [2, 2, 2],
      say(
        `Pool1's poolH, poolW, stride: ${window}, expected 2, 2, 2`,
        `Pool1 の poolH, poolW, stride が ${window} です。2, 2, 2 になるはずです`,
      ),
    );
    // weight_init_std = 0.01 and zero biases.
    const std = Math.sqrt(np.mean(np.square(net.params.W2)));
    assert.ok(
      Math.abs(std - 0.01) < 0.0005,
      say(
        `W2's standard deviation: ${std}, expected 0.01`,
        `W2 の標準偏差が ${std} です。0.01 になるはずです`,
      ),
    );
    const b2 = np.sum(np.abs(net.params.b2));
    assert.equal(
      b2,
      0,
      say(
        `b2: Σ|b2| = ${b2}, expected 0 (zero biases)`,
        `b2: Σ|b2| = ${b2} です。0 になるはずです (バイアスの初期値は 0)`,
      ),
    );
  }),
);

Deno.test(
  "SimpleConvNet() takes other sizes and a dtype",
  named({ SimpleConvNet }, ({ SimpleConvNet }) => {
    const net = new SimpleConvNet({
      inputDim: [3, 10, 10],
      convParam: { filterNum: 4, filterSize: 3, pad: 1 },
      hiddenSize: 7,
      outputSize: 5,
      dtype: "float32",
    });
    // (10 - 3 + 2) / 1 + 1 = 10, pooled to 5: 4 · 5 · 5 = 100 inputs to Affine1.
    for (const [key, shape] of [["W1", [4, 3, 3, 3]], ["W2", [100, 7]], ["W3", [7, 5]]] as const) {
      const got = net.params[key]?.shape;
      assert.deepEqual(
        got,
        shape,
        say(
          `${key}'s shape: [${got}], expected [${shape}]`,
          `${key} の形状が [${got}] です。[${shape}] になるはずです`,
        ),
      );
    }
    const dtype = net.params.W2.dtype;
    assert.equal(
      dtype,
      "float32",
      say(
        `W2's dtype with { dtype: "float32" }: ${dtype}`,
        `{ dtype: "float32" } での W2 の dtype が ${dtype} です`,
      ),
    );
  }),
);

Deno.test(
  "SimpleConvNet.predict() gives one row of scores per image",
  named({ SimpleConvNet }, ({ SimpleConvNet }) => {
    const net = smallNet(SimpleConvNet);
    const x = np.rng(1).random([5, 1, 6, 6]);
    const y = net.predict(x);
    assert.deepEqual(
      y.shape,
      [5, 3],
      say(
        `scores' shape for 5 images, 3 classes: [${y.shape}]`,
        `画像 5 枚、3 クラスでの scores の形状が [${y.shape}] です`,
      ),
    );
    assert.ok(
      [...y.data].every(Number.isFinite),
      say(`scores: ${y}, expected finite numbers`, `scores が ${y} です。有限の数値になるはずです`),
    );
  }),
);

Deno.test(
  "SimpleConvNet.loss() starts near log(10) with the book's small weights",
  named({ SimpleConvNet }, ({ SimpleConvNet }) => {
    const net = new SimpleConvNet({ inputDim: [1, 12, 12], hiddenSize: 20 });
    const x = np.rng(2).random([4, 1, 12, 12]);
    const loss = net.loss(x, np.array([0, 3, 5, 9]));
    assert.ok(
      Math.abs(loss - Math.log(10)) < 0.01,
      say(
        `loss: ${loss}, expected about log 10 = 2.3026`,
        `loss が ${loss} です。約 log 10 = 2.3026 になるはずです`,
      ),
    );
  }),
);

Deno.test(
  "SimpleConvNet.gradient() matches the numerical gradient",
  named({ SimpleConvNet }, ({ SimpleConvNet }) => {
    const net = smallNet(SimpleConvNet);
    const random = np.rng(3);
    const x = random.standardNormal([3, 1, 6, 6]);
    const t = np.array([0, 2, 1]);
    const grads = net.gradient(x, t);
    const keys = ["W1", "W2", "W3", "b1", "b2", "b3"];
    assertNetGradients(grads, net.params, () => net.loss(x, t), { keys, rtol: 1e-5, atol: 1e-8 });
  }),
);

Deno.test(
  "SimpleConvNet.gradient() steps lower the loss",
  named({ SimpleConvNet }, ({ SimpleConvNet }) => {
    const net = smallNet(SimpleConvNet);
    const x = np.rng(4).standardNormal([6, 1, 6, 6]);
    const t = np.array([0, 1, 2, 0, 1, 2]);
    const before = net.loss(x, t);
    for (let i = 0; i < 50; i++) {
      const grads = net.gradient(x, t);
      for (const key of Object.keys(net.params)) {
        np.sub(net.params[key], np.mul(grads[key], 0.1), { out: net.params[key] });
      }
    }
    const after = net.loss(x, t);
    assert.ok(
      after < before / 3,
      say(
        `loss went from ${before} to ${after}, expected below a third`,
        `loss が ${before} から ${after} になりました。3 分の 1 未満になるはずです`,
      ),
    );
    const accuracy = net.accuracy(x, t);
    assert.equal(
      accuracy,
      1,
      say(
        `accuracy on the 6 training images after 50 steps: ${accuracy}`,
        `50 ステップ後の訓練画像 6 枚での accuracy が ${accuracy} です`,
      ),
    );
  }),
);
