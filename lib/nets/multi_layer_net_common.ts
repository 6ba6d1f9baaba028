/**
 * What the networks of chapter 6 share (`MultiLayerNet` and `MultiLayerNetExtend`): the
 * checks of their sizes, the initial parameters and accuracy in batches.
 *
 * @module
 */

import { type WeightInitStd, weightScale } from "../init/weight_init.ts";
import * as np from "../np/mod.ts";
import { NET_MESSAGES } from "./messages.ts";
import type { NetAccuracyOptions, NetForwardOptions } from "./types.ts";
export type {
  MultiLayerNetExtendOptions,
  MultiLayerNetOptions,
  NetAccuracyOptions,
  NetForwardOptions,
} from "./types.ts";

/**
 * Checks the sizes of a network: positive whole numbers, the hidden ones in an array.
 *
 * @example
 * ```ts
 * import { checkSizes } from "./multi_layer_net_common.ts";
 * import assert from "node:assert/strict";
 *
 * checkSizes("Net", { inputSize: 784, hiddenSizeList: [100], outputSize: 10 });
 * assert.throws(() => checkSizes("Net", { inputSize: 0, hiddenSizeList: [], outputSize: 10 }));
 * ```
 *
 * @param name The network's name, for the message.
 * @param options The sizes.
 */
export function checkSizes(
  name: string,
  options: { inputSize: number; hiddenSizeList: number[]; outputSize: number },
): void {
  const { inputSize, hiddenSizeList, outputSize } = options;
  if (!Array.isArray(hiddenSizeList)) {
    throw new TypeError(NET_MESSAGES().hiddenSizeList(name));
  }
  const sizes = [inputSize, ...hiddenSizeList, outputSize];
  if (!sizes.every((n) => Number.isInteger(n) && n > 0)) {
    throw new RangeError(
      NET_MESSAGES().positiveSizes(name, inputSize, hiddenSizeList, outputSize),
    );
  }
}

/**
 * The weights and biases of a fully connected network, `W1`, `b1`, … (`__init_weight`):
 * W normal with the standard deviation {@linkcode weightScale} of the previous layer's size,
 * b zero.
 *
 * @example
 * ```ts
 * import { initParams } from "./multi_layer_net_common.ts";
 * import assert from "node:assert/strict";
 *
 * const params = initParams([4, 3, 2], { weightInitStd: "he", seed: 0 });
 * assert.deepEqual(Object.keys(params), ["W1", "b1", "W2", "b2"]);
 * assert.deepEqual(params.W2.shape, [3, 2]);
 * ```
 *
 * @param allSizeList The sizes of every layer, input first, output last.
 * @param options `weightInitStd`, `seed`, `dtype`.
 * @returns The parameters by name.
 */
export function initParams(
  allSizeList: number[],
  options: { weightInitStd?: WeightInitStd; seed?: number; dtype?: np.DType } = {},
): Record<string, np.NDArray> {
  const rng = np.rng(options.seed ?? 0), dtype = options.dtype ?? "float64";
  const params: Record<string, np.NDArray> = {};
  for (let idx = 1; idx < allSizeList.length; idx++) {
    const scale = weightScale(options.weightInitStd ?? "relu", allSizeList[idx - 1]);
    params[`W${idx}`] = rng.normal([allSizeList[idx - 1], allSizeList[idx]], { scale, dtype });
    params[`b${idx}`] = np.zeros([allSizeList[idx]], { dtype });
  }
  return params;
}

/**
 * The accuracy of a network in test mode, `batchSize` samples per forward pass.
 *
 * @example
 * ```ts
 * import { accuracyByBatches } from "./multi_layer_net_common.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const net = { predict: (x: np.NDArray) => x };
 * const x = np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]]);
 * assert.equal(accuracyByBatches(net, x, np.array([0, 1, 1]), { batchSize: 2 }), 2 / 3);
 * ```
 *
 * @param net Anything with `predict(x, { train })`.
 * @param x Inputs, one sample per row of axis 0.
 * @param t Labels: one-hot or class indices.
 * @param options `batchSize` (all samples at once by default).
 * @returns A number in [0, 1].
 */
export function accuracyByBatches(
  net: { predict(x: np.NDArray, options?: NetForwardOptions): np.NDArray },
  x: np.NDArray,
  t: np.NDArray,
  options: NetAccuracyOptions = {},
): number {
  const n = x.shape[0];
  const batchSize = options.batchSize ?? n;
  const labels = t.ndim === 1 ? t : np.argmax(t, { axis: 1 });
  let correct = 0;
  for (let i = 0; i < n; i += batchSize) {
    const range = `${i}:${Math.min(i + batchSize, n)}`;
    const y = np.argmax(net.predict(x.slice(range), { train: false }), { axis: 1 });
    correct += np.sum(np.equal(y, labels.slice(range)));
  }
  return correct / n;
}
