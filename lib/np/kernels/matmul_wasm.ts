/**
 * The matrix product in WebAssembly SIMD (`wasm/gemm.wat`), on one thread or split between the
 * main thread and one worker.
 *
 * The operands are JavaScript typed arrays, which WebAssembly cannot see, so each call copies
 * A and B (and C when accumulating) into the module's memory and C back out: a few
 * milliseconds at most for the workbook's largest products, against the many it saves.
 * The memory is shared (a `SharedArrayBuffer` underneath) so that the worker computes in it
 * too; it grows as needed and is reused from call to call.
 *
 * Layout of the memory: the control block of {@linkcode Helper}, one scratch area per thread
 * (the packed panels), then A, B and C.
 *
 * @module
 */

import type { TypedArray } from "../ndarray.ts";
import type { Gemm, GemmBatch } from "./matmul_ts.ts";
import { GEMM_WASM } from "./wasm/gemm_wasm.ts";
import { CONTROL_BYTES, Helper } from "./worker.ts";

/** The module's `gemm`: see `wasm/gemm.wat` for the arguments. */
type GemmExport = (
  f64: number,
  m: number,
  n: number,
  k: number,
  a: number,
  rsa: number,
  csa: number,
  b: number,
  rsb: number,
  csb: number,
  c: number,
  ldc: number,
  accumulate: number,
  work: number,
) => void;

/** Everything one instance of the kernels needs. */
export interface Runtime {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  gemm: GemmExport;
  /** Scratch of the main thread and of the worker. */
  work: [number, number];
  /** Where the operands start. */
  operands: number;
  /** The worker, once a product was big enough to need it; null if it could not start. */
  helper?: Helper | null;
}

const PAGE = 65536;
/** The memory's maximum in pages (4 GiB, the most a 32-bit WebAssembly memory can address). */
const MAX_PAGES = 65536;
/**
 * Products with fewer multiply-adds than this (about 40 µs of work) stay on one thread: waking a
 * sleeping worker takes tens of microseconds on a virtual machine.
 */
const PARALLEL_MIN_MACS = 1 << 20;
/** Products whose C is smaller than this in both dimensions stay on one thread. */
const PARALLEL_MIN_SIDE = 48;
/** Rows of a micro-tile (MR) and columns (NR) per dtype, as in gemm.wat: splits fall on them. */
const MR = 6;

let runtime: Runtime | null | undefined;

function align(bytes: number, to = 64): number {
  return Math.ceil(bytes / to) * to;
}

/**
 * The kernels, compiled and instantiated on first use; null where this runtime lacks
 * WebAssembly SIMD or shared memory.
 */
export function wasmRuntime(): Runtime | null {
  if (runtime !== undefined) return runtime;
  try {
    const module = new WebAssembly.Module(Uint8Array.fromBase64(GEMM_WASM));
    const memory = new WebAssembly.Memory({ initial: 1, maximum: MAX_PAGES, shared: true });
    const { exports } = new WebAssembly.Instance(module, { env: { memory } });
    const workBytes = align((exports.WORK_BYTES as WebAssembly.Global).value);
    const work0 = align(CONTROL_BYTES), work1 = work0 + workBytes;
    runtime = {
      module,
      memory,
      gemm: exports.gemm as GemmExport,
      work: [work0, work1],
      operands: work1 + workBytes,
    };
  } catch {
    runtime = null;
  }
  return runtime;
}

/** The worker, started on first use; null if it cannot start. */
function helperOf(rt: Runtime): Helper | null {
  if (rt.helper === undefined) {
    try {
      rt.helper = new Helper(rt.module, rt.memory);
    } catch {
      rt.helper = null;
    }
  }
  return rt.helper;
}

/** Options of {@linkcode gemmWasm}. */
export interface GemmWasmOptions {
  /** 1 or 2: how many threads may share a big product. */
  threads?: number;
  /**
   * The fewest multiply-adds (m·n·k) for which a second thread joins; below it, waking the
   * worker costs more than it saves. Tests lower it to reach the threaded path on small shapes.
   */
  parallelMinMacs?: number;
  /** The smallest max(m, n) for which a second thread joins (48); tests lower it too. */
  parallelMinSide?: number;
}

/**
 * Computes `C = op(A) · op(B)` (or `C += …`) with the WebAssembly SIMD kernels.
 *
 * Every element of C is summed in the same order whatever the thread count, so one and two
 * threads give identical bits.
 *
 * @example
 * ```ts
 * import { gemmWasm } from "./matmul_wasm.ts";
 * import assert from "node:assert/strict";
 *
 * const c = new Float32Array(4);
 * const a = new Float32Array([1, 2, 3, 4]), b = new Float32Array([5, 6, 7, 8]);
 * assert.ok(gemmWasm({ m: 2, n: 2, k: 2, a, b, c }));
 * assert.deepEqual([...c], [19, 22, 43, 50]);
 * ```
 *
 * @param g The operands (see {@linkcode Gemm}).
 * @param options How many threads may work on it.
 * @returns false (having done nothing) where WebAssembly is unavailable or the operands do not
 * fit in its memory, so that the caller falls back to TypeScript.
 */
export function gemmWasm(g: Gemm, options: GemmWasmOptions = {}): boolean {
  const rt = wasmRuntime();
  if (rt === null) return false;
  const { m, n, k, c } = g;
  if (m === 0 || n === 0 || k === 0) {
    // An empty sum: C is zero, or unchanged when accumulating.
    if (!g.accumulate) c.fill(0, 0, m * n);
    return true;
  }
  const f64 = c instanceof Float64Array;
  const size = f64 ? 8 : 4;
  const aAt = rt.operands;
  const bAt = aAt + align(m * k * size);
  const cAt = bAt + align(k * n * size);
  const end = cAt + align(m * n * size);
  if (!ensureMemory(rt, end)) return false;

  const buffer = rt.memory.buffer;
  /** Copies elements [from, to) of an operand into the memory at `at`. */
  const put = (src: TypedArray, at: number, from: number, to: number) =>
    view(f64, buffer, at + from * size, to - from).set(src.subarray(from, to));
  /** Copies rows [from, to) of C out of the memory. */
  const take = (from: number, to: number) =>
    c.set(view(f64, buffer, cAt + from * n * size, (to - from) * n), from * n);
  put(g.b, bAt, 0, k * n);

  // Strides of op(A)[i][p] and op(B)[p][j]: a transpose is only a swap of strides.
  const rsa = g.transA ? 1 : k, csa = g.transA ? m : 1;
  const rsb = g.transB ? 1 : n, csb = g.transB ? k : 1;
  const acc = g.accumulate ? 1 : 0;
  const whole = [+f64, m, n, k, aAt, rsa, csa, bAt, rsb, csb, cAt, n, acc];
  const run = (args: number[], work: number) =>
    (rt.gemm as (...x: number[]) => void)(...args, work);

  // A small C with a long k (conv1's dW: 25×30, k = 57600) stays on one thread: either half
  // would pack nearly all of A and B again for a handful of tiles (measured slower on two).
  const parallel = (options.threads ?? 1) > 1 &&
    m * n * k >= (options.parallelMinMacs ?? PARALLEL_MIN_MACS) &&
    Math.max(m, n) >= (options.parallelMinSide ?? PARALLEL_MIN_SIDE);
  const helper = parallel ? helperOf(rt) : null;
  if (helper === null) {
    put(g.a, aAt, 0, m * k);
    if (acc) put(c, cAt, 0, m * n);
    run(whole, rt.work[0]);
    take(0, m);
    return true;
  }
  const { mine, theirs, m0 } = split(whole, size, g.transA ? 0.5 : mainShare(m, n, k, acc));
  // When the halves are blocks of rows of A and C, the copies overlap the worker's computing:
  // its rows go in first, ours while it starts, and ours come out while it finishes.
  const byRows = m0 < m && !g.transA;
  const firstRow = byRows ? m0 : 0;
  put(g.a, aAt, firstRow * k, m * k);
  if (acc) put(c, cAt, firstRow * n, m * n);
  helper.offer([...theirs, rt.work[1]]);
  if (byRows) {
    put(g.a, aAt, 0, m0 * k);
    if (acc) put(c, cAt, 0, m0 * n);
  }
  run(mine, rt.work[0]);
  if (byRows) take(0, m0);
  helper.finish((args) => run(args.slice(0, 13), rt.work[1]));
  take(byRows ? m0 : 0, m);
  return true;
}

/**
 * Computes a batch of products (see {@linkcode GemmBatch}) with the WebAssembly kernels. Each
 * operand is copied in once (a shared A or B once for the whole batch). With two threads the
 * worker computes the second half of the batch while the main thread copies and computes the
 * first: this is how the per-image products of a convolution (each too small to split) use
 * both cores. Every product is computed whole by one thread, so the bits are those of one
 * thread.
 *
 * @example
 * ```ts
 * import { gemmBatchWasm } from "./matmul_wasm.ts";
 * import assert from "node:assert/strict";
 *
 * // [1, 2] · [[1, 2], [3, 4]] and [3, 4] · the same matrix
 * const a = new Float32Array([1, 2, 3, 4]), b = new Float32Array([1, 2, 3, 4]);
 * const c = new Float32Array(4);
 * assert.ok(gemmBatchWasm({ m: 1, n: 2, k: 2, a, b, c, count: 2, strideA: 2, strideB: 0 }));
 * assert.deepEqual([...c], [7, 10, 15, 22]);
 * ```
 *
 * @param g The operands and the batch (strides 0 or one whole matrix).
 * @param options How many threads may share the batch.
 * @returns false (having done nothing) where WebAssembly is unavailable, the operands do not
 * fit in its memory, or a stride is neither 0 nor one matrix.
 */
export function gemmBatchWasm(g: GemmBatch, options: GemmWasmOptions = {}): boolean {
  const { m, n, k, c, count } = g;
  const dense = (g.strideA === 0 || g.strideA === m * k) &&
    (g.strideB === 0 || g.strideB === k * n);
  const rt = wasmRuntime();
  if (rt === null || !dense) return false;
  if (count === 1) return gemmWasm(g, options);
  if (count === 0) return true;
  if (m === 0 || n === 0 || k === 0) {
    if (!g.accumulate) c.fill(0, 0, count * m * n);
    return true;
  }
  const f64 = c instanceof Float64Array;
  const size = f64 ? 8 : 4;
  const aCount = g.strideA === 0 ? 1 : count, bCount = g.strideB === 0 ? 1 : count;
  const aAt = rt.operands;
  const bAt = aAt + align(aCount * m * k * size);
  const cAt = bAt + align(bCount * k * n * size);
  if (!ensureMemory(rt, cAt + align(count * m * n * size))) return false;

  const buffer = rt.memory.buffer;
  const put = (src: TypedArray, at: number, from: number, to: number) =>
    view(f64, buffer, at + from * size, to - from).set(src.subarray(from, to));
  const acc = g.accumulate ? 1 : 0;
  /** Copies the operands of products [from, to) in (a shared A or B is copied beforehand). */
  const putItems = (from: number, to: number) => {
    if (aCount > 1) put(g.a, aAt, from * m * k, to * m * k);
    if (bCount > 1) put(g.b, bAt, from * k * n, to * k * n);
    if (acc) put(c, cAt, from * m * n, to * m * n);
  };
  /** Copies the results of products [from, to) out. */
  const take = (from: number, to: number) =>
    c.set(view(f64, buffer, cAt + from * m * n * size, (to - from) * m * n), from * m * n);
  if (aCount === 1) put(g.a, aAt, 0, m * k);
  if (bCount === 1) put(g.b, bAt, 0, k * n);

  const rsa = g.transA ? 1 : k, csa = g.transA ? m : 1;
  const rsb = g.transB ? 1 : n, csb = g.transB ? k : 1;
  const stepA = aCount > 1 ? m * k * size : 0, stepB = bCount > 1 ? k * n * size : 0;
  const stepC = m * n * size;
  /** gemm's arguments for product `first`, without the scratch area. */
  const part = (first: number) => [
    +f64,
    m,
    n,
    k,
    aAt + first * stepA,
    rsa,
    csa,
    bAt + first * stepB,
    rsb,
    csb,
    cAt + first * stepC,
    n,
    acc,
  ];
  const gemm = rt.gemm as (...x: number[]) => void;
  /** Runs `products` products from `args` on, with the scratch area `work`. */
  const runPart = (args: number[], work: number, products: number) => {
    const [f, mm, nn, kk, a, ra, ca, b, rb, cb, cc, ldc, ac] = args;
    for (let i = 0; i < products; i++) {
      gemm(
        f,
        mm,
        nn,
        kk,
        a + i * stepA,
        ra,
        ca,
        b + i * stepB,
        rb,
        cb,
        cc + i * stepC,
        ldc,
        ac,
        work,
      );
    }
  };

  /**
   * Products [from, to) on this thread, one at a time from copy-in to copy-out, so that each
   * one's operands are still in the cache for the next step (1.2× faster than copying the
   * whole batch in, computing, and copying it all out, for a convolution's images).
   */
  const runHere = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      putItems(i, i + 1);
      runPart(part(i), rt.work[0], 1);
      take(i, i + 1);
    }
  };

  const parallel = (options.threads ?? 1) > 1 &&
    m * n * k * count >= (options.parallelMinMacs ?? PARALLEL_MIN_MACS);
  const helper = parallel ? helperOf(rt) : null;
  if (helper === null) {
    runHere(0, count);
    return true;
  }
  // The main thread also copies the worker's operands in and its results out, so it takes the
  // smaller half; the worker's operands go in first, and ours while it computes.
  const mine = Math.floor(count / 2);
  putItems(mine, count);
  helper.offer([...part(mine), rt.work[1], count - mine, stepA, stepB, stepC]);
  runHere(0, mine);
  helper.finish((args) => runPart(args.slice(0, 13), rt.work[1], args[14]));
  take(mine, count);
  return true;
}

/**
 * Reserves `bytes` of the kernels' memory for a caller's own arrays, which stay there from
 * call to call (an engine layer's patches and products: {@linkcode gemmInPlace} computes on
 * them without copying them in or out). The products of {@linkcode gemmWasm} put their
 * operands above every reservation. Reservations are never freed: a layer reserves the same
 * sizes batch after batch.
 *
 * @param bytes How many bytes.
 * @returns The byte offset of the reservation in `wasmRuntime().memory`, or null where the
 * WebAssembly kernels are unavailable or the memory cannot grow that far.
 */
export function reserveWasmMemory(bytes: number): number | null {
  const rt = wasmRuntime();
  if (rt === null) return null;
  const at = rt.operands;
  if (!ensureMemory(rt, align(at + bytes))) return null;
  rt.operands = align(at + bytes);
  return at;
}

/** Segments of an operand of {@linkcode gemmInPlace}: `length` elements, then a gap of `gap`. */
export interface Segments {
  length: number;
  gap: number;
}

const NO_SEGMENTS: Segments = { length: 0, gap: 0 };

/**
 * C = op(A)·op(B), or C += op(A)·op(B), on operands already in the kernels' memory
 * ({@linkcode reserveWasmMemory}), split between the two threads as {@linkcode gemmWasm}
 * splits its products when `threads` is 2 and the product is big enough (with nothing to
 * copy, each thread takes half). The same bits on one thread or two.
 *
 * @param args gemm.wat's arguments without the scratch area: f64 (1 or 0), m, n, k, then A's
 * byte offset, row and column strides in elements, the same for B, then C's byte offset, its
 * row stride, and accumulate (1 or 0).
 * @param threads 1 or 2.
 * @param segments A's k (`a`) and B's columns (`b`) in segments of `length`, each `gap`
 * elements after the end of the last (gemm.wat's segLen, segGap, bSegLen and bSegGap); none
 * by default.
 */
export function gemmInPlace(
  args: number[],
  threads: number,
  segments: { a?: Segments; b?: Segments } = {},
): void {
  const rt = wasmRuntime();
  if (rt === null) throw new Error("gemmInPlace: the WebAssembly kernels are unavailable");
  const [f64, m, n, k] = args;
  const { a = NO_SEGMENTS, b = NO_SEGMENTS } = segments;
  const words = [a.length, a.gap, b.length, b.gap];
  const run = (part: number[], work: number) =>
    (rt.gemm as (...x: number[]) => void)(...part, work, ...words);
  const parallel = threads > 1 && m * n * k >= PARALLEL_MIN_MACS &&
    Math.max(m, n) >= PARALLEL_MIN_SIDE;
  const helper = parallel ? helperOf(rt) : null;
  if (helper === null) {
    run(args, rt.work[0]);
    return;
  }
  const { mine, theirs } = split(args, f64 ? 8 : 4, 0.5, b);
  helper.offer([...theirs, rt.work[1], 1, 0, 0, 0, ...words]);
  run(mine, rt.work[0]);
  helper.finish((rest) => run(rest.slice(0, 13), rt.work[1]));
}

/** A typed view of `length` elements at byte `at` of the memory. */
function view(f64: boolean, buffer: ArrayBufferLike, at: number, length: number) {
  return f64 ? new Float64Array(buffer, at, length) : new Float32Array(buffer, at, length);
}

/** Grows the memory to hold `bytes`; false if that is past what it can address. */
function ensureMemory(rt: Runtime, bytes: number): boolean {
  const pages = Math.ceil(bytes / PAGE);
  const have = rt.memory.buffer.byteLength / PAGE;
  if (pages <= have) return true;
  if (pages > MAX_PAGES) return false;
  try {
    rt.memory.grow(pages - have);
  } catch {
    return false; // the system refused the memory: the TypeScript kernel needs none
  }
  return true;
}

/**
 * The main thread's share of the rows when a product is split by rows: a little under half,
 * because it also copies its rows of A and C in and out while the worker computes. A copied
 * element costs about as much as 4 multiply-adds (0.25 ns against 0.06 for float32, measured on
 * the CNN shapes; float64 doubles both), so with MACs = m·n·k and `copied` the elements of A and
 * C moved, main and worker finish together when share·(2·MACs + 4·copied) = MACs.
 */
function mainShare(m: number, n: number, k: number, accumulate: number): number {
  const macs = m * n * k, copied = m * k + m * n * (accumulate ? 2 : 1);
  return macs / (2 * macs + 4 * copied);
}

/**
 * Splits a product in two parts of C: by rows when C is taller than wide (m0 is then the first
 * row of the worker's part; m0 = m when the split is by columns), the main thread taking about
 * `share` of the rows, or half of the columns. Cuts fall on multiples of the micro-tile so both
 * parts keep whole tiles, and between two segments of B's columns when they come in segments.
 */
function split(
  args: number[],
  size: number,
  share: number,
  bSegments: Segments = NO_SEGMENTS,
): { mine: number[]; theirs: number[]; m0: number } {
  const [f64, m, n, k, a, rsa, csa, b, rsb, csb, c, ldc, acc] = args;
  if (m >= n) {
    const m0 = Math.min(m, Math.round((m * share) / MR) * MR);
    const a1 = a + m0 * rsa * size, c1 = c + m0 * ldc * size;
    return {
      mine: [f64, m0, n, k, a, rsa, csa, b, rsb, csb, c, ldc, acc],
      theirs: [f64, m - m0, n, k, a1, rsa, csa, b, rsb, csb, c1, ldc, acc],
      m0,
    };
  }
  // B's columns in segments are cut between two segments (the kernel finds a column's segment
  // from its index in the part).
  const unit = bSegments.length || (f64 ? 4 : 8);
  const n0 = Math.min(n, Math.ceil(n / 2 / unit) * unit);
  const gaps = bSegments.length ? (n0 / bSegments.length) * bSegments.gap : 0;
  const b1 = b + (n0 * csb + gaps) * size, c1 = c + n0 * size;
  return {
    mine: [f64, m, n0, k, a, rsa, csa, b, rsb, csb, c, ldc, acc],
    theirs: [f64, m, n - n0, k, a, rsa, csa, b1, rsb, csb, c1, ldc, acc],
    m0: m,
  };
}
