/**
 * `assertProperty`: fast-check's `fc.assert` for chapter tests, whose failure is the failing
 * assertion itself (its label, in the learner's language, and its values) with the smallest
 * counterexample added, instead of fast-check's English report around it.
 *
 * @module
 */

import fc from "fast-check";
import { TESTING } from "./messages.ts";

/**
 * Runs a property like `fc.assert`; when it fails, throws the error the property threw (an
 * assertion, or the learner's own exception), its message ending with fast-check's smallest
 * counterexample.
 *
 * @example
 * ```ts
 * import { assertProperty } from "./property.ts";
 * import fc from "fast-check";
 * import assert from "node:assert/strict";
 *
 * const half = fc.property(fc.integer({ min: 0, max: 100 }), (n) => {
 *   assert.ok(n / 2 <= n, `n / 2 <= n for n = ${n}`);
 * });
 * assertProperty(half, { seed: 1, numRuns: 20 });
 * const wrong = fc.property(fc.integer({ min: 0, max: 100 }), (n) => {
 *   assert.ok(n < 50, `n < 50 for n = ${n}`);
 * });
 * assert.throws(() => assertProperty(wrong, { seed: 1 }), /n < 50 for n = 50\n.*: \[50\]/);
 * ```
 *
 * @param property The property (`fc.property(…)`).
 * @param params fast-check's parameters (a fixed `seed`, `numRuns`).
 * @throws What the property threw, with the counterexample in its message.
 */
export function assertProperty<T>(property: fc.IProperty<T>, params: fc.Parameters<T>): void {
  const details = fc.check(property, params);
  if (!details.failed) return;
  const thrown = details.errorInstance;
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  const before = error.message;
  error.message += `\n  ${TESTING().counterexample(fc.stringify(details.counterexample))}`;
  // The stack was written with the old message, and the test runner prints the stack.
  if (error.stack?.includes(before)) error.stack = error.stack.replace(before, error.message);
  throw error;
}
