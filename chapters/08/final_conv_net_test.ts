import assert from "node:assert/strict";
import { Affine } from "../../lib/layers/affine.ts";
import { Convolution } from "../../lib/layers/convolution.ts";
import { Dropout } from "../../lib/layers/dropout.ts";
import { Pooling } from "../../lib/layers/pooling.ts";
import { Relu } from "../../lib/layers/relu.ts";
import * as np from "../../lib/np/mod.ts";
import { assertAllClose, assertNetGradients, say } from "../../lib/testing/mod.ts";
import { FinalConvNet } from "./final_conv_net.ts";
import { MISTAKES } from "../../lib/mistakes/ch08.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";
import { assertDropsInTraining, assertLayerKinds } from "./testdata/net_checks.ts";

const named = mistakeNamer("08", MISTAKES);

/** A network small enough for numerical gradients: 12×12 images, 2 and 3 filters, dropout. */
function smallNet(Net: typeof FinalConvNet): FinalConvNet {
  // 12×12 images: 12 → pool 6 → 5×5 conv 2 → pool 1; 3 filters in the second layer.
  return new Net({
    inputDim: [1, 12, 12],
    filterNums: [2, 3],
    hiddenSize: 5,
    outputSize: 3,
    dropoutRatio: 0.5,
    seed: 3,
  });
}

Deno.test(
  "FinalConvNet() builds conv-pool-relu twice, then affine-relu-affine",
  named({ FinalConvNet }, ({ FinalConvNet }) => {
    const net = new FinalConvNet();
    const kinds = [Convolution, Pooling, Relu, Convolution, Pooling, Relu, Affine, Relu, Affine];
    assertLayerKinds(net, kinds);
    const [conv1, conv2] = [net.layers[0] as Convolution, net.layers[3] as Convolution];
    const first = [conv1.pad, conv1.stride], second = [conv2.pad, conv2.stride];
    assert.deepEqual(
      first,
      [2, 1],
      say(
        `the first convolution's pad, stride: ${first}`,
        `1 つ目の畳み込み層の pad, stride: ${first}`,
      ),
    );
    assert.deepEqual(
      second,
      [0, 1],
      say(
        `the second convolution's pad, stride: ${second}`,
        `2 つ目の畳み込み層の pad, stride: ${second}`,
      ),
    );
    for (const i of [1, 4]) {
      const pool = net.layers[i] as Pooling, window = [pool.poolH, pool.poolW, pool.stride];
      assert.deepEqual(
        window,
        [2, 2, 2],
        say(
          `layer ${i}'s poolH, poolW, stride: ${window}`,
          `レイヤ ${i} の poolH, poolW, stride: ${window}`,
        ),
      );
    }
    assert.ok(
      conv1.W === net.params.W1,
      say(
        "layer 0's W is params.W1 itself (not a copy)",
        "レイヤ 0 の W は params.W1 そのもの (コピーではない) のはず",
      ),
    );
    assert.ok(
      (net.layers[8] as Affine).b === net.params.b4,
      say("layer 8's b is params.b4 itself", "レイヤ 8 の b は params.b4 そのもののはず"),
    );
  }),
);

Deno.test(
  "FinalConvNet() adds a Dropout layer before the last Affine when asked",
  named({ FinalConvNet }, ({ FinalConvNet }) => {
    const net = new FinalConvNet({ dropoutRatio: 0.5 });
    const names = net.layers.map((l) => l.constructor.name).join(" ");
    assert.equal(
      net.layers.length,
      10,
      say(
        `layers with dropoutRatio 0.5: ${names}`,
        `dropoutRatio 0.5 での layers: ${names.replaceAll(" ", " → ")}`,
      ),
    );
    const dropout = net.layers[8];
    assert.ok(
      dropout instanceof Dropout,
      say(
        `layer 8: a ${dropout.constructor.name}, expected a Dropout`,
        `レイヤ 8 が ${dropout.constructor.name} です。Dropout になるはずです`,
      ),
    );
    assert.equal(
      dropout.dropoutRatio,
      0.5,
      say(
        `the Dropout layer's ratio: ${dropout.dropoutRatio}`,
        `Dropout レイヤの dropoutRatio: ${dropout.dropoutRatio}`,
      ),
    );
    assert.ok(
      (net.layers[9] as Affine).W === net.params.W4,
      say("layer 9's W is params.W4 itself", "レイヤ 9 の W は params.W4 そのもののはず"),
    );
  }),
);

Deno.test(
  "FinalConvNet() has MNIST's parameter shapes and He initialisation",
  named({ FinalConvNet }, ({ FinalConvNet }) => {
    const net = new FinalConvNet();
    const shapes = Object.fromEntries(Object.entries(net.params).map(([k, v]) => [k, v.shape]));
    const expected = {
      W1: [16, 1, 5, 5],
      b1: [16],
      W2: [32, 16, 5, 5],
      b2: [32],
      W3: [800, 100],
      b3: [100],
      W4: [100, 10],
      b4: [10],
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
    for (const [key, inputs] of [["W2", 400], ["W3", 800]] as const) {
      const std = Math.sqrt(np.mean(np.square(net.params[key])));
      const he = Math.sqrt(2 / inputs);
      assert.ok(
        Math.abs(std / he - 1) < 0.05,
        say(
          `${key}'s standard deviation: ${std}, expected He's √(2 / ${inputs}) = ${he}`,
          `${key} の標準偏差が ${std} です。Heの初期値 √(2 / ${inputs}) = ${he} になるはずです`,
        ),
      );
    }
    const dtype = new FinalConvNet({ dtype: "float32" }).params.W3.dtype;
    assert.equal(
      dtype,
      "float32",
      say(
        `W3's dtype with { dtype: "float32" }: ${dtype}`,
        `{ dtype: "float32" } での W3 の dtype: ${dtype}`,
      ),
    );
  }),
);

Deno.test(
  "FinalConvNet.predict() gives [n, 10] and drops units only in training",
  named({ FinalConvNet }, ({ FinalConvNet }) => {
    const net = new FinalConvNet({ dropoutRatio: 0.5 });
    const x = np.rng(1).random([3, 1, 28, 28]);
    const y = net.predict(x);
    assert.deepEqual(
      y.shape,
      [3, 10],
      say(`scores' shape for 3 images: [${y.shape}]`, `画像 3 枚での scores の形状: [${y.shape}]`),
    );
    assertAllClose(net.predict(x, { train: false }), y, {
      msg: say(
        "scores with { train: false } against the default (not training)",
        "{ train: false } での scores と既定 (訓練時以外) の比較",
      ),
    });
    assertDropsInTraining(net, x, y);
  }),
);

Deno.test(
  "FinalConvNet.loss() uses dropout by default (training mode), as the book's loss",
  named({ FinalConvNet }, ({ FinalConvNet }) => {
    const net = smallNet(FinalConvNet);
    const x = np.rng(4).standardNormal([4, 1, 12, 12]);
    const t = np.array([0, 1, 2, 0]);
    const state = net.rng.getState();
    const lossDefault = net.loss(x, t);
    net.rng.setState(state);
    const lossTrain = net.loss(x, t, { train: true });
    const lossTest = net.loss(x, t, { train: false });
    assert.ok(
      lossTrain !== lossTest,
      say(
        `loss with { train: true }: ${lossTrain}, with { train: false }: ${lossTest}; ` +
          `with dropoutRatio 0.5 they must differ (Dropout drops units only in training)`,
        `{ train: true } での loss が ${lossTrain}、{ train: false } では ${lossTest} です。` +
          `dropoutRatio 0.5 なら両者は異なるはず (Dropout がニューロンを消去するのは訓練時だけ)`,
      ),
    );
    assert.equal(
      lossDefault,
      lossTrain,
      say(
        `loss by default: ${lossDefault}, with { train: true } and the same masks: ` +
          `${lossTrain}, with { train: false }: ${lossTest}; loss is in training mode unless ` +
          `told otherwise (the book's train_flg=True), so that dropout drops units while the ` +
          `network learns`,
        `既定の loss が ${lossDefault}、{ train: true } で同じマスクのときが ${lossTrain}、` +
          `{ train: false } では ${lossTest} です。loss は指定がなければ訓練モード ` +
          `(書籍の train_flg=True) で、学習中は Dropout がニューロンを消去します`,
      ),
    );
  }),
);

Deno.test(
  "FinalConvNet.gradient() matches the numerical gradient",
  named({ FinalConvNet }, ({ FinalConvNet }) => {
    const net = smallNet(FinalConvNet);
    const x = np.rng(2).standardNormal([3, 1, 12, 12]);
    const t = np.array([2, 0, 1]);
    const state = net.rng.getState();
    const grads = net.gradient(x, t);
    const loss = () => {
      net.rng.setState(state);
      return net.loss(x, t);
    };
    const keys = ["W1", "W2", "W3", "W4", "b1", "b2", "b3", "b4"];
    assertNetGradients(grads, net.params, loss, { keys, rtol: 1e-4, atol: 1e-8 });
  }),
);
