/**
 * The `--mine` switch of the workbook's commands: run an experiment or a training on the
 * learner's own chapter code wherever it is finished, and on the reference elsewhere.
 *
 * ```ts ignore
 * import { useMineIfAsked } from "../../kata/mine.ts";
 * await useMineIfAsked(import.meta.url, { chapters: ["04"] });
 * // … the script as usual, importing from lib/ …
 * ```
 *
 * With `--mine`, it finds the stub modules the script reaches, runs their chapters' tests on
 * the learner's code, and says which exercises are the learner's (all their tests pass) and
 * which come from the reference. If none is the learner's, it says so and exits 1. Otherwise
 * it re-runs the script in a child process with an import map that sends each reference
 * module to the learner's stub module, or to a generated module mixing the learner's finished
 * exercises with the reference's others (`mineImportMap`), and exits with the child's code.
 * The child sees `ZEROKARA_MINE=1` and returns at once, so there is no relaunch loop. Without
 * `--mine` it returns at once.
 *
 * @module
 */

import { rmSync } from "node:fs";
import { dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { defineMessages } from "../command/lang.ts";
import { displayWidth, padDisplay } from "../command/width.ts";
import { REPO_ROOT, type Style, style } from "./cli.ts";
import { mineImportMap, type MineModule, writeImportMapWith } from "./import_map.ts";
import { readWorkbook, type StubPair } from "./manifest.ts";
import { type ChapterProgress, describeRunError, workbookProgress } from "./progress.ts";

export { isMine, MINE_ENV } from "./mine_env.ts";
import { isMine, MINE_ENV } from "./mine_env.ts";

/** Options of {@linkcode useMineIfAsked}. */
export interface MineOptions {
  /**
   * The chapters whose code the script may use (`["04", "05"]`; default: every chapter). Chapter
   * 01's helpers, say, are left out of a training, which would otherwise run all of `lib/np` on
   * them.
   */
  chapters?: string[];
  /** The script's arguments (default `Deno.args`). */
  args?: string[];
  /** The workbook's root (default: this checkout). */
  root?: string;
}

/** Where the exercises of one chapter come from under `--mine`. */
export interface MineChapter {
  /** Two digits. */
  chapter: string;
  /** The learner's finished exercises that the command uses. */
  mine: string[];
  /** The exercises the command uses from the reference (not finished yet). */
  reference: string[];
  /** Errors that stop the chapter's tests (a syntax error, a module that does not load). */
  errors: string[];
}

/** What `--mine` says, in both languages. */
const MESSAGES = defineMessages("mine", {
  header: "--mine: your code where it is finished, the reference for the rest",
  yours: "yours",
  reference: "reference",
  chapter: (chapter: string) => `chapter ${chapter}`,
  notFinished: " (not finished)",
  noneFinished:
    "--mine runs this on your code wherever an exercise it uses is finished, but none is yet.",
  finishOne: "Finish one of them (deno task kata shows where you are), or run without --mine.",
}, {
  header: "--mine: 終わった演習は自分のコード、残りは模範解答で動かします",
  yours: "自分のコード",
  reference: "模範解答",
  chapter: (chapter: string) => `${chapter}章`,
  notFinished: "（未完了）",
  noneFinished:
    "--mine は、使う演習のうち終わったものを自分のコードで動かしますが、まだどれも終わっていません。",
  finishOne:
    "どれかを終わらせるか（今の位置は deno task kata が示します）、--mine を付けずに実行してください。",
});

/**
 * Says which exercises are the learner's and which the reference's, before `--mine` starts.
 *
 * @example
 * ```ts
 * import { mineReport } from "./mine.ts";
 * import { style } from "./cli.ts";
 * import assert from "node:assert/strict";
 *
 * const text = mineReport([
 *   { chapter: "06", mine: [], reference: ["Adam"], errors: [] },
 *   { chapter: "07", mine: ["Convolution", "Pooling"], reference: [], errors: [] },
 * ], style(false));
 * assert.equal(text, [
 *   "--mine: your code where it is finished, the reference for the rest",
 *   "  yours      chapter 07: Convolution, Pooling",
 *   "  reference  chapter 06: Adam (not finished)",
 * ].join("\n"));
 * ```
 *
 * @param chapters The chapters the command uses.
 * @param s The styles.
 * @returns The lines to print.
 */
export function mineReport(chapters: MineChapter[], s: Style): string {
  const m = MESSAGES();
  const lines = [m.header];
  const width = Math.max(displayWidth(m.yours), displayWidth(m.reference));
  const label = (text: string, first: boolean, color: (t: string) => string) =>
    first ? color(padDisplay(text, width)) : " ".repeat(width);
  chapters.filter((c) => c.mine.length > 0).forEach((c, i) => {
    lines.push(
      `  ${label(m.yours, i === 0, s.green)}  ${m.chapter(c.chapter)}: ${c.mine.join(", ")}`,
    );
  });
  chapters.filter((c) => c.reference.length > 0).forEach((c, i) => {
    lines.push(
      `  ${label(m.reference, i === 0, s.yellow)}  ${m.chapter(c.chapter)}: ` +
        `${c.reference.join(", ")}${s.dim(m.notFinished)}`,
    );
    const indent = " ".repeat(width + 4);
    for (const error of c.errors.slice(0, 3)) lines.push(`${indent}${s.red("✗")} ${error}`);
  });
  return lines.join("\n");
}

/** Where the learner's code comes in, from the chapters' progress and the stub modules used. */
export function mineChoices(
  progress: ChapterProgress[],
  pairs: StubPair[],
): { chapters: MineChapter[]; modules: MineModule[] } {
  const chapters: MineChapter[] = [];
  const modules: MineModule[] = [];
  for (const chapter of progress) {
    const used = chapter.exercises.filter((e) => pairs.some((p) => p.stub === e.exercise.file));
    if (used.length === 0) continue;
    chapters.push({
      chapter: chapter.chapter,
      mine: used.filter((e) => e.done).map((e) => e.exercise.name),
      reference: used.filter((e) => !e.done).map((e) => e.exercise.name),
      errors: chapter.errors.map((e) => describeRunError(e, REPO_ROOT)),
    });
  }
  const all = progress.flatMap((c) => c.exercises);
  for (const pair of pairs) {
    const exercises = all.filter((e) => e.exercise.file === pair.stub);
    const mine = exercises.filter((e) => e.done).map((e) => e.exercise.name);
    modules.push({ pair, mine, whole: exercises.length > 0 && mine.length === exercises.length });
  }
  return { chapters, modules };
}

/**
 * The root-relative paths of the local modules a script loads under an import map, from
 * `deno info --json`; `undefined` if that fails (then every exercise counts).
 */
async function localModules(
  mainUrl: string,
  root: string,
  importMap: string,
): Promise<Set<string> | undefined> {
  const { success, stdout } = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", `--import-map=${importMap}`, fileURLToPath(mainUrl)],
    cwd: root,
    stdout: "piped",
    stderr: "null",
  }).output();
  if (!success) return undefined;
  const info = JSON.parse(new TextDecoder().decode(stdout)) as {
    modules: { specifier: string }[];
  };
  return new Set(
    info.modules
      .filter((m) => m.specifier.startsWith("file:"))
      .map((m) => relative(root, fileURLToPath(m.specifier))),
  );
}

/**
 * The `--mine` switch: call it at the top of a script, before the work.
 *
 * @param mainUrl The script's `import.meta.url`.
 * @param options The chapters whose code to use, and the arguments (default `Deno.args`).
 * @returns At once without `--mine` or inside the child; otherwise it never returns (it exits
 *   with the child's code, or 1 when exercises are unsolved).
 */
export async function useMineIfAsked(mainUrl: string, options: MineOptions = {}): Promise<void> {
  const args = options.args ?? Deno.args;
  if (!args.includes("--mine") || isMine()) return;
  const s = style();
  const root = options.root ?? REPO_ROOT;
  const workbook = readWorkbook(root);
  const allowed = options.chapters ?? workbook.chapters;
  const pairs = workbook.pairs.filter((p) => allowed.includes(p.chapter));
  if (Deno.stderr.isTerminal()) console.error(s.dim(`--mine: checking your code…`));
  // The stub modules the script reaches when every reference is swapped for the learner's.
  const everything = writeImportMapWith((dir) =>
    mineImportMap(root, pairs.map((pair) => ({ pair, mine: [], whole: true })), { dir })
  );
  const reached = await localModules(mainUrl, root, everything);
  rmSync(dirname(everything), { recursive: true, force: true });
  const used = pairs.filter((p) => reached === undefined || reached.has(p.stub));
  const progress = await workbookProgress(root, {
    chapters: [...new Set(used.map((p) => p.chapter))],
  });
  const { chapters, modules } = mineChoices(progress, used);
  if (chapters.every((c) => c.mine.length === 0)) {
    console.error(
      [
        MESSAGES().noneFinished,
        mineReport(chapters, s).split("\n").slice(1).join("\n"),
        MESSAGES().finishOne,
      ].join("\n"),
    );
    Deno.exit(1);
  }
  console.error(mineReport(chapters, s));
  const map = writeImportMapWith((dir) => mineImportMap(root, modules, { dir }));
  let code = 1;
  try {
    const child = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", `--import-map=${map}`, fileURLToPath(mainUrl), ...args],
      cwd: Deno.cwd(),
      env: { [MINE_ENV]: "1" },
      stdin: "inherit",
      stdout: "inherit",
      stderr: "inherit",
    }).spawn();
    code = (await child.status).code;
  } finally {
    rmSync(dirname(map), { recursive: true, force: true });
  }
  Deno.exit(code);
}
