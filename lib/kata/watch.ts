/**
 * `deno task watch [04]`: re-runs a chapter's tests on every save, stopping at the first
 * failure (`deno test --watch --fail-fast chapters/04/`). Without a chapter, it watches the
 * first chapter that is not finished.
 *
 * @module
 */

import { chapterArg, parseArgs, REPO_ROOT, style, unknownFlags } from "./cli.ts";
import { readWorkbook } from "./manifest.ts";
import { chapterProgress, isFinished } from "./progress.ts";

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

/** The `deno test` arguments that watch a chapter. */
export function watchArgs(chapter: string): string[] {
  return ["test", "-A", "--watch", "--fail-fast", `chapters/${chapter}/`];
}

const HELP = `deno task watch: re-run a chapter's tests on every save

Usage:
  deno task watch 04    watch chapter 04 (deno test --watch --fail-fast chapters/04/)
  deno task watch       watch the first chapter that is not finished

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
    console.error(`Cannot watch "${what}". Chapters: ${chapters.join(" ")}.\n\n${HELP}`);
    Deno.exit(2);
  }
  const s = style();
  let target = chapter;
  if (target === undefined) {
    console.log(s.dim("Looking for your first unfinished chapter…"));
    target = await firstUnfinishedChapter(REPO_ROOT);
    if (target === undefined) {
      console.log(s.green("Every chapter is finished. Watch one anyway: deno task watch 04"));
      Deno.exit(0);
    }
  }
  console.log(s.dim(`deno ${watchArgs(target).join(" ")}`));
  const child = new Deno.Command(Deno.execPath(), {
    args: watchArgs(target),
    cwd: REPO_ROOT,
    stdin: "inherit",
    stdout: "inherit",
    stderr: "inherit",
  }).spawn();
  Deno.exit((await child.status).code);
}
