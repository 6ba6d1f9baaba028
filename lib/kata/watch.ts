/**
 * `deno task watch [04]`: re-runs a chapter's tests on every save, stopping at the first
 * failure (`deno test --watch --fail-fast` on the chapter's test files, its first exercises'
 * first). Without a chapter, it watches the chapter the learner last edited, or else the first
 * chapter that is not finished.
 *
 * @module
 */

import { chapterArg, parseArgs, REPO_ROOT, style, unknownFlags } from "./cli.ts";
import { readWorkbook } from "./manifest.ts";
import { chapterProgress, isFinished, orderedExercises } from "./progress.ts";
import { stubTimes, workingChapter } from "./status.ts";
import { existsSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";

/**
 * The first unfinished chapter, checking chapters in order (two at a time) and stopping at
 * the first one that is not finished.
 *
 * @param root The repo root.
 * @returns Its two digits, or `undefined` when all are finished.
 */
export async function firstUnfinishedChapter(root: string): Promise<string | undefined> {
  const workbook = readWorkbook(root);
  const chapters = workbook.chapters;
  for (let i = 0; i < chapters.length; i += 2) {
    const batch = await Promise.all(
      chapters.slice(i, i + 2).map((c) => chapterProgress(workbook, c)),
    );
    const unfinished = batch.find((p) => p.exercises.length > 0 && !isFinished(p));
    if (unfinished) return unfinished.chapter;
  }
  return undefined;
}

/**
 * A chapter's test files, those of its earlier exercises first (the order of its HINTS.md),
 * so that `--fail-fast` stops at the exercise the learner is on.
 *
 * @param root The repo root.
 * @param chapter Two digits.
 * @returns Root-relative paths.
 */
export function testFilesInOrder(root: string, chapter: string): string[] {
  const workbook = readWorkbook(root);
  const dir = join(root, "chapters", chapter);
  const all = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith("_test.ts")).sort() : [];
  const ordered = orderedExercises(workbook, chapter)
    .map((e) => basename(e.file).replace(/\.ts$/, "_test.ts"))
    .filter((f) => all.includes(f));
  return [...new Set([...ordered, ...all])].map((f) => `chapters/${chapter}/${f}`);
}

/** The `deno test` arguments that watch a chapter's test files. */
export function watchArgs(files: string[]): string[] {
  return ["test", "-A", "--watch", "--fail-fast", ...files];
}

const HELP = `deno task watch: re-run a chapter's tests on every save

Usage:
  deno task watch 04    watch chapter 04 (deno test --watch --fail-fast on its test files,
                        those of its first exercises first)
  deno task watch       watch the chapter you last edited, else the first unfinished one

It stops at the first failing test, so the top of the screen is what to fix next.
Press Ctrl-C to stop watching.`;

if (import.meta.main) {
  const args = parseArgs(Deno.args);
  if (args.flags.has("help")) {
    console.log(HELP);
    Deno.exit(0);
  }
  const chapters = readWorkbook(REPO_ROOT).chapters;
  const unknown = unknownFlags(args, ["help"]);
  const [given, ...extra] = args.positional;
  const chapter = given === undefined ? undefined : chapterArg(given);
  if (
    unknown.length > 0 || extra.length > 0 ||
    (given !== undefined && (chapter === undefined || !chapters.includes(chapter)))
  ) {
    const what = [...unknown, given, ...extra].filter((x) => x).join(" ");
    console.error(
      `error: Cannot watch "${what}": give one chapter (${chapters.join(" ")}) or none.\n` +
        `Run "deno task watch --help" for the usage.`,
    );
    Deno.exit(2);
  }
  const s = style();
  let target = chapter;
  if (target === undefined) {
    console.log(s.dim("Looking for the chapter you are working in…"));
    const working = workingChapter(stubTimes(REPO_ROOT));
    const workbook = readWorkbook(REPO_ROOT);
    target = working && !isFinished(await chapterProgress(workbook, working))
      ? working
      : await firstUnfinishedChapter(REPO_ROOT);
    if (target === undefined) {
      console.log(s.green("Every chapter is finished. Watch one anyway: deno task watch 04"));
      Deno.exit(0);
    }
  }
  const testArgs = watchArgs(testFilesInOrder(REPO_ROOT, target));
  console.log(s.dim(`deno ${testArgs.join(" ")}`));
  const child = new Deno.Command(Deno.execPath(), {
    args: testArgs,
    cwd: REPO_ROOT,
    stdin: "inherit",
    stdout: "inherit",
    stderr: "inherit",
  }).spawn();
  Deno.exit((await child.status).code);
}
