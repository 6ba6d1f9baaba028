/**
 * Failures that name the mistake. Each chapter has a catalogue of the mistakes learners make
 * (`lib/mistakes/chNN.ts`): small variants of the answer key, each with a name written for the
 * learner. A chapter test wrapped by {@linkcode mistakeNamer} receives the implementations
 * it tests as arguments; when it fails, it runs again with each catalogued mistake of that
 * exercise in place of the learner's, and when a mistake fails in exactly the same way (the
 * same message and values, so the same wrong answer on the same input), the failure says so:
 *
 * ```
 * dW against the numerical gradient: … (shapes [3, 2], [2, 3] mismatch)
 *   This looks like: dW as dout·xᵀ instead of xᵀ·dout
 *   Next step: deno task hint 05 Affine --more
 * ```
 *
 * The self-check proves, for every catalogued mistake, that a test of its exercise catches it
 * and names it.
 *
 * @module
 */

import { defineMessages, lang } from "../command/lang.ts";
import { heatmapFiles } from "./gradient_report.ts";

/** The phrases a named mistake adds to a failure, in both languages. */
const MESSAGES = defineMessages("mistakes", {
  looksLike: "This looks like:",
  looksLikeOneOf: "This looks like one of:",
  nextStep: "Next step:",
  nullish: "threw a nullish value",
}, {
  looksLike: "よくある間違い:",
  looksLikeOneOf: "よくある間違い（どれか）:",
  nextStep: "次の一歩:",
  nullish: "null か undefined が throw されました",
});

/** A mistake learners make in one exercise. */
export interface Mistake {
  /** The exercise, as exported: `"Affine"`, `"crossEntropyError"`. */
  exercise: string;
  /** One line for the learner: `"dW as dout·xᵀ instead of xᵀ·dout"`. */
  name: string;
  /**
   * The name in Japanese, shown instead of `name` when the learner's language is Japanese:
   * `"dW を xᵀ·dout ではなく doutᵀ·x で計算している"`.
   */
  ja?: string;
  /**
   * The exercise with the mistake: a function, or a class (usually a subclass of the answer
   * key's that overrides one method), that takes the place of the answer key's export.
   */
  code: unknown;
}

/** A mistake's name in the learner's language (the English one when it has no Japanese). */
function nameOf(mistake: Mistake): string {
  return lang() === "ja" && mistake.ja ? mistake.ja : mistake.name;
}

/** A test body that receives the implementations it tests. */
export type ExerciseBody<T> = (implementations: T) => void | Promise<void>;

/** The wrapper of {@linkcode mistakeNamer}: implementations and body in, a test function out. */
export type Named = <T extends Record<string, unknown>>(
  implementations: T,
  body: ExerciseBody<T>,
) => () => Promise<void>;

/**
 * The text a failure is compared by: its message, and the actual and expected values an
 * assertion keeps (a message such as "dW" alone would not tell two wrong answers apart),
 * without terminal colours.
 */
function signature(error: unknown): string {
  let text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (error instanceof Error && ("actual" in error || "expected" in error)) {
    const { actual, expected } = error as { actual?: unknown; expected?: unknown };
    const show = (value: unknown) => Deno.inspect(value, { depth: 6, iterableLimit: 10_000 });
    text += `\nactual: ${show(actual)}\nexpected: ${show(expected)}`;
  }
  // deno-lint-ignore no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, "");
}

/** Runs a body and returns what it threw (undefined when it passed). */
async function failureOf(run: () => void | Promise<void>): Promise<unknown> {
  try {
    await run();
    return undefined;
  } catch (error) {
    return error ?? new Error(MESSAGES().nullish);
  }
}

/**
 * The catalogued mistakes that fail a test the way the learner's code did.
 *
 * @param mistakes The mistakes of the test's exercise.
 * @param implementations The implementations the test ran with.
 * @param body The test.
 * @param failure What the learner's code threw.
 * @returns The names of the mistakes that reproduce the failure.
 */
export async function matchingMistakes<T extends Record<string, unknown>>(
  mistakes: readonly Mistake[],
  implementations: T,
  body: ExerciseBody<T>,
  failure: unknown,
): Promise<string[]> {
  const wanted = signature(failure);
  const names: string[] = [];
  for (const mistake of mistakes) {
    if (!(mistake.exercise in implementations)) continue;
    const swapped = { ...implementations, [mistake.exercise]: mistake.code };
    const theirs = await failureOf(() => body(swapped));
    if (theirs !== undefined && signature(theirs) === wanted) names.push(mistake.name);
  }
  return names;
}

/**
 * Runs one exercise test: passes when the body passes; otherwise throws the body's failure,
 * with the catalogued mistake that fails the same way named in its message.
 *
 * @example
 * ```ts
 * import { runExerciseTest } from "./mistakes.ts";
 * import assert from "node:assert/strict";
 *
 * const mistakes = [{ exercise: "double", name: "x + 1 instead of 2x", code: (x: number) => x + 1 }];
 * const body = ({ double }: { double: (x: number) => number }) => {
 *   assert.equal(double(3), 6, "double(3)");
 * };
 * await runExerciseTest("01", mistakes, { double: (x: number) => 2 * x }, body);
 * await assert.rejects(
 *   runExerciseTest("01", mistakes, { double: (x: number) => x + 1 }, body),
 *   /This looks like: x \+ 1 instead of 2x\n {2}Next step: deno task hint 01 double --more/,
 * );
 * // Another wrong answer fails with the same message but other values: no name.
 * await assert.rejects(
 *   runExerciseTest("01", mistakes, { double: (x: number) => x * x }, body),
 *   (error: Error) => !error.message.includes("This looks like"),
 * );
 * ```
 *
 * @param chapter The chapter, two digits.
 * @param mistakes The catalogue (only the test's exercise's mistakes are tried).
 * @param implementations The implementations to test.
 * @param body The test.
 * @param exercise The exercise (by default the first key of `implementations`).
 */
export async function runExerciseTest<T extends Record<string, unknown>>(
  chapter: string,
  mistakes: readonly Mistake[],
  implementations: T,
  body: ExerciseBody<T>,
  exercise: string = Object.keys(implementations)[0],
): Promise<void> {
  const failure = await failureOf(() => body(implementations));
  if (failure === undefined) return;
  // An exercise not written yet is no mistake; its message already says what to do.
  if (failure instanceof Error && failure.name === "NotImplementedError") throw failure;
  const candidates = mistakes.filter((m) => m.exercise === exercise);
  heatmapFiles.enabled = false;
  let names: string[];
  try {
    names = await matchingMistakes(candidates, implementations, body, failure);
  } finally {
    heatmapFiles.enabled = true;
  }
  if (names.length === 0) throw failure;
  // Matched by their English names above (unique within an exercise); shown in the learner's.
  names = names.map((name) => nameOf(candidates.find((m) => m.name === name) as Mistake));
  const m = MESSAGES();
  const looks = names.length === 1
    ? `${m.looksLike} ${names[0]}`
    : `${m.looksLikeOneOf} ${names.join("; ")}`;
  const error = failure instanceof Error ? failure : new Error(String(failure));
  const before = error.message;
  error.message += `\n  ${looks}\n  ${m.nextStep} deno task hint ${chapter} ${exercise} --more`;
  // The stack was written with the old message, and the test runner prints the stack.
  if (error.stack?.includes(before)) error.stack = error.stack.replace(before, error.message);
  throw error;
}

/**
 * A chapter's wrapper for its tests: `Deno.test(name, named({ Affine }, ({ Affine }) => …))`
 * runs the body with the given implementations and, on failure, names the catalogued mistake
 * of that exercise (the first key) that fails the same way, with the next hint command. The
 * body must use the implementations it is given, never the module's imports, so that a
 * mistake can take the learner's place; so must every helper it calls (a helper that builds a
 * network from the module's import instead of the class it is given makes every mistake match).
 *
 * @example
 * ```ts ignore
 * import { mistakeNamer } from "../../lib/testing/mistakes.ts";
 * import { MISTAKES } from "../../lib/mistakes/ch05.ts";
 * import { Affine } from "./affine.ts";
 *
 * const named = mistakeNamer("05", MISTAKES);
 * Deno.test("Affine.backward() matches the numerical gradient", named({ Affine }, ({ Affine }) => {
 *   // …
 * }));
 * ```
 *
 * @param chapter The chapter, two digits (for the hint command).
 * @param mistakes The chapter's catalogue.
 * @returns The wrapper.
 */
export function mistakeNamer(chapter: string, mistakes: readonly Mistake[]): Named {
  return (implementations, body) => () => runExerciseTest(chapter, mistakes, implementations, body);
}
