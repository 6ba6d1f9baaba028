/**
 * The engine's Adam: the answer key's `Adam` (`lib/optimizers/optimizer.ts`, §6.1.6) with the
 * update of float32 parameters in WebAssembly SIMD (`wasm/adam.wat`), where m and v stay from
 * one step to the next. It gives the answer key's bits (`engine_test.ts`); float64 parameters,
 * or a runtime without WebAssembly SIMD, take the answer key's loop.
 *
 * @module
 */

import { Adam as BookAdam } from "../optimizers/optimizer.ts";
import * as np from "../np/mod.ts";
import { ADAM_WASM } from "./wasm/adam_wasm.ts";

interface Exports {
  memory: WebAssembly.Memory;
  adam32(
    p: number,
    g: number,
    m: number,
    v: number,
    len: number,
    lrT: number,
    a1: number,
    a2: number,
  ): void;
}

let compiled: WebAssembly.Module | null | undefined;

function wasmModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(Uint8Array.fromBase64(ADAM_WASM));
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

const PAGE = 65536;

/**
 * Adam with lr_t = lr · √(1 − β₂^t) / (1 − β₁^t) and 1e-7 in the denominator, as the book.
 *
 * @example
 * ```ts
 * import { Adam } from "./adam.ts";
 * import * as np from "../np/mod.ts";
 * import { assertAllClose } from "../testing/mod.ts";
 *
 * const params = { W: np.array([1, 1], { dtype: "float32" }) };
 * new Adam({ lr: 0.001 }).update(params, { W: np.array([5, -0.2], { dtype: "float32" }) });
 * assertAllClose(params.W, [0.999, 1.001], { rtol: 1e-6 });
 * ```
 */
export class Adam {
  /** The learning rate α. */
  lr: number;
  /** The decay of the first moment. */
  beta1: number;
  /** The decay of the second moment. */
  beta2: number;
  /** The number of updates so far. */
  iter = 0;
  #k: Exports | null = null;
  #at = new Map<
    string,
    { p: number; g: number; m: number; v: number; len: number; shape: number[] }
  >();
  #book: BookAdam | null = null;
  /** Moments handed over before the first update (a checkpoint's), written in at the layout. */
  #pending: { m?: Record<string, np.NDArray>; v?: Record<string, np.NDArray> } = {};

  /** @param options `lr` (0.001), `beta1` (0.9) and `beta2` (0.999). */
  constructor(options: { lr?: number; beta1?: number; beta2?: number } = {}) {
    this.lr = options.lr ?? 0.001;
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
  }

  /** Lays out p, g, m and v of every parameter in the module's memory (m and v zero). */
  #layout(params: Record<string, np.NDArray>): boolean {
    const module = wasmModule();
    if (module === null) return false;
    for (const p of Object.values(params)) if (p.dtype !== "float32") return false;
    this.#k = new WebAssembly.Instance(module).exports as unknown as Exports;
    let at = 0;
    const take = (len: number) => {
      const start = at;
      at += Math.ceil((len * 4) / 64) * 64 + 64;
      return start;
    };
    for (const [key, p] of Object.entries(params)) {
      const len = p.size;
      this.#at.set(key, {
        p: take(len),
        g: take(len),
        m: take(len),
        v: take(len),
        len,
        shape: [...p.shape],
      });
    }
    const memory = this.#k.memory, need = Math.ceil(at / PAGE) - memory.buffer.byteLength / PAGE;
    if (need > 0) memory.grow(need);
    for (const field of ["m", "v"] as const) {
      const arrays = this.#pending[field];
      if (arrays !== undefined) this.#write(field, arrays);
    }
    this.#pending = {};
    return true;
  }

  /**
   * The first moments by parameter name, as the answer key's `m` (copies out of the module's
   * memory; null before the first update). Setting it (a checkpoint's state) replaces them.
   */
  get m(): Record<string, np.NDArray> | null {
    return this.#read("m");
  }

  set m(arrays: Record<string, np.NDArray> | null) {
    this.#hand("m", arrays);
  }

  /** The second moments by parameter name, as the answer key's `v` (see {@linkcode m}). */
  get v(): Record<string, np.NDArray> | null {
    return this.#read("v");
  }

  set v(arrays: Record<string, np.NDArray> | null) {
    this.#hand("v", arrays);
  }

  #read(field: "m" | "v"): Record<string, np.NDArray> | null {
    if (this.#book !== null) return this.#book[field];
    if (this.#k === null) return this.#pending[field] ?? null;
    const heap = new Float32Array(this.#k.memory.buffer);
    const arrays: Record<string, np.NDArray> = {};
    for (const [key, at] of this.#at) {
      const data = heap.slice(at[field] / 4, at[field] / 4 + at.len);
      arrays[key] = new np.NDArray(data, at.shape);
    }
    return arrays;
  }

  #hand(field: "m" | "v", arrays: Record<string, np.NDArray> | null): void {
    if (this.#book !== null) this.#book[field] = arrays;
    else if (this.#k !== null && arrays !== null) this.#write(field, arrays);
    else if (arrays !== null) this.#pending[field] = arrays;
  }

  #write(field: "m" | "v", arrays: Record<string, np.NDArray>): void {
    const heap = new Float32Array((this.#k as Exports).memory.buffer);
    for (const [key, at] of this.#at) {
      const array = arrays[key];
      if (array === undefined || array.size !== at.len) {
        throw new TypeError(`Adam: no ${field} of ${at.len} values for parameter ${key}`);
      }
      heap.set(array.data, at[field] / 4);
    }
  }

  /** iter += 1; m += (1 − β₁)(grad − m); v += (1 − β₂)(grad² − v); p −= lr_t · m / (√v + 1e-7). */
  update(params: Record<string, np.NDArray>, grads: Record<string, np.NDArray>): void {
    if (this.#book === null && this.#k === null && !this.#layout(params)) {
      this.#book = new BookAdam({ lr: this.lr, beta1: this.beta1, beta2: this.beta2 });
      this.#book.iter = this.iter;
      this.#book.m = this.#pending.m ?? null;
      this.#book.v = this.#pending.v ?? null;
      this.#pending = {};
    }
    if (this.#book !== null) {
      this.#book.lr = this.lr;
      this.#book.update(params, grads);
      this.iter = this.#book.iter;
      return;
    }
    const k = this.#k as Exports;
    this.iter += 1;
    const lrT = this.lr * Math.sqrt(1 - this.beta2 ** this.iter) / (1 - this.beta1 ** this.iter);
    const a1 = 1 - this.beta1, a2 = 1 - this.beta2;
    const heap = new Float32Array(k.memory.buffer);
    for (const [key, param] of Object.entries(params)) {
      const at = this.#at.get(key), grad = grads[key];
      if (at === undefined || grad === undefined || grad.size !== at.len) {
        throw new TypeError(`Adam.update: parameter ${key} has no gradient of its size`);
      }
      const p = param.data as Float32Array;
      heap.set(p, at.p / 4);
      heap.set(
        grad.dtype === "float32" ? grad.data as Float32Array : Float32Array.from(grad.data),
        at.g / 4,
      );
      k.adam32(at.p, at.g, at.m, at.v, at.len, lrT, a1, a2);
      p.set(heap.subarray(at.p / 4, at.p / 4 + at.len));
    }
  }
}
