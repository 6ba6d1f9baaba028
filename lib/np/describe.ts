/**
 * What `np` says about the values it refuses: a description of any JavaScript value that never
 * throws while the message is built (a BigInt, a Symbol or a cyclic object would break
 * `JSON.stringify` or a template string), the checks of numbers passed as options, and the
 * error of an allocation that fails.
 *
 * @module
 */

import { NP_DESCRIBE, NP_MESSAGES, NP_SUBJECTS, type Subject } from "./messages.ts";

/** Longest description kept of an object or a string, so a message stays one readable line. */
const MAX_TEXT = 60;

/**
 * A short, safe description of any value for an error message: numbers as written (`-0`,
 * `NaN`), strings quoted, BigInts, Symbols, holes' `undefined`, arrays, typed arrays and
 * NDArrays by kind and size. Never throws.
 *
 * @example
 * ```ts
 * import { describe } from "./describe.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(describe(-0), "-0");
 * assert.equal(describe("2"), '"2" (a string)');
 * assert.equal(describe(3n), "3n (a BigInt)");
 * const cyclic: Record<string, unknown> = {};
 * cyclic.self = cyclic;
 * assert.equal(describe(cyclic), "an object");
 * ```
 *
 * @param value Anything.
 * @returns A description such as `3n (a BigInt)`, `"a" (a string)` or `an array of length 2`.
 */
export function describe(value: unknown): string {
  const m = NP_DESCRIBE();
  switch (typeof value) {
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return m.bigint(String(value));
    case "string": {
      const text = JSON.stringify(value);
      return m.string(text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) + "…" : text);
    }
    case "boolean":
      return m.boolean(String(value));
    case "undefined":
      return "undefined";
    case "symbol":
      return m.symbol(String(value));
    case "function":
      return m.function;
  }
  if (value === null) return "null";
  // A getter or a Proxy may throw while it is looked at: the description must not.
  try {
    if (Array.isArray(value)) return m.array(value.length);
    if (value instanceof Error) return `${value.name}: ${value.message}`;
    if (ArrayBuffer.isView(value)) {
      const length = (value as { length?: number }).length ?? value.byteLength;
      return m.typedArray(value.constructor.name, length);
    }
    const { constructor, shape } = value as { constructor?: { name?: string }; shape?: unknown };
    if (constructor?.name === "NDArray" && Array.isArray(shape)) {
      return m.ndarray(`[${shape.join(", ")}]`);
    }
    const text = JSON.stringify(value);
    if (text === undefined) return m.object;
    return text.length > MAX_TEXT ? m.objectText(`${text.slice(0, MAX_TEXT)}…`) : text;
  } catch {
    return m.object;
  }
}

/**
 * Refuses anything but a number (NaN and ±Infinity are numbers), naming the value.
 *
 * @example
 * ```ts
 * import { checkNumber } from "./describe.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(checkNumber(NaN, "full: the fill value"), NaN);
 * assert.throws(() => checkNumber("7", "full: the fill value"), /got "7" \(a string\)/);
 * ```
 *
 * @param value The value to check.
 * @param what What it is, to start the message: `"full: the fill value"` (a subject of
 *   `NP_SUBJECTS`, said in the learner's language).
 * @returns The value, typed as a number.
 * @throws {TypeError} for any other type; a BigInt is told to go through `Number(…)`.
 */
export function checkNumber(value: unknown, what: Subject): number {
  if (typeof value === "number") return value;
  throw new TypeError(
    NP_MESSAGES().notNumber(NP_SUBJECTS()[what], describe(value), bigIntHint(value)),
  );
}

/** The advice that follows a refused BigInt (np holds float64 or float32 numbers only). */
export function bigIntHint(value: unknown): string {
  return typeof value === "bigint" ? NP_MESSAGES().bigIntHint : "";
}

/** Binary units, as NumPy's MemoryError names them ("Unable to allocate 7.28 TiB …"). */
const UNITS = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];

/** A byte count as NumPy prints it in a MemoryError: `7.28 TiB`. */
export function formatBytes(bytes: number): string {
  let unit = 0;
  while (unit < UNITS.length - 1 && bytes >= 1024 ** (unit + 1)) unit++;
  return unit === 0 ? `${bytes} bytes` : `${(bytes / 1024 ** unit).toPrecision(3)} ${UNITS[unit]}`;
}

/**
 * The error of an array that could not be allocated: the function, the shape, the dtype and
 * the bytes, where V8 only says "Array buffer allocation failed" or "Invalid typed array
 * length". NumPy raises a `MemoryError` here; np raises a `RangeError`, as for any value out of
 * range (CONTRIBUTING.md).
 *
 * @param name The function that asked for the array (`zeros`, `matmul`, `transpose`…).
 * @param shape The shape of the array, or its element count when it has no shape yet.
 * @param dtype `"float64"` or `"float32"`.
 * @param cause V8's own error.
 */
export function allocationError(
  name: string,
  shape: readonly number[] | number,
  dtype: string,
  cause: unknown,
): RangeError {
  const size = typeof shape === "number" ? shape : shape.reduce((p, n) => p * n, 1);
  const itemBytes = dtype === "float32" ? 4 : 8;
  const bytes = size * itemBytes;
  const m = NP_MESSAGES();
  const of = typeof shape === "number"
    ? m.elements(size)
    : m.shapeElements(`[${shape.join(", ")}]`, size);
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new RangeError(m.allocation(name, formatBytes(bytes), bytes, of, dtype, reason), {
    cause,
  });
}
