/**
 * WebAssembly versions of the element-wise loops that branch on data (`wasm/elementwise.wat`):
 * `where` and the max/argmax of short runs. In JavaScript these loops mispredict about every
 * other branch on random signs (ReLU's mask, max pooling's windows) and run at 4–8 ns per
 * element; with SIMD bit masks they run at about 1, copies into and out of the module included.
 *
 * Each function returns false, having done nothing, where WebAssembly is unavailable or the
 * operands do not suit it; the caller then runs its TypeScript loop, which gives the same values.
 *
 * @module
 */

import type { TypedArray } from "../ndarray.ts";
import { kernelConfig } from "./config.ts";
import { ELEMENTWISE_WASM } from "./wasm/elementwise_wasm.ts";

/** Below this many elements the TypeScript loop is as fast as the copies. */
const MIN_ELEMENTS = 2048;
const PAGE = 65536;

interface Exports {
  memory: WebAssembly.Memory;
  where32(cond: number, x: number, sx: number, y: number, sy: number, out: number, n: number): void;
  where64(cond: number, x: number, sx: number, y: number, sy: number, out: number, n: number): void;
  runs32(x: number, runs: number, n: number, min: number, index: number, out: number): void;
  runs64(x: number, runs: number, n: number, min: number, index: number, out: number): void;
}

let kernels: Exports | null | undefined;

function instance(): Exports | null {
  if (kernels === undefined) {
    try {
      const module = new WebAssembly.Module(Uint8Array.fromBase64(ELEMENTWISE_WASM));
      kernels = new WebAssembly.Instance(module).exports as unknown as Exports;
    } catch {
      kernels = null;
    }
  }
  return kernels;
}

/** The module when it should run a job of `n` elements, with memory for `bytes`. */
function ready(n: number, bytes: number): Exports | null {
  if (kernelConfig.backend !== "wasm" || n < MIN_ELEMENTS) return null;
  const k = instance();
  if (k === null) return null;
  const have = k.memory.buffer.byteLength;
  if (bytes > have) {
    const pages = Math.ceil((bytes - have) / PAGE);
    if (have / PAGE + pages > 65536) return null;
    try {
      k.memory.grow(pages);
    } catch {
      return null;
    }
  }
  return k;
}

/** Byte size of a run of elements rounded up to 16, so the next operand starts aligned. */
function span(length: number, size: number): number {
  return Math.ceil((length * size) / 16) * 16;
}

function view(f64: boolean, buffer: ArrayBufferLike, at: number, length: number): TypedArray {
  return f64 ? new Float64Array(buffer, at, length) : new Float32Array(buffer, at, length);
}

/**
 * `out[i] = cond[i] !== 0 ? x[i] : y[i]` over flat runs where `x` and `y` are either whole
 * (one value per element) or a single value. All four arrays must have one element type.
 *
 * @returns false if the WebAssembly loop did not run (the caller must run its own).
 */
export function whereFlatWasm(
  cond: TypedArray,
  x: TypedArray,
  y: TypedArray,
  out: TypedArray,
): boolean {
  const n = out.length;
  const f64 = out instanceof Float64Array;
  const size = f64 ? 8 : 4;
  const sameType = (a: TypedArray) => (a instanceof Float64Array) === f64;
  if (!sameType(cond) || !sameType(x) || !sameType(y) || cond.length !== n) return false;
  const xAt = span(n, size), yAt = xAt + span(x.length, size), outAt = yAt + span(y.length, size);
  const k = ready(n, outAt + span(n, size));
  if (k === null) return false;
  const buffer = k.memory.buffer;
  view(f64, buffer, 0, n).set(cond);
  view(f64, buffer, xAt, x.length).set(x);
  view(f64, buffer, yAt, y.length).set(y);
  const sx = x.length === n ? 1 : 0, sy = y.length === n ? 1 : 0;
  (f64 ? k.where64 : k.where32)(0, xAt, sx, yAt, sy, outAt, n);
  out.set(view(f64, buffer, outAt, n));
  return true;
}

/**
 * The max, min, argmax or argmin of `runs` consecutive runs of n values of `x` into `out`
 * (same element type), for the runs that fill whole SIMD groups (4 float32 or 2 float64).
 *
 * @returns how many runs it did (0 if WebAssembly did not run); the caller does the rest.
 */
export function extremeOfRunsWasm(
  kind: "max" | "min" | "argmax" | "argmin",
  x: TypedArray,
  runs: number,
  n: number,
  out: TypedArray,
): number {
  const f64 = x instanceof Float64Array;
  if ((out instanceof Float64Array) !== f64 || n < 1) return 0;
  const done = runs - (runs % (f64 ? 2 : 4));
  const size = f64 ? 8 : 4;
  const outAt = span(done * n, size);
  const k = ready(done * n, outAt + span(done, size));
  if (k === null || done === 0) return 0;
  const buffer = k.memory.buffer;
  view(f64, buffer, 0, done * n).set(x.subarray(0, done * n));
  const min = kind === "min" || kind === "argmin" ? 1 : 0;
  const index = kind === "argmax" || kind === "argmin" ? 1 : 0;
  (f64 ? k.runs64 : k.runs32)(0, done, n, min, index, outAt);
  out.set(view(f64, buffer, outAt, done));
  return done;
}
