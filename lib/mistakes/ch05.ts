/**
 * Chapter 05's catalogue of learners' mistakes: small variants of the answer key, each named
 * for the learner (see `lib/testing/mistakes.ts`). The self-check proves that a test of each
 * exercise catches each one and names it.
 *
 * @module
 */

import { sigmoid, softmax } from "../functions/activation.ts";
import { crossEntropyError } from "../functions/loss.ts";
import { Affine } from "../layers/affine.ts";
import type { Layer } from "../layers/layer.ts";
import { Relu } from "../layers/relu.ts";
import { Sigmoid } from "../layers/sigmoid.ts";
import { AddLayer, MulLayer } from "../layers/simple.ts";
import { SoftmaxWithLoss } from "../layers/softmax_with_loss.ts";
import { TwoLayerNet } from "../nets/two_layer_net.ts";
import * as np from "../np/mod.ts";
import type { Mistake } from "../testing/mistakes.ts";

/** The mistakes, exercise by exercise. */
export const MISTAKES: Mistake[] = [
  // MulLayer (§5.4.1)
  {
    exercise: "MulLayer",
    name: "backward gives each input its own value (dout·x, dout·y) instead of the other's",
    ja:
      "backward で各入力に自分自身の値を掛けている（dout·x, dout·y）: 乗算ノードの逆伝播では入力をひっくり返した値を掛ける",
    code: class extends MulLayer {
      override backward(dout: number): [number, number] {
        return [dout * this.x, dout * this.y];
      }
    },
  },
  {
    exercise: "MulLayer",
    name: "backward forgets to multiply by dout (returns y, x)",
    ja: "backward で dout を掛け忘れている（y, x を返している）",
    code: class extends MulLayer {
      override backward(_dout: number): [number, number] {
        return [this.y, this.x];
      }
    },
  },
  {
    exercise: "MulLayer",
    name: "forward does not keep x and y in the fields, so backward multiplies by 0",
    ja: "forward が x と y をフィールドに保持していないため、backward で 0 を掛けてしまう",
    code: class extends MulLayer {
      override forward(x: number, y: number): number {
        return x * y;
      }
    },
  },

  // AddLayer (§5.4.2)
  {
    exercise: "AddLayer",
    name: "backward returns 1 and 1, forgetting to pass dout on",
    ja: "backward が 1 と 1 を返している: dout をそのまま下流へ流し忘れている",
    code: class extends AddLayer {
      override backward(_dout: number): [number, number] {
        return [1, 1];
      }
    },
  },
  {
    exercise: "AddLayer",
    name: "backward splits dout in half between x and y (addition passes all of it to both)",
    ja: "backward で dout を x と y に半分ずつ分けている（加算ノードは dout をそのまま両方へ流す）",
    code: class extends AddLayer {
      override backward(dout: number): [number, number] {
        return [dout / 2, dout / 2];
      }
    },
  },
  {
    exercise: "AddLayer",
    name: "backward as the multiplication node's (dout·y, dout·x): addition passes dout unchanged",
    ja:
      "backward を乗算ノードのように計算している（dout·y, dout·x）: 加算ノードは dout をそのまま流す",
    code: class extends AddLayer {
      x = 0;
      y = 0;
      override forward(x: number, y: number): number {
        this.x = x;
        this.y = y;
        return x + y;
      }
      override backward(dout: number): [number, number] {
        return [dout * this.y, dout * this.x];
      }
    },
  },

  // Relu (§5.5.1)
  {
    exercise: "Relu",
    name: "mask as x < 0 instead of x <= 0 (at exactly 0 the output and gradient are 0)",
    ja: "mask を x <= 0 ではなく x < 0 で作っている（ちょうど 0 では出力も勾配も 0）",
    code: class extends Relu {
      override forward(x: np.NDArray): np.NDArray {
        this.mask = np.less(x, 0);
        return np.where(this.mask, 0, x);
      }
    },
  },
  {
    exercise: "Relu",
    name: "backward passes dout everywhere: the mask from forward is not applied",
    ja: "backward が dout をすべて通している: forward で作った mask を適用していない",
    code: class extends Relu {
      override backward(dout: np.NDArray): np.NDArray {
        return dout;
      }
    },
  },
  {
    exercise: "Relu",
    name: "forward zeroes x itself instead of a copy (the book's out = x.copy())",
    ja: "forward が x のコピーではなく x 自体を 0 にしている（書籍では out = x.copy()）",
    code: class extends Relu {
      override forward(x: np.NDArray): np.NDArray {
        this.mask = np.lessEqual(x, 0);
        for (let i = 0; i < x.size; i++) if (this.mask.data[i]) x.data[i] = 0;
        return x;
      }
    },
  },
  {
    exercise: "Relu",
    name: "backward blocks where dout <= 0 instead of where x <= 0",
    ja: "backward で x <= 0 ではなく dout <= 0 の箇所を止めている",
    code: class extends Relu {
      override backward(dout: np.NDArray): np.NDArray {
        return np.where(np.lessEqual(dout, 0), 0, dout);
      }
    },
  },

  // Sigmoid (§5.5.2)
  {
    exercise: "Sigmoid",
    name: "backward forgets dout: y·(1 − y) instead of dout·y·(1 − y)",
    ja: "backward で dout を掛け忘れている: dout·y·(1 − y) ではなく y·(1 − y)",
    code: class extends Sigmoid {
      override backward(_dout: np.NDArray): np.NDArray {
        const y = this.out as np.NDArray;
        return np.mul(y, np.sub(1, y));
      }
    },
  },
  {
    exercise: "Sigmoid",
    name: "backward applies sigmoid to the stored output again: y is already sigmoid(x)",
    ja: "backward で保持した出力にもう一度 sigmoid を適用している: y はすでに sigmoid(x)",
    code: class extends Sigmoid {
      override backward(dout: np.NDArray): np.NDArray {
        const y = sigmoid(this.out as np.NDArray);
        return np.mul(np.mul(dout, np.sub(1, y)), y);
      }
    },
  },
  {
    exercise: "Sigmoid",
    name: "forward as 1 / (1 + exp(x)): the sign of the exponent is −x",
    ja: "forward を 1 / (1 + exp(x)) にしている: 指数の符号は −x",
    code: class extends Sigmoid {
      override forward(x: np.NDArray): np.NDArray {
        this.out = np.div(1, np.add(1, np.exp(x)));
        return this.out;
      }
    },
  },
  {
    exercise: "Sigmoid",
    name: "backward as dout·(1 − y)², not dout·y·(1 − y)",
    ja: "backward を dout·y·(1 − y) ではなく dout·(1 − y)² で計算している",
    code: class extends Sigmoid {
      override backward(dout: np.NDArray): np.NDArray {
        const y = this.out as np.NDArray;
        return np.mul(dout, np.square(np.sub(1, y)));
      }
    },
  },

  // Affine (§5.6.2)
  {
    exercise: "Affine",
    name: "dW transposed: doutᵀ·x instead of xᵀ·dout",
    ja: "dW を xᵀ·dout ではなく doutᵀ·x で計算している（転置になっている）",
    code: class extends Affine {
      override backward(dout: np.NDArray): np.NDArray {
        const dx = super.backward(dout);
        this.dW = np.dot(dout.T, this.x as np.NDArray);
        return dx;
      }
    },
  },
  {
    exercise: "Affine",
    name: "db summed over axis 1 (each sample's outputs) instead of axis 0 (the batch)",
    ja: "db を axis 0（バッチ方向）ではなく axis 1（各データの出力）で合計している",
    code: class extends Affine {
      override backward(dout: np.NDArray): np.NDArray {
        const dx = super.backward(dout);
        this.db = np.sum(dout, { axis: 1 });
        return dx;
      }
    },
  },
  {
    exercise: "Affine",
    name: "db as the mean over the batch instead of the sum",
    ja: "db をバッチの和ではなく平均にしている",
    code: class extends Affine {
      override backward(dout: np.NDArray): np.NDArray {
        const dx = super.backward(dout);
        this.db = np.mean(dout, { axis: 0 });
        return dx;
      }
    },
  },
  {
    exercise: "Affine",
    name: "dx not reshaped back to the input's shape (an image batch must get [N, C, H, W] back)",
    ja: "dx を入力の形状に戻していない（画像のバッチなら [N, C, H, W] に戻す）",
    code: class extends Affine {
      override backward(dout: np.NDArray): np.NDArray {
        const dx = super.backward(dout);
        return dx.reshape(dx.shape[0], -1);
      }
    },
  },

  // SoftmaxWithLoss (§5.6.3)
  {
    exercise: "SoftmaxWithLoss",
    name: "backward ignores dout: dx must be (y − t) · dout / N",
    ja: "backward が dout を無視している: dx は (y − t) · dout / N",
    code: class extends SoftmaxWithLoss {
      override backward(_dout = 1): np.NDArray {
        return super.backward(1);
      }
    },
  },
  {
    exercise: "SoftmaxWithLoss",
    name: "backward does not divide by the batch size: (y − t) instead of (y − t) / N",
    ja: "backward でバッチサイズで割っていない: (y − t) / N ではなく (y − t)",
    code: class extends SoftmaxWithLoss {
      override backward(dout = 1): np.NDArray {
        const batchSize = (this.y as np.NDArray).shape[0];
        return np.mul(super.backward(dout), batchSize);
      }
    },
  },
  {
    exercise: "SoftmaxWithLoss",
    name: "a stale softmax: forward keeps y from its first call instead of each call's softmax(x)",
    ja: "古い softmax: forward が毎回の softmax(x) ではなく最初の呼び出しの y を使い続けている",
    code: class extends SoftmaxWithLoss {
      override forward(x: np.NDArray, t: np.NDArray): number {
        this.t = t;
        this.y ??= softmax(x);
        this.loss = crossEntropyError(softmax(x), t);
        return this.loss;
      }
    },
  },
  {
    exercise: "SoftmaxWithLoss",
    name: "index labels used as if one-hot: y − t subtracts the label numbers, not 1 at the label",
    ja:
      "正解ラベルのインデックスを one-hot 表現として扱っている: y − t がラベルの番号を引いてしまう（正解の位置で 1 を引く）",
    code: class extends SoftmaxWithLoss {
      override backward(dout = 1): np.NDArray {
        const y = this.y as np.NDArray, t = this.t as np.NDArray;
        const oneHotT = t.size === y.size ? t : t.reshape(t.size, 1);
        return np.mul(np.sub(y, oneHotT), dout / y.shape[0]);
      }
    },
  },

  // TwoLayerNet (§5.7)
  {
    exercise: "TwoLayerNet",
    name: "predict skips the Relu layer between the two Affine layers",
    ja: "predict で 2 つの Affine レイヤの間の Relu レイヤを飛ばしている",
    code: class extends TwoLayerNet {
      override predict(x: np.NDArray): np.NDArray {
        for (const [name, layer] of this.layers) if (name !== "Relu1") x = layer.forward(x);
        return x;
      }
    },
  },
  {
    exercise: "TwoLayerNet",
    name:
      "predict applies softmax to the scores (SoftmaxWithLoss has its own; predict gives scores)",
    ja:
      "predict がスコアに softmax を適用している（SoftmaxWithLoss が自分で行う。predict はスコアを返す）",
    code: class extends TwoLayerNet {
      override predict(x: np.NDArray): np.NDArray {
        return softmax(super.predict(x));
      }
    },
  },
  {
    exercise: "TwoLayerNet",
    name: "layers in the wrong order: backward walks them first to last instead of last to first",
    ja: "レイヤの順番の誤り: backward で最後から最初ではなく、最初から最後へたどっている",
    code: class extends TwoLayerNet {
      override gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
        this.loss(x, t);
        let dout = this.lastLayer.backward(1);
        for (const layer of this.layers.values()) dout = layer.backward(dout);
        return gradsOf(this.layers);
      }
    },
  },
  {
    exercise: "TwoLayerNet",
    name: "gradient without a forward pass first: call loss(x, t) before the backward pass",
    ja: "順伝播をせずに gradient を計算している: 逆伝播の前に loss(x, t) を呼ぶ",
    code: class extends TwoLayerNet {
      override gradient(_x: np.NDArray, _t: np.NDArray): Record<string, np.NDArray> {
        let dout = this.lastLayer.backward(1);
        for (const layer of [...this.layers.values()].reverse()) dout = layer.backward(dout);
        return gradsOf(this.layers);
      }
    },
  },
  {
    exercise: "TwoLayerNet",
    name: "loss without the softmax: the cross-entropy of the raw scores, not of softmax(scores)",
    ja:
      "loss に softmax がない: softmax(scores) ではなく生のスコアの交差エントロピー誤差を取っている",
    code: class extends TwoLayerNet {
      override loss(x: np.NDArray, t: np.NDArray): number {
        return crossEntropyError(this.predict(x), t);
      }
    },
  },
];

/** The gradients the Affine layers of a TwoLayerNet keep after a backward pass. */
function gradsOf(layers: Map<string, Layer>): Record<string, np.NDArray> {
  const affine1 = layers.get("Affine1") as Affine, affine2 = layers.get("Affine2") as Affine;
  return {
    W1: affine1.dW as np.NDArray,
    b1: affine1.db as np.NDArray,
    W2: affine2.dW as np.NDArray,
    b2: affine2.db as np.NDArray,
  };
}
