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
