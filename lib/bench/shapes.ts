/**
 * The matrix products that the book's convolutional networks really compute, derived from
 * their layer configurations (§7.4 im2col, §7.5 SimpleConvNet, §8.1 DeepConvNet).
 *
 * A convolution over a batch of `n` images of `c×h×w` with `fn` filters of `fh×fw` becomes,
 * through im2col, one product of `col` (`n·oh·ow × c·fh·fw`) with the filters
 * (`c·fh·fw × fn`); its backward pass needs `colᵀ · dout` for the filters' gradient and
 * `dout · Wᵀ` for the gradient of `col`. An Affine layer is `x · W`, `xᵀ · dout` and
 * `dout · Wᵀ`.
 *
 * @module
 */

/** One matrix product `C (m×n) = op(A) (m×k) · op(B) (k×n)` to time. */
export interface GemmCase {
  /** A short name: the network, the layer and the pass, e.g. `"Simple conv1 dW colᵀ·dout"`. */
  label: string;
  /** Rows of C. */
  m: number;
  /** Columns of C. */
  n: number;
  /** The shared dimension. */
  k: number;
  /** A is stored `k×m` and used transposed (the `colᵀ` of a weight gradient). */
  transA?: boolean;
  /** B is stored `n×k` and used transposed (the `Wᵀ` of an input gradient). */
  transB?: boolean;
  /** The element type. */
  dtype: "float32" | "float64";
}

/** A convolution layer as the book configures it. */
export interface ConvSpec {
  /** The layer's name in the network, e.g. `"conv1"`. */
  name: string;
  /** Input channels. */
  channels: number;
  /** Input height and width (square images). */
  size: number;
  /** Number of filters (output channels). */
  filters: number;
  /** Filter height and width (square filters). */
  filter: number;
  /** Zero padding on each side. */
  pad: number;
  /** Stride. */
  stride: number;
}

/** An Affine layer: `inputs → outputs`. */
export interface AffineSpec {
  /** The layer's name in the network, e.g. `"affine1"`. */
  name: string;
  /** Input features. */
  inputs: number;
  /** Output features. */
  outputs: number;
}

/** The layers with a matrix product in one network. */
export interface NetSpec {
  /** The network's name, e.g. `"SimpleConvNet"`. */
  name: string;
  /** Its convolutions, in order. */
  convs: ConvSpec[];
  /** Its Affine layers, in order. */
  affines: AffineSpec[];
}

/**
 * The output size of a convolution: `(size + 2·pad − filter) / stride + 1` (§7.2.4).
 *
 * @example
 * ```ts
 * import { convOutputSize } from "./shapes.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(convOutputSize({ size: 28, filter: 5, pad: 0, stride: 1 }), 24);
 * ```
 *
 * @param spec The input size, filter size, padding and stride.
 * @returns The output height (and width).
 * @throws {RangeError} when the filter does not tile the padded input.
 */
export function convOutputSize(spec: Pick<ConvSpec, "size" | "filter" | "pad" | "stride">): number {
  const span = spec.size + 2 * spec.pad - spec.filter;
  if (span < 0 || span % spec.stride !== 0) {
    throw new RangeError(
      `A ${spec.filter}×${spec.filter} filter with stride ${spec.stride} and pad ${spec.pad} ` +
        `does not tile a ${spec.size}×${spec.size} input; change the pad or the stride`,
    );
  }
  return span / spec.stride + 1;
}

/**
 * SimpleConvNet of `train_convnet.py` (§7.5): conv 30×5×5 → ReLU → pool 2×2 → Affine 4320→100
 * → ReLU → Affine 100→10.
 */
export const SIMPLE_CONV_NET: NetSpec = {
  name: "SimpleConvNet",
  convs: [{ name: "conv1", channels: 1, size: 28, filters: 30, filter: 5, pad: 0, stride: 1 }],
  affines: [
    { name: "affine1", inputs: 30 * 12 * 12, outputs: 100 },
    { name: "affine2", inputs: 100, outputs: 10 },
  ],
};

/**
 * DeepConvNet of `deep_convnet.py` (§8.1): six 3×3 convolutions (16, 16, 32, 32, 64, 64
 * filters; conv4 pads by 2) with a 2×2 pool after each pair, then Affine 1024→50 → Affine 50→10.
 */
export const DEEP_CONV_NET: NetSpec = {
  name: "DeepConvNet",
  convs: [
    { name: "conv1", channels: 1, size: 28, filters: 16, filter: 3, pad: 1, stride: 1 },
    { name: "conv2", channels: 16, size: 28, filters: 16, filter: 3, pad: 1, stride: 1 },
    { name: "conv3", channels: 16, size: 14, filters: 32, filter: 3, pad: 1, stride: 1 },
    { name: "conv4", channels: 32, size: 14, filters: 32, filter: 3, pad: 2, stride: 1 },
    { name: "conv5", channels: 32, size: 8, filters: 64, filter: 3, pad: 1, stride: 1 },
    { name: "conv6", channels: 64, size: 8, filters: 64, filter: 3, pad: 1, stride: 1 },
  ],
  affines: [
    { name: "affine1", inputs: 64 * 4 * 4, outputs: 50 },
    { name: "affine2", inputs: 50, outputs: 10 },
  ],
};

/** Which products of a layer to list: the forward one, or all three of a training step. */
export interface CaseOptions {
  /** The mini-batch size (default 100, as `train_convnet.py`). */
  batch?: number;
  /** The element type (default float32, the training dtype). */
  dtype?: "float32" | "float64";
  /** A short prefix for the labels (default the network's name without "ConvNet"). */
  prefix?: string;
}

/**
 * The forward and backward matrix products of every layer of a network at one batch size.
 *
 * @example SimpleConvNet's conv1 at batch 100
 * ```ts
 * import { netCases, SIMPLE_CONV_NET } from "./shapes.ts";
 * import assert from "node:assert/strict";
 *
 * const [forward, dW, dcol] = netCases(SIMPLE_CONV_NET);
 * assert.deepEqual([forward.m, forward.k, forward.n], [57600, 25, 30]);
 * assert.deepEqual([dW.m, dW.k, dW.n, dW.transA], [25, 57600, 30, true]);
 * assert.deepEqual([dcol.m, dcol.k, dcol.n, dcol.transB], [57600, 30, 25, true]);
 * ```
 *
 * @param net The network's layers.
 * @param options The batch size, dtype and label prefix.
 * @returns Three cases per layer: forward, weight gradient, input gradient.
 */
export function netCases(net: NetSpec, options: CaseOptions = {}): GemmCase[] {
  const { batch = 100, dtype = "float32" } = options;
  const prefix = options.prefix ?? net.name.replace("ConvNet", "");
  const cases: GemmCase[] = [];
  for (const conv of net.convs) {
    const out = convOutputSize(conv);
    const rows = batch * out * out, patch = conv.channels * conv.filter * conv.filter;
    const at = `${prefix} ${conv.name} ${conv.channels}→${conv.filters}@${conv.size}px`;
    cases.push(
      { label: `${at} fwd col·W`, m: rows, k: patch, n: conv.filters, dtype },
      { label: `${at} dW colᵀ·dout`, m: patch, k: rows, n: conv.filters, transA: true, dtype },
      { label: `${at} dcol dout·Wᵀ`, m: rows, k: conv.filters, n: patch, transB: true, dtype },
    );
  }
  for (const affine of net.affines) {
    const at = `${prefix} ${affine.name} ${affine.inputs}→${affine.outputs}`;
    const { inputs, outputs } = affine;
    cases.push(
      { label: `${at} fwd x·W`, m: batch, k: inputs, n: outputs, dtype },
      { label: `${at} dW xᵀ·dout`, m: inputs, k: batch, n: outputs, transA: true, dtype },
      { label: `${at} dx dout·Wᵀ`, m: batch, k: outputs, n: inputs, transB: true, dtype },
    );
  }
  return cases;
}

/**
 * The cases of `deno task bench`: 512³ in float32 and float64, then every product of
 * SimpleConvNet and DeepConvNet at batch 100 in float32.
 *
 * @example
 * ```ts
 * import { benchCases } from "./shapes.ts";
 * import assert from "node:assert/strict";
 *
 * const cases = benchCases();
 * assert.equal(cases[0].label, "512³");
 * assert.equal(cases.length, 2 + 3 * 3 + 8 * 3);
 * ```
 *
 * @param options The batch size of the networks' products (default 100).
 * @returns The list of products to time.
 */
export function benchCases(options: { batch?: number } = {}): GemmCase[] {
  return [
    { label: "512³", m: 512, n: 512, k: 512, dtype: "float32" },
    { label: "512³", m: 512, n: 512, k: 512, dtype: "float64" },
    ...netCases(SIMPLE_CONV_NET, options),
    ...netCases(DEEP_CONV_NET, options),
  ];
}

/**
 * The floating-point operations of one product: `2·m·n·k` (a multiply and an add each).
 *
 * @example
 * ```ts
 * import { flops } from "./shapes.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(flops({ m: 512, n: 512, k: 512 }), 268435456);
 * ```
 *
 * @param c The product's sizes.
 * @returns The operation count.
 */
export function flops(c: Pick<GemmCase, "m" | "n" | "k">): number {
  return 2 * c.m * c.n * c.k;
}
