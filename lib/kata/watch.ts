/**
 * `deno task watch [04]`: re-runs a chapter's tests on every save, stopping at the first
 * failure (`deno test --watch --fail-fast` on the chapter's test files, its first exercises'
 * first). Without a chapter, it watches the chapter the learner last edited, or else the first
 * chapter that is not finished.
 *
 * @module
 */

import { commandLine } from "../command/args.ts";
import { startedByDeno, watchInterrupts } from "../command/interrupt.ts";
import { defineMessages, exportLang } from "../command/lang.ts";
import { errorLine } from "../command/messages.ts";
import { chapterArg, REPO_ROOT, style } from "./cli.ts";
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

/** What `deno task watch` says, in both languages. */
const MESSAGES = defineMessages("watch", {
  looking: "Looking for the chapter you are working in…",
  allFinished: "Every chapter is finished. Watch one anyway: deno task watch 04",
  cannotWatch: (what: string, chapters: string) =>
    `Cannot watch "${what}": give one chapter (${chapters}) or none.\n` +
    `Run "deno task watch --help" for the usage.`,
  help: `deno task watch: re-run a chapter's tests on every save

Usage:
  deno task watch 04    watch chapter 04 (deno test --watch --fail-fast on its test files,
                        those of its first exercises first)
  deno task watch       watch the chapter you last edited, else the first unfinished one
  deno task watch 04 --lang ja
                        the failures in Japanese

It stops at the first failing test, so the top of the screen is what to fix next.
The tests run with every permission (-A), so they read LANG and .kata/settings.json and
speak your language; a bare deno test has no permission to read them, and speaks English.
Press Ctrl-C to stop watching.`,
}, {
  looking: "作業中の章を探しています…",
  allFinished: "すべての章が完了しています。それでも見るなら: deno task watch 04",
  cannotWatch: (what: string, chapters: string) =>
    `"${what}" は監視できません: 章を1つ（${chapters}）指定するか、何も指定しないでください。\n` +
    `使い方は "deno task watch --help" で確認できます。`,
  help: `deno task watch: 保存するたびに章のテストを実行し直す

使い方:
  deno task watch 04    04章を監視（テストファイルに deno test --watch --fail-fast、
                        最初の演習のテストから順に）
  deno task watch       最後に編集した章、なければ終わっていない最初の章を監視
  deno task watch 04 --lang ja
                        失敗を日本語で表示

最初に失敗したテストで止まるので、画面のいちばん上が次に直すところです。
テストは全権限（-A）で実行するため、LANG や .kata/settings.json を読んでその言語で表示します。
権限なしの deno test ではそれらを読めないため、英語で表示します。
Ctrl-C で監視を終了します。`,
});

if (import.meta.main) {
  const args = commandLine(Deno.args, {
    name: "watch",
    summary: "",
    get help() {
      return MESSAGES().help;
    },
    positionals: { max: 99 },
  });
  // The tests run in a child process: they speak the same language.
  exportLang();
  const chapters = readWorkbook(REPO_ROOT).chapters;
  const [given, ...extra] = args.positionals;
  const chapter = given === undefined ? undefined : chapterArg(given);
  if (
    extra.length > 0 ||
    (given !== undefined && (chapter === undefined || !chapters.includes(chapter)))
  ) {
    const what = [given, ...extra].filter((x) => x).join(" ");
    console.error(errorLine(MESSAGES().cannotWatch(what, chapters.join(" "))));
    Deno.exit(2);
  }
  const s = style();
  let target = chapter;
  if (target === undefined) {
    console.log(s.dim(MESSAGES().looking));
    const working = workingChapter(stubTimes(REPO_ROOT));
    const workbook = readWorkbook(REPO_ROOT);
    target = working && !isFinished(await chapterProgress(workbook, working))
      ? working
      : await firstUnfinishedChapter(REPO_ROOT);
    if (target === undefined) {
      console.log(s.green(MESSAGES().allFinished));
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
  // When deno task is gone (closed terminal, kill -9), stop the watching tests too.
  const parent = startedByDeno()
    ? await watchInterrupts({ signals: false, parent: true })
    : undefined;
  const orphanCheck = setInterval(() => {
    if (parent?.reason() !== undefined) child.kill("SIGTERM");
  }, 500);
  const { code } = await child.status;
  clearInterval(orphanCheck);
  parent?.stop();
  Deno.exit(code);
}
