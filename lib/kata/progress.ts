/**
 * A learner's progress, computed live: each chapter's tests run in their own process against
 * the learner's code (nothing is stored), and each exercise is done when every test whose
 * name starts with its name passes.
 *
 * @module
 */

import { join } from "node:path";
import { parseHints } from "./hints_file.ts";
import {
  type Exercise,
  parseDeclarations,
  readText,
  readWorkbook,
  testBelongsTo,
  type Workbook,
} from "./manifest.ts";
import {
  EXITED_PREFIX,
  firstLine,
  rootCause,
  type RunError,
  runTests,
  type TestResult,
} from "./test_run.ts";

/** Where one exercise stands. */
export interface ExerciseProgress {
  /** The exercise. */
  exercise: Exercise;
  /** Its tests (those whose name starts with its name). */
  tests: TestResult[];
  /** All its tests pass (and it has at least one). */
  done: boolean;
  /** Whether any test still meets the stub's `todo()`. */
  notStarted: boolean;
  /** Where to write next, `file:line`: from the `todo()` error, else the declaration. */
  location: string;
  /** The first line of the first failing test's error, if any. */
  error?: string;
}

/** Where one chapter stands. */
export interface ChapterProgress {
  /** Two digits. */
  chapter: string;
  /** The first heading of the chapter's README (or `""`). */
  title: string;
  /** Its exercises in the order of its HINTS.md, then of the files. */
  exercises: ExerciseProgress[];
  /** Errors outside tests (a module that does not load, a syntax error). */
  errors: RunError[];
}

/**
 * One line for an error outside tests: its message and where it happened, without the
 * runner's prefixes.
 *
 * @example
 * ```ts
 * import { describeRunError } from "./progress.ts";
 * import assert from "node:assert/strict";
 *
 * const error = "deno test exited with code 1: error: SyntaxError: Expected ';'\n" +
 *   "88 | syntax error here(\n    at file:///repo/chapters/02/perceptron.ts:88:8";
 * assert.equal(
 *   describeRunError({ file: "", error }, "/repo"),
 *   "SyntaxError: Expected ';' (chapters/02/perceptron.ts:88:8)",
 * );
 * ```
 *
 * @param error The error.
 * @param root The repo root, to shorten paths.
 * @returns The line.
 */
export function describeRunError(error: RunError, root: string): string {
  const message = firstLine(error.error)
    .replace(EXITED_PREFIX, "")
    .replace(/^error: /, "");
  const at = error.error.match(/^\s*at (?:.*\()?file:\/\/(\S+?:\d+:\d+)\)?\s*$/m)?.[1];
  const prefix = `${root.replace(/\/$/, "")}/`;
  const where = at ? ` (${at.startsWith(prefix) ? at.slice(prefix.length) : at})` : "";
  return `${error.file ? `${error.file}: ` : ""}${message}${where}`;
}

/** The exercises that are done, and how many there are. */
export function counts(chapter: ChapterProgress): { done: number; total: number } {
  return {
    done: chapter.exercises.filter((e) => e.done).length,
    total: chapter.exercises.length,
  };
}

/** Whether a chapter is finished: every exercise done and nothing broken. */
export function isFinished(chapter: ChapterProgress): boolean {
  return chapter.errors.length === 0 && chapter.exercises.every((e) => e.done);
}

/** The first heading of `chapters/NN/README.md`, without its `#`. */
export function chapterTitle(root: string, chapter: string): string {
  const text = readText(join(root, "chapters", chapter, "README.md")) ?? "";
  const heading = text.match(/^#\s+(.+)$/m)?.[1].trim() ?? "";
  // "Chapter 04 — Learning" → "Learning": the number is already in its own column.
  return heading.replace(/^(chapter|ch\.?)\s*\d+\s*[—–:.-]*\s*/i, "");
}

/**
 * The exercises of a chapter as the learner sees them, in the order its HINTS.md gives, then
 * in file order. An exported function or class of a stub module counts when it still calls
 * `todo()` or when HINTS.md has a section for it: once solved, an exercise no longer calls
 * `todo()`, and it must still count (as done).
 */
export function orderedExercises(workbook: Workbook, chapter: string): Exercise[] {
  const hints = parseHints(readText(join(workbook.root, "chapters", chapter, "HINTS.md")) ?? "");
  const hinted = new Set(hints.map((h) => h.name));
  const files = new Set([
    ...workbook.pairs.filter((p) => p.chapter === chapter).map((p) => p.stub),
    ...workbook.stubModules.filter((m) => m.startsWith(`chapters/${chapter}/`)),
  ]);
  const exercises: Exercise[] = [];
  for (const file of [...files].sort()) {
    const source = readText(join(workbook.root, file));
    if (source === undefined) continue;
    for (const d of parseDeclarations(source)) {
      if (d.kind !== "function" && d.kind !== "class") continue;
      if (!d.callsTodo && !hinted.has(d.name)) continue;
      exercises.push({ chapter, name: d.name, file, line: d.line });
    }
  }
  const rank = (name: string) => {
    const i = hints.findIndex((h) => h.name === name);
    return i < 0 ? hints.length : i;
  };
  return exercises
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e.name) - rank(b.e.name) || a.i - b.i)
    .map(({ e }) => e);
}

/**
 * Combines an exercise list with test results into progress.
 *
 * @example
 * ```ts
 * import { progressOf } from "./progress.ts";
 * import assert from "node:assert/strict";
 *
 * const exercise = { chapter: "03", name: "step", file: "chapters/03/step.ts", line: 9 };
 * const [step] = progressOf([exercise], [{
 *   file: "chapters/03/step_test.ts", name: "step() is 1 above 0", line: 3, status: "failed",
 *   error: "NotImplementedError: step() is not written yet (chapters/03/step.ts:11). " +
 *     "Stuck? deno task hint 03 step",
 * }]);
 * assert.equal(step.done, false);
 * assert.equal(step.notStarted, true);
 * assert.equal(step.location, "chapters/03/step.ts:11");
 * const [ja] = progressOf([exercise], [{
 *   file: "chapters/03/step_test.ts", name: "step() is 1 above 0", line: 3, status: "failed",
 *   error: "NotImplementedError: step() はまだ書かれていません (chapters/03/step.ts:12)。" +
 *     "行き詰まったら: deno task hint 03 step",
 * }]);
 * assert.equal(ja.location, "chapters/03/step.ts:12");
 * ```
 *
 * @param exercises The exercises, in order.
 * @param tests The results of their chapter's tests.
 * @returns One entry per exercise.
 */
export function progressOf(exercises: Exercise[], tests: TestResult[]): ExerciseProgress[] {
  return exercises.map((exercise) => {
    const mine = tests.filter((t) => testBelongsTo(t.name, exercise.name));
    const failing = mine.filter((t) => t.status !== "passed");
    const todoFailure = failing.find((t) => /^NotImplementedError\b/.test(rootCause(t.error)));
    // "(chapters/03/step.ts:11)" in the message of either language (lib/kata/todo.ts).
    const where = todoFailure?.error?.match(/\((chapters\/[^\s()]+:\d+)\)/)?.[1];
    const progress: ExerciseProgress = {
      exercise,
      tests: mine,
      done: mine.length > 0 && failing.length === 0,
      notStarted: todoFailure !== undefined,
      location: where ?? `${exercise.file}:${exercise.line}`,
    };
    const first = failing.find((t) => t !== todoFailure) ?? todoFailure;
    if (first) {
      const why = first.status === "skipped" ? "skipped" : rootCause(first.error);
      progress.error = `${first.name}: ${why}`;
      if (failing.length > 1) progress.error += ` (and ${failing.length - 1} more)`;
    } else if (mine.length === 0) progress.error = "its tests did not run";
    return progress;
  });
}

/**
 * Runs one chapter's tests against the learner's code and reports each exercise.
 *
 * @param workbook The workbook (from {@linkcode readWorkbook}).
 * @param chapter Two digits.
 * @returns The chapter's progress.
 */
export async function chapterProgress(
  workbook: Workbook,
  chapter: string,
): Promise<ChapterProgress> {
  const exercises = orderedExercises(workbook, chapter);
  const run = await runTests([`chapters/${chapter}/`], { root: workbook.root });
  return {
    chapter,
    title: chapterTitle(workbook.root, chapter),
    exercises: progressOf(exercises, run.tests),
    errors: run.errors,
  };
}

/**
 * Runs `fn` on each item with at most `limit` running at once; results keep the items' order.
 *
 * @example
 * ```ts
 * import { pool } from "./progress.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(await pool([1, 2, 3], 2, (n) => Promise.resolve(n * 2)), [2, 4, 6]);
 * ```
 *
 * @param items The work.
 * @param limit How many at once.
 * @param fn The job.
 * @returns The results in order.
 */
export async function pool<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The progress of several chapters (all by default), two test processes at a time.
 *
 * @param root The repo root.
 * @param options `chapters`: which ones; `onChapter`: called as each chapter finishes.
 * @returns The chapters' progress, in chapter order.
 */
export async function workbookProgress(
  root: string,
  options: { chapters?: string[]; onChapter?: (p: ChapterProgress) => void } = {},
): Promise<ChapterProgress[]> {
  const workbook = readWorkbook(root);
  const chapters = options.chapters ?? workbook.chapters;
  return await pool(chapters, 2, async (chapter) => {
    const progress = await chapterProgress(workbook, chapter);
    options.onChapter?.(progress);
    return progress;
  });
}
