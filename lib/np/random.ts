/**
 * Seeded random numbers: `np.rng(seed)` returns a {@linkcode Generator}, like NumPy's
 * `np.random.default_rng(seed)`. Same seed, same numbers, on every machine.
 *
 * The engine is xoshiro128** (Blackman and Vigna), seeded through splitmix32; normal
 * numbers come from the Box–Muller transform. The streams differ from NumPy's, so the
 * workbook's tests never expect NumPy's random values, only NumPy's statistics.
 *
 * @module
 */

import { allocate, checkDType, checkShape, type DType, NDArray, type Shape } from "./ndarray.ts";
import { NP_MESSAGES } from "./messages.ts";

/** Options of the sampling methods that make arrays. */
export interface SampleOptions {
  /** The element type (float64 by default). */
  dtype?: DType;
}

/** A generator's complete state, to save with a checkpoint and restore on resume. */
export interface GeneratorState {
  /** The four 32-bit words of xoshiro128**. */
  words: [number, number, number, number];
  /** The second normal number of the last Box–Muller pair, if not used yet. */
  spareNormal: number | null;
}

/**
 * A seeded random generator. Create one with {@linkcode rng}.
 *
 * @example Reproducible weights
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const a = np.rng(42).normal([2, 3], { scale: 0.01 });
 * const b = np.rng(42).normal([2, 3], { scale: 0.01 });
 * assert.deepEqual(a.toArray(), b.toArray());
 * ```
 */
export class Generator {
  #s = new Uint32Array(4);
  #spare: number | null = null;

  /** Seeds the generator; use {@linkcode rng} instead of calling this directly. */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new RangeError(NP_MESSAGES().seed(seed));
    }
    // splitmix32 over both halves of the seed fills the state; never all zero.
    let x = (seed >>> 0) ^ Math.floor(seed / 2 ** 32);
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      this.#s[i] = (z ^ (z >>> 16)) >>> 0;
    }
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const s = this.#s;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** One uniform number in [0, 1) with 53 random bits. */
  nextFloat(): number {
    const high = this.nextUint32() >>> 5, low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** One standard normal number. */
  nextNormal(): number {
    if (this.#spare !== null) {
      const v = this.#spare;
      this.#spare = null;
      return v;
    }
    let u = 0;
    while (u === 0) u = this.nextFloat();
    const v = this.nextFloat();
    const r = Math.sqrt(-2 * Math.log(u));
    this.#spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  #fill(name: string, shape: Shape, dtype: DType | undefined, draw: () => number): NDArray {
    const checked = checkShape(shape);
    const data = allocate(checkDType(dtype ?? "float64"), checked.reduce((p, n) => p * n, 1), {
      name,
      shape: checked,
    });
    for (let i = 0; i < data.length; i++) data[i] = draw();
    return new NDArray(data, checked);
  }

  /**
   * Uniform numbers in [0, 1), like `rng.random(size)` (the book's `np.random.rand`).
   *
   * @param shape The shape of the result.
   */
  random(shape: Shape, options: SampleOptions = {}): NDArray {
    return this.#fill("random", shape, options.dtype, () => this.nextFloat());
  }

  /** Standard normal numbers, like `rng.standard_normal(size)` (the book's `np.random.randn`). */
  standardNormal(shape: Shape, options: SampleOptions = {}): NDArray {
    return this.#fill("standardNormal", shape, options.dtype, () => this.nextNormal());
  }

  /** Normal numbers with mean `loc` (0) and standard deviation `scale` (1). */
  normal(shape: Shape, options: SampleOptions & { loc?: number; scale?: number } = {}): NDArray {
    const loc = options.loc ?? 0, scale = options.scale ?? 1;
    if (!(scale >= 0)) throw new RangeError(NP_MESSAGES().normalScale(scale));
    return this.#fill("normal", shape, options.dtype, () => loc + scale * this.nextNormal());
  }

  /** Uniform numbers in [low, high), with low 0 and high 1 by default. */
  uniform(shape: Shape, options: SampleOptions & { low?: number; high?: number } = {}): NDArray {
    const low = options.low ?? 0, high = options.high ?? 1;
    if (!(high >= low)) throw new RangeError(NP_MESSAGES().uniformBounds(low, high));
    return this.#fill("uniform", shape, options.dtype, () => low + (high - low) * this.nextFloat());
  }

  /** One integer in [low, high), drawn without bias. */
  integer(low: number, high: number): number {
    checkBounds(low, high);
    return low + Math.floor(this.nextFloat() * (high - low));
  }

  /**
   * Integers in [low, high) as an array of the given shape, like `rng.integers(low, high, size)`.
   */
  integers(low: number, high: number, options: { size: Shape }): NDArray {
    checkBounds(low, high);
    return this.#fill("integers", options.size, "float64", () => this.integer(low, high));
  }

  /**
   * `size` indices drawn from `0 .. n-1`, with replacement unless `replace` is false, like
   * `np.random.choice(n, size)` for the book's mini-batches (§4.2.3).
   */
  choice(n: number, size: number, options: { replace?: boolean } = {}): NDArray {
    if (!Number.isSafeInteger(n) || n <= 0) {
      throw new RangeError(NP_MESSAGES().choicePopulation(n));
    }
    if (!Number.isSafeInteger(size) || size < 0) {
      throw new RangeError(NP_MESSAGES().choiceSize(size));
    }
    if (options.replace === false) {
      if (size > n) {
        throw new RangeError(NP_MESSAGES().choiceTooMany(size, n));
      }
      return new NDArray(this.permutation(n).data.slice(0, size), [size]);
    }
    return this.#fill("choice", [size], "float64", () => this.integer(0, n));
  }

  /** The numbers `0 .. n-1` in random order (Fisher–Yates), like `rng.permutation(n)`. */
  permutation(n: number): NDArray {
    const data = allocate("float64", checkShape([n])[0], { name: "permutation", shape: [n] });
    for (let i = 0; i < n; i++) data[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.integer(0, i + 1);
      [data[i], data[j]] = [data[j], data[i]];
    }
    return new NDArray(data, [n]);
  }

  /** The generator's state, to continue the same stream later with {@linkcode setState}. */
  getState(): GeneratorState {
    const [a, b, c, d] = this.#s;
    return { words: [a, b, c, d], spareNormal: this.#spare };
  }

  /** Restores a state saved by {@linkcode getState}. */
  setState(state: GeneratorState): void {
    if (!Array.isArray(state?.words) || state.words.length !== 4) {
      throw new TypeError(NP_MESSAGES().generatorState);
    }
    this.#s.set(state.words);
    this.#spare = state.spareNormal ?? null;
  }
}

function checkBounds(low: number, high: number): void {
  if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high) || high <= low) {
    throw new RangeError(NP_MESSAGES().integerBounds(low, high));
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * A new seeded generator, like `np.random.default_rng(seed)`.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const batch = np.rng(0).choice(60000, 100);
 * assert.deepEqual(batch.shape, [100]);
 * ```
 *
 * @param seed A non-negative integer.
 */
export function rng(seed: number): Generator {
  return new Generator(seed);
}
