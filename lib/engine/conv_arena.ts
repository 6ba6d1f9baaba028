/**
 * A convolution's arrays kept in WebAssembly memory from forward to backward, so that its three
 * matrix products run on them in place: the patches are written straight into the memory, the
 * products read and write there, and col2im reads ∂L/∂col from there. `np.matmul` on JavaScript
 * arrays copies every operand in and every result out of the kernel's memory (for FinalConvNet's
 * second convolution, 4 MB each way per product at batch 25).
 *
 * The arrays are reservations in the matrix kernels' own memory (`reserveWasmMemory`), so the
 * products can be split between the two threads as `np.matmul`'s are (`gemmInPlace`), for a
 * network that does not split its batch between threads (DeepConvNet).
 *
 * @module
 */

import { kernelConfig } from "../np/kernels/config.ts";
import {
  gemmInPlace,
  reserveWasmMemory,
  type Segments,
  wasmRuntime,
} from "../np/kernels/matmul_wasm.ts";

/** An operand of {@linkcode ConvArena.gemm}: where a matrix starts and its strides in elements. */
export interface Operand {
  /** Byte offset in the kernels' memory. */
  at: number;
  /** Elements from one row to the next. */
  rowStride: number;
  /** Elements from one column to the next. */
  colStride: number;
  /**
   * Its columns in segments of `length`, each `gap` elements after the end of the last (for A,
   * `colStride` must be 1; for B, `length` a multiple of 8); see `gemm.wat`.
   */
  segments?: Segments;
}

/** Named regions of the matrix kernels' WebAssembly memory, and products on them. */
export class ConvArena {
  #memory: WebAssembly.Memory;
  #regions = new Map<string, { at: number; bytes: number }>();
  /** Bytes per element: 4 (float32) or 8 (float64). */
  readonly size: 4 | 8;

  private constructor(memory: WebAssembly.Memory, size: 4 | 8) {
    this.#memory = memory;
    this.size = size;
  }

  /**
   * An arena for arrays of `dtype`, or null where WebAssembly SIMD is unavailable (the caller
   * then computes with `np`).
   */
  static create(dtype: "float32" | "float64"): ConvArena | null {
    const runtime = wasmRuntime();
    return runtime === null ? null : new ConvArena(runtime.memory, dtype === "float32" ? 4 : 8);
  }

  /**
   * The region `name` of `elements` elements: the same bytes as last time when it is big
   * enough, else a new reservation (a layer asks for the same sizes batch after batch; the
   * evaluation's bigger batches get regions of their own once).
   *
   * @throws {RangeError} when the memory cannot grow that far.
   */
  region(name: string, elements: number): number {
    const bytes = elements * this.size;
    const old = this.#regions.get(name);
    if (old !== undefined && old.bytes >= bytes) return old.at;
    const at = reserveWasmMemory(bytes);
    if (at === null) {
      throw new RangeError(
        `Convolution: no room for ${bytes} bytes of ${name} in WebAssembly memory: use a ` +
          `smaller batch`,
      );
    }
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
   * C (m×n, row stride ldc, at `c`) = op(A)·op(B), or C += op(A)·op(B) when `accumulate`, A
   * m×k and B k×n as strided operands, on the threads `kernelConfig` allows.
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
    gemmInPlace(
      [
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
      ],
      kernelConfig.threads,
      { a: a.segments, b: b.segments },
    );
  }
}
