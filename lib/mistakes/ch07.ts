/**
 * Chapter 07's catalogue of learners' mistakes: small variants of the answer key, each named
 * for the learner (see `lib/testing/mistakes.ts`). The self-check proves that a test of each
 * exercise catches each one and names it.
 *
 * im2col and col2im are free functions, so their mistakes go through one copy of the book's
 * `common/util.py` code with the slip given as an option; the layers' and the network's
 * mistakes are subclasses of the answer key that override the one method with the slip.
 *
 * @module
 */

import { Affine } from "../layers/affine.ts";
import { col2im, im2col } from "../layers/im2col.ts";
import type { Col2imOptions, Im2colOptions } from "../layers/types.ts";
import { Convolution } from "../layers/convolution.ts";
import { Pooling } from "../layers/pooling.ts";
import { Relu } from "../layers/relu.ts";
import type { Layer } from "../layers/layer.ts";
import { SimpleConvNet } from "../nets/simple_conv_net.ts";
import type { SimpleConvNetOptions } from "../nets/types.ts";
import * as np from "../np/mod.ts";
import type { Mistake } from "../testing/mistakes.ts";

// im2col and col2im ---------------------------------------------------------------------------

/** Where a copy of the book's im2col or col2im goes wrong (nothing: the answer key's code). */
interface Slips {
  /** The output size of one axis, out = (size + 2·pad − filter) / stride + 1 when right. */
  outSize?: (size: number, filter: number, stride: number, pad: number) => number;
  /** outW from filterH instead of filterW. */
  outWFromFilterH?: boolean;
  /** The step of the strided slices (the stride when right). */
  step?: (stride: number) => number;
  /** im2col's last transpose, (0, 4, 5, 1, 2, 3) when right. */
  transpose?: number[];
  /** The dtype of the array filled in (the input's when right). */
  float64?: boolean;
  /** col2im writes each window with = instead of adding it with +=. */
  assign?: boolean;
  /** col2im's last step: the padded image cut back to [h, w] from pad (right) or 0, or not. */
  crop?: "pad" | "zero" | "none";
  /** col2im reads col as [n, c, fh, fw, oh, ow] without undoing im2col's transpose. */
  noTranspose?: boolean;
}

function sizes(shape: readonly number[], options: Im2colOptions, slips: Slips) {
  const { filterH, filterW, stride = 1, pad = 0 } = options;
  const [n, c, h, w] = shape;
  const out = slips.outSize ??
    ((size, filter, s, p) => Math.floor((size + 2 * p - filter) / s) + 1);
  const outH = out(h, filterH, stride, pad);
  const outW = out(w, slips.outWFromFilterH ? filterH : filterW, stride, pad);
  const step = slips.step ? slips.step(stride) : stride;
  return { n, c, h, w, filterH, filterW, stride, pad, outH, outW, step };
}

/** The book's im2col (`common/util.py`), with a slip. */
function bookIm2col(inputData: np.NDArray, options: Im2colOptions, slips: Slips): np.NDArray {
  const { n, c, filterH, filterW, stride, pad, outH, outW, step } = sizes(
    inputData.shape,
    options,
    slips,
  );
  const img = np.pad(inputData, [[0, 0], [0, 0], [pad, pad], [pad, pad]]);
  const dtype = slips.float64 ? "float64" : inputData.dtype;
  const col = np.zeros([n, c, filterH, filterW, outH, outW], { dtype });
  for (let y = 0; y < filterH; y++) {
    const yMax = y + stride * outH;
    for (let x = 0; x < filterW; x++) {
      const xMax = x + stride * outW;
      col.assign(
        [null, null, y, x, null, null],
        img.slice(null, null, `${y}:${yMax}:${step}`, `${x}:${xMax}:${step}`),
      );
    }
  }
  const axes = slips.transpose ?? [0, 4, 5, 1, 2, 3];
  return col.transpose(...axes).reshape(n * outH * outW, -1);
}

/** The book's col2im (`common/util.py`), with a slip. */
function bookCol2im(col: np.NDArray, options: Col2imOptions, slips: Slips): np.NDArray {
  const { n, c, h, w, filterH, filterW, stride, pad, outH, outW } = sizes(
    options.inputShape,
    options,
    slips,
  );
  col = slips.noTranspose
    ? col.reshape(n, c, filterH, filterW, outH, outW)
    : col.reshape(n, outH, outW, c, filterH, filterW).transpose(0, 3, 4, 5, 1, 2);
  const dtype = slips.float64 ? "float64" : col.dtype;
  const img = np.zeros([n, c, h + 2 * pad + stride - 1, w + 2 * pad + stride - 1], { dtype });
  for (let y = 0; y < filterH; y++) {
    const yMax = y + stride * outH;
    for (let x = 0; x < filterW; x++) {
      const xMax = x + stride * outW;
      const window = [null, null, `${y}:${yMax}:${stride}`, `${x}:${xMax}:${stride}`];
      const patch = col.slice(null, null, y, x, null, null);
      img.assign(window, slips.assign ? patch : np.add(img.slice(...window), patch));
    }
  }
  const crop = slips.crop ?? "pad";
  if (crop === "none") return img;
  const from = crop === "pad" ? pad : 0;
  return img.slice(null, null, `${from}:${h + from}`, `${from}:${w + from}`);
}

const im2colWith = (slips: Slips) => (x: np.NDArray, options: Im2colOptions) =>
  bookIm2col(x, options, slips);
const col2imWith = (slips: Slips) => (col: np.NDArray, options: Col2imOptions) =>
  bookCol2im(col, options, slips);

// Convolution ---------------------------------------------------------------------------------

/** The answer key's Convolution.backward with the steps given (each one right by default). */
function convolutionBackward(
  layer: Convolution,
  dout: np.NDArray,
  slips: { flatDout?: boolean; dbAxis?: number; noTransposeDW?: boolean } = {},
): np.NDArray {
  const x = layer.x as np.NDArray, col = layer.col as np.NDArray;
  const colW = layer.colW as np.NDArray;
  const [FN, C, FH, FW] = layer.W.shape;
  dout = slips.flatDout ? dout.reshape(-1, FN) : dout.transpose(0, 2, 3, 1).reshape(-1, FN);
  layer.db = np.sum(dout, { axis: slips.dbAxis ?? 0 });
  const dW = np.dot(col.T, dout);
  layer.dW = (slips.noTransposeDW ? dW : dW.transpose(1, 0)).reshape(FN, C, FH, FW);
  const dcol = np.dot(dout, colW.T);
  return col2im(dcol, {
    inputShape: x.shape,
    filterH: FH,
    filterW: FW,
    stride: layer.stride,
    pad: layer.pad,
  });
}

/** The answer key's Convolution.forward with the steps given (each one right by default). */
function convolutionForward(
  layer: Convolution,
  x: np.NDArray,
  slips: { noBias?: boolean; colWWithoutT?: boolean; outWithoutTranspose?: boolean } = {},
): np.NDArray {
  const [FN, , FH, FW] = layer.W.shape;
  const [N, , H, W] = x.shape;
  const outH = 1 + Math.floor((H + 2 * layer.pad - FH) / layer.stride);
  const outW = 1 + Math.floor((W + 2 * layer.pad - FW) / layer.stride);
  const col = im2col(x, { filterH: FH, filterW: FW, stride: layer.stride, pad: layer.pad });
  const colW = slips.colWWithoutT ? layer.W.reshape(-1, FN) : layer.W.reshape(FN, -1).T;
  const product = np.dot(col, colW);
  const out = slips.noBias ? product : np.add(product, layer.b);
  layer.x = x;
  layer.col = col;
  layer.colW = colW;
  return slips.outWithoutTranspose
    ? out.reshape(N, FN, outH, outW)
    : out.reshape(N, outH, outW, -1).transpose(0, 3, 1, 2);
}

// Pooling -------------------------------------------------------------------------------------

/** The answer key's Pooling.forward with the steps given (each one right by default). */
function poolingForward(
  layer: Pooling,
  x: np.NDArray,
  slips: { outWFromPoolH?: boolean; argmaxAxis?: number; outWithoutTranspose?: boolean } = {},
): np.NDArray {
  const [N, C, H, W] = x.shape;
  const outH = 1 + Math.floor((H + 2 * layer.pad - layer.poolH) / layer.stride);
  const poolW = slips.outWFromPoolH ? layer.poolH : layer.poolW;
  const outW = 1 + Math.floor((W + 2 * layer.pad - poolW) / layer.stride);
  const options = { filterH: layer.poolH, filterW: layer.poolW, stride: layer.stride };
  const col = im2col(x, { ...options, pad: layer.pad }).reshape(-1, layer.poolH * layer.poolW);
  const argMax = np.argmax(col, { axis: slips.argmaxAxis ?? 1 });
  const out = np.max(col, { axis: 1 });
  layer.x = x;
  layer.argMax = argMax;
  return slips.outWithoutTranspose
    ? out.reshape(N, C, outH, outW)
    : out.reshape(N, outH, outW, C).transpose(0, 3, 1, 2);
}

/**
 * The answer key's Pooling.backward with the row of each window's gradient given: `route`
 * writes dout's value into its window's row of dmax (at the argmax when right).
 */
function poolingBackward(
  layer: Pooling,
  dout: np.NDArray,
  slips: {
    route?: (dmax: np.NDArray, i: number, argMax: number, value: number) => void;
    float64?: boolean;
    nchw?: boolean;
  } = {},
): np.NDArray {
  const x = layer.x as np.NDArray, argMax = layer.argMax as np.NDArray;
  if (!slips.nchw) dout = dout.transpose(0, 2, 3, 1);
  const poolSize = layer.poolH * layer.poolW;
  const dtype = slips.float64 ? "float64" : dout.dtype;
  const dmax = np.zeros([dout.size, poolSize], { dtype });
  const flat = dout.flatten();
  const route = slips.route ?? ((d, i, arg, value) => d.set([i, arg], value));
  for (let i = 0; i < argMax.size; i++) route(dmax, i, argMax.get(i), flat.get(i));
  const [N, C, H, W] = x.shape;
  const outH = 1 + Math.floor((H + 2 * layer.pad - layer.poolH) / layer.stride);
  const outW = 1 + Math.floor((W + 2 * layer.pad - layer.poolW) / layer.stride);
  const dcol = dmax.reshape(N * outH * outW, -1);
  return col2im(dcol, {
    inputShape: [N, C, H, W],
    filterH: layer.poolH,
    filterW: layer.poolW,
    stride: layer.stride,
    pad: layer.pad,
  });
}

// SimpleConvNet -------------------------------------------------------------------------------

/** The layers of a SimpleConvNet in another order, by name. */
function reordered(layers: Map<string, Layer>, names: string[]): Map<string, Layer> {
  return new Map(names.map((name) => [name, layers.get(name) as Layer]));
}

/** Redraws the network's weights in place, in the answer key's order, with a scale. */
function redraw(net: SimpleConvNet, options: SimpleConvNetOptions, scale: number): void {
  const rng = np.rng(options.seed ?? 0);
  for (const key of ["W1", "W2", "W3"]) {
    const W = net.params[key];
    W.data.set(rng.normal(W.shape, { scale, dtype: W.dtype }).data);
  }
}

/** The mistakes, exercise by exercise. */
export const MISTAKES: Mistake[] = [
  // im2col --------------------------------------------------------------------------------
  {
    exercise: "im2col",
    name: "rows in the order (n, ox, oy): the last transpose must be (0, 4, 5, 1, 2, 3), " +
      "one row per output position in reading order",
    ja:
      "行の順番が (n, ox, oy) になっている: 最後の transpose は (0, 4, 5, 1, 2, 3) で、出力位置ごとに左上から順に 1 行",
    code: im2colWith({ transpose: [0, 5, 4, 1, 2, 3] }),
  },
  {
    exercise: "im2col",
    name: "columns in the order (fy, fx, c) instead of (c, fy, fx): one channel's window " +
      "after the other, as the filters W.reshape(FN, −1) are laid out",
    ja:
      "列の順番が (c, fy, fx) ではなく (fy, fx, c): フィルター W.reshape(FN, −1) の並びに合わせ、チャンネルごとのウィンドウを順に並べる",
    code: im2colWith({ transpose: [0, 4, 5, 2, 3, 1] }),
  },
  {
    exercise: "im2col",
    name: "the output size without the padding: out = (H + 2·pad − FH) / stride + 1 (§7.2.4)",
    ja: "出力サイズにパディングが入っていない: out = (H + 2·pad − FH) / stride + 1（§7.2.4）",
    code: im2colWith({
      outSize: (size, filter, stride) => Math.floor((size - filter) / stride) + 1,
    }),
  },
  {
    exercise: "im2col",
    name: "the window steps by 1 whatever the stride: the slices y:y_max:stride skip " +
      "stride − 1 positions",
    ja:
      "ストライドに関係なくウィンドウが 1 ずつ動いている: スライス y:y_max:stride は stride − 1 個の位置を飛ばす",
    code: im2colWith({ step: () => 1 }),
  },
  {
    exercise: "im2col",
    name: "outW from filterH instead of filterW (a square-filter habit)",
    ja: "outW を filterW ではなく filterH から計算している（正方形のフィルターの癖）",
    code: im2colWith({ outWFromFilterH: true }),
  },
  {
    exercise: "im2col",
    name: "col made with np.zeros in float64 for a float32 x: give it the input's dtype",
    ja: "float32 の x に対して col を float64 の np.zeros で作っている: 入力の dtype にする",
    code: im2colWith({ float64: true }),
  },

  // col2im --------------------------------------------------------------------------------
  {
    exercise: "col2im",
    name: "col2im assigns with = instead of adding with +=: a pixel in several windows must " +
      "get the sum",
    ja: "col2im で += で足さずに = で代入している: 複数のウィンドウに含まれる画素には和が入る",
    code: col2imWith({ assign: true }),
  },
  {
    exercise: "col2im",
    name: "the padding not cropped: return img[:, :, pad:H + pad, pad:W + pad], the input's shape",
    ja: "パディングを切り取っていない: 入力と同じ形状の img[:, :, pad:H + pad, pad:W + pad] を返す",
    code: col2imWith({ crop: "none" }),
  },
  {
    exercise: "col2im",
    name: "cropped from 0 instead of from pad: the image starts pad rows and columns in",
    ja: "pad からではなく 0 から切り取っている: 画像は pad 行・pad 列だけ内側から始まる",
    code: col2imWith({ crop: "zero" }),
  },
  {
    exercise: "col2im",
    name: "col reshaped straight to [N, C, FH, FW, OH, OW]: undo im2col's transpose, " +
      "reshape(N, OH, OW, C, FH, FW) then transpose(0, 3, 4, 5, 1, 2)",
    ja:
      "col を直接 [N, C, FH, FW, OH, OW] に reshape している: im2col の transpose を戻すため、reshape(N, OH, OW, C, FH, FW) してから transpose(0, 3, 4, 5, 1, 2)",
    code: col2imWith({ noTranspose: true }),
  },
  {
    exercise: "col2im",
    name: "img made with np.zeros in float64 for a float32 col: give it col's dtype",
    ja: "float32 の col に対して img を float64 の np.zeros で作っている: col の dtype にする",
    code: col2imWith({ float64: true }),
  },

  // Convolution ---------------------------------------------------------------------------
  {
    exercise: "Convolution",
    name: "forward forgets the bias: out = col · col_W + b",
    ja: "forward でバイアスを足し忘れている: out = col · col_W + b",
    code: class extends Convolution {
      override forward(x: np.NDArray): np.NDArray {
        return convolutionForward(this, x, { noBias: true });
      }
    },
  },
  {
    exercise: "Convolution",
    name: "the filters as W.reshape(−1, FN) instead of W.reshape(FN, −1)ᵀ: each column must " +
      "be one whole filter",
    ja:
      "フィルターを W.reshape(FN, −1)ᵀ ではなく W.reshape(−1, FN) にしている: 各列が 1 つのフィルター全体になるようにする",
    code: class extends Convolution {
      override forward(x: np.NDArray): np.NDArray {
        return convolutionForward(this, x, { colWWithoutT: true });
      }
    },
  },
  {
    exercise: "Convolution",
    name: "out reshaped straight to [N, FN, OH, OW]: reshape to [N, OH, OW, FN], then " +
      "transpose(0, 3, 1, 2)",
    ja:
      "out を直接 [N, FN, OH, OW] に reshape している: [N, OH, OW, FN] に reshape してから transpose(0, 3, 1, 2)",
    code: class extends Convolution {
      override forward(x: np.NDArray): np.NDArray {
        return convolutionForward(this, x, { outWithoutTranspose: true });
      }
    },
  },
  {
    exercise: "Convolution",
    name: "dW without the transpose: dot(colᵀ, dout) is [C·FH·FW, FN], transpose it to " +
      "[FN, C·FH·FW] before reshaping to W's shape",
    ja:
      "dW を転置していない: dot(colᵀ, dout) は [C·FH·FW, FN] なので、W の形状に reshape する前に [FN, C·FH·FW] に転置する",
    code: class extends Convolution {
      override backward(dout: np.NDArray): np.NDArray {
        return convolutionBackward(this, dout, { noTransposeDW: true });
      }
    },
  },
  {
    exercise: "Convolution",
    name: "db summed over axis 1 (the filters) instead of axis 0 (every output position)",
    ja: "db を axis 0（すべての出力位置）ではなく axis 1（フィルター方向）で合計している",
    code: class extends Convolution {
      override backward(dout: np.NDArray): np.NDArray {
        return convolutionBackward(this, dout, { dbAxis: 1 });
      }
    },
  },
  {
    exercise: "Convolution",
    name: "dout reshaped to [N·OH·OW, FN] without transposing it to (N, OH, OW, FN) first",
    ja: "dout を先に (N, OH, OW, FN) に transpose せずに [N·OH·OW, FN] に reshape している",
    code: class extends Convolution {
      override backward(dout: np.NDArray): np.NDArray {
        return convolutionBackward(this, dout, { flatDout: true });
      }
    },
  },

  // Pooling -------------------------------------------------------------------------------
  {
    exercise: "Pooling",
    name: "outW from poolH instead of poolW (a square-window habit)",
    ja: "outW を poolW ではなく poolH から計算している（正方形のウィンドウの癖）",
    code: class extends Pooling {
      override forward(x: np.NDArray): np.NDArray {
        return poolingForward(this, x, { outWFromPoolH: true });
      }
    },
  },
  {
    exercise: "Pooling",
    name: "out reshaped straight to [N, C, OH, OW]: the rows are (n, oy, ox, c), reshape to " +
      "[N, OH, OW, C], then transpose(0, 3, 1, 2)",
    ja:
      "out を直接 [N, C, OH, OW] に reshape している: 行の並びは (n, oy, ox, c) なので、[N, OH, OW, C] に reshape してから transpose(0, 3, 1, 2)",
    code: class extends Pooling {
      override forward(x: np.NDArray): np.NDArray {
        return poolingForward(this, x, { outWithoutTranspose: true });
      }
    },
  },
  {
    exercise: "Pooling",
    name: "argmax over axis 0 (down the windows) instead of axis 1 (along each window)",
    ja: "argmax を axis 1（各ウィンドウ内）ではなく axis 0（ウィンドウをまたぐ方向）で取っている",
    code: class extends Pooling {
      override forward(x: np.NDArray): np.NDArray {
        return poolingForward(this, x, { argmaxAxis: 0 });
      }
    },
  },
  {
    exercise: "Pooling",
    name: "backward sends each gradient to the window's first element instead of its maximum",
    ja: "backward で各勾配を最大値の要素ではなく、ウィンドウの最初の要素に送っている",
    code: class extends Pooling {
      override backward(dout: np.NDArray): np.NDArray {
        return poolingBackward(this, dout, {
          route: (dmax, i, _arg, value) => dmax.set([i, 0], value),
        });
      }
    },
  },
  {
    exercise: "Pooling",
    name: "backward spreads each gradient evenly over its window (average pooling) instead " +
      "of sending it all to the maximum",
    ja:
      "backward で各勾配をウィンドウ全体に均等に配っている（Averageプーリング）: すべて最大値の要素に送る",
    code: class extends Pooling {
      override backward(dout: np.NDArray): np.NDArray {
        return poolingBackward(this, dout, {
          route: (dmax, i, _arg, value) => {
            for (let k = 0; k < dmax.shape[1]; k++) dmax.set([i, k], value / dmax.shape[1]);
          },
        });
      }
    },
  },
  {
    exercise: "Pooling",
    name: "dout taken in NCHW order: transpose it to (N, OH, OW, C), the order of the windows",
    ja: "dout を NCHW の順のまま使っている: ウィンドウの順である (N, OH, OW, C) に transpose する",
    code: class extends Pooling {
      override backward(dout: np.NDArray): np.NDArray {
        return poolingBackward(this, dout, { nchw: true });
      }
    },
  },
  {
    exercise: "Pooling",
    name: "dmax made with np.zeros in float64 for a float32 dout: give it dout's dtype",
    ja: "float32 の dout に対して dmax を float64 の np.zeros で作っている: dout の dtype にする",
    code: class extends Pooling {
      override backward(dout: np.NDArray): np.NDArray {
        return poolingBackward(this, dout, { float64: true });
      }
    },
  },

  // SimpleConvNet -------------------------------------------------------------------------
  {
    exercise: "SimpleConvNet",
    name: "layers in the wrong order: Relu2 after Affine2 (conv - relu - pool - affine - " +
      "relu - affine, §7.5)",
    ja:
      "レイヤの順番の誤り: Relu2 が Affine2 の後にある（conv - relu - pool - affine - relu - affine、§7.5）",
    code: class extends SimpleConvNet {
      constructor(options: SimpleConvNetOptions = {}) {
        super(options);
        this.layers = reordered(
          this.layers,
          ["Conv1", "Relu1", "Pool1", "Affine1", "Affine2", "Relu2"],
        );
      }
    },
  },
  {
    exercise: "SimpleConvNet",
    name: "Pool1 with stride 1: the book's 2×2 pooling steps by 2 (stride: 2) and halves the image",
    ja:
      "Pool1 のストライドが 1: 書籍の 2×2 のプーリングは 2 ずつ動き（stride: 2）、画像を半分にする",
    code: class extends SimpleConvNet {
      constructor(options: SimpleConvNetOptions = {}) {
        super(options);
        this.layers.set("Pool1", new Pooling(2, 2));
      }
    },
  },
  {
    exercise: "SimpleConvNet",
    name: "weights drawn with std 1: weightInitStd (0.01) is the scale of the normal draws",
    ja: "重みを標準偏差 1 で生成している: weightInitStd（0.01）が正規分布の乱数のスケール",
    code: class extends SimpleConvNet {
      constructor(options: SimpleConvNetOptions = {}) {
        super(options);
        redraw(this, options, 1);
      }
    },
  },
  {
    exercise: "SimpleConvNet",
    name: "Affine1's input size without the pooling: filterNum · (convOutputSize / 2)², the " +
      "pooling halves each side",
    ja:
      "Affine1 の入力サイズにプーリングが入っていない: filterNum · (convOutputSize / 2)²。プーリングで各辺が半分になる",
    code: class extends SimpleConvNet {
      constructor(options: SimpleConvNetOptions = {}) {
        super(options);
        const [, inputSize] = options.inputDim ?? [1, 28, 28];
        const { filterNum = 30, filterSize = 5, pad = 0, stride = 1 } = options.convParam ?? {};
        const conv = Math.floor((inputSize - filterSize + 2 * pad) / stride) + 1;
        const W2 = this.params.W2;
        const scale = options.weightInitStd ?? 0.01;
        this.params.W2 = np.rng(1).normal([filterNum * conv * conv, W2.shape[1]], {
          scale,
          dtype: W2.dtype,
        });
        (this.layers.get("Affine1") as Affine).W = this.params.W2;
      }
    },
  },
  {
    exercise: "SimpleConvNet",
    name: "gradient runs backward through the layers in forward order: reverse them",
    ja: "gradient が順伝播と同じ順でレイヤを逆伝播している: 逆順にたどる",
    code: class extends SimpleConvNet {
      override gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
        this.loss(x, t, { train: true });
        let dout = this.lastLayer.backward(1);
        for (const layer of this.layers.values()) dout = layer.backward(dout);
        return super.gradient(x, t);
      }
    },
  },
  {
    exercise: "SimpleConvNet",
    name: "W2 and W3's gradients taken from the wrong Affine layers (Affine1 holds W2, " +
      "Affine2 holds W3)",
    ja: "W2 と W3 の勾配を別の Affine レイヤから取っている（Affine1 が W2、Affine2 が W3 を持つ）",
    code: class extends SimpleConvNet {
      override gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
        const grads = super.gradient(x, t);
        return { ...grads, W2: grads.W3, b2: grads.b3, W3: grads.W2, b3: grads.b2 };
      }
    },
  },
  {
    exercise: "SimpleConvNet",
    name: "a ReLU after the last Affine layer too: the scores go to Softmax-with-Loss as they are",
    ja: "最後の Affine レイヤの後にも ReLU がある: スコアはそのまま Softmax-with-Loss に渡す",
    code: class extends SimpleConvNet {
      constructor(options: SimpleConvNetOptions = {}) {
        super(options);
        this.layers.set("Relu3", new Relu());
      }
    },
  },
];
