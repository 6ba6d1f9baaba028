/**
 * NumPy's basic slicing: `x.slice(0, "1:3", ":")` is `x[0, 1:3, :]`, and
 * `x.assign([":", 0], v)` is `x[:, 0] = v`.
 *
 * @module
 */

import { broadcastShapes } from "./broadcast.ts";
import { describe } from "./describe.ts";
import { NP_MESSAGES } from "./messages.ts";
import { stridedCopy } from "./kernels/strided.ts";
import { allocate, broadcastStrides, NDArray, showShape, stridesOf } from "./ndarray.ts";

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
    throw new TypeError(NP_MESSAGES().sliceNotInteger(spec, JSON.stringify(text)));
  }
  return n;
}

/** Resolves one spec against an axis of length n, with NumPy's clamping of slice bounds. */
function axisRange(spec: SliceSpec, n: number, axis: number): AxisRange {
  if (typeof spec === "number") {
    if (!Number.isInteger(spec)) {
      throw new TypeError(NP_MESSAGES().indexNotInteger(describe(spec), axis, ""));
    }
    if (spec < -n || spec >= n) {
      throw new RangeError(NP_MESSAGES().indexOutOfBounds(spec, axis, n));
    }
    return { start: spec < 0 ? spec + n : spec, step: 1, count: 1, keep: false };
  }
  if (spec === null || spec === ":") return { start: 0, step: 1, count: n, keep: true };
  if (typeof spec !== "string" || !spec.includes(":") || spec.split(":").length > 3) {
    throw new TypeError(
      NP_MESSAGES().sliceBad(
        typeof spec === "string" ? JSON.stringify(spec) : describe(spec),
        axis,
      ),
    );
  }
  const [startText, stopText, stepText = ""] = spec.split(":");
  const step = parsePart(stepText, spec) ?? 1;
  if (step === 0) throw new RangeError(NP_MESSAGES().sliceStepZero(spec));
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
    throw new RangeError(NP_MESSAGES().tooManyIndices(specs.length, showShape(x.shape)));
  }
  return x.shape.map((n, axis) => axisRange(axis < specs.length ? specs[axis] : null, n, axis));
}

/** The shape of a slice, with the source offset of its first element and its source strides. */
function view(x: NDArray, rs: AxisRange[]): { shape: number[]; offset: number; strides: number[] } {
  const shape: number[] = [], strides: number[] = [];
  let offset = 0;
  for (let axis = rs.length - 1, step = 1; axis >= 0; axis--) {
    const r = rs[axis];
    offset += r.start * step;
    if (r.keep) {
      shape.push(r.count);
      strides.push(r.step * step);
    }
    step *= x.shape[axis];
  }
  return { shape: shape.reverse(), offset, strides: strides.reverse() };
}

/** The elements a slice selects, as a new contiguous array. */
export function sliceArray(x: NDArray, specs: readonly SliceSpec[]): NDArray {
  const { shape, offset, strides } = view(x, ranges(x, specs));
  const out = allocate(x.dtype, shape.reduce((p, n) => p * n, 1), { name: "slice", shape });
  stridedCopy(x.data, offset, strides, out, 0, stridesOf(shape), shape);
  return new NDArray(out, shape);
}

/**
 * Writes `value` (broadcast to the slice's shape) into the elements a slice selects. A value
 * that shares memory with `x` (a reshaped `x`) is read whole before anything is written, as
 * NumPy does.
 */
export function assignSlice(x: NDArray, specs: readonly SliceSpec[], value: NDArray): void {
  const { shape, offset, strides } = view(x, ranges(x, specs));
  const target = broadcastShapes(shape, value.shape);
  if (target.length !== shape.length || target.some((n, i) => n !== shape[i])) {
    throw new TypeError(NP_MESSAGES().assignShape(showShape(value.shape), showShape(shape)));
  }
  let source = value.data;
  if (value.data.buffer === x.data.buffer) {
    source = allocate(value.dtype, value.size, {
      name: "assign",
      shape: value.shape,
    });
    source.set(value.data);
  }
  stridedCopy(source, 0, broadcastStrides(value.shape, shape), x.data, offset, strides, shape);
}
