/**
 * The stub mechanism: every exercise's body starts as `return todo("name", "04", ...args)`,
 * which throws a {@linkcode NotImplementedError} telling the learner where to write.
 *
 * @module
 */

import { fileURLToPath } from "node:url";
import { relative } from "node:path";
import { defineMessages } from "../command/lang.ts";

/**
 * The message, in both languages. Both keep `(chapters/NN/x.ts:LINE)`, which
 * `deno task kata` reads back (lib/kata/progress.ts).
 */
const MESSAGES = defineMessages("todo", {
  notWritten: (exercise: string, where: string, chapter: string, symbol: string) =>
    `${exercise}() is not written yet (${where}). Stuck? deno task hint ${chapter} ${symbol}`,
}, {
  notWritten: (exercise: string, where: string, chapter: string, symbol: string) =>
    `${exercise}() はまだ書かれていません (${where})。` +
    `行き詰まったら: deno task hint ${chapter} ${symbol}`,
});

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Thrown by an exercise that has not been written yet. The message names the exercise, the
 * file and line to edit, and the hint command; the stack is that one line of the stub, so a
 * chapter's failures on the shipped stubs stay short.
 */
export class NotImplementedError extends Error {
  /** The exercise, e.g. `"crossEntropyError"` or `"Affine.backward"`. */
  readonly exercise: string;
  /** The chapter, e.g. `"04"`. */
  readonly chapter: string;
  /** Where to write it, e.g. `"chapters/04/loss.ts:23"` (empty if unknown). */
  readonly location: string;

  /**
   * Builds the error; `todo()` is the way to throw it.
   *
   * @param exercise The exercise.
   * @param chapter The chapter, two digits.
   * @param location Where to write it, root-relative `file:line`.
   * @param frame The stub's stack frame (`file:///…/loss.ts:23:10`), shown as the stack.
   */
  constructor(exercise: string, chapter: string, location: string, frame = "") {
    const symbol = exercise.split(".")[0];
    super(MESSAGES().notWritten(exercise, location || `chapters/${chapter}/`, chapter, symbol));
    this.name = "NotImplementedError";
    this.exercise = exercise;
    this.chapter = chapter;
    this.location = location;
    this.stack = `${this.name}: ${this.message}` + (frame ? `\n    at ${exercise} (${frame})` : "");
  }
}

/** The stack frame of the code that called the function calling this one. */
function callerFrame(stack: string | undefined): { url: string; line: string; column: string } {
  // Line 0 is the message, line 1 is todo() itself, line 2 is the stub that called it.
  const frame = stack?.split("\n").find((line, i) => i >= 2 && line.includes("file://"));
  const match = frame?.match(/(file:\/\/[^\s)]+?):(\d+):(\d+)/);
  return { url: match?.[1] ?? "", line: match?.[2] ?? "", column: match?.[3] ?? "" };
}

/**
 * Marks an exercise as not written yet: throws a {@linkcode NotImplementedError}.
 *
 * @example
 * ```ts
 * import { NotImplementedError, todo } from "./todo.ts";
 * import assert from "node:assert/strict";
 *
 * function softmax(x: number[]): number[] {
 *   return todo("softmax", "03", x);
 * }
 * assert.throws(() => softmax([1, 2]), NotImplementedError);
 * ```
 *
 * @param exercise The exercise's name (`"Affine.backward"` for a method).
 * @param chapter The chapter as two digits.
 * @param _params The stub's parameters, passed so that linters see them used.
 */
export function todo(exercise: string, chapter: string, ..._params: unknown[]): never {
  const { url, line, column } = callerFrame(new Error().stack);
  if (!url) throw new NotImplementedError(exercise, chapter, "");
  const location = `${relative(ROOT, fileURLToPath(url))}:${line}`;
  throw new NotImplementedError(exercise, chapter, location, `${url}:${line}:${column}`);
}
