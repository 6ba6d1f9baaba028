/**
 * The `--mine` switch of the workbook's commands: run an experiment or a training on the
 * learner's own chapter code instead of the reference.
 *
 * ```ts ignore
 * import { useMineIfAsked } from "../../kata/mine.ts";
 * await useMineIfAsked(import.meta.url, { chapters: ["04"] });
 * // … the script as usual, importing from lib/ …
 * ```
 *
 * With `--mine`, it first checks the listed chapters (their tests run against the learner's
 * code); if an exercise that the script reaches is not done, it lists the unsolved ones with
 * their hint commands and exits 1 (exercises of those chapters that the script never loads,
 * such as chapter 06's hyperparameter search for `deno task train`, need not be done). Otherwise it re-runs the script in a child process with an import map that sends
 * each of those chapters' reference modules to the learner's stub modules (the inverse of
 * reference mode), and exits with the child's code. The child sees `ZEROKARA_MINE=1` and
 * returns at once, so there is no relaunch loop. Without `--mine` it returns at once.
 *
 * @module
 */

import { rmSync } from "node:fs";
import { dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { REPO_ROOT, type Style, style } from "./cli.ts";
import { mineImportMap, writeImportMap } from "./import_map.ts";
import { readWorkbook } from "./manifest.ts";
import { type ChapterProgress, describeRunError, workbookProgress } from "./progress.ts";

/** The environment variable that marks the relaunched child. */
export const MINE_ENV = "ZEROKARA_MINE";

/** Options of {@linkcode useMineIfAsked}. */
export interface MineOptions {
  /** The chapters whose code the script should use (`["04", "05"]`). */
  chapters: string[];
  /** The script's arguments (default `Deno.args`). */
  args?: string[];
  /** The workbook's root (default: this checkout). */
  root?: string;
}

/**
 * Whether this process is the relaunched child, running on the learner's code.
 *
 * @example
 * ```ts
 * import { isMine } from "./mine.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(typeof isMine(), "boolean");
 * ```
 *
 * @returns `true` inside the `--mine` child.
 */
export function isMine(): boolean {
  try {
    return Deno.env.get(MINE_ENV) === "1";
  } catch {
    return false;
  }
}

/**
 * What stops `--mine`: the unsolved exercises of the chapters, by chapter, with their hint
 * commands; `undefined` when every exercise is done.
 *
 * @example
 * ```ts
 * import { unsolvedReport } from "./mine.ts";
 * import { style } from "./cli.ts";
 * import assert from "node:assert/strict";
 *
 * const exercise = { chapter: "04", name: "crossEntropyError", file: "chapters/04/loss.ts", line: 9 };
 * const text = unsolvedReport([{
 *   chapter: "04", title: "", errors: [],
 *   exercises: [{ exercise, tests: [], done: false, notStarted: true,
 *     location: "chapters/04/loss.ts:12" }],
 * }], style(false));
 * assert.ok(text?.includes("crossEntropyError  chapters/04/loss.ts:12  deno task hint 04 crossEntropyError"));
 * ```
 *
 * @param chapters The chapters' progress.
 * @param s The styles.
 * @returns The message, or `undefined`.
 */
export function unsolvedReport(chapters: ChapterProgress[], s: Style): string | undefined {
  const lines: string[] = [];
  for (const chapter of chapters) {
    const open = chapter.exercises.filter((e) => !e.done);
    if (open.length === 0 && chapter.errors.length === 0) continue;
    lines.push(s.bold(`  chapter ${chapter.chapter}`));
    const width = Math.max(...open.map((e) => e.exercise.name.length), 0);
    const where = Math.max(...open.map((e) => e.location.length), 0);
    for (const e of open) {
      lines.push(
        `    ${s.yellow(e.exercise.name.padEnd(width))}  ${e.location.padEnd(where)}  ` +
          s.dim(`deno task hint ${chapter.chapter} ${e.exercise.name}`),
      );
    }
    for (const error of chapter.errors.slice(0, 3)) {
      lines.push(
        `    ${s.red("✗")} ${describeRunError(error, REPO_ROOT)}`,
      );
    }
  }
  if (lines.length === 0) return undefined;
  const which = chapters.map((c) => c.chapter).join(", ");
  return [
    `--mine runs this on your code from chapter${chapters.length > 1 ? "s" : ""} ${which}, ` +
    `but these exercises are not done yet:`,
    ...lines,
    "",
    "Finish them (deno task kata shows where you are), or run without --mine to use the reference.",
  ].join("\n");
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
export async function useMineIfAsked(mainUrl: string, options: MineOptions): Promise<void> {
  const args = options.args ?? Deno.args;
  if (!args.includes("--mine") || isMine()) return;
  const s = style();
  const root = options.root ?? REPO_ROOT;
  const workbook = readWorkbook(root);
  const chapters = options.chapters.filter((c) => workbook.chapters.includes(c));
  if (Deno.stderr.isTerminal()) {
    console.error(s.dim(`--mine: checking your code in chapter(s) ${chapters.join(", ")}…`));
  }
  const map = writeImportMap(mineImportMap(root, workbook.pairs, { chapters }));
  let code = 1;
  try {
    // Only the stub modules the script reaches on the learner's code need to be finished.
    const used = await localModules(mainUrl, root, map);
    const progress = (await workbookProgress(root, { chapters })).map((chapter) => ({
      ...chapter,
      exercises: chapter.exercises.filter((e) => used === undefined || used.has(e.exercise.file)),
    })).filter((chapter) => chapter.exercises.length > 0 || chapter.errors.length > 0);
    const unsolved = unsolvedReport(progress, s);
    if (unsolved) {
      console.error(unsolved);
    } else {
      const child = new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", `--import-map=${map}`, fileURLToPath(mainUrl), ...args],
        cwd: Deno.cwd(),
        env: { [MINE_ENV]: "1" },
        stdin: "inherit",
        stdout: "inherit",
        stderr: "inherit",
      }).spawn();
      code = (await child.status).code;
    }
  } finally {
    rmSync(dirname(map), { recursive: true, force: true });
  }
  Deno.exit(code);
}
