/**
 * Element-wise loops over typed arrays, with NumPy broadcasting expressed as strides.
 *
 * The API in `../elementwise.ts` works out shapes and dtypes; these loops only move numbers.
 * The common arithmetic has its own loops because a loop that calls an arbitrary function per
 * element runs several times slower once V8 has seen more than a few functions there.
 *
 * @module
 */

import type { TypedArray } from "../ndarray.ts";

/** A function of two numbers applied element by element. */
export type BinaryFn = (a: number, b: number) => number;

/**
 * The operations that get dedicated loops, by NumPy name: arithmetic, `maximum`/`minimum`
 * (NaN wins, as `Math.max`), and comparisons (1 where true, else 0). A comparison's loop has no
 * branch, which matters on random signs (ReLU's `lessEqual(x, 0)`: 7 ns per element through a
 * function, 1.2 here).
 */
export type Arithmetic =
  | "add"
  | "sub"
  | "mul"
  | "div"
  | "maximum"
  | "minimum"
  | "equal"
  | "notEqual"
  | "greater"
  | "greaterEqual"
  | "less"
  | "lessEqual";

/** An operand of a broadcast loop: its data and one stride per output axis (0 where it repeats). */
export interface Operand {
  data: TypedArray;
  strides: readonly number[];
}

/**
 * out[i] = f(a[i], b[i]) for every element of an output of `shape`, reading each operand
 * through its strides (a stride of 0 repeats a value along an axis: broadcasting).
 */
export function binaryLoop(
  op: Arithmetic | BinaryFn,
  a: Operand,
  b: Operand,
  out: TypedArray,
  shape: readonly number[],
): void {
  if (out.length === 0) return;
  // Merge neighbouring axes along which both operands are contiguous (or both repeat), so that
  // x + scalar is one row and a trailing-row bias is (rows, n): the loop below then runs long.
  const [shapeM, saM, sbM] = mergeAxes(shape, a.strides, b.strides);
  const ndim = shapeM.length;
  if (ndim === 0) {
    rowLoop(op, a.data, 0, 0, b.data, 0, 0, out, 0, 1);
    return;
  }
  const last = ndim - 1;
  const n = shapeM[last];
  const sa = saM[last], sb = sbM[last];
  if (ndim === 2 && sa === 1 && sb === 1 && saM[0] === n && sbM[0] === 0) {
    // Rows plus one row repeated (a bias added to every sample): no call or odometer per row.
    if (biasRows(op, a.data, b.data, out, shapeM[0], n)) return;
  }
  const index = new Array<number>(ndim).fill(0);
  let ia = 0, ib = 0;
  for (let o = 0; o < out.length; o += n) {
    rowLoop(op, a.data, ia, sa, b.data, ib, sb, out, o, n);
    for (let axis = last - 1; axis >= 0; axis--) {
      if (++index[axis] < shapeM[axis]) {
        ia += saM[axis];
        ib += sbM[axis];
        break;
      }
      index[axis] = 0;
      ia -= saM[axis] * (shapeM[axis] - 1);
      ib -= sbM[axis] * (shapeM[axis] - 1);
    }
  }
}

/** out[r, j] = a[r, j] op b[j] for `rows` rows of n, for + - * /; false for other operations. */
function biasRows(
  op: Arithmetic | BinaryFn,
  a: TypedArray,
  b: TypedArray,
  out: TypedArray,
  rows: number,
  n: number,
): boolean {
  const size = rows * n;
  switch (op) {
    case "add":
      for (let o = 0; o < size; o += n) for (let j = 0; j < n; j++) out[o + j] = a[o + j] + b[j];
      return true;
    case "sub":
      for (let o = 0; o < size; o += n) for (let j = 0; j < n; j++) out[o + j] = a[o + j] - b[j];
      return true;
    case "mul":
      for (let o = 0; o < size; o += n) for (let j = 0; j < n; j++) out[o + j] = a[o + j] * b[j];
      return true;
    case "div":
      for (let o = 0; o < size; o += n) for (let j = 0; j < n; j++) out[o + j] = a[o + j] / b[j];
      return true;
  }
  return false;
}

/**
 * The shape and two operands' strides with axes of length 1 dropped and neighbours merged
 * where both operands step through them as one axis (the output is contiguous).
 */
function mergeAxes(
  shape: readonly number[],
  sa: readonly number[],
  sb: readonly number[],
): [number[], number[], number[]] {
  const sizes: number[] = [], as: number[] = [], bs: number[] = [];
  for (let axis = 0; axis < shape.length; axis++) {
    const n = shape[axis];
    if (n === 1) continue;
    const last = sizes.length - 1;
    if (last >= 0 && as[last] === sa[axis] * n && bs[last] === sb[axis] * n) {
      sizes[last] *= n;
      as[last] = sa[axis];
      bs[last] = sb[axis];
    } else {
      sizes.push(n);
      as.push(sa[axis]);
      bs.push(sb[axis]);
    }
  }
  return [sizes, as, bs];
}

/** One innermost row: n results from two strided runs (a stride of 0 repeats the value). */
function rowLoop(
  op: Arithmetic | BinaryFn,
  a: TypedArray,
  ia: number,
  sa: number,
  b: TypedArray,
  ib: number,
  sb: number,
  out: TypedArray,
  o: number,
  n: number,
): void {
  const end = o + n;
  if (sa === 1 && sb === 0 && n > 1) {
    // A row plus one repeated value (a bias added channel by channel, x * 2): read it once.
    // The loop below re-reads b[ib] for every element, since out might alias b; here it
    // cannot, as b is smaller than the output. 2.6× faster on rows of 576.
    const v = b[ib];
    switch (op) {
      case "add":
        for (; o < end; o++, ia++) out[o] = a[ia] + v;
        return;
      case "sub":
        for (; o < end; o++, ia++) out[o] = a[ia] - v;
        return;
      case "mul":
        for (; o < end; o++, ia++) out[o] = a[ia] * v;
        return;
      case "div":
        for (; o < end; o++, ia++) out[o] = a[ia] / v;
        return;
      case "maximum":
        for (; o < end; o++, ia++) out[o] = Math.max(a[ia], v);
        return;
      case "minimum":
        for (; o < end; o++, ia++) out[o] = Math.min(a[ia], v);
        return;
      case "equal":
        for (; o < end; o++, ia++) out[o] = +(a[ia] === v);
        return;
      case "notEqual":
        for (; o < end; o++, ia++) out[o] = +(a[ia] !== v);
        return;
      case "greater":
        for (; o < end; o++, ia++) out[o] = +(a[ia] > v);
        return;
      case "greaterEqual":
        for (; o < end; o++, ia++) out[o] = +(a[ia] >= v);
        return;
      case "less":
        for (; o < end; o++, ia++) out[o] = +(a[ia] < v);
        return;
      case "lessEqual":
        for (; o < end; o++, ia++) out[o] = +(a[ia] <= v);
        return;
    }
  }
  if (sa === 0 && sb === 1 && n > 1) {
    // One repeated value and a row (1 - x, 1 / x): the mirror of the case above.
    const u = a[ia];
    switch (op) {
      case "add":
        for (; o < end; o++, ib++) out[o] = u + b[ib];
        return;
      case "sub":
        for (; o < end; o++, ib++) out[o] = u - b[ib];
        return;
      case "mul":
        for (; o < end; o++, ib++) out[o] = u * b[ib];
        return;
      case "div":
        for (; o < end; o++, ib++) out[o] = u / b[ib];
        return;
    }
  }
  switch (op) {
    case "add":
      for (; o < end; o++, ia += sa, ib += sb) out[o] = a[ia] + b[ib];
      return;
    case "sub":
      for (; o < end; o++, ia += sa, ib += sb) out[o] = a[ia] - b[ib];
      return;
    case "mul":
      for (; o < end; o++, ia += sa, ib += sb) out[o] = a[ia] * b[ib];
      return;
    case "div":
      for (; o < end; o++, ia += sa, ib += sb) out[o] = a[ia] / b[ib];
      return;
    case "maximum":
      for (; o < end; o++, ia += sa, ib += sb) out[o] = Math.max(a[ia], b[ib]);
      return;
    case "minimum":
      for (; o < end; o++, ia += sa, ib += sb) out[o] = Math.min(a[ia], b[ib]);
      return;
    case "equal":
      for (; o < end; o++, ia += sa, ib += sb) out[o] = +(a[ia] === b[ib]);
      return;
    case "notEqual":
      for (; o < end; o++, ia += sa, ib += sb) out[o] = +(a[ia] !== b[ib]);
      return;
    case "greater":
      for (; o < end; o++, ia += sa, ib += sb) out[o] = +(a[ia] > b[ib]);
      return;
    case "greaterEqual":
      for (; o < end; o++, ia += sa, ib += sb) out[o] = +(a[ia] >= b[ib]);
      return;
    case "less":
      for (; o < end; o++, ia += sa, ib += sb) out[o] = +(a[ia] < b[ib]);
      return;
    case "lessEqual":
      for (; o < end; o++, ia += sa, ib += sb) out[o] = +(a[ia] <= b[ib]);
      return;
    default:
      for (; o < end; o++, ia += sa, ib += sb) out[o] = op(a[ia], b[ib]);
  }
}

/** out[i] = f(x[i]); `out` may be `x` itself. */
export function unaryLoop(f: (x: number) => number, x: TypedArray, out: TypedArray): void {
  for (let i = 0; i < x.length; i++) out[i] = f(x[i]);
}

/** out[i] = cond[i] !== 0 ? a[i] : b[i], all read through broadcast strides. */
export function whereLoop(
  cond: Operand,
  a: Operand,
  b: Operand,
  out: TypedArray,
  shape: readonly number[],
): void {
  if (out.length === 0) return;
  // An operand with one value per output element, or a single value, is a flat run with stride
  // 1 or 0: then the whole output is one row (ReLU's where(mask, 0, x) is the common case).
  const flat = (x: Operand) => x.data.length === out.length ? 1 : x.data.length === 1 ? 0 : -1;
  const fc = flat(cond), fa = flat(a), fb = flat(b);
  if (fc >= 0 && fa >= 0 && fb >= 0) {
    // (whereFlatWasm of ./elementwise_wasm.ts did this case before: the bit masks need no
    // copies into WebAssembly and measured faster.)
    if (whereBits(cond.data, fc, a.data, fa, b.data, fb, out)) return;
    whereRow(cond.data, 0, fc, a.data, 0, fa, b.data, 0, fb, out, 0, out.length);
    return;
  }
  const ndim = shape.length;
  const last = ndim - 1;
  const n = shape[last];
  const index = new Array<number>(ndim).fill(0);
  let ic = 0, ia = 0, ib = 0;
  for (let o = 0; o < out.length; o += n) {
    whereRow(
      cond.data,
      ic,
      cond.strides[last],
      a.data,
      ia,
      a.strides[last],
      b.data,
      ib,
      b.strides[last],
      out,
      o,
      n,
    );
    for (let axis = last - 1; axis >= 0; axis--) {
      if (++index[axis] < shape[axis]) {
        ic += cond.strides[axis];
        ia += a.strides[axis];
        ib += b.strides[axis];
        break;
      }
      index[axis] = 0;
      ic -= cond.strides[axis] * (shape[axis] - 1);
      ia -= a.strides[axis] * (shape[axis] - 1);
      ib -= b.strides[axis] * (shape[axis] - 1);
    }
  }
}

/** One innermost row of `where`: n results from three strided runs. */
function whereRow(
  c: TypedArray,
  ic: number,
  sc: number,
  x: TypedArray,
  ia: number,
  sa: number,
  y: TypedArray,
  ib: number,
  sb: number,
  out: TypedArray,
  o: number,
  n: number,
): void {
  const end = o + n;
  for (; o < end; o++, ic += sc, ia += sa, ib += sb) out[o] = c[ic] !== 0 ? x[ia] : y[ib];
}

/**
 * `where` over flat runs (stride 1, or 0 for a single value) by the values' bits: each result
 * is x's bits where the condition is non-zero, else y's, through a mask with no branch (the
 * signs of ReLU's input are random, so a branch would mispredict half the time). The bits are
 * copied as they are, NaN payloads included. Needs a condition of one value per element, and
 * x and y of out's dtype; returns false otherwise.
 */
function whereBits(
  c: TypedArray,
  sc: number,
  x: TypedArray,
  sx: number,
  y: TypedArray,
  sy: number,
  out: TypedArray,
): boolean {
  const f64 = out instanceof Float64Array;
  if (sc !== 1 || (x instanceof Float64Array) !== f64 || (y instanceof Float64Array) !== f64) {
    return false;
  }
  const k = f64 ? 2 : 1;
  const xi = new Int32Array(x.buffer, x.byteOffset, x.length * k);
  const yi = new Int32Array(y.buffer, y.byteOffset, y.length * k);
  const oi = new Int32Array(out.buffer, out.byteOffset, out.length * k);
  const n = out.length;
  if (f64) {
    // Two 32-bit halves per value, under the same mask.
    for (let i = 0, ix = 0, iy = 0; i < n; i++, ix += 2 * sx, iy += 2 * sy) {
      const m = -(c[i] !== 0);
      oi[2 * i] = (xi[ix] & m) | (yi[iy] & ~m);
      oi[2 * i + 1] = (xi[ix + 1] & m) | (yi[iy + 1] & ~m);
    }
    return true;
  }
  // float32: a loop per kind of operand, so that none steps by a variable stride.
  if (sx === 0 && sy === 1) {
    const xv = xi[0];
    for (let i = 0; i < n; i++) {
      const m = -(c[i] !== 0);
      oi[i] = (xv & m) | (yi[i] & ~m);
    }
  } else if (sx === 1 && sy === 0) {
    const yv = yi[0];
    for (let i = 0; i < n; i++) {
      const m = -(c[i] !== 0);
      oi[i] = (xi[i] & m) | (yv & ~m);
    }
  } else if (sx === 1) {
    for (let i = 0; i < n; i++) {
      const m = -(c[i] !== 0);
      oi[i] = (xi[i] & m) | (yi[i] & ~m);
    }
  } else {
    const xv = xi[0], yv = yi[0];
    for (let i = 0; i < n; i++) {
      const m = -(c[i] !== 0);
      oi[i] = (xv & m) | (yv & ~m);
    }
  }
  return true;
}
