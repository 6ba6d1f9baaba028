/**
 * Inputs for the kernels' property tests: random convolution sizes, and values that probe the
 * edges of comparisons and selection (NaN, ±0, ±∞, ties). Shared by `im2col_test.ts`,
 * `pooling_test.ts` and `elementwise_test.ts`.
 *
 * @module
 */

import fc from "fast-check";
import type { TypedArray } from "../ndarray.ts";
import type { ConvGeometry } from "./im2col.ts";

/** The largest sizes {@linkcode convGeometries} draws. */
export interface GeometryLimits {
  /** The largest image height and width. */
  side: number;
  /** The largest filter (or window) height and width. */
  filter: number;
  /** The largest padding. */
  pad: number;
}

/**
 * Random sizes of one im2col or pooling call (1–2 images, 1–3 channels, strides up to 3), the
 * filter always fitting the padded image, with the output size derived as the book does.
 *
 * @example
 * ```ts
 * import { convGeometries } from "./test_inputs.ts";
 * import fc from "fast-check";
 * import assert from "node:assert/strict";
 *
 * const [g] = fc.sample(convGeometries({ side: 7, filter: 5, pad: 2 }), { seed: 1, numRuns: 1 });
 * assert.equal(g.outH, Math.floor((g.h + 2 * g.pad - g.filterH) / g.stride) + 1);
 * ```
 *
 * @param limits The largest image side, filter side and padding.
 * @returns A fast-check arbitrary of geometries.
 */
export function convGeometries(limits: GeometryLimits): fc.Arbitrary<ConvGeometry> {
  return fc
    .record({
      n: fc.integer({ min: 1, max: 2 }),
      c: fc.integer({ min: 1, max: 3 }),
      h: fc.integer({ min: 1, max: limits.side }),
      w: fc.integer({ min: 1, max: limits.side }),
      filterH: fc.integer({ min: 1, max: limits.filter }),
      filterW: fc.integer({ min: 1, max: limits.filter }),
      stride: fc.integer({ min: 1, max: 3 }),
      pad: fc.integer({ min: 0, max: limits.pad }),
    })
    .filter((g) => g.h + 2 * g.pad >= g.filterH && g.w + 2 * g.pad >= g.filterW)
    .map((g) => ({
      ...g,
      outH: Math.floor((g.h + 2 * g.pad - g.filterH) / g.stride) + 1,
      outW: Math.floor((g.w + 2 * g.pad - g.filterW) / g.stride) + 1,
    }));
}

/** Values that test the edges of selection and comparison: NaN, ±0, ±∞, ties. */
export const EDGE_VALUES: readonly number[] = [NaN, 0, -0, Infinity, -Infinity, 1, -1, 2, 2, 0.5];

/** Options of {@linkcode drawValues}. */
export interface DrawOptions {
  /** Float64 (true) or float32 (false). */
  f64: boolean;
  /** The seed of the generator. */
  seed: number;
  /** The share of values taken from {@linkcode EDGE_VALUES}. */
  edgeShare: number;
  /** Maps a uniform number in [0, 1) to an ordinary value (default: `u - 0.5`). */
  ordinary?: (u: number) => number;
}

/**
 * A seeded array mixing {@linkcode EDGE_VALUES} with ordinary values, from a linear
 * congruential generator (the same values on every run and machine).
 *
 * @example
 * ```ts
 * import { drawValues } from "./test_inputs.ts";
 * import assert from "node:assert/strict";
 *
 * const x = drawValues(100, { f64: true, seed: 3, edgeShare: 1 });
 * assert.ok(x.some((v) => Number.isNaN(v)));
 * ```
 *
 * @param size The length.
 * @param options The dtype, the seed, the share of edge values and the ordinary values.
 * @returns The values.
 */
export function drawValues(size: number, options: DrawOptions): TypedArray {
  const ordinary = options.ordinary ?? ((u: number) => u - 0.5);
  const x = options.f64 ? new Float64Array(size) : new Float32Array(size);
  let state = options.seed >>> 0;
  for (let i = 0; i < size; i++) {
    state = (state * 1664525 + 1013904223) >>> 0;
    const u = state / 2 ** 32;
    x[i] = u < options.edgeShare
      ? EDGE_VALUES[Math.floor((u / options.edgeShare) * EDGE_VALUES.length)]
      : ordinary(u);
  }
  return x;
}
