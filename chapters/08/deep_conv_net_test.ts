import assert from "node:assert/strict";
import { Affine } from "../../lib/layers/affine.ts";
import { Convolution } from "../../lib/layers/convolution.ts";
import { Dropout } from "../../lib/layers/dropout.ts";
import { Pooling } from "../../lib/layers/pooling.ts";
import { Relu } from "../../lib/layers/relu.ts";
import * as np from "../../lib/np/mod.ts";
import { assertAllClose, assertNetGradients, say } from "../../lib/testing/mod.ts";
import { DeepConvNet } from "./deep_conv_net.ts";
import { MISTAKES } from "../../lib/mistakes/ch08.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";
import { assertDropsInTraining, assertLayerKinds } from "./testdata/net_checks.ts";

const named = mistakeNamer("08", MISTAKES);

/** Six convolutions of 2 filters (the book's pads) on 8×8 images: small enough to check. */
function smallNet(Net: typeof DeepConvNet): DeepConvNet {
  return new Net({
    inputDim: [1, 8, 8],
    convParams: [1, 1, 1, 2, 1, 1].map((pad) => ({ filterNum: 2, filterSize: 3, pad, stride: 1 })),
    hiddenSize: 4,
    outputSize: 3,
    seed: 5,
  });
}

Deno.test(
  "DeepConvNet() builds the book's 20 layers (§8.1.1)",
  named({ DeepConvNet }, ({ DeepConvNet }) => {
    const net = new DeepConvNet();
    const C = Convolution, R = Relu, P = Pooling;
    const kinds = [
      C,
      R,
      C,
      R,
      P,
      C,
      R,
      C,
      R,
      P,
      C,
      R,
      C,
      R,
      P,
      Affine,
      R,
      Dropout,
      Affine,
      Dropout,
    ];
    assertLayerKinds(net, kinds);
    const convs = net.layers.filter((l): l is Convolution => l instanceof Convolution);
    const pads = convs.map((c) => c.pad), strides = convs.map((c) => c.stride);
    assert.deepEqual(
      pads,
      [1, 1, 1, 2, 1, 1],
      say(`the convolutions' pads: ${pads}`, `畳み込み層の pad: ${pads}`),
    );
    assert.deepEqual(
      strides,
      [1, 1, 1, 1, 1, 1],
      say(`the convolutions' strides: ${strides}`, `畳み込み層の stride: ${strides}`),
    );
    net.layers.filter((l): l is Pooling => l instanceof Pooling).forEach((p, i) => {
      const window = [p.poolH, p.poolW, p.stride];
      assert.deepEqual(
        window,
        [2, 2, 2],
        say(
          `pooling ${i + 1}'s poolH, poolW, stride: ${window}`,
          `${i + 1} つ目のプーリング層の poolH, poolW, stride: ${window}`,
        ),
      );
    });
    net.layers.filter((l): l is Dropout => l instanceof Dropout).forEach((d, i) => {
      assert.equal(
        d.dropoutRatio,
        0.5,
        say(
          `dropout ${i + 1}'s ratio: ${d.dropoutRatio}`,
          `${i + 1} つ目の Dropout レイヤの dropoutRatio: ${d.dropoutRatio}`,
        ),
      );
    });
  }),
);

Deno.test(
  "DeepConvNet() has the book's parameter shapes and He initialisation",
  named({ DeepConvNet }, ({ DeepConvNet }) => {
    const net = new DeepConvNet();
    const shapes = Object.fromEntries(Object.entries(net.params).map(([k, v]) => [k, v.shape]));
    const expected = {
      W1: [16, 1, 3, 3],
      b1: [16],
      W2: [16, 16, 3, 3],
      b2: [16],
      W3: [32, 16, 3, 3],
      b3: [32],
      W4: [32, 32, 3, 3],
      b4: [32],
      W5: [64, 32, 3, 3],
      b5: [64],
      W6: [64, 64, 3, 3],
      b6: [64],
      W7: [1024, 50],
      b7: [50],
      W8: [50, 10],
      b8: [10],
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
    // He: std √(2 / inputs per neuron): 16·3·3 = 144 for W2 and W3 (W3 has 32·3·3 = 288
    // outputs per input), 64·4·4 = 1024 for W7.
    for (const [key, inputs] of [["W2", 144], ["W3", 144], ["W6", 576], ["W7", 1024]] as const) {
      const std = Math.sqrt(np.mean(np.square(net.params[key])));
      const he = Math.sqrt(2 / inputs);
      assert.ok(
        Math.abs(std / he - 1) < 0.08,
        say(
          `${key}'s standard deviation: ${std}, expected He's √(2 / ${inputs}) = ${he}`,
          `${key} の標準偏差が ${std} です。Heの初期値 √(2 / ${inputs}) = ${he} になるはずです`,
        ),
      );
    }
    assert.ok(
      (net.layers[0] as Convolution).W === net.params.W1,
      say("layer 0's W is params.W1 itself", "レイヤ 0 の W は params.W1 そのもののはず"),
    );
    assert.ok(
      (net.layers[18] as Affine).W === net.params.W8,
      say("layer 18's W is params.W8 itself", "レイヤ 18 の W は params.W8 そのもののはず"),
    );
  }),
);

Deno.test(
  "DeepConvNet.predict() gives [n, 10] and drops units only in training",
  named({ DeepConvNet }, ({ DeepConvNet }) => {
    const net = new DeepConvNet();
    const x = np.rng(1).random([2, 1, 28, 28]);
    const test1 = net.predict(x), test2 = net.predict(x);
    assert.deepEqual(
      test1.shape,
      [2, 10],
      say(
        `scores' shape for 2 images: [${test1.shape}]`,
        `画像 2 枚での scores の形状: [${test1.shape}]`,
      ),
    );
    assertAllClose(test2, test1, {
      msg: say(
        "scores of the same images twice, not in training",
        "訓練時以外に同じ画像で 2 回求めた scores",
      ),
    });
    assertDropsInTraining(net, x, test1);
  }),
);

Deno.test(
  "DeepConvNet.loss() uses dropout by default, as the book's",
  named({ DeepConvNet }, ({ DeepConvNet }) => {
    const net = smallNet(DeepConvNet);
    const x = np.rng(3).standardNormal([4, 1, 8, 8]);
    const t = np.array([0, 1, 2, 0]);
    const state = net.rng.getState();
    const lossTrain = net.loss(x, t);
    net.rng.setState(state);
    const lossTrainAgain = net.loss(x, t, { train: true });
    assert.equal(
      lossTrain,
      lossTrainAgain,
      say(
        `loss by default: ${lossTrain}, with { train: true } and the same masks: ` +
          `${lossTrainAgain}; the book's loss is in training mode unless told otherwise ` +
          `(train_flg=True), so that dropout drops units while the network learns`,
        `既定の loss が ${lossTrain}、{ train: true } で同じマスクのときが ${lossTrainAgain} です。` +
          `書籍の loss は指定がなければ訓練モード (train_flg=True) で、` +
          `学習中は Dropout がニューロンを消去します`,
      ),
    );
    const lossTest = net.loss(x, t, { train: false });
    const lossTestAgain = net.loss(x, t, { train: false });
    assert.equal(
      lossTestAgain,
      lossTest,
      say(
        `loss with { train: false } twice: ${lossTest}, ${lossTestAgain}`,
        `{ train: false } で 2 回求めた loss: ${lossTest}, ${lossTestAgain}`,
      ),
    );
    assert.ok(
      Number.isFinite(lossTrain) && Number.isFinite(lossTest),
      say(
        `losses: ${lossTrain} (training), ${lossTest} (not training)`,
        `loss: ${lossTrain} (訓練時)、${lossTest} (訓練時以外)`,
      ),
    );
  }),
);

Deno.test(
  "DeepConvNet.gradient() matches the numerical gradient",
  named({ DeepConvNet }, ({ DeepConvNet }) => {
    const net = smallNet(DeepConvNet);
    const x = np.rng(2).standardNormal([3, 1, 8, 8]);
    const t = np.array([0, 2, 1]);
    // Non-zero biases: with zero ones, conv4's border outputs (whose 3×3 window lies wholly in
    // its pad of 2) would sit exactly on ReLU's kink at 0, where no numerical gradient exists.
    const random = np.rng(6);
    for (let i = 1; i <= 8; i++) {
      const b = net.params[`b${i}`];
      b.data.set(random.normal(b.shape, { scale: 0.5 }).data);
    }
    // Dropout draws masks from net.rng: the same state before every pass gives the same masks.
    const state = net.rng.getState();
    const grads = net.gradient(x, t);
    const loss = () => {
      net.rng.setState(state);
      return net.loss(x, t);
    };
    assertNetGradients(grads, net.params, loss, { rtol: 1e-4, atol: 1e-8 });
  }),
);
