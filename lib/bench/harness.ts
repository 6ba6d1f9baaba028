/**
 * The benchmark's timing harness: warm-up runs, then repeated samples, reported as a median.
 *
 * Timings live here and in `deno task bench`, never in tests: a shared two-core machine is
 * too noisy for a test to assert on a duration.
 *
 * @module
 */

import { cpuUsage } from "node:process";

/** The result of {@linkcode measure}: seconds per call. */
export interface Timing {
  /** The median of the samples, in seconds per call. */
  median: number;
  /** The fastest sample, in seconds per call. */
  min: number;
  /** The slowest sample, in seconds per call. */
  max: number;
  /** Every sample, in seconds per call, in the order they were taken. */
  samples: number[];
  /** How many calls each sample averaged over. */
  callsPerSample: number;
  /**
   * The median of the samples in process CPU time (user + system, all threads), in seconds
   * per call. On a busy machine it is what one thread's work costs, whatever the other
   * processes do; with two busy threads it is about twice the wall time.
   */
  cpuMedian: number;
}

/** Options of {@linkcode measure}. */
export interface MeasureOptions {
  /** Calls made before timing starts, so the JIT and the caches settle (default 2). */
  warmup?: number;
  /** How many samples to take (default 5); the median is reported. */
  repeats?: number;
  /**
   * The shortest duration of one sample in seconds (default 0.2): fast calls are repeated
   * within a sample until it lasts this long, so the clock's resolution does not matter.
   */
  minSampleSeconds?: number;
}

/**
 * Times a synchronous function: `warmup` untimed calls, then `repeats` samples of
 * `callsPerSample` calls each, and returns seconds per call.
 *
 * @example
 * ```ts
 * import { measure } from "./harness.ts";
 * import assert from "node:assert/strict";
 *
 * let calls = 0;
 * const t = measure(() => calls++, { warmup: 1, repeats: 3, minSampleSeconds: 0 });
 * assert.equal(t.samples.length, 3);
 * assert.ok(t.min <= t.median && t.median <= t.max);
 * assert.equal(calls, 1 + 1 + 3 * t.callsPerSample);
 * ```
 *
 * @param fn The work to time; its result is ignored.
 * @param options Warm-up calls, samples and the shortest sample.
 * @returns The median, min, max and all samples, in seconds per call.
 * @throws {RangeError} when `repeats` is less than 1 or `warmup` is negative.
 */
export function measure(fn: () => unknown, options: MeasureOptions = {}): Timing {
  const { warmup = 2, repeats = 5, minSampleSeconds = 0.2 } = options;
  if (!Number.isInteger(repeats) || repeats < 1) {
    throw new RangeError(`measure needs at least 1 repeat, got ${repeats}`);
  }
  if (!Number.isInteger(warmup) || warmup < 0) {
    throw new RangeError(`measure needs a non-negative number of warm-up calls, got ${warmup}`);
  }
  for (let i = 0; i < warmup; i++) fn();
  // One timed call decides how many calls make a sample last minSampleSeconds.
  const probe = time(fn);
  const callsPerSample = Math.max(1, Math.ceil(minSampleSeconds / Math.max(probe, 1e-6)));
  const samples: number[] = [], cpu: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const cpuStart = cpuSeconds();
    const start = performance.now();
    for (let i = 0; i < callsPerSample; i++) fn();
    samples.push((performance.now() - start) / 1000 / callsPerSample);
    cpu.push((cpuSeconds() - cpuStart) / callsPerSample);
  }
  return {
    median: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
    samples,
    callsPerSample,
    cpuMedian: median(cpu),
  };
}

/**
 * The CPU time this process has used so far (user + system, every thread), in seconds.
 *
 * @example
 * ```ts
 * import { cpuSeconds } from "./harness.ts";
 * import assert from "node:assert/strict";
 *
 * const before = cpuSeconds();
 * for (let i = 0, x = 0; i < 1e6; i++) x += Math.sqrt(i);
 * assert.ok(cpuSeconds() >= before);
 * ```
 *
 * @returns Seconds.
 */
export function cpuSeconds(): number {
  const { user, system } = cpuUsage();
  return (user + system) / 1e6;
}

/**
 * The seconds one call of `fn` takes, timed once.
 *
 * @example
 * ```ts
 * import { time } from "./harness.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(time(() => Math.sqrt(2)) >= 0);
 * ```
 *
 * @param fn The work to time.
 * @returns Seconds.
 */
export function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return (performance.now() - start) / 1000;
}

/**
 * The median of a list of numbers (the mean of the middle two for an even count).
 *
 * @example
 * ```ts
 * import { median } from "./harness.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(median([3, 1, 2]), 2);
 * assert.equal(median([4, 1, 3, 2]), 2.5);
 * ```
 *
 * @param values The numbers; not changed.
 * @returns Their median.
 * @throws {RangeError} for an empty list.
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median needs at least one value, got none");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Writes a progress line on stderr, so stdout keeps only the results table.
 *
 * @example
 * ```ts
 * import { progress } from "./harness.ts";
 *
 * progress("matmul 512³ f32 …");
 * ```
 *
 * @param message The line to write.
 */
export function progress(message: string): void {
  Deno.stderr.writeSync(new TextEncoder().encode(`[bench] ${message}\n`));
}
