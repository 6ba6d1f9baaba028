/**
 * Chapter 08's catalogue of learners' mistakes: small variants of the answer key, each named
 * for the learner (see `lib/testing/mistakes.ts`). The self-check proves that a test of each
 * exercise catches each one and names it.
 *
 * Each mistake is a subclass of the answer key's network that changes what the slip changes:
 * the layer list, the scales of the initial weights (drawn again from the same seed, in the
 * same order, so they are the very numbers the slip would give), `loss`, `predict` or
 * `gradient`.
 *
 * @module
 */

import type { Affine } from "../layers/affine.ts";
import type { Convolution } from "../layers/convolution.ts";
import { Dropout } from "../layers/dropout.ts";
import type { Layer } from "../layers/layer.ts";
import { DeepConvNet } from "../nets/deep_conv_net.ts";
import { FinalConvNet } from "../nets/final_conv_net.ts";
import type { PredictOptions } from "../nets/network.ts";
import type { DeepConvNetOptions, FinalConvNetOptions } from "../nets/types.ts";
import * as np from "../np/mod.ts";
import type { Mistake } from "../testing/mistakes.ts";

/** What a convolution's filters `[FN, C, FH, FW]` or an Affine's `[in, out]` connect. */
interface Fans {
  /** The inputs of one neuron: C·FH·FW, or in. */
  fanIn: number;
  /** The outputs of one input: FN·FH·FW, or out. */
  fanOut: number;
  /** The shape of the weights. */
  shape: readonly number[];
}

function fans(shape: readonly number[]): Fans {
  if (shape.length === 4) {
    const [fn, c, fh, fw] = shape;
    return { fanIn: c * fh * fw, fanOut: fn * fh * fw, shape };
  }
  return { fanIn: shape[0], fanOut: shape[1], shape };
}

/**
 * Draws the weights `W1`, `W2`, … again, in the answer key's order from the network's seed,
 * with the scale `scaleOf(key, fans)`, and leaves the generator where those draws leave it.
 */
function redraw(
  net: { params: Record<string, np.NDArray>; rng: np.Generator },
  seed: number | undefined,
  scaleOf: (key: string, fan: Fans) => number,
): void {
  net.rng.setState(np.rng(seed ?? 0).getState());
  const keys = Object.keys(net.params).filter((k) => k.startsWith("W"))
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  for (const key of keys) {
    const W = net.params[key];
    const scale = scaleOf(key, fans(W.shape));
    W.data.set(net.rng.normal(W.shape, { scale, dtype: W.dtype }).data);
  }
}

const he = (n: number) => Math.sqrt(2 / n);

/** The layers with the one at `from` taken out and put back at `to`. */
function moved(layers: Layer[], from: number, to: number): Layer[] {
  const copy = [...layers];
  const [layer] = copy.splice(from, 1);
  copy.splice(to, 0, layer);
  return copy;
}

/** The mistakes, exercise by exercise. */
export const MISTAKES: Mistake[] = [
  // DeepConvNet ---------------------------------------------------------------------------
  {
    exercise: "DeepConvNet",
    name: "Xavier's √(1 / n) instead of He's √(2 / n) for layers followed by ReLU (§6.2.3)",
    ja:
      "ReLU が続く層に Heの初期値の √(2 / n) ではなく Xavierの初期値の √(1 / n) を使っている（§6.2.3）",
    code: class extends DeepConvNet {
      constructor(options: DeepConvNetOptions = {}) {
        super(options);
        redraw(this, options.seed, (_key, { fanIn }) => Math.sqrt(1 / fanIn));
      }
    },
  },
  {
    exercise: "DeepConvNet",
    name: "He's n counted as the filter's outputs FN·FH·FW instead of its inputs C·FH·FW",
    ja: "Heの初期値の n をフィルターの入力数 C·FH·FW ではなく出力数 FN·FH·FW で数えている",
    code: class extends DeepConvNet {
      constructor(options: DeepConvNetOptions = {}) {
        super(options);
        redraw(this, options.seed, (_key, { fanOut }) => he(fanOut));
      }
    },
  },
  {
    exercise: "DeepConvNet",
    name: "He scales of W7 and W8 swapped: W7 has 64·4·4 inputs per neuron, W8 has hiddenSize",
    ja:
      "W7 と W8 の Heの初期値のスケールが入れ替わっている: W7 はニューロンあたり 64·4·4 個、W8 は hiddenSize 個の入力を持つ",
    code: class extends DeepConvNet {
      constructor(options: DeepConvNetOptions = {}) {
        super(options);
        const flat = this.params.W7.shape[0], hidden = this.params.W8.shape[0];
        redraw(
          this,
          options.seed,
          (key, { fanIn }) => key === "W7" ? he(hidden) : key === "W8" ? he(flat) : he(fanIn),
        );
      }
    },
  },
  {
    exercise: "DeepConvNet",
    name: "Dropout before the ReLU: the book's block is Affine - ReLU - Dropout",
    ja: "Dropout が ReLU の前にある: 書籍のブロックは Affine - ReLU - Dropout",
    code: class extends DeepConvNet {
      constructor(options: DeepConvNetOptions = {}) {
        super(options);
        this.layers = moved(this.layers, 17, 16);
      }
    },
  },
  {
    exercise: "DeepConvNet",
    name: "the last Dropout left out: the book's network ends Affine - Dropout",
    ja: "最後の Dropout が抜けている: 書籍のネットワークは Affine - Dropout で終わる",
    code: class extends DeepConvNet {
      constructor(options: DeepConvNetOptions = {}) {
        super(options);
        this.layers = this.layers.slice(0, 19);
      }
    },
  },
  {
    exercise: "DeepConvNet",
    name: "loss defaults to test mode, so dropout never trains: the book's loss uses " +
      "train_flg=True",
    ja: "loss の既定がテスト時のモードで、Dropout が学習しない: 書籍の loss は train_flg=True",
    code: class extends DeepConvNet {
      override loss(x: np.NDArray, t: np.NDArray, options: PredictOptions = {}): number {
        return this.lastLayer.forward(this.predict(x, { train: options.train ?? false }), t);
      }
    },
  },
  {
    exercise: "DeepConvNet",
    name: "predict does not pass { train } on to the layers: Dropout falls back to its own " +
      "default (training, as the book's) and drops units at test time too",
    ja:
      "predict が { train } をレイヤに渡していない: Dropout が自分の既定（書籍と同じく学習時）に戻り、テスト時にもユニットを消してしまう",
    code: class extends DeepConvNet {
      override predict(x: np.NDArray, _options: PredictOptions = {}): np.NDArray {
        for (const layer of this.layers) x = layer.forward(x);
        return x;
      }
    },
  },
  {
    exercise: "DeepConvNet",
    name: "gradient reads dW and db from layers 0, 2, 4, … (the Pooling layers not counted): " +
      "the book's indices are 0, 2, 5, 7, 10, 12, 15, 18",
    ja:
      "gradient が dW と db をレイヤ 0, 2, 4, … から読んでいる（Pooling レイヤを数えていない）: 書籍のインデックスは 0, 2, 5, 7, 10, 12, 15, 18",
    code: class extends DeepConvNet {
      override gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
        this.loss(x, t, { train: true });
        let dout = this.lastLayer.backward(1);
        for (const layer of [...this.layers].reverse()) dout = layer.backward(dout);
        const grads: Record<string, np.NDArray> = {};
        [0, 2, 4, 6, 8, 10, 12, 14].forEach((index, i) => {
          const layer = this.layers[index] as Convolution | Affine;
          grads[`W${i + 1}`] = layer.dW as np.NDArray;
          grads[`b${i + 1}`] = layer.db as np.NDArray;
        });
        return grads;
      }
    },
  },

  // FinalConvNet --------------------------------------------------------------------------
  {
    exercise: "FinalConvNet",
    name: "loss defaults to test mode, so dropout never trains: loss is training mode unless " +
      "told { train: false }",
    ja:
      "loss の既定がテスト時のモードで、Dropout が学習しない: { train: false } と指定しない限り loss は学習時のモード",
    code: class extends FinalConvNet {
      override loss(x: np.NDArray, t: np.NDArray, options: PredictOptions = {}): number {
        return this.lastLayer.forward(this.predict(x, { train: options.train ?? false }), t);
      }
    },
  },
  {
    exercise: "FinalConvNet",
    name: "layers in the wrong order: conv - relu - pool (SimpleConvNet's) instead of this " +
      "network's conv - pool - relu",
    ja:
      "レイヤの順番の誤り: このネットワークの conv - pool - relu ではなく conv - relu - pool（SimpleConvNet の順）",
    code: class extends FinalConvNet {
      constructor(options: FinalConvNetOptions = {}) {
        super(options);
        this.layers = moved(moved(this.layers, 2, 1), 5, 4);
      }
    },
  },
  {
    exercise: "FinalConvNet",
    name: "Dropout after the last Affine instead of before it (between ReLU and the last Affine)",
    ja: "Dropout を最後の Affine の前（ReLU と最後の Affine の間）ではなく後に置いている",
    code: class extends FinalConvNet {
      constructor(options: FinalConvNetOptions = {}) {
        super(options);
        const at = this.layers.findIndex((l) => l instanceof Dropout);
        if (at >= 0) this.layers = moved(this.layers, at, this.layers.length - 1);
      }
    },
  },
  {
    exercise: "FinalConvNet",
    name: "a Dropout layer even when dropoutRatio is 0: add it only when dropoutRatio > 0",
    ja: "dropoutRatio が 0 でも Dropout レイヤがある: dropoutRatio > 0 のときだけ追加する",
    code: class extends FinalConvNet {
      constructor(options: FinalConvNetOptions = {}) {
        super(options);
        if (!this.layers.some((l) => l instanceof Dropout)) {
          const last = this.layers.length - 1;
          this.layers.splice(last, 0, new Dropout(0, { rng: this.rng }));
        }
      }
    },
  },
  {
    exercise: "FinalConvNet",
    name: "He scales of W3 and W4 swapped: W3 has filters2·5·5 inputs per neuron, W4 has " +
      "hiddenSize",
    ja:
      "W3 と W4 の Heの初期値のスケールが入れ替わっている: W3 はニューロンあたり filters2·5·5 個、W4 は hiddenSize 個の入力を持つ",
    code: class extends FinalConvNet {
      constructor(options: FinalConvNetOptions = {}) {
        super(options);
        const flat = this.params.W3.shape[0], hidden = this.params.W4.shape[0];
        redraw(
          this,
          options.seed,
          (key, { fanIn }) => key === "W3" ? he(hidden) : key === "W4" ? he(flat) : he(fanIn),
        );
      }
    },
  },
  {
    exercise: "FinalConvNet",
    name: "He's n for a convolution as its channels C instead of C·5·5 (a filter sees C·FH·FW " +
      "inputs)",
    ja:
      "畳み込み層の Heの初期値の n を C·5·5 ではなくチャンネル数 C にしている（フィルターは C·FH·FW 個の入力を見る）",
    code: class extends FinalConvNet {
      constructor(options: FinalConvNetOptions = {}) {
        super(options);
        redraw(
          this,
          options.seed,
          (_key, { fanIn, shape }) => he(shape.length === 4 ? shape[1] : fanIn),
        );
      }
    },
  },
];
