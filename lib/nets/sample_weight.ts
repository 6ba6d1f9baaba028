/**
 * The chapter 3 network's parameters and the file that ships them, `data/ch03/sample_weight.safetensors`:
 * the workbook's counterpart of the book's `sample_weight.pkl` (§3.6.2), a 784-50-100-10 sigmoid
 * network trained by `deno task ch03:make-weights` (see `data/README.md`).
 *
 * @module
 */

import { fileURLToPath } from "node:url";
import { decodeSafetensors, loadSafetensors, saveSafetensors } from "../io/safetensors.ts";
import { NET_MESSAGES } from "./messages.ts";
import type { Network } from "./types.ts";
export type { Network } from "./types.ts";

/** The names of a {@linkcode Network}'s parameters, in order. */
export const NETWORK_KEYS = ["W1", "b1", "W2", "b2", "W3", "b3"] as const;

/** The shipped weights: `data/ch03/sample_weight.safetensors`. */
export const SAMPLE_WEIGHT_PATH = fileURLToPath(
  new URL("../../data/ch03/sample_weight.safetensors", import.meta.url),
);

/**
 * The shipped file's bytes, loaded as a byte module with this module: that needs no read
 * permission, so `deno test chapters/03` runs without flags. Undefined if it cannot be loaded
 * (then reading it from disk reports why).
 */
const shipped: Uint8Array | undefined = await import(
  "../../data/ch03/sample_weight.safetensors",
  { with: { type: "bytes" } }
).then((module) => module.default, () => undefined);

/** The shapes of the shipped network: 784 → 50 → 100 → 10, as the book's. */
export const SAMPLE_WEIGHT_SHAPES: Record<keyof Network, readonly number[]> = {
  W1: [784, 50],
  b1: [50],
  W2: [50, 100],
  b2: [100],
  W3: [100, 10],
  b3: [10],
};

/**
 * Loads the chapter 3 network's weights, like the book's `init_network()` that unpickles
 * `sample_weight.pkl` (§3.6.2), and checks that they are the 784-50-100-10 network.
 *
 * @example
 * ```ts
 * import { loadSampleWeight } from "./sample_weight.ts";
 * import assert from "node:assert/strict";
 *
 * const { network, metadata } = loadSampleWeight();
 * assert.deepEqual(network.W1.shape, [784, 50]);
 * assert.equal(network.W1.dtype, "float32");
 * assert.ok(Number(metadata.test_accuracy) >= 0.92);
 * ```
 *
 * @param path The file (the shipped one by default).
 * @returns The parameters and the file's metadata (how it was made, its test accuracy).
 * @throws {SafetensorsError} when the file is missing or damaged.
 * @throws {TypeError} when a parameter is missing or has another shape.
 */
export function loadSampleWeight(
  path: string = SAMPLE_WEIGHT_PATH,
): { network: Network; metadata: Record<string, string> } {
  const { tensors, metadata } = path === SAMPLE_WEIGHT_PATH && shipped
    ? decodeSafetensors(shipped, { file: path })
    : loadSafetensors(path);
  for (const key of NETWORK_KEYS) {
    const shape = tensors[key]?.shape;
    const expected = SAMPLE_WEIGHT_SHAPES[key];
    if (!shape || shape.length !== expected.length || shape.some((n, i) => n !== expected[i])) {
      const m = NET_MESSAGES();
      throw new TypeError(m.sampleWeightShape(path, key, expected, shape ? `[${shape}]` : m.none));
    }
  }
  const network = Object.fromEntries(
    NETWORK_KEYS.map((k) => [k, tensors[k]]),
  ) as unknown as Network;
  return { network, metadata };
}

/**
 * Saves a network's parameters as a safetensors file (atomically).
 *
 * @example
 * ```ts
 * import { loadSampleWeight, saveSampleWeight } from "./sample_weight.ts";
 * import assert from "node:assert/strict";
 *
 * const { network } = loadSampleWeight();
 * const path = saveSampleWeight(Deno.makeTempDirSync() + "/w.safetensors", network, {
 *   metadata: { note: "a copy" },
 * });
 * assert.deepEqual(loadSampleWeight(path).network.b3.data, network.b3.data);
 * ```
 *
 * @param path Where to write.
 * @param network The parameters.
 * @param options `metadata`: strings stored with them (how they were made).
 * @returns The path written.
 */
export function saveSampleWeight(
  path: string,
  network: Network,
  options: { metadata?: Record<string, string> } = {},
): string {
  const tensors = Object.fromEntries(NETWORK_KEYS.map((k) => [k, network[k]]));
  return saveSafetensors(path, tensors, options.metadata ?? {});
}
