/**
 * A convolution's arrays kept in WebAssembly memory from forward to backward, so that its three
 * matrix products run on them in place: im2col writes the patches straight into the memory, the
 * products read and write there, and col2im reads ∂L/∂col from there. `np.matmul` on JavaScript
 * arrays copies every operand in and every result out of the kernel's memory (for FinalConvNet's
 * second convolution, 4 MB each way per product at batch 25).
 *
 * Each arena has its own memory and its own instance of the matrix product's module
 * (`lib/np/kernels/wasm/gemm.wat`), and computes on the thread that owns it: the engine's
 * networks use both cores by splitting the batch between threads (`data_parallel.ts`).
 *
 * @module
 */

import { wasmRuntime } from "../np/kernels/matmul_wasm.ts";

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

const PAGE = 65536;
const ALIGN = 64;

/** An operand of {@linkcode ConvArena.gemm}: where a matrix starts and its strides in elements. */
export interface Operand {
  /** Byte offset in the arena's memory. */
  at: number;
  /** Elements from one row to the next. */
  rowStride: number;
  /** Elements from one column to the next. */
  colStride: number;
}

/** Named regions of one WebAssembly memory and the matrix product that works on them. */
export class ConvArena {
  #memory: WebAssembly.Memory;
  #gemm: GemmExport;
  #work: number;
  #regions = new Map<string, { at: number; bytes: number }>();
  #end: number;
  /** Bytes per element: 4 (float32) or 8 (float64). */
  readonly size: 4 | 8;

  /**
   * @param size Bytes per element of the arrays the arena holds.
   */
  private constructor(module: WebAssembly.Module, size: 4 | 8) {
    this.size = size;
    this.#memory = new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true });
    const { exports } = new WebAssembly.Instance(module, { env: { memory: this.#memory } });
    this.#gemm = exports.gemm as GemmExport;
    this.#work = 0;
    this.#end = align((exports.WORK_BYTES as WebAssembly.Global).value);
    this.#memory.grow(Math.ceil(this.#end / PAGE) - 1);
  }

  /**
   * An arena for arrays of `dtype`, or null where WebAssembly SIMD is unavailable (the caller
   * then computes with `np`).
   */
  static create(dtype: "float32" | "float64"): ConvArena | null {
    const runtime = wasmRuntime();
    return runtime === null ? null : new ConvArena(runtime.module, dtype === "float32" ? 4 : 8);
  }

  /**
   * The region `name` of `elements` elements: the same bytes as last time when it has that size,
   * else a new region at the end of the memory (the memory grows; nothing is freed, as a layer
   * asks for the same sizes batch after batch).
   */
  region(name: string, elements: number): number {
    const bytes = elements * this.size;
    const old = this.#regions.get(name);
    if (old !== undefined && old.bytes >= bytes) return old.at;
    const at = this.#end;
    this.#end = align(at + bytes);
    const missing = this.#end - this.#memory.buffer.byteLength;
    if (missing > 0) this.#memory.grow(Math.ceil(missing / PAGE));
    this.#regions.set(name, { at, bytes });
    return at;
  }

  /** A typed array over `elements` elements at byte `at` (valid until the memory grows). */
  view(at: number, elements: number): Float32Array | Float64Array {
    return this.size === 4
      ? new Float32Array(this.#memory.buffer, at, elements)
      : new Float64Array(this.#memory.buffer, at, elements);
  }

  /**
   * C (m×n, row stride ldc, at `c`) = op(A)·op(B), A m×k and B k×n as strided operands; or
   * C += op(A)·op(B) when `accumulate`.
   */
  gemm(
    m: number,
    n: number,
    k: number,
    a: Operand,
    b: Operand,
    c: number,
    ldc: number,
    accumulate = false,
  ): void {
    this.#gemm(
      this.size === 8 ? 1 : 0,
      m,
      n,
      k,
      a.at,
      a.rowStride,
      a.colStride,
      b.at,
      b.rowStride,
      b.colStride,
      c,
      ldc,
      accumulate ? 1 : 0,
      this.#work,
    );
  }
}

function align(bytes: number): number {
  return Math.ceil(bytes / ALIGN) * ALIGN;
}
