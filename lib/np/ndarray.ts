/**
 * The n-dimensional array at the base of the workbook, a small cousin of NumPy's `ndarray`.
 *
 * Data is always one contiguous row-major typed array, so every kernel can walk it with a
 * single index. Shape work that NumPy does with views (transpose, slicing) copies here: it
 * keeps the model simple, and the copies are cheap beside the matrix products they feed.
 *
 * @module
 */

import { allocationError, bigIntHint, describe } from "./describe.ts";
import { formatArray } from "./format.ts";
import { NP_MESSAGES, NP_SUBJECTS } from "./messages.ts";
import { permuteKernel } from "./kernels/permute.ts";
import { assignSlice, sliceArray, type SliceSpec } from "./slicing.ts";

/** The element types an {@linkcode NDArray} can hold. `float64` is the default. */
export type DType = "float64" | "float32";

/** The typed array behind an {@linkcode NDArray} of each dtype. */
export type TypedArray = Float64Array | Float32Array;

/** A shape: one non-negative integer per axis. */
export type Shape = readonly number[];

/** Nested arrays of numbers, as in `np.array([[1, 2], [3, 4]])`. */
export type NestedArray = number | readonly NestedArray[];

/** Anything the functions of `np` accept where an array is expected. */
export type ArrayLike = NDArray | NestedArray;

const DTYPES: readonly DType[] = ["float64", "float32"];

/** Checks a dtype name, so a typo fails loudly instead of silently picking float64. */
export function checkDType(dtype: unknown): DType {
  if (!DTYPES.includes(dtype as DType)) {
    throw new TypeError(
      NP_MESSAGES().unsupportedDType(
        typeof dtype === "string" ? JSON.stringify(dtype) : describe(dtype),
      ),
    );
  }
  return dtype as DType;
}

/** Who asks {@linkcode allocate} for an array, to name in the error when it cannot be had. */
export interface AllocationSite {
  /** The function the user called: `zeros`, `matmul`, `transpose`… */
  name: string;
  /** The shape of the array (its element count alone is named without it). */
  shape?: Shape;
}

/**
 * Allocates a zero-filled typed array of a dtype. Every array of `np` is allocated here, so that
 * an impossible size fails with one message that names the function, the shape and the bytes
 * (`zeros: unable to allocate 7.28 TiB … shape [1000000, 1000000]`) instead of V8's bare "Array
 * buffer allocation failed".
 *
 * @example
 * ```ts
 * import { allocate } from "./ndarray.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(allocate("float32", 3).length, 3);
 * assert.throws(
 *   () => allocate("float64", 1e16, { name: "zeros", shape: [1e8, 1e8] }),
 *   /zeros: unable to allocate .* shape \[100000000, 100000000\]/,
 * );
 * ```
 *
 * @param dtype The element type.
 * @param size The number of elements.
 * @param site The function and shape to name if the memory cannot be had.
 * @returns A new typed array of zeros.
 * @throws {RangeError} when the size cannot be allocated (NumPy raises a MemoryError).
 */
export function allocate(dtype: DType, size: number, site?: AllocationSite): TypedArray {
  try {
    return dtype === "float32" ? new Float32Array(size) : new Float64Array(size);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw allocationError(site?.name ?? "np", site?.shape ?? size, dtype, e);
  }
}

/** The dtype of a typed array. */
export function dtypeOf(data: TypedArray): DType {
  return data instanceof Float32Array ? "float32" : "float64";
}

/**
 * Checks that a shape is a list of non-negative integers and returns a copy of it. A hole
 * (`[2, , 3]`), a BigInt or a string is refused by position.
 */
export function checkShape(shape: unknown, subject: "shape" | "new shape" = "shape"): number[] {
  const what = () => NP_SUBJECTS()[subject];
  if (!Array.isArray(shape)) {
    throw new TypeError(NP_MESSAGES().shapeNotArray(what(), describe(shape)));
  }
  const shown = () => `[${Array.from(shape, (n) => (typeof n === "number" ? n : "?")).join(", ")}]`;
  const copy = new Array<number>(shape.length);
  for (let i = 0; i < shape.length; i++) {
    const n: unknown = shape[i];
    if (n === undefined && !(i in shape)) {
      throw new TypeError(NP_MESSAGES().shapeHole(what(), shown(), i));
    }
    if (typeof n !== "number" || !Number.isInteger(n)) {
      throw new TypeError(
        NP_MESSAGES().shapeNotInteger(what(), shown(), describe(n), i, bigIntHint(n)),
      );
    }
    if (n < 0) {
      throw new RangeError(NP_MESSAGES().shapeNegative(what(), shown(), n));
    }
    copy[i] = n;
  }
  return copy;
}

/** The number of elements of a shape (1 for the empty shape of a scalar). */
export function shapeSize(shape: Shape): number {
  let size = 1;
  for (const n of shape) size *= n;
  return size;
}

/** Row-major strides in elements: `strides[i]` is the step in `data` for one step along axis i. */
export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let step = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = step;
    step *= shape[i];
  }
  return strides;
}

/**
 * Strides that read an array of `shape` as if it had the broadcast shape `target`:
 * 0 on every axis where it is repeated.
 */
export function broadcastStrides(shape: Shape, target: Shape): number[] {
  const strides = new Array<number>(target.length).fill(0);
  let step = 1;
  for (let i = 1; i <= shape.length; i++) {
    const n = shape[shape.length - i];
    strides[target.length - i] = n === 1 ? 0 : step;
    step *= n;
  }
  return strides;
}

/** Formats a shape as NumPy users read it in error messages: `[2, 3]`. */
export function showShape(shape: Shape): string {
  return `[${shape.join(", ")}]`;
}

/**
 * Normalises an axis that may be negative (NumPy's -1 is the last axis).
 *
 * @throws {RangeError} when the axis is outside `-ndim .. ndim-1`.
 */
export function normalizeAxis(axis: number, ndim: number): number {
  if (!Number.isInteger(axis)) {
    throw new TypeError(NP_MESSAGES().axisNotInteger(describe(axis)));
  }
  if (axis < -ndim || axis >= ndim) {
    throw new RangeError(NP_MESSAGES().axisOutOfBounds(axis, ndim));
  }
  return axis < 0 ? axis + ndim : axis;
}

/**
 * An n-dimensional array of float64 or float32 numbers in contiguous row-major order.
 *
 * Create one with the functions of `np` (`np.array`, `np.zeros`, `np.rng(0).normal`…);
 * the constructor is for code that already has a typed array of the right size.
 *
 * @example Build, reshape and read an array
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const x = np.arange(6).reshape(2, 3);
 * assert.deepEqual(x.shape, [2, 3]);
 * assert.equal(x.get(1, 2), 5);
 * assert.deepEqual(x.T.toArray(), [[0, 3], [1, 4], [2, 5]]);
 * ```
 */
export class NDArray {
  /** The elements in row-major order. Its length is always {@linkcode NDArray.size}. */
  readonly data: TypedArray;
  /** The length of each axis. */
  readonly shape: readonly number[];

  /**
   * Wraps a typed array as an array of the given shape (no copy).
   *
   * @param data The elements in row-major order.
   * @param shape The shape; its sizes must multiply to `data.length`.
   */
  constructor(data: TypedArray, shape: Shape) {
    if (!(data instanceof Float64Array || data instanceof Float32Array)) {
      throw new TypeError(NP_MESSAGES().dataNotTyped);
    }
    const checked = checkShape(shape);
    const size = shapeSize(checked);
    if (size !== data.length) {
      throw new RangeError(NP_MESSAGES().cannotWrap(data.length, showShape(checked), size));
    }
    this.data = data;
    this.shape = Object.freeze(checked);
  }

  /** The element type: `"float64"` or `"float32"`. */
  get dtype(): DType {
    return dtypeOf(this.data);
  }

  /** The number of elements. */
  get size(): number {
    return this.data.length;
  }

  /** The number of axes. */
  get ndim(): number {
    return this.shape.length;
  }

  /** Row-major strides in elements (not bytes, unlike NumPy). */
  get strides(): number[] {
    return stridesOf(this.shape);
  }

  /** The transpose (all axes reversed), as a new contiguous array. NumPy's `x.T`. */
  get T(): NDArray {
    return this.transpose();
  }

  /** The flat position of an element, with NumPy's negative indices and bounds checks. */
  offsetOf(indices: readonly number[]): number {
    return flatIndex(this.shape, indices);
  }

  /** Reads one element: `x.get(1, 2)` is NumPy's `x[1, 2]`. Negative indices count from the end. */
  get(...indices: number[]): number {
    const shape = this.shape;
    if (indices.length === 1 && shape.length === 1) {
      const i = indices[0];
      if (typeof i === "number" && i >= 0 && i < shape[0] && (i | 0) === i) return this.data[i];
    }
    return this.data[flatIndex(shape, indices)];
  }

  /** Writes one element: `x.set([1, 2], 5)` is NumPy's `x[1, 2] = 5`. */
  set(indices: readonly number[], value: number): void {
    if (typeof value !== "number") {
      throw new TypeError(NP_MESSAGES().setValue(describe(value), bigIntHint(value)));
    }
    const shape = this.shape;
    if (indices.length === 2 && shape.length === 2) {
      const i = indices[0], j = indices[1], m = shape[1];
      if (
        typeof i === "number" && typeof j === "number" && i >= 0 && i < shape[0] &&
        (i | 0) === i && j >= 0 && j < m && (j | 0) === j
      ) {
        this.data[i * m + j] = value;
        return;
      }
    }
    this.data[flatIndex(shape, indices)] = value;
  }

  /** The single element of a one-element array as a number (NumPy's `item()`). */
  item(): number {
    if (this.size !== 1) {
      throw new RangeError(NP_MESSAGES().itemNotOne(showShape(this.shape)));
    }
    return this.data[0];
  }

  /**
   * The same elements in a new shape; one size may be -1 and is then inferred.
   * Shares the data (like a NumPy view of a contiguous array).
   */
  reshape(...shape: number[] | [Shape]): NDArray {
    const wanted: number[] = Array.isArray(shape[0]) ? [...shape[0]] : shape as number[];
    // Non-numbers first: a BigInt would break the arithmetic that infers the -1 below.
    for (let i = 0; i < wanted.length; i++) {
      const n: unknown = wanted[i];
      if (typeof n !== "number") {
        throw new TypeError(NP_MESSAGES().reshapeNotNumber(describe(n), i, bigIntHint(n)));
      }
    }
    const unknown = wanted.indexOf(-1);
    if (unknown !== -1) {
      if (wanted.indexOf(-1, unknown + 1) !== -1) {
        throw new RangeError(NP_MESSAGES().reshapeTwoUnknown(showShape(wanted)));
      }
      const known = wanted.reduce((p, n, i) => (i === unknown ? p : p * n), 1);
      if (known === 0 || this.size % known !== 0) {
        throw new RangeError(
          NP_MESSAGES().reshapeNotMultiple(this.size, showShape(wanted), known),
        );
      }
      wanted[unknown] = this.size / known;
    }
    const checked = checkShape(wanted, "new shape");
    if (shapeSize(checked) !== this.size) {
      throw new RangeError(
        NP_MESSAGES().reshapeSizes(
          this.size,
          showShape(this.shape),
          showShape(checked),
          shapeSize(checked),
        ),
      );
    }
    return new NDArray(this.data, checked);
  }

  /**
   * A slice as a new array: `x.slice(0, "1:3", null)` is NumPy's `x[0, 1:3, :]`.
   * Each spec is an index (the axis is dropped), a `"start:stop:step"` string or `null`;
   * missing trailing specs take the whole axis.
   */
  slice(...specs: SliceSpec[]): NDArray {
    return sliceArray(this, specs);
  }

  /**
   * Writes into a slice: `x.assign([null, 0], 5)` is NumPy's `x[:, 0] = 5`. The value
   * broadcasts to the slice's shape.
   */
  assign(specs: readonly SliceSpec[], value: NDArray | number): void {
    if (typeof value !== "number" && !(value instanceof NDArray)) {
      throw new TypeError(NP_MESSAGES().assignValue(describe(value), bigIntHint(value)));
    }
    const v = typeof value === "number" ? new NDArray(new Float64Array([value]), []) : value;
    assignSlice(this, specs, v);
  }

  /** A 1-D array of all elements (a copy, like NumPy's `flatten`). */
  flatten(): NDArray {
    return new NDArray(copyOf(this.data, "flatten", [this.size]), [this.size]);
  }

  /** A deep copy. */
  clone(): NDArray {
    return new NDArray(copyOf(this.data, "clone", this.shape), this.shape);
  }

  /** A copy converted to another dtype (a copy even when the dtype is the same, as in NumPy). */
  astype(dtype: DType): NDArray {
    const out = allocate(checkDType(dtype), this.size, { name: "astype", shape: this.shape });
    out.set(this.data);
    return new NDArray(out, this.shape);
  }

  /**
   * Permutes the axes, as a new contiguous array. Without arguments the axes are reversed.
   *
   * @param axes A permutation of `0 .. ndim-1` (negative axes allowed).
   */
  transpose(...axes: number[]): NDArray {
    const ndim = this.ndim;
    const perm = axes.length === 0
      ? [...Array(ndim).keys()].reverse()
      : axes.map((a) => normalizeAxis(a, ndim));
    if (perm.length !== ndim || new Set(perm).size !== ndim) {
      throw new RangeError(
        NP_MESSAGES().transposeAxes(ndim, showShape(this.shape), axes.join(", ")),
      );
    }
    return permute(this, perm);
  }

  /** The elements as nested JavaScript arrays (NumPy's `tolist()`). */
  toArray(): NestedArray {
    if (this.ndim === 0) return this.data[0];
    const build = (axis: number, offset: number, strides: number[]): NestedArray => {
      const n = this.shape[axis];
      const out: NestedArray[] = [];
      for (let i = 0; i < n; i++) {
        const at = offset + i * strides[axis];
        out.push(axis === this.ndim - 1 ? this.data[at] : build(axis + 1, at, strides));
      }
      return out;
    };
    return build(0, 0, this.strides);
  }

  /** A NumPy-like picture of the array: `array([[1., 2.], [3., 4.]])`. */
  toString(): string {
    return formatArray(this);
  }

  /** Shown by `console.log` and the Deno REPL. */
  [Symbol.for("Deno.customInspect")](): string {
    return this.toString();
  }
}

/** A copy of a typed array, allocated through {@linkcode allocate} so a failure is named. */
function copyOf(data: TypedArray, name: string, shape: Shape): TypedArray {
  const out = allocate(dtypeOf(data), data.length, { name, shape });
  out.set(data);
  return out;
}

/** Copies an array with its axes permuted (the engine behind `transpose`). */
function permute(x: NDArray, perm: number[]): NDArray {
  const out = allocate(x.dtype, x.size, { name: "transpose", shape: perm.map((a) => x.shape[a]) });
  permuteKernel(x.data, out, x.shape, perm);
  return new NDArray(out, perm.map((a) => x.shape[a]));
}

/**
 * The flat position of an element: a fast path for one or two in-bounds non-negative integer
 * indices (the book's loops over elements: `dmax[i, arg_max[i]] = dout[i]`), else the general
 * case. Small and monomorphic on purpose, so that V8 inlines it into get() and set().
 */
function flatIndex(shape: Shape, indices: readonly number[]): number {
  const ndim = shape.length;
  if (indices.length === ndim) {
    if (ndim === 1) {
      const i = indices[0];
      if (typeof i === "number" && i >= 0 && i < shape[0] && (i | 0) === i) return i;
    } else if (ndim === 2) {
      const i = indices[0], j = indices[1], m = shape[1];
      if (
        typeof i === "number" && typeof j === "number" && i >= 0 && i < shape[0] &&
        (i | 0) === i && j >= 0 && j < m && (j | 0) === j
      ) {
        return i * m + j;
      }
    }
  }
  return checkedOffset(shape, indices);
}

/** offsetOf() for negative indices, more axes, and the errors of wrong ones. */
function checkedOffset(shape: Shape, indices: readonly number[]): number {
  if (indices.length !== shape.length) {
    throw new RangeError(
      NP_MESSAGES().indexCount(showShape(shape), shape.length, indices.length),
    );
  }
  let offset = 0;
  let step = 1;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const n = shape[axis];
    let i: unknown = indices[axis];
    if (typeof i !== "number" || !Number.isInteger(i)) {
      throw new TypeError(NP_MESSAGES().indexNotInteger(describe(i), axis, bigIntHint(i)));
    }
    if (i < -n || i >= n) {
      throw new RangeError(NP_MESSAGES().indexOutOfBounds(i, axis, n));
    }
    if (i < 0) i += n;
    offset += i * step;
    step *= n;
  }
  return offset;
}
