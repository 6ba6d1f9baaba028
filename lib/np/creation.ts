/**
 * Creating arrays: `array`, `zeros`, `ones`, `full`, `arange`, `linspace`, `eye` and the
 * `*Like` variants (the book's §1.5.1–1.5.2).
 *
 * @module
 */

import { bigIntHint, checkNumber, describe } from "./describe.ts";
import { NP_DESCRIBE, NP_MESSAGES } from "./messages.ts";
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
 * Unlike NumPy, which would make an object or a string array of them, anything but numbers is
 * refused by position with a `TypeError`: a string, a boolean, `undefined`, a hole of a sparse
 * array (`[1, , 3]`, which JavaScript would read as `undefined` and a typed array store as NaN)
 * and a BigInt (convert it with `Number(…)`).
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
 * @example Holes and BigInts are refused by position
 * ```ts
 * import { array } from "./creation.ts";
 * import assert from "node:assert/strict";
 *
 * const holey = [1, 2, 3];
 * delete holey[1]; // now [1, , 3]
 * assert.throws(() => array(holey), /element \[1\] is an empty slot/);
 * assert.throws(() => array([[1, 2n as unknown as number]]), /element \[0\]\[1\] is 2n \(a BigInt\)/);
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
  const data = allocate(dtype, shapeSize(shape), { name: "array", shape });
  // The position being read, to name a bad element (`[1][0]`) without building strings.
  const at: number[] = [];
  const where = (depth: number) =>
    at.slice(0, depth).map((i) => `[${i}]`).join("") || NP_MESSAGES().top;
  let next = 0;
  const fill = (v: unknown, depth: number): void => {
    if (depth === shape.length) {
      if (typeof v !== "number") {
        throw new TypeError(
          NP_MESSAGES().arrayNotNumber(
            where(depth),
            Array.isArray(v) ? NP_DESCRIBE().nestedArray : describe(v),
            bigIntHint(v) + ndarrayHint(v),
          ),
        );
      }
      data[next++] = v;
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[depth]) {
      throw new TypeError(NP_MESSAGES().arrayRagged(where(depth), describe(v), shape[depth]));
    }
    for (let i = 0; i < v.length; i++) {
      at[depth] = i;
      const item = v[i];
      if (item === undefined && !(i in v)) {
        const m = NP_MESSAGES();
        throw new TypeError(
          m.arrayHole(
            where(depth + 1),
            depth + 1 === shape.length ? m.aNumber : m.aList(shape[depth + 1]),
          ),
        );
      }
      fill(item, depth + 1);
    }
  };
  fill(values, 0);
  return new NDArray(data, shape);
}

/** The shape of nested arrays, read from the first element at each depth. */
function nestedShape(values: NestedArray): number[] {
  const shape: number[] = [];
  let level: unknown = values;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  return shape;
}

/** The advice for an NDArray or a typed array met where nested arrays of numbers were expected. */
function ndarrayHint(v: unknown): string {
  if (v instanceof NDArray) return NP_MESSAGES().stackHint;
  return ArrayBuffer.isView(v) ? NP_MESSAGES().typedArrayHint : "";
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
 * An array of one value, like `np.full`. Any number is used as it is, NaN and -0 included.
 *
 * NumPy converts a numeric string (`np.full(2, "7", dtype=float)` is `[7., 7.]`) and makes a
 * string array of any other; `full` refuses every value that is not a number with a
 * `TypeError` naming it, since a typed array would silently store it as NaN.
 *
 * @example
 * ```ts
 * import { full } from "./creation.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(full([2], 7).toArray(), [7, 7]);
 * assert.ok(Object.is(full([1], -0).data[0], -0));
 * assert.throws(() => full([2], "7" as unknown as number), TypeError);
 * ```
 *
 * @param shape The shape.
 * @param value The number every element holds.
 * @param options `dtype`: float64 by default.
 * @returns A new array.
 * @throws {TypeError} for a fill value that is not a number, or a shape that is not a list of
 * integers; {RangeError} for a negative size or a size that cannot be allocated.
 */
export function full(shape: Shape, value: number, options: DTypeOptions = {}): NDArray {
  return filled("full", shape, checkNumber(value, "full: the fill value"), options.dtype);
}

/** An array of `shape` holding `value`, allocated for the function `name`. */
function filled(name: string, shape: Shape, value: number, dtype: DType = "float64"): NDArray {
  const checked = checkShape(shape);
  const data = allocate(checkDType(dtype), shapeSize(checked), { name, shape: checked });
  // Object.is: a fill of -0 must be written (typed arrays start at +0), and NaN too.
  if (!Object.is(value, 0)) data.fill(value);
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
  return filled("zeros", shape, 0, options.dtype);
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
  return filled("ones", shape, 1, options.dtype);
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
  return filled("zerosLike", x.shape, 0, options.dtype ?? x.dtype);
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
  return filled("onesLike", x.shape, 1, options.dtype ?? x.dtype);
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
    throw new TypeError(
      NP_MESSAGES().arangeNotFinite(describe(start), describe(stop), describe(step)),
    );
  }
  if (step === 0) throw new RangeError(NP_MESSAGES().arangeStepZero);
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const data = allocate(checkDType(options.dtype ?? "float64"), n, { name: "arange", shape: [n] });
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
  checkNumber(start, "linspace: start");
  checkNumber(stop, "linspace: stop");
  if (!Number.isInteger(num) || num < 0) {
    throw new RangeError(NP_MESSAGES().linspaceNum(describe(num)));
  }
  const endpoint = options.endpoint ?? true;
  const intervals = endpoint ? num - 1 : num;
  const step = intervals > 0 ? (stop - start) / intervals : 0;
  const data = allocate(checkDType(options.dtype ?? "float64"), num, {
    name: "linspace",
    shape: [num],
  });
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
  const out = filled("eye", [n, n], 0, options.dtype);
  for (let i = 0; i < n; i++) out.data[i * n + i] = 1;
  return out;
}
