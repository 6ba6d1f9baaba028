/**
 * Dropout masks for a batch split between two threads (`data_parallel.ts`), the same masks as
 * on one thread: the main thread draws each Dropout layer's random numbers for the whole batch
 * from the network's generator, in forward order, as one thread's forward pass would, and each
 * half's Dropout layers take their rows from a {@linkcode PresetRandom} instead of drawing. The
 * generator advances exactly as on one thread, so its state in a checkpoint stays right and a
 * run repeats for a given seed.
 *
 * @module
 */

import { Dropout } from "../layers/dropout.ts";
import * as np from "../np/mod.ts";

/** Stands in for a Dropout layer's generator: gives the numbers it was handed. */
export class PresetRandom {
  /** The numbers of the next draw, `[rows, features]`. */
  values: np.NDArray | null = null;

  /**
   * The preset numbers (a Dropout layer calls it with its input's shape).
   *
   * @throws {RangeError} when none were handed or their shape is not the one asked for.
   */
  random(shape: readonly number[]): np.NDArray {
    const values = this.values;
    if (values === null || values.size !== shape.reduce((a, b) => a * b, 1)) {
      throw new RangeError(
        `PresetRandom: no numbers of shape [${shape.join(", ")}] were handed to this thread`,
      );
    }
    return values.reshape(...shape);
  }
}

/**
 * The Dropout layers of a network, in forward order (those of `net.layers`, a Map or an array).
 *
 * @param net A network.
 * @returns Its Dropout layers (none for a network without `layers`).
 */
export function dropoutsOf(net: unknown): Dropout[] {
  const layers = (net as { layers?: Map<string, unknown> | unknown[] }).layers;
  if (layers === undefined) return [];
  const all = layers instanceof Map ? [...layers.values()] : layers;
  return all.filter((layer): layer is Dropout => layer instanceof Dropout);
}

/**
 * How many numbers per sample each Dropout layer draws, found by one training-mode forward pass
 * of a sample with preset numbers (the network's generator is not touched).
 *
 * @param net The network.
 * @param dropouts Its Dropout layers ({@linkcode dropoutsOf}).
 * @param sample One input sample (without the batch axis).
 * @returns One width per layer.
 */
export function dropoutWidths(
  net: { predict(x: np.NDArray, options?: { train?: boolean }): np.NDArray },
  dropouts: Dropout[],
  sample: np.NDArray,
): number[] {
  const widths: number[] = [];
  const saved = dropouts.map((d) => d.rng);
  dropouts.forEach((d, i) => {
    d.rng = {
      random(shape: readonly number[], options: { dtype?: np.DType } = {}) {
        widths[i] = shape.slice(1).reduce((a, b) => a * b, 1);
        return np.ones([...shape], options);
      },
    } as unknown as np.Generator;
  });
  try {
    net.predict(sample.reshape(1, ...sample.shape), { train: true });
  } finally {
    dropouts.forEach((d, i) => (d.rng = saved[i]));
  }
  return widths;
}

/**
 * Gives each Dropout layer preset numbers instead of its generator (`null`: its generator back).
 *
 * @param dropouts The layers.
 * @param presets One {@linkcode PresetRandom} per layer, or null to restore `generator`.
 * @param generator The network's generator.
 */
export function usePresets(
  dropouts: Dropout[],
  presets: PresetRandom[] | null,
  generator: np.Generator,
): void {
  dropouts.forEach((d, i) => {
    d.rng = presets === null ? generator : presets[i] as unknown as np.Generator;
  });
}
