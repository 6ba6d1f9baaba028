/**
 * Matrix products: `dot` and `matmul` with NumPy's rules for 1-D, 2-D and N-D arrays
 * (the book's §3.3).
 *
 * @module
 */

import { broadcastShapes } from "./broadcast.ts";
import { asarray } from "./creation.ts";
import { mul } from "./elementwise.ts";
import { gemm, gemmBatch } from "./kernels/matmul.ts";
import { NP_MESSAGES } from "./messages.ts";
import { allocate, type ArrayLike, type DType, NDArray, shapeSize, showShape } from "./ndarray.ts";

function productDType(a: NDArray, b: NDArray): DType {
  return a.dtype === "float32" && b.dtype === "float32" ? "float32" : "float64";
}

/** The product of an (m×k) and a (k×n) array as a new (m×n) array of `dtype`. */
function matmul2d(
  a: NDArray,
  b: NDArray,
  [m, k, n]: [number, number, number],
  dtype: DType,
  shape: number[],
) {
  const c = allocate(dtype, m * n, { name: "dot", shape });
  gemm({ m, n, k, a: a.data, b: b.data, c });
  return c;
}

/** Converts both operands to the product's dtype, so the kernel sees one element type. */
function operands(x: ArrayLike, y: ArrayLike): [NDArray, NDArray, DType] {
  let a = asarray(x), b = asarray(y);
  const dtype = productDType(a, b);
  if (a.dtype !== dtype) a = a.astype(dtype);
  if (b.dtype !== dtype) b = b.astype(dtype);
  return [a, b, dtype];
}

function notAligned(a: NDArray, b: NDArray, axisA: number, axisB: number): TypeError {
  return new TypeError(
    NP_MESSAGES().notAligned(
      showShape(a.shape),
      showShape(b.shape),
      a.shape[axisA],
      axisA,
      b.shape[axisB],
      axisB,
      b.ndim > 1,
    ),
  );
}

/** Options of {@linkcode dot}: NumPy has no such flags; they save the copy `.T` makes here. */
export interface DotOptions {
  /** Multiply by the transpose of the (2-D) left operand: `dot(a, b, { transA: true })` is `dot(a.T, b)`. */
  transA?: boolean;
  /** Multiply by the transpose of the (2-D) right operand: `dot(a, b, { transB: true })` is `dot(a, b.T)`. */
  transB?: boolean;
}

/** The product of 2-D operands with either one read transposed in place (the kernel's flags). */
function dotTransposed(a: NDArray, b: NDArray, dtype: DType, options: DotOptions): NDArray {
  if (a.ndim !== 2 || b.ndim !== 2) {
    throw new TypeError(NP_MESSAGES().dotTransposedRank(showShape(a.shape), showShape(b.shape)));
  }
  const transA = options.transA ?? false, transB = options.transB ?? false;
  const [m, k] = transA ? [a.shape[1], a.shape[0]] : a.shape;
  const [kb, n] = transB ? [b.shape[1], b.shape[0]] : b.shape;
  if (k !== kb) {
    throw new TypeError(
      NP_MESSAGES().dotTransposedNotAligned(
        showShape(a.shape),
        transA,
        showShape(b.shape),
        transB,
        k,
        kb,
      ),
    );
  }
  const c = allocate(dtype, m * n, { name: "dot", shape: [m, n] });
  gemm({ m, n, k, a: a.data, b: b.data, c, transA, transB });
  return new NDArray(c, [m, n]);
}

/**
 * The dot product with NumPy's rules: inner product of vectors, matrix product of
 * matrices, and for N-D arrays a sum over the last axis of `a` and the second-to-last of `b`.
 *
 * @example Vectors, matrices, and a batch of rows times a weight matrix
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(np.dot([1, 2, 3], [4, 5, 6]).item(), 32);
 * const A = np.array([[1, 2], [3, 4]]);
 * const B = np.array([[5, 6], [7, 8]]);
 * assert.deepEqual(np.dot(A, B).toArray(), [[19, 22], [43, 50]]);
 * assert.deepEqual(np.dot([1, 2], B).toArray(), [19, 22]);
 * ```
 *
 * @example Backward passes multiply by transposes: `transA` gives `dot(x.T, dout)` without a copy
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const x = np.array([[1, 2, 3], [4, 5, 6]]);
 * const dout = np.array([[1, 0], [0, 1]]);
 * assert.deepEqual(np.dot(x, dout, { transA: true }).toArray(), np.dot(x.T, dout).toArray());
 * ```
 *
 * @param x The left operand.
 * @param y The right operand.
 * @param options `transA`/`transB`: use the transpose of a 2-D operand without copying it.
 * @returns The product (a 0-d array for two vectors; `.item()` gives the number).
 * @throws {TypeError} when the shared axes differ in length.
 */
export function dot(x: ArrayLike, y: ArrayLike, options: DotOptions = {}): NDArray {
  const [a, b, dtype] = operands(x, y);
  if (options.transA || options.transB) return dotTransposed(a, b, dtype, options);
  if (a.ndim === 0 || b.ndim === 0) return mul(a, b);
  const k = a.shape[a.ndim - 1];
  const axisB = b.ndim === 1 ? 0 : b.ndim - 2;
  if (b.shape[axisB] !== k) throw notAligned(a, b, a.ndim - 1, axisB);
  const m = shapeSize(a.shape.slice(0, -1));
  if (b.ndim <= 2) {
    const n = b.ndim === 1 ? 1 : b.shape[1];
    const shape = [...a.shape.slice(0, -1), ...b.shape.slice(1)];
    return new NDArray(matmul2d(a, b, [m, k, n], dtype, shape), shape);
  }
  // (…, k, n) → (k, …, n): the columns of one matrix, in the order of the result's axes.
  const axes = [...b.shape.keys()];
  const moved = b.transpose(b.ndim - 2, ...axes.filter((i) => i !== b.ndim - 2));
  const n = shapeSize(moved.shape.slice(1));
  const shape = [...a.shape.slice(0, -1), ...b.shape.slice(0, -2), b.shape[b.ndim - 1]];
  return new NDArray(matmul2d(a, moved, [m, k, n], dtype, shape), shape);
}

/**
 * Options of {@linkcode matmul}, as those of {@linkcode dot}: NumPy has no such flags; they
 * read each matrix of a batch transposed in place instead of copying `swapaxes(-1, -2)`.
 */
export interface MatmulOptions {
  /** Multiply by the transpose of each matrix of the left operand (its last two axes swapped). */
  transA?: boolean;
  /** Multiply by the transpose of each matrix of the right operand (its last two axes swapped). */
  transB?: boolean;
  /**
   * An array of the result's shape and dtype to write into, as NumPy's `out=`, instead of a new
   * one (a layer can reuse a scratch array from call to call). It must not share memory with
   * either operand.
   */
  out?: NDArray;
}

/**
 * The matrix product with NumPy's `matmul` (`@`) rules: the last two axes multiply, the
 * axes before them broadcast as a batch, and a 1-D operand acts as a row or a column.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const batch = np.ones([5, 2, 3]);
 * assert.deepEqual(np.matmul(batch, np.ones([3, 4])).shape, [5, 2, 4]);
 * ```
 *
 * @example A batch times the transpose of each of its matrices, without copying them
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const a = np.arange(12).reshape(2, 2, 3);
 * const gram = np.matmul(a, a, { transB: true }); // a[i] · a[i]ᵀ
 * assert.deepEqual(gram.toArray(), np.matmul(a, a.transpose(0, 2, 1)).toArray());
 * ```
 *
 * @param x The left operand.
 * @param y The right operand.
 * @param options `transA`/`transB`: use the transpose of each matrix of an operand of 2 or more
 * axes without copying it; `out`: write the result into this array.
 * @returns The products, of shape `[...batch, m, n]` (`out` when given).
 * @throws {TypeError} for 0-d operands, mismatched inner sizes, batch shapes that do not
 * broadcast, a transpose flag on a 1-D operand, or an `out` of another shape or dtype or that
 * overlaps an operand.
 */
export function matmul(x: ArrayLike, y: ArrayLike, options: MatmulOptions = {}): NDArray {
  let [a, b, dtype] = operands(x, y);
  // The operands as the user passed them, for the messages (a 1-D one is reshaped below).
  const givenA = a, givenB = b;
  if (a.ndim === 0 || b.ndim === 0) {
    throw new TypeError(NP_MESSAGES().matmulScalar);
  }
  const transA = options.transA ?? false, transB = options.transB ?? false;
  if ((transA && a.ndim === 1) || (transB && b.ndim === 1)) {
    throw new TypeError(
      NP_MESSAGES().matmulTransposedVector(showShape(a.shape), showShape(b.shape)),
    );
  }
  const vectorA = a.ndim === 1, vectorB = b.ndim === 1;
  if (vectorA) a = a.reshape(1, -1);
  if (vectorB) b = b.reshape(-1, 1);
  const [ra, ca] = a.shape.slice(-2), [rb, cb] = b.shape.slice(-2);
  const [m, k] = transA ? [ca, ra] : [ra, ca], [kb, n] = transB ? [cb, rb] : [rb, cb];
  if (k !== kb) {
    if (!transA && !transB) {
      throw notAligned(givenA, givenB, givenA.ndim - 1, vectorB ? 0 : givenB.ndim - 2);
    }
    throw new TypeError(
      NP_MESSAGES().matmulTransposedNotAligned(
        showShape(givenA.shape),
        transA,
        showShape(givenB.shape),
        transB,
        k,
        kb,
      ),
    );
  }
  const batchA = a.shape.slice(0, -2), batchB = b.shape.slice(0, -2);
  let batch: number[];
  try {
    batch = broadcastShapes(batchA, batchB);
  } catch {
    throw new TypeError(
      NP_MESSAGES().matmulBatch(
        showShape(givenA.shape),
        showShape(givenB.shape),
        showShape(batchA),
        showShape(batchB),
      ),
    );
  }
  const count = shapeSize(batch);
  const shape = [...batch, ...(vectorA ? [] : [m]), ...(vectorB ? [] : [n])];
  const out = options.out === undefined
    ? allocate(dtype, count * m * n, { name: "matmul", shape })
    : checkOut(options.out, shape, dtype, [a, b]);
  // One matrix shared by the whole batch (a 2-D operand, or batch axes all 1), or one matrix per
  // product: a batch for gemmBatch, which shares it between two threads. Other broadcasts
  // (say [2, 1] against [1, 5]) go product by product.
  const strideOf = (x: NDArray, size: number) => {
    const own = x.shape.slice(0, -2);
    if (shapeSize(own) === 1) return 0;
    const padded = [...Array(batch.length - own.length).fill(1), ...own];
    return padded.every((d, i) => d === batch[i]) ? size : -1;
  };
  const strideA = strideOf(a, m * k), strideB = strideOf(b, k * n);
  if (strideA >= 0 && strideB >= 0) {
    gemmBatch({ m, n, k, a: a.data, b: b.data, c: out, transA, transB, count, strideA, strideB });
    return options.out ?? new NDArray(out, shape);
  }
  const aStep = batchSteps(a.shape.slice(0, -2), batch, m * k);
  const bStep = batchSteps(b.shape.slice(0, -2), batch, k * n);
  for (let i = 0; i < count; i++) {
    gemm({
      m,
      n,
      k,
      a: a.data.subarray(aStep(i), aStep(i) + m * k),
      b: b.data.subarray(bStep(i), bStep(i) + k * n),
      c: out.subarray(i * m * n, (i + 1) * m * n),
      transA,
      transB,
    });
  }
  return options.out ?? new NDArray(out, shape);
}

/** The data of matmul's `out` option, after checking that it can take the result. */
function checkOut(out: NDArray, shape: number[], dtype: DType, operands: NDArray[]) {
  if (!(out instanceof NDArray)) throw new TypeError(NP_MESSAGES().outNotNDArray("matmul"));
  if (
    out.dtype !== dtype || out.shape.length !== shape.length ||
    out.shape.some((n, i) => n !== shape[i])
  ) {
    throw new TypeError(
      NP_MESSAGES().matmulOut(out.dtype, showShape(out.shape), dtype, showShape(shape)),
    );
  }
  const start = out.data.byteOffset, end = start + out.data.byteLength;
  for (const x of operands) {
    const from = x.data.byteOffset, to = from + x.data.byteLength;
    if (x.data.buffer === out.data.buffer && from < end && start < to) {
      throw new TypeError(NP_MESSAGES().matmulOutShared);
    }
  }
  return out.data;
}

/** Maps the i-th matrix of a broadcast batch to its offset in an operand's data. */
function batchSteps(shape: readonly number[], batch: number[], matrixSize: number) {
  const pad = batch.length - shape.length;
  const full = [...Array(pad).fill(1), ...shape];
  return (i: number): number => {
    let offset = 0, step = matrixSize;
    for (let axis = batch.length - 1; axis >= 0; axis--) {
      const index = i % batch[axis];
      i = Math.floor(i / batch[axis]);
      if (full[axis] !== 1) offset += index * step;
      step *= full[axis];
    }
    return offset;
  };
}
