/**
 * Element-wise arithmetic, comparisons and math functions with NumPy broadcasting
 * (the book's §1.5.3–1.5.5).
 *
 * Plain numbers and nested arrays are "weak", as Python scalars are in NumPy 2: they take
 * the dtype of the NDArray they meet, so `mul(x32, 0.5)` stays float32. Two NDArrays give
 * float64 unless both are float32. Every function takes an optional `out` array to write
 * into, which is how the optimizers update parameters in place.
 *
 * @module
 */

import { broadcastShapes } from "./broadcast.ts";
import { asarray } from "./creation.ts";
import { describe } from "./describe.ts";
import { NP_MESSAGES } from "./messages.ts";
import {
  type Arithmetic,
  type BinaryFn,
  binaryLoop,
  unaryLoop,
  whereLoop,
} from "./kernels/elementwise.ts";
import {
  allocate,
  type ArrayLike,
  broadcastStrides,
  type DType,
  NDArray,
  type Shape,
  shapeSize,
  showShape,
} from "./ndarray.ts";

/** Options of element-wise functions. */
export interface OutOptions {
  /** An array of the result's shape to write into (may be one of the inputs). */
  out?: NDArray;
}

/** The dtype of a result: float32 only when every NDArray operand is float32. */
function resultDType(...operands: ArrayLike[]): DType {
  const arrays = operands.filter((x): x is NDArray => x instanceof NDArray);
  if (arrays.length === 0) return "float64";
  return arrays.every((x) => x.dtype === "float32") ? "float32" : "float64";
}

/** The output array: `out` after checking its shape, or a new array. */
function output(shape: Shape, dtype: DType, out: NDArray | undefined, name: string): NDArray {
  if (out === undefined) {
    return new NDArray(allocate(dtype, shapeSize(shape), { name, shape }), shape);
  }
  if (!(out instanceof NDArray)) {
    throw new TypeError(NP_MESSAGES().outNotNDArray(name));
  }
  if (out.shape.length !== shape.length || out.shape.some((n, i) => n !== shape[i])) {
    throw new TypeError(NP_MESSAGES().outShape(name, showShape(out.shape), showShape(shape)));
  }
  return out;
}

function binary(
  name: string,
  op: Arithmetic | BinaryFn,
  a: ArrayLike,
  b: ArrayLike,
  options: OutOptions,
): NDArray {
  const dtype = resultDType(a, b);
  const x = asarray(a, dtype), y = asarray(b, dtype);
  const shape = sameShape(x.shape, y.shape) ? x.shape : broadcastShapes(x.shape, y.shape);
  const out = output(shape, dtype, options.out, name);
  if (sameShape(x.shape, y.shape)) {
    // One flat run: the common case of two arrays of one shape needs no index arithmetic.
    const flat = [out.size];
    binaryLoop(op, { data: x.data, strides: [1] }, { data: y.data, strides: [1] }, out.data, flat);
  } else {
    const sx = broadcastStrides(x.shape, shape), sy = broadcastStrides(y.shape, shape);
    binaryLoop(op, { data: x.data, strides: sx }, { data: y.data, strides: sy }, out.data, shape);
  }
  return out;
}

function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

/**
 * a + b element by element, with broadcasting.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const x = np.array([[1, 2, 3], [4, 5, 6]]);
 * assert.deepEqual(np.add(x, [10, 20, 30]).toArray(), [[11, 22, 33], [14, 25, 36]]);
 * assert.deepEqual(np.add(x, 1).toArray(), [[2, 3, 4], [5, 6, 7]]);
 * ```
 */
export function add(a: ArrayLike, b: ArrayLike, options: OutOptions = {}): NDArray {
  return binary("add", "add", a, b, options);
}

/**
 * a - b element by element, with broadcasting.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.sub([3, 4], 1).toArray(), [2, 3]);
 * ```
 */
export function sub(a: ArrayLike, b: ArrayLike, options: OutOptions = {}): NDArray {
  return binary("sub", "sub", a, b, options);
}

/**
 * a * b element by element (not the matrix product: that is {@linkcode dot}).
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.mul([1, 2], [3, 4]).toArray(), [3, 8]);
 * ```
 */
export function mul(a: ArrayLike, b: ArrayLike, options: OutOptions = {}): NDArray {
  return binary("mul", "mul", a, b, options);
}

/**
 * a / b element by element, with broadcasting.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.div([1, 3], 2).toArray(), [0.5, 1.5]);
 * ```
 */
export function div(a: ArrayLike, b: ArrayLike, options: OutOptions = {}): NDArray {
  return binary("div", "div", a, b, options);
}

/**
 * a ** b element by element, with broadcasting.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.pow([1, 2, 3], 2).toArray(), [1, 4, 9]);
 * ```
 */
export function pow(a: ArrayLike, b: ArrayLike, options: OutOptions = {}): NDArray {
  return binary("pow", Math.pow, a, b, options);
}

/**
 * The larger of a and b element by element (NaN if either is NaN), like `np.maximum`.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.maximum([-1, 2], 0).toArray(), [0, 2]);
 * ```
 */
export function maximum(a: ArrayLike, b: ArrayLike, options: OutOptions = {}): NDArray {
  return binary("maximum", "maximum", a, b, options);
}

/**
 * The smaller of a and b element by element (NaN if either is NaN), like `np.minimum`.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.minimum([-1, 2], 0).toArray(), [-1, 0]);
 * ```
 */
export function minimum(a: ArrayLike, b: ArrayLike, options: OutOptions = {}): NDArray {
  return binary("minimum", "minimum", a, b, options);
}

/**
 * 1 where a == b, else 0 (NumPy gives booleans; here they are 1 and 0 of the result dtype).
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.equal([1, 2, 3], [1, 0, 3]).toArray(), [1, 0, 1]);
 * ```
 */
export function equal(a: ArrayLike, b: ArrayLike, options: OutOptions = {}): NDArray {
  return binary("equal", "equal", a, b, options);
}

/**
 * 1 where a != b, else 0.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.notEqual([1, 2], [1, 0]).toArray(), [0, 1]);
 * ```
 */
export function notEqual(a: ArrayLike, b: ArrayLike, options: OutOptions = {}): NDArray {
  return binary("notEqual", "notEqual", a, b, options);
}

/**
 * 1 where a > b, else 0.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.greater([-1, 0, 1], 0).toArray(), [0, 0, 1]);
 * ```
 */
export function greater(a: ArrayLike, b: ArrayLike, options: OutOptions = {}): NDArray {
  return binary("greater", "greater", a, b, options);
}

/**
 * 1 where a >= b, else 0.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.greaterEqual([-1, 0, 1], 0).toArray(), [0, 1, 1]);
 * ```
 */
export function greaterEqual(a: ArrayLike, b: ArrayLike, options: OutOptions = {}): NDArray {
  return binary("greaterEqual", "greaterEqual", a, b, options);
}

/**
 * 1 where a < b, else 0.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.less([-1, 0, 1], 0).toArray(), [1, 0, 0]);
 * ```
 */
export function less(a: ArrayLike, b: ArrayLike, options: OutOptions = {}): NDArray {
  return binary("less", "less", a, b, options);
}

/**
 * 1 where a <= b, else 0.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.lessEqual([-1, 0, 1], 0).toArray(), [1, 1, 0]);
 * ```
 */
export function lessEqual(a: ArrayLike, b: ArrayLike, options: OutOptions = {}): NDArray {
  return binary("lessEqual", "lessEqual", a, b, options);
}

/**
 * a where cond is non-zero, else b, all broadcast together, like `np.where(cond, a, b)`.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const x = np.array([-2, 3, -1]);
 * assert.deepEqual(np.where(np.greater(x, 0), x, 0).toArray(), [0, 3, 0]);
 * ```
 */
export function where(cond: ArrayLike, a: ArrayLike, b: ArrayLike): NDArray {
  const dtype = resultDType(a, b);
  const c = asarray(cond), x = asarray(a, dtype), y = asarray(b, dtype);
  const shape = broadcastShapes(broadcastShapes(c.shape, x.shape), y.shape);
  const out = new NDArray(allocate(dtype, shapeSize(shape), { name: "where", shape }), shape);
  whereLoop(
    { data: c.data, strides: broadcastStrides(c.shape, shape) },
    { data: x.data, strides: broadcastStrides(x.shape, shape) },
    { data: y.data, strides: broadcastStrides(y.shape, shape) },
    out.data,
    shape,
  );
  return out;
}

function unary(name: string, f: (v: number) => number, x: ArrayLike, options: OutOptions) {
  const a = asarray(x);
  const out = output(a.shape, a.dtype, options.out, name);
  unaryLoop(f, a.data, out.data);
  return out;
}

/**
 * e**x element by element.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.exp([0]).toArray(), [1]);
 * ```
 */
export function exp(x: ArrayLike, options: OutOptions = {}): NDArray {
  return unary("exp", Math.exp, x, options);
}

/**
 * The natural logarithm element by element (`-inf` at 0, NaN below, as in NumPy).
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.log([1, 0]).toArray(), [0, -Infinity]);
 * ```
 */
export function log(x: ArrayLike, options: OutOptions = {}): NDArray {
  return unary("log", Math.log, x, options);
}

/**
 * The square root element by element.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.sqrt([4, 9]).toArray(), [2, 3]);
 * ```
 */
export function sqrt(x: ArrayLike, options: OutOptions = {}): NDArray {
  return unary("sqrt", Math.sqrt, x, options);
}

/**
 * The hyperbolic tangent element by element.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.tanh([0]).toArray(), [0]);
 * ```
 */
export function tanh(x: ArrayLike, options: OutOptions = {}): NDArray {
  return unary("tanh", Math.tanh, x, options);
}

/**
 * The sine element by element (radians).
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.sin([0]).toArray(), [0]);
 * ```
 */
export function sin(x: ArrayLike, options: OutOptions = {}): NDArray {
  return unary("sin", Math.sin, x, options);
}

/**
 * The cosine element by element (radians).
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.cos([0]).toArray(), [1]);
 * ```
 */
export function cos(x: ArrayLike, options: OutOptions = {}): NDArray {
  return unary("cos", Math.cos, x, options);
}

/**
 * The absolute value element by element.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.abs([-2, 3]).toArray(), [2, 3]);
 * ```
 */
export function abs(x: ArrayLike, options: OutOptions = {}): NDArray {
  return unary("abs", Math.abs, x, options);
}

const negate = (v: number) => -v;
const squareOf = (v: number) => v * v;

/**
 * -x element by element.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.neg([1, -2]).toArray(), [-1, 2]);
 * ```
 */
export function neg(x: ArrayLike, options: OutOptions = {}): NDArray {
  return unary("neg", negate, x, options);
}

/**
 * x² element by element.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.square([-3, 2]).toArray(), [9, 4]);
 * ```
 */
export function square(x: ArrayLike, options: OutOptions = {}): NDArray {
  return unary("square", squareOf, x, options);
}

/** Options of {@linkcode clip}. */
export interface ClipOptions extends OutOptions {
  /** The lower bound (none by default). */
  min?: number;
  /** The upper bound (none by default). */
  max?: number;
}

/**
 * Limits values to `[min, max]`, like `np.clip(x, min, max)`. A NaN element stays NaN, and a
 * NaN bound makes every element NaN, as in NumPy.
 *
 * One deliberate difference: with `min > max` NumPy returns `max` everywhere without a word;
 * `clip` refuses it with a `RangeError`, since bounds given the wrong way round (a negative
 * threshold in `clip(g, { min: c, max: -c })`, say) are a mistake to hear about.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.clip([-5, 0.5, 5], { min: -1, max: 1 }).toArray(), [-1, 0.5, 1]);
 * assert.deepEqual(np.clip([-5, 5], { min: NaN }).toArray(), [NaN, NaN]);
 * assert.throws(() => np.clip([0], { min: 1, max: -1 }), /min 1 > max -1/);
 * ```
 *
 * @param x The array.
 * @param options `min` and `max` (either may be absent); `out`: an array to write into.
 * @returns The clipped values (`out` when given).
 * @throws {TypeError} for a bound that is not a number; {RangeError} for `min > max`.
 */
export function clip(x: ArrayLike, options: ClipOptions): NDArray {
  // null counts as absent, as NumPy's None.
  const min = options.min == null ? -Infinity : boundOf(options.min, "min");
  const max = options.max == null ? Infinity : boundOf(options.max, "max");
  if (min > max) {
    throw new RangeError(NP_MESSAGES().clipBounds(min, max));
  }
  // NumPy's clip is minimum(maximum(x, min), max), which a NaN bound turns into NaN.
  if (Number.isNaN(min) || Number.isNaN(max)) return unary("clip", toNaN, x, options);
  return unary("clip", (v) => (v < min ? min : v > max ? max : v), x, options);
}

const toNaN = () => NaN;

function boundOf(value: unknown, which: "min" | "max"): number {
  if (typeof value === "number") return value;
  throw new TypeError(NP_MESSAGES().clipBound(which, describe(value)));
}
