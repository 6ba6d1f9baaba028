/**
 * `deno task kata`: your progress per chapter and the next exercise to write.
 *
 * Progress is computed live, with no state file: each chapter's tests run in their own
 * process against your code, two at a time, and an exercise is done when every test whose
 * name starts with its name passes.
 *
 * @module
 */

import { chapterArg, parseArgs, REPO_ROOT, type Style, style, unknownFlags } from "./cli.ts";
import { join } from "node:path";
import { readWorkbook } from "./manifest.ts";
import {
  type ChapterProgress,
  counts,
  describeRunError,
  type ExerciseProgress,
  isFinished,
  workbookProgress,
} from "./progress.ts";

/** A progress bar of `width` cells: `██████░░░░` on a terminal, `[###---]` when plain. */
export function bar(done: number, total: number, width: number, s: Style): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * width);
  if (!s.enabled) return `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`;
  const paint = done === total && total > 0 ? s.green : s.cyan;
  return paint("█".repeat(filled)) + s.dim("░".repeat(width - filled));
}

/** A line cut to `width` characters, with an ellipsis. */
function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/**
 * What a learner sees when a chapter is done: a command that runs it on their code. Each runs
 * as soon as one exercise it uses is finished (`--mine` takes the reference for the rest).
 */
export const PAYOFF: Record<string, string> = {
  "01": "deno task ch01:plot --mine",
  "02": "deno task ch02:gates --mine",
  "03": "deno task ch03:predict --mine",
  "04": "deno task ch04:train --mine",
  "05": "deno task ch05:train --mine",
  "06": "deno task ch06:optimizers --mine",
  "07": "deno task ch07:train --mine",
  "08": "deno task train --mine",
};

/**
 * The chapter the learner is working in: that of the stub module changed last, when one was
 * changed after the others were checked out (on a fresh clone they all have about the same
 * time, and there is no such chapter).
 *
 * @example
 * ```ts
 * import { workingChapter } from "./status.ts";
 * import assert from "node:assert/strict";
 *
 * const t = (s: number) => new Date(2026, 0, 1, 0, 0, s);
 * assert.equal(workingChapter({ "chapters/04/loss.ts": t(0), "chapters/07/im2col.ts": t(30) }), "07");
 * assert.equal(workingChapter({ "chapters/04/loss.ts": t(0), "chapters/07/im2col.ts": t(1) }), undefined);
 * ```
 *
 * @param modified Each stub module's modification time.
 * @returns Two digits, or `undefined`.
 */
export function workingChapter(modified: Record<string, Date>): string | undefined {
  const times = Object.entries(modified).sort(([, a], [, b]) => a.getTime() - b.getTime());
  if (times.length < 2) return undefined;
  const [newest, time] = times[times.length - 1];
  // A clone or checkout writes every file within a few seconds.
  if (time.getTime() - times[0][1].getTime() < 5000) return undefined;
  return newest.match(/^chapters\/(\d\d)\//)?.[1];
}

/** The stub modules' modification times (for {@linkcode workingChapter}). */
export function stubTimes(root: string): Record<string, Date> {
  const workbook = readWorkbook(root);
  const times: Record<string, Date> = {};
  for (const file of new Set([...workbook.stubModules, ...workbook.pairs.map((p) => p.stub)])) {
    try {
      times[file] = Deno.statSync(join(root, file)).mtime ?? new Date(0);
    } catch {
      // A stub that was removed has no time; the tests will say so.
    }
  }
  return times;
}

/**
 * The next exercise to work on: the first one not done in the chapter the learner is working
 * in, else the first one not done in chapter order.
 */
export function nextExercise(
  chapters: ChapterProgress[],
  working?: string,
): { chapter: ChapterProgress; exercise?: ExerciseProgress } | undefined {
  const current = chapters.find((c) => c.chapter === working);
  const open = current?.exercises.find((e) => !e.done);
  if (current && open) return { chapter: current, exercise: open };
  for (const chapter of chapters) {
    const exercise = chapter.exercises.find((e) => !e.done);
    if (exercise) return { chapter, exercise };
    if (!isFinished(chapter)) return { chapter };
  }
  return undefined;
}

/**
 * The command that runs one exercise's tests: `--filter name`, or a pattern anchored at the
 * start when the name is part of another exercise's (AND and NAND).
 *
 * @example
 * ```ts
 * import { filterCommand } from "./status.ts";
 * import assert from "node:assert/strict";
 *
 * const exercise = (name: string) => ({
 *   exercise: { chapter: "02", name, file: "chapters/02/perceptron.ts", line: 1 },
 *   tests: [], done: false, notStarted: true, location: "",
 * });
 * const chapter = { chapter: "02", title: "", errors: [], exercises: [exercise("AND"), exercise("NAND")] };
 * assert.equal(filterCommand(chapter, "NAND"), "deno test chapters/02/ --filter NAND");
 * assert.equal(filterCommand(chapter, "AND"), 'deno test chapters/02/ --filter "/^AND\\b/"');
 * ```
 *
 * @param chapter The chapter's progress.
 * @param name The exercise.
 * @returns The command line.
 */
export function filterCommand(chapter: ChapterProgress, name: string): string {
  const shared = chapter.exercises.some((e) =>
    e.exercise.name !== name && e.exercise.name.includes(name)
  );
  return `deno test chapters/${chapter.chapter}/ --filter ${shared ? `"/^${name}\\b/"` : name}`;
}

/**
 * The status screen as text.
 *
 * @example
 * ```ts
 * import { renderStatus } from "./status.ts";
 * import { style } from "./cli.ts";
 * import assert from "node:assert/strict";
 *
 * const exercise = { chapter: "03", name: "step", file: "chapters/03/step.ts", line: 9 };
 * const text = renderStatus([{
 *   chapter: "03", title: "Neural networks", errors: [],
 *   exercises: [{ exercise, tests: [], done: false, notStarted: true,
 *     location: "chapters/03/step.ts:11" }],
 * }], style(false));
 * assert.ok(text.includes("03  [--------------------]    0/1  Neural networks"));
 * assert.ok(text.includes("deno task hint 03 step"));
 * ```
 *
 * @param chapters The chapters' progress.
 * @param s The styles.
 * @returns The lines, joined.
 */
export function renderStatus(
  chapters: ChapterProgress[],
  s: Style,
  root: string = REPO_ROOT,
  working?: string,
): string {
  const lines: string[] = [s.bold("Zerokara: your progress"), ""];
  let done = 0;
  let total = 0;
  for (const chapter of chapters) {
    const c = counts(chapter);
    done += c.done;
    total += c.total;
    const mark = c.total === 0
      ? s.dim(" ")
      : isFinished(chapter)
      ? s.green("✓")
      : chapter.errors.length > 0
      ? s.red("✗")
      : " ";
    const fraction = c.total === 0 ? s.dim("-".padStart(5)) : `${c.done}/${c.total}`.padStart(5);
    const title = chapter.title ? `  ${c.total === 0 ? s.dim(chapter.title) : chapter.title}` : "";
    lines.push(
      `${mark} ${s.bold(chapter.chapter)}  ${bar(c.done, c.total, 20, s)}  ${fraction}${title}`,
    );
    for (const error of chapter.errors.slice(0, 3)) {
      lines.push(`       ${s.red("✗")} ${describeRunError(error, root)}`);
    }
    if (c.total > 0 && isFinished(chapter) && PAYOFF[chapter.chapter]) {
      lines.push(`       ${s.dim("see it run on your code:")} ${PAYOFF[chapter.chapter]}`);
    }
  }
  if (chapters.length === 0) lines.push(s.dim("  No chapters yet."));
  lines.push("");
  lines.push(`${done} of ${total} exercises done.`);
  const next = nextExercise(chapters, working);
  if (!next) {
    if (total > 0) {
      lines.push(
        "",
        s.green("All done! Train the final network on your code: deno task train --mine"),
      );
    }
    return lines.join("\n");
  }
  const ch = next.chapter.chapter;
  lines.push("");
  if (next.exercise) {
    const e = next.exercise;
    lines.push(`${s.bold("Next:")} ${s.yellow(e.exercise.name)} in chapter ${ch}`);
    lines.push(`  write  ${s.cyan(e.location)}`);
    if (e.error && !e.notStarted) lines.push(`  fails  ${s.red(clip(e.error, 100))}`);
    else if (e.error && e.notStarted && e.tests.some((t) => t.status === "passed")) {
      lines.push(`  ${s.dim("(some of its tests pass already; keep going)")}`);
    }
    lines.push(
      `  test   ${filterCommand(next.chapter, e.exercise.name)}   or   deno task watch ${ch}`,
    );
    lines.push(`  stuck? deno task hint ${ch} ${e.exercise.name}`);
  } else {
    lines.push(`${s.bold("Next:")} chapter ${ch} has errors outside its tests (see above).`);
    lines.push(`  test   deno test chapters/${ch}/`);
  }
  return lines.join("\n");
}

const HELP = `deno task kata: your progress per chapter and the next exercise to write

Usage:
  deno task kata            all chapters; the next exercise is in the chapter you last
                            edited (the first unfinished one on a fresh clone)
  deno task kata 04 05      only these chapters

Each chapter's tests run against your code (two chapters at a time); an exercise is done
when all its tests pass. Nothing is stored: this is computed afresh each time.`;

if (import.meta.main) {
  const args = parseArgs(Deno.args);
  if (args.flags.has("help")) {
    console.log(HELP);
    Deno.exit(0);
  }
  const unknown = unknownFlags(args, ["help"]);
  const all = readWorkbook(REPO_ROOT).chapters;
  const chosen = args.positional.map((a) => ({ a, c: chapterArg(a) }));
  const bad = chosen.filter(({ c }) => c === undefined || !all.includes(c));
  if (unknown.length > 0 || bad.length > 0) {
    const what = [...unknown, ...bad.map(({ a }) => `"${a}"`)].join(", ");
    console.error(
      `error: Unknown chapter or option ${what}. Chapters: ${all.join(" ")}.\n` +
        `Run "deno task kata --help" for the usage.`,
    );
    Deno.exit(2);
  }
  const chapters = chosen.length > 0 ? [...new Set(chosen.map(({ c }) => c as string))] : all;
  const s = style();
  const terminal = Deno.stderr.isTerminal();
  const encoder = new TextEncoder();
  let finished = 0;
  const tick = () => {
    if (!terminal) return;
    const text = finished < chapters.length
      ? s.dim(`Running the chapters' tests… ${finished}/${chapters.length}`)
      : "";
    Deno.stderr.writeSync(encoder.encode(`\r\x1b[2K${text}`));
  };
  tick();
  const progress = await workbookProgress(REPO_ROOT, {
    chapters,
    onChapter: () => {
      finished++;
      tick();
    },
  });
  console.log(renderStatus(progress, s, REPO_ROOT, workingChapter(stubTimes(REPO_ROOT))));
}
