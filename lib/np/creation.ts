/**
 * Creating arrays: `array`, `zeros`, `ones`, `full`, `arange`, `linspace`, `eye` and the
 * `*Like` variants (the book's §1.5.1–1.5.2).
 *
 * @module
 */

import {
  allocate,
  type ArrayLike,
  checkDType,
  checkShape,
  type DType,
  NDArray,
  type NestedArray,
  type Shape,
  shapeSize,
} from "./ndarray.ts";

/** Options for functions that create an array. */
export interface DTypeOptions {
  /** The element type; `"float64"` unless said otherwise. */
  dtype?: DType;
}

/**
 * An array from nested JavaScript arrays (or a copy of an NDArray), like `np.array`.
 *
 * @example
 * ```ts
 * import { array } from "./creation.ts";
 * import assert from "node:assert/strict";
 *
 * const x = array([[1, 2], [3, 4]]);
 * assert.deepEqual(x.shape, [2, 2]);
 * assert.equal(x.dtype, "float64");
 * assert.equal(array([1, 2], { dtype: "float32" }).dtype, "float32");
 * ```
 *
 * @param values Nested arrays of numbers, a number (a 0-d array) or an NDArray (copied).
 * @param options `dtype`: float64 by default, or the dtype of an NDArray passed in.
 * @returns A new array.
 * @throws {TypeError} when the nesting is ragged or holds something other than numbers.
 */
export function array(values: ArrayLike, options: DTypeOptions = {}): NDArray {
  if (values instanceof NDArray) return values.astype(options.dtype ?? values.dtype);
  const dtype = checkDType(options.dtype ?? "float64");
  const shape = nestedShape(values);
  const data = allocate(dtype, shapeSize(shape));
  let at = 0;
  const fill = (v: NestedArray, depth: number): void => {
    if (depth === shape.length) {
      data[at++] = v as number;
      return;
    }
    for (const item of v as readonly NestedArray[]) fill(item, depth + 1);
  };
  fill(values, 0);
  return new NDArray(data, shape);
}

/** The shape of nested arrays, checking that every level is rectangular and holds numbers. */
function nestedShape(values: NestedArray): number[] {
  const shape: number[] = [];
  let level: NestedArray = values;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  const check = (v: NestedArray, depth: number, path: string): void => {
    if (depth === shape.length) {
      if (typeof v !== "number") {
        throw new TypeError(
          `Cannot make an array: element ${path || "(top)"} is ${
            Array.isArray(v) ? "a nested array" : JSON.stringify(v)
          }, expected a number at this depth`,
        );
      }
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[depth]) {
      throw new TypeError(
        `Cannot make an array from ragged nested arrays: element ${path || "(top)"} ` +
          `should be a list of length ${shape[depth]}, like the first one at that depth`,
      );
    }
    v.forEach((item: NestedArray, i: number) => check(item, depth + 1, `${path}[${i}]`));
  };
  check(values, 0, "");
  return shape;
}

/**
 * Makes an NDArray of anything array-like; NDArrays pass through without a copy.
 *
 * @param values An NDArray, a number or nested arrays.
 * @param dtype The dtype for values that are not yet an NDArray.
 */
export function asarray(values: ArrayLike, dtype: DType = "float64"): NDArray {
  return values instanceof NDArray ? values : array(values, { dtype });
}

/**
 * An array of one value, like `np.full`.
 *
 * @example
 * ```ts
 * import { full } from "./creation.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(full([2], 7).toArray(), [7, 7]);
 * ```
 */
export function full(shape: Shape, value: number, options: DTypeOptions = {}): NDArray {
  const checked = checkShape(shape);
  const data = allocate(checkDType(options.dtype ?? "float64"), shapeSize(checked));
  if (value !== 0) data.fill(value);
  return new NDArray(data, checked);
}

/**
 * An array of zeros, like `np.zeros`.
 *
 * @example
 * ```ts
 * import { zeros } from "./creation.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(zeros([2, 2]).toArray(), [[0, 0], [0, 0]]);
 * ```
 */
export function zeros(shape: Shape, options: DTypeOptions = {}): NDArray {
  return full(shape, 0, options);
}

/**
 * An array of ones, like `np.ones`.
 *
 * @example
 * ```ts
 * import { ones } from "./creation.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(ones([3]).toArray(), [1, 1, 1]);
 * ```
 */
export function ones(shape: Shape, options: DTypeOptions = {}): NDArray {
  return full(shape, 1, options);
}

/**
 * Zeros with the shape and dtype of another array, like `np.zeros_like`.
 *
 * @example
 * ```ts
 * import { array, zerosLike } from "./creation.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(zerosLike(array([[1, 2]])).shape, [1, 2]);
 * ```
 */
export function zerosLike(x: NDArray, options: DTypeOptions = {}): NDArray {
  return full(x.shape, 0, { dtype: options.dtype ?? x.dtype });
}

/**
 * Ones with the shape and dtype of another array, like `np.ones_like`.
 *
 * @example
 * ```ts
 * import { array, onesLike } from "./creation.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(onesLike(array([5, 6])).toArray(), [1, 1]);
 * ```
 */
export function onesLike(x: NDArray, options: DTypeOptions = {}): NDArray {
  return full(x.shape, 1, { dtype: options.dtype ?? x.dtype });
}

/** Options of {@linkcode arange}. */
export interface ArangeOptions extends DTypeOptions {
  /** The step between values (1 by default); may be negative. */
  step?: number;
}

/**
 * Evenly spaced values in `[start, stop)`, like `np.arange(start, stop, step)`.
 * With one argument it counts from 0: `arange(3)` is `[0, 1, 2]`.
 *
 * @example
 * ```ts
 * import { arange } from "./creation.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(arange(3).toArray(), [0, 1, 2]);
 * assert.deepEqual(arange(1, 2, { step: 0.25 }).toArray(), [1, 1.25, 1.5, 1.75]);
 * ```
 */
export function arange(start: number, stop?: number, options: ArangeOptions = {}): NDArray {
  const step = options.step ?? 1;
  if (stop === undefined) [start, stop] = [0, start];
  if (!Number.isFinite(start) || !Number.isFinite(stop) || !Number.isFinite(step)) {
    throw new TypeError(`arange needs finite numbers, got ${start}, ${stop}, step ${step}`);
  }
  if (step === 0) throw new RangeError("arange's step must not be 0");
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const data = allocate(checkDType(options.dtype ?? "float64"), n);
  for (let i = 0; i < n; i++) data[i] = start + i * step;
  return new NDArray(data, [n]);
}

/** Options of {@linkcode linspace}. */
export interface LinspaceOptions extends DTypeOptions {
  /** How many values (50 by default, as in NumPy). */
  num?: number;
  /** Whether `stop` is included (true by default). */
  endpoint?: boolean;
}

/**
 * `num` evenly spaced values from `start` to `stop`, like `np.linspace`.
 *
 * @example
 * ```ts
 * import { linspace } from "./creation.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(linspace(0, 1, { num: 5 }).toArray(), [0, 0.25, 0.5, 0.75, 1]);
 * ```
 */
export function linspace(start: number, stop: number, options: LinspaceOptions = {}): NDArray {
  const num = options.num ?? 50;
  if (!Number.isInteger(num) || num < 0) {
    throw new RangeError(`linspace's num must be a non-negative integer, got ${num}`);
  }
  const endpoint = options.endpoint ?? true;
  const intervals = endpoint ? num - 1 : num;
  const step = intervals > 0 ? (stop - start) / intervals : 0;
  const data = allocate(checkDType(options.dtype ?? "float64"), num);
  for (let i = 0; i < num; i++) data[i] = start + i * step;
  if (endpoint && num > 1) data[num - 1] = stop;
  return new NDArray(data, [num]);
}

/**
 * The n×n identity matrix, like `np.eye(n)`.
 *
 * @example
 * ```ts
 * import { eye } from "./creation.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(eye(2).toArray(), [[1, 0], [0, 1]]);
 * ```
 */
export function eye(n: number, options: DTypeOptions = {}): NDArray {
  const out = zeros([n, n], options);
  for (let i = 0; i < n; i++) out.data[i * n + i] = 1;
  return out;
}
