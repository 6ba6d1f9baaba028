/**
 * `deno task kata`: your progress per chapter and the next exercise to write.
 *
 * Progress is computed live, with no state file: each chapter's tests run in their own
 * process against your code, two at a time, and an exercise is done when every test whose
 * name starts with its name passes.
 *
 * @module
 */

import { chapterArg, REPO_ROOT, type Style, style } from "./cli.ts";
import { join, relative } from "node:path";
import { commandLine } from "../command/args.ts";
import {
  defineMessages,
  detectLang,
  exportLang,
  type Lang,
  lang,
  LANG_ENV,
  saveLang,
} from "../command/lang.ts";
import { errorLine } from "../command/messages.ts";
import { displayWidth, padDisplay } from "../command/width.ts";
import { readWorkbook } from "./manifest.ts";
import {
  type ChapterProgress,
  counts,
  describeRunError,
  type ExerciseProgress,
  isFinished,
  workbookProgress,
} from "./progress.ts";

/** What `deno task kata` says, in both languages. */
const MESSAGES = defineMessages("kata", {
  heading: "Zerokara: your progress",
  payoff: "see it run on your code:",
  noChapters: "  No chapters yet.",
  doneCount: (done: number, total: number) => `${done} of ${total} exercises done.`,
  allDone: "All done! Train the final network on your code: deno task train --mine",
  next: (label: string, name: string, chapter: string) => `${label} ${name} in chapter ${chapter}`,
  nextLabel: "Next:",
  write: "write",
  fails: "fails",
  test: "test",
  or: "   or   ",
  stuck: "stuck?",
  somePass: "(some of its tests pass already; keep going)",
  chapterErrors: (label: string, chapter: string) =>
    `${label} chapter ${chapter} has errors outside its tests (see above).`,
  skipped: "skipped",
  didNotRun: "its tests did not run",
  andMore: (n: string) => ` (and ${n} more)`,
  running: (finished: number, total: number) => `Running the chapters' tests… ${finished}/${total}`,
  badArgs: (what: string, chapters: string) =>
    `Unknown chapter or option ${what}. Chapters: ${chapters}.\n` +
    `Run "deno task kata --help" for the usage.`,
  saved: (path: string, value: string) =>
    `Saved: the tools speak ${value === "ja" ? "Japanese" : "English"} from now on (${path}).`,
  help: `deno task kata: your progress per chapter and the next exercise to write

Usage:
  deno task kata            all chapters; the next exercise is in the chapter you last
                            edited (the first unfinished one on a fresh clone)
  deno task kata 04 05      only these chapters
  deno task kata --lang ja  in Japanese (--lang en: in English)
  deno task kata --lang ja --save
                            keep Japanese for every tool (.kata/settings.json)

Each chapter's tests run against your code (two chapters at a time); an exercise is done
when all its tests pass. Nothing is stored: this is computed afresh each time.
The language: --lang, else the saved setting, else LC_ALL, LC_MESSAGES or LANG
(Japanese when it starts with ja), else English.`,
}, {
  heading: "Zerokara: 進み具合",
  payoff: "自分のコードで動かしてみる:",
  noChapters: "  章がまだありません。",
  doneCount: (done: number, total: number) => `演習 ${total} 問中 ${done} 問が完了。`,
  allDone: "すべて完了！ 最後のネットワークを自分のコードで学習: deno task train --mine",
  next: (label: string, name: string, chapter: string) => `${label} ${chapter}章の ${name}`,
  nextLabel: "次:",
  write: "書く場所",
  fails: "失敗",
  test: "テスト",
  or: "   または   ",
  stuck: "ヒント",
  somePass: "（テストの一部はもう通っています。この調子で）",
  chapterErrors: (label: string, chapter: string) =>
    `${label} ${chapter}章にテスト以外のエラーがあります（上を参照）。`,
  skipped: "スキップ",
  didNotRun: "テストが実行されませんでした",
  andMore: (n: string) => `（ほか ${n} 件）`,
  running: (finished: number, total: number) => `各章のテストを実行中… ${finished}/${total}`,
  badArgs: (what: string, chapters: string) =>
    `不明な章またはオプション ${what}。章: ${chapters}。\n` +
    `使い方は "deno task kata --help" で確認できます。`,
  saved: (path: string, value: string) =>
    `保存しました: これから各ツールは${
      value === "ja" ? "日本語" : "英語"
    }で表示します（${path}）。`,
  help: `deno task kata: 章ごとの進み具合と、次に書く演習

使い方:
  deno task kata            全章。次の演習は最後に編集した章から選びます
                            （クローンした直後は、終わっていない最初の章）
  deno task kata 04 05      指定した章だけ
  deno task kata --lang ja  日本語で表示（--lang en で英語）
  deno task kata --lang ja --save
                            どのツールも日本語で表示（.kata/settings.json に保存）

各章のテストを自分のコードに対して実行します（2章ずつ並行）。
演習は、そのテストがすべて通れば完了です。
何も保存せず、毎回計算し直します。
言語の決め方: --lang、なければ保存した設定、なければ LC_ALL、LC_MESSAGES、LANG
（ja で始まれば日本語）、どれもなければ英語。`,
});

/**
 * A progress line's error in the current language: the phrases lib/kata/progress.ts adds
 * ("skipped", "its tests did not run", "(and 2 more)") translated; the test's name and its
 * message stay as they are.
 */
export function localiseProgressError(error: string): string {
  const m = MESSAGES();
  return error
    .replace(/: skipped( \(and \d+ more\))?$/, (_all, more) => `: ${m.skipped}${more ?? ""}`)
    .replace(/^its tests did not run$/, m.didNotRun)
    .replace(/ \(and (\d+) more\)$/, (_, n) => m.andMore(n));
}

/** A chapter's title in the current language: without its English gloss in Japanese. */
function localTitle(title: string): string {
  return lang() === "ja" ? title.replace(/\s*\([^()]*\)\s*$/, "") : title;
}

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
 * start when the name is part of another exercise's (AND and NAND). In Japanese it is
 * `deno test -A …`: a plain `deno test` may not read `LANG` or `.kata/settings.json`, so its
 * failures would speak English.
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
 * assert.equal(filterCommand(chapter, "NAND", "en"), "deno test chapters/02/ --filter NAND");
 * assert.equal(filterCommand(chapter, "AND", "en"), 'deno test chapters/02/ --filter "/^AND\\b/"');
 * assert.equal(filterCommand(chapter, "NAND", "ja", "ja"), "deno test -A chapters/02/ --filter NAND");
 * assert.equal(
 *   filterCommand(chapter, "NAND", "ja", "en"),
 *   "ZEROKARA_LANG=ja deno test -A chapters/02/ --filter NAND",
 * );
 * ```
 *
 * @param chapter The chapter's progress.
 * @param name The exercise.
 * @param language The language of the messages (default: this process's).
 * @param testLang The language the tests would find by themselves (see
 *   {@linkcode chapterTestCommand}).
 * @returns The command line.
 */
export function filterCommand(
  chapter: ChapterProgress,
  name: string,
  language: Lang = lang(),
  testLang: Lang = childLang(),
): string {
  const shared = chapter.exercises.some((e) =>
    e.exercise.name !== name && e.exercise.name.includes(name)
  );
  return `${chapterTestCommand(chapter.chapter, language, testLang)} --filter ${
    shared ? `"/^${name}\\b/"` : name
  }`;
}

/** The language this command's caller has without `--lang` (before {@linkcode exportLang}). */
let callerLang: Lang | undefined;

/** The language a `deno test -A` that the learner types would find by itself. */
function childLang(): Lang {
  return callerLang ?? detectLang();
}

/**
 * The command that runs a chapter's tests in the learner's language: `deno test chapters/04/`,
 * or `deno test -A chapters/04/` in Japanese (without permissions the tests cannot read the
 * locale or the saved setting, and speak English); when Japanese came from `--lang ja` alone,
 * which the tests cannot see, `ZEROKARA_LANG=ja` goes before it.
 *
 * @param chapter Two digits.
 * @param language The language (default: this process's).
 * @param testLang The language the tests would find by themselves (the locale, the setting).
 * @returns The command line.
 */
export function chapterTestCommand(
  chapter: string,
  language: Lang = lang(),
  testLang: Lang = childLang(),
): string {
  if (language !== "ja") return `deno test chapters/${chapter}/`;
  return `${testLang === "ja" ? "" : `${LANG_ENV}=ja `}deno test -A chapters/${chapter}/`;
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
  const m = MESSAGES();
  const lines: string[] = [s.bold(m.heading), ""];
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
    const name = localTitle(chapter.title);
    const title = name ? `  ${c.total === 0 ? s.dim(name) : name}` : "";
    lines.push(
      `${mark} ${s.bold(chapter.chapter)}  ${bar(c.done, c.total, 20, s)}  ${fraction}${title}`,
    );
    for (const error of chapter.errors.slice(0, 3)) {
      lines.push(`       ${s.red("✗")} ${describeRunError(error, root)}`);
    }
    if (c.total > 0 && isFinished(chapter) && PAYOFF[chapter.chapter]) {
      lines.push(`       ${s.dim(m.payoff)} ${PAYOFF[chapter.chapter]}`);
    }
  }
  if (chapters.length === 0) lines.push(s.dim(m.noChapters));
  lines.push("");
  lines.push(m.doneCount(done, total));
  const next = nextExercise(chapters, working);
  if (!next) {
    if (total > 0) {
      lines.push(
        "",
        s.green(m.allDone),
      );
    }
    return lines.join("\n");
  }
  const ch = next.chapter.chapter;
  // The labels' column: the widest label and a space (two after Japanese ones, whose
  // characters take two columns each).
  const width = Math.max(...[m.write, m.fails, m.test, m.stuck].map(displayWidth)) +
    (lang() === "ja" ? 2 : 1);
  const label = (text: string) => `  ${padDisplay(text, width)}`;
  // A language given with --lang alone: the commands suggested below need it too.
  const langFlag = childLang() === lang() ? "" : ` --lang ${lang()}`;
  lines.push("");
  if (next.exercise) {
    const e = next.exercise;
    lines.push(m.next(s.bold(m.nextLabel), s.yellow(e.exercise.name), ch));
    lines.push(`${label(m.write)}${s.cyan(e.location)}`);
    if (e.error && !e.notStarted) {
      lines.push(`${label(m.fails)}${s.red(clip(localiseProgressError(e.error), 100))}`);
    } else if (e.error && e.notStarted && e.tests.some((t) => t.status === "passed")) {
      lines.push(`  ${s.dim(m.somePass)}`);
    }
    lines.push(
      `${label(m.test)}${
        filterCommand(next.chapter, e.exercise.name)
      }${m.or}deno task watch ${ch}${langFlag}`,
    );
    lines.push(`${label(m.stuck)}deno task hint ${ch} ${e.exercise.name}${langFlag}`);
  } else {
    lines.push(m.chapterErrors(s.bold(m.nextLabel), ch));
    lines.push(`${label(m.test)}${chapterTestCommand(ch)}`);
  }
  return lines.join("\n");
}

if (import.meta.main) {
  const args = commandLine(Deno.args, {
    name: "kata",
    summary: "",
    get help() {
      return MESSAGES().help;
    },
    positionals: { max: 99 },
    saveLang: true,
  });
  if (args.save) {
    console.log(MESSAGES().saved(relative(REPO_ROOT, saveLang(lang(), REPO_ROOT)), lang()));
  }
  // The chapters' tests run in child processes: they speak the same language.
  callerLang = detectLang();
  exportLang();
  const all = readWorkbook(REPO_ROOT).chapters;
  const chosen = args.positionals.map((a) => ({ a, c: chapterArg(a) }));
  const bad = chosen.filter(({ c }) => c === undefined || !all.includes(c));
  if (bad.length > 0) {
    const what = bad.map(({ a }) => `"${a}"`).join(", ");
    console.error(errorLine(MESSAGES().badArgs(what, all.join(" "))));
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
      ? s.dim(MESSAGES().running(finished, chapters.length))
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
