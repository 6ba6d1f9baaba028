/**
 * The engine: the tuned twins of the answer key's layers and networks, where the workbook's
 * speed lives. The answer key (`lib/layers/`, `lib/nets/`) is the book's code written with
 * `lib/np`, what the chapter tests compare with and what `deno task solution` prints; the engine
 * computes the same values with kernels (`lib/np/kernels/`), column layouts and reused scratch
 * arrays, and `engine_test.ts` checks every layer and net against its twin on random shapes and
 * values. Layers write each batch into the arrays they returned for the last one (`reuse.ts`).
 *
 * | engine                | answer key (chapter)              | what differs                                               |
 * | --------------------- | --------------------------------- | ---------------------------------------------------------- |
 * | `Relu`                | `lib/layers/relu.ts` (05)         | one branch-free pass per direction, output and mask        |
 * | `Affine`              | `lib/layers/affine.ts` (05)       | products read W and x transposed in place                  |
 * | `Convolution`         | `lib/layers/convolution.ts` (07)  | products in WebAssembly memory (`conv_arena.ts`); stride 1 with 8+ channels: no im2col (`shifted_conv.ts`), 3×3 with Winograd's F(2×2, 3×3) (`winograd.ts`); `firstLayer` |
 * | `Pooling`             | `lib/layers/pooling.ts` (07)      | max/argmax straight from NCHW, no im2col or col2im         |
 * | `SimpleConvNet`, `DeepConvNet`, `FinalConvNet` | `lib/nets/` (07, 08) | built from the layers above; same parameters and files |
 * | `Adam`                | `lib/optimizers/optimizer.ts` (06) | float32 update in WebAssembly SIMD, m and v kept there; same bits |
 *
 * In `gradient()`, the networks fuse layers: `ReluPool` (`relu_pool.ts`) runs a Relu and the
 * Pooling after it in one pass each way (same bits), and `ConvReluPool` (`conv_relu_pool.ts`,
 * WebAssembly) runs SimpleConvNet's float32 first Convolution, Relu and Pooling as one step that
 * writes only the pooled values. `predict()` still runs the layers one by one.
 *
 * `deno task train`, its data-parallel worker, `deno task bench` and the chapter 7 and 8 commands
 * build their networks with `convNets()` of `lib/train_command/models.ts`: the engine's, or under `--mine`
 * the answer key's (which `--mine` sends to the learner's code).
 *
 * @example
 * ```ts
 * import { FinalConvNet } from "./mod.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const net = new FinalConvNet({ dtype: "float32" });
 * const x = np.rng(0).random([2, 1, 28, 28], { dtype: "float32" });
 * assert.equal(Object.keys(net.gradient(x, np.array([1, 2]))).length, 8);
 * ```
 *
 * @module
 */

export { Adam } from "./adam.ts";
export { Affine } from "./affine.ts";
export { Convolution, type ConvolutionOptions } from "./convolution.ts";
export { DeepConvNet, FinalConvNet, LayerNet, SimpleConvNet } from "./nets.ts";
export { Pooling } from "./pooling.ts";
export { Relu } from "./relu.ts";
