/**
 * NumPy's basic slicing: `x.slice(0, "1:3", ":")` is `x[0, 1:3, :]`, and
 * `x.assign([":", 0], v)` is `x[:, 0] = v`.
 *
 * @module
 */

import { broadcastShapes } from "./broadcast.ts";
import { allocate, broadcastStrides, NDArray, showShape } from "./ndarray.ts";

/**
 * One axis of a slice: an index (which drops the axis), a `"start:stop:step"` string with
 * any part optional, or `null` for the whole axis (NumPy's `:`).
 */
export type SliceSpec = number | string | null;

/** Where one axis of a slice reads: `count` positions from `start`, `step` apart. */
interface AxisRange {
  start: number;
  step: number;
  count: number;
  keep: boolean;
}

function parsePart(text: string, spec: string): number | undefined {
  if (text.trim() === "") return undefined;
  const n = Number(text);
  if (!Number.isInteger(n)) {
    throw new TypeError(`Slice "${spec}" has ${JSON.stringify(text)}, which is not an integer`);
  }
  return n;
}

/** Resolves one spec against an axis of length n, with NumPy's clamping of slice bounds. */
function axisRange(spec: SliceSpec, n: number, axis: number): AxisRange {
  if (typeof spec === "number") {
    if (!Number.isInteger(spec)) throw new TypeError(`Index ${spec} is not an integer`);
    if (spec < -n || spec >= n) {
      throw new RangeError(`Index ${spec} is out of bounds for axis ${axis} with size ${n}`);
    }
    return { start: spec < 0 ? spec + n : spec, step: 1, count: 1, keep: false };
  }
  if (spec === null || spec === ":") return { start: 0, step: 1, count: n, keep: true };
  if (typeof spec !== "string" || !spec.includes(":") || spec.split(":").length > 3) {
    throw new TypeError(
      `Cannot slice with ${JSON.stringify(spec)}: use an index, "start:stop:step" or null`,
    );
  }
  const [startText, stopText, stepText = ""] = spec.split(":");
  const step = parsePart(stepText, spec) ?? 1;
  if (step === 0) throw new RangeError(`Slice "${spec}" has a step of 0`);
  const clamp = (v: number | undefined, fallback: number, low: number, high: number) => {
    if (v === undefined) return fallback;
    if (v < 0) v += n;
    return Math.min(Math.max(v, low), high);
  };
  const start = step > 0
    ? clamp(parsePart(startText, spec), 0, 0, n)
    : clamp(parsePart(startText, spec), n - 1, -1, n - 1);
  const stop = step > 0
    ? clamp(parsePart(stopText, spec), n, 0, n)
    : clamp(parsePart(stopText, spec), -1, -1, n - 1);
  const count = Math.max(0, Math.ceil((stop - start) / step));
  return { start, step, count, keep: true };
}

function ranges(x: NDArray, specs: readonly SliceSpec[]): AxisRange[] {
  if (specs.length > x.ndim) {
    throw new RangeError(
      `Too many indices: ${specs.length} for an array of shape ${showShape(x.shape)}`,
    );
  }
  return x.shape.map((n, axis) => axisRange(axis < specs.length ? specs[axis] : null, n, axis));
}

/** Visits the flat offset of every element a slice selects, in row-major order. */
function forEachOffset(x: NDArray, rs: AxisRange[], visit: (offset: number, i: number) => void) {
  const strides = x.strides;
  let i = 0;
  const walk = (axis: number, offset: number): void => {
    if (axis === rs.length) {
      visit(offset, i++);
      return;
    }
    const r = rs[axis];
    for (let j = 0; j < r.count; j++) {
      walk(axis + 1, offset + (r.start + j * r.step) * strides[axis]);
    }
  };
  walk(0, 0);
}

/** The elements a slice selects, as a new contiguous array. */
export function sliceArray(x: NDArray, specs: readonly SliceSpec[]): NDArray {
  const rs = ranges(x, specs);
  const shape = rs.filter((r) => r.keep).map((r) => r.count);
  const out = allocate(x.dtype, rs.reduce((p, r) => p * r.count, 1));
  forEachOffset(x, rs, (offset, i) => (out[i] = x.data[offset]));
  return new NDArray(out, shape);
}

/** Writes `value` (broadcast to the slice's shape) into the elements a slice selects. */
export function assignSlice(x: NDArray, specs: readonly SliceSpec[], value: NDArray): void {
  const rs = ranges(x, specs);
  const shape = rs.filter((r) => r.keep).map((r) => r.count);
  const target = broadcastShapes(shape, value.shape);
  if (target.length !== shape.length || target.some((n, i) => n !== shape[i])) {
    throw new TypeError(
      `Cannot assign a value of shape ${showShape(value.shape)} to a slice of shape ${
        showShape(shape)
      }`,
    );
  }
  const strides = broadcastStrides(value.shape, shape);
  const index = new Array<number>(shape.length).fill(0);
  forEachOffset(x, rs, (offset) => {
    let from = 0;
    for (let a = 0; a < shape.length; a++) from += index[a] * strides[a];
    x.data[offset] = value.data[from];
    for (let a = shape.length - 1; a >= 0; a--) {
      if (++index[a] < shape[a]) break;
      index[a] = 0;
    }
  });
}
