/**
 * What the convolutional networks of chapters 7 and 8 share: the options of `predict` and
 * `accuracy`, accuracy by batches, and saving and loading parameters as safetensors (the
 * book's `save_params`/`load_params`, which use pickle).
 *
 * @module
 */

import { loadSafetensors, saveSafetensors } from "../io/safetensors.ts";
import * as np from "../np/mod.ts";
import { NET_MESSAGES } from "./messages.ts";
import type { AccuracyOptions, PredictOptions } from "./types.ts";
export type { AccuracyOptions, PredictOptions } from "./types.ts";

/** A network that can classify: the part of a network {@linkcode accuracyInBatches} uses. */
export interface Classifier {
  /** The class scores of a batch. */
  predict(x: np.NDArray, options?: PredictOptions): np.NDArray;
}

/**
 * The fraction of samples whose highest score is the label's class, computed `batchSize`
 * samples at a time in test mode (the book's `accuracy` loop, which here also counts a last
 * partial batch).
 *
 * @example
 * ```ts
 * import { accuracyInBatches } from "./network.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const net = { predict: (x: np.NDArray) => x };
 * const x = np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]]);
 * assert.equal(accuracyInBatches(net, x, np.array([0, 1, 1]), { batchSize: 2 }), 2 / 3);
 * ```
 *
 * @param net The network.
 * @param x Inputs, one sample per row of axis 0.
 * @param t Labels: one-hot or class indices.
 * @param options `batchSize` (100).
 * @returns A number in [0, 1].
 */
export function accuracyInBatches(
  net: Classifier,
  x: np.NDArray,
  t: np.NDArray,
  options: AccuracyOptions = {},
): number {
  const batchSize = options.batchSize ?? 100;
  const labels = t.ndim === 1 ? t : np.argmax(t, { axis: 1 });
  let correct = 0;
  for (let i = 0; i < x.shape[0]; i += batchSize) {
    const range = `${i}:${i + batchSize}`;
    const y = np.argmax(net.predict(x.slice(range), { train: false }), { axis: 1 });
    correct += np.sum(np.equal(y, labels.slice(range)));
  }
  return correct / x.shape[0];
}

/**
 * Saves a network's parameters to a safetensors file, naming the network in the metadata.
 *
 * @example
 * ```ts
 * import { loadParams, saveParams } from "./network.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const path = saveParams(Deno.makeTempDirSync() + "/p.safetensors", { W: np.ones([2]) }, "Demo");
 * const params = { W: np.zeros([2]) };
 * loadParams(path, params);
 * assert.deepEqual(params.W.toArray(), [1, 1]);
 * ```
 *
 * @param path Where to write (folders are created; the write is atomic).
 * @param params The parameters by name.
 * @param network The network's name, kept in the file's metadata.
 * @returns The path written.
 */
export function saveParams(
  path: string,
  params: Record<string, np.NDArray>,
  network: string,
): string {
  return saveSafetensors(path, params, { network });
}

/**
 * Loads parameters saved by {@linkcode saveParams} into a network's own arrays (in place, so
 * its layers see them), converting the dtype if needed.
 *
 * @param path The file to read.
 * @param params The network's parameters, overwritten.
 * @throws {TypeError} when a parameter is missing or has another shape.
 */
export function loadParams(path: string, params: Record<string, np.NDArray>): void {
  copyParams(loadSafetensors(path).tensors, params, path);
}

/**
 * Copies tensors into parameter arrays of the same names and shapes (in place).
 *
 * @param from The tensors read (from a file or a checkpoint).
 * @param to The network's parameters, overwritten.
 * @param source Where `from` came from, for error messages.
 * @throws {TypeError} when a parameter is missing or has another shape.
 */
export function copyParams(
  from: Record<string, np.NDArray>,
  to: Record<string, np.NDArray>,
  source: string,
): void {
  for (const [key, param] of Object.entries(to)) {
    const loaded = from[key];
    if (loaded === undefined) {
      throw new TypeError(
        NET_MESSAGES().missingParam(source, key, Object.keys(from).join(", ")),
      );
    }
    if (loaded.shape.join() !== param.shape.join()) {
      throw new TypeError(
        NET_MESSAGES().paramShape(
          source,
          key,
          loaded.shape.join(", "),
          param.shape.join(", "),
        ),
      );
    }
    param.data.set(loaded.data);
  }
}
