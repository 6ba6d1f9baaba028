/**
 * `deno task hint 04 crossEntropyError [--more]`: tiered hints from `chapters/04/HINTS.md`.
 *
 * The first call shows tier 1 (a nudge). Each `--more` reveals one more tier (2: the book
 * section and the idea, 3: near-solution pseudo-code), and the level reached is remembered
 * per exercise in `.kata/hints.json`, so a later call without `--more` shows the same tiers
 * again. `--more --more` reveals two at once; `--reset` hides them all again.
 *
 * @module
 */

import { readFileSync, renameSync } from "node:fs";
import { join, relative } from "node:path";
import { parseCommandArgs } from "../command/args.ts";
import { UsageError } from "../command/errors.ts";
import { errorLine } from "../command/messages.ts";
import { defineMessages, lang } from "../command/lang.ts";
import { runCommand } from "../command/run.ts";
import { writeTextAtomicSync } from "../io/atomic.ts";
import { chapterArg, didYouMean, REPO_ROOT, type Style, style } from "./cli.ts";
import { type HintSection, parseHints } from "./hints_file.ts";
import { readText, readWorkbook } from "./manifest.ts";
import { timestamp } from "./reset.ts";

/** What `deno task hint` says, in both languages. */
const MESSAGES = defineMessages("hint", {
  tierNames: "a nudge|the book section and the idea|near-solution",
  title: (name: string, chapter: string, level: number, tiers: number) =>
    `Hints for ${name} (chapter ${chapter}): tier ${level} of ${tiers}`,
  more: (command: string, tier: number, what: string) =>
    `More: ${command}${what ? ` (tier ${tier}: ${what})` : ""}`,
  last: (command: string) => `That was the last tier. Still stuck? ${command}`,
  chaptersWithHints: (list: string) => `Chapters with hints: ${list}`,
  noChapter: (text: string, list: string) =>
    `No hints for chapter "${text}". Chapters with hints: ${list || "none yet"}.\n` +
    `Usage: deno task hint 04 crossEntropyError`,
  seen: (seen: number, tiers: number) => `  (${seen} of ${tiers} tiers seen)`,
  exercisesOf: (chapter: string) => `Exercises of chapter ${chapter} with hints:`,
  seeHelp: `Run "deno task hint --help" for the usage.`,
  unexpected: (extra: string) => `Unexpected argument ${extra}`,
  noSection: (chapter: string, name: string) => `Chapter ${chapter} has no hints for "${name}".`,
  didYouMean: (names: string) => ` Did you mean ${names}?`,
  itsExercises: "Its exercises:",
  hidden: (name: string) => `Hints for ${name} are hidden again.`,
  unreadable: (path: string, where: string) =>
    `note: ${path} is not a JSON object of tiers, so the tiers you had seen are forgotten; ` +
    `${where}. The hints start again at tier 1.`,
  setAside: (path: string) => `it is set aside as ${path}`,
  notSetAside: (why: string) => `it could not be set aside (${why})`,
  badTiers: (path: string, list: string) =>
    `note: ${path} has tiers that are not whole numbers from 0 to 3 (${list}); ` +
    `they count as none seen.`,
  help: `deno task hint: tiered hints for an exercise

Usage:
  deno task hint 04 crossEntropyError          tier 1 (a nudge), or the tiers seen so far
  deno task hint 04 crossEntropyError --more   reveal one more tier (2: the idea, 3: near-solution)
  deno task hint 04 crossEntropyError --reset  hide its tiers again
  deno task hint 04                            the exercises of chapter 04 with hints
  deno task hint 04 crossEntropyError --lang ja
                                               in Japanese (chapters/04/HINTS.ja.md)

The tiers you have seen are remembered per exercise in .kata/hints.json.`,
}, {
  tierNames: "手がかり|本書の節と考え方|ほぼ答え",
  title: (name: string, chapter: string, level: number, tiers: number) =>
    `${name} のヒント（${chapter}章）: 段階 ${level} / ${tiers}`,
  more: (command: string, tier: number, what: string) =>
    `続き: ${command}${what ? `（段階 ${tier}: ${what}）` : ""}`,
  last: (command: string) => `これが最後の段階です。それでも行き詰まったら: ${command}`,
  chaptersWithHints: (list: string) => `ヒントのある章: ${list}`,
  noChapter: (text: string, list: string) =>
    `"${text}" 章のヒントはありません。ヒントのある章: ${list || "まだなし"}。\n` +
    `使い方: deno task hint 04 crossEntropyError`,
  seen: (seen: number, tiers: number) => `  （${tiers} 段階中 ${seen} 段階を表示済み）`,
  exercisesOf: (chapter: string) => `${chapter}章のヒントのある演習:`,
  seeHelp: `使い方は "deno task hint --help" で確認できます。`,
  unexpected: (extra: string) => `余分な引数 ${extra}`,
  noSection: (chapter: string, name: string) => `${chapter}章に "${name}" のヒントはありません。`,
  didYouMean: (names: string) => ` ${names} のことですか？`,
  itsExercises: "この章の演習:",
  hidden: (name: string) => `${name} のヒントを再び隠しました。`,
  unreadable: (path: string, where: string) =>
    `注意: ${path} が段階の JSON オブジェクトではないため、表示済みの段階は失われました。` +
    `${where}。ヒントは段階 1 から始まります。`,
  setAside: (path: string) => `元のファイルは ${path} に退避しました`,
  notSetAside: (why: string) => `元のファイルは退避できませんでした（${why}）`,
  badTiers: (path: string, list: string) =>
    `注意: ${path} に 0 から 3 の整数でない段階があります（${list}）。` +
    `これらは未表示として扱います。`,
  help: `deno task hint: 演習の段階的なヒント

使い方:
  deno task hint 04 crossEntropyError          段階 1（手がかり）、または表示済みの段階まで
  deno task hint 04 crossEntropyError --more   次の段階を表示（2: 考え方、3: ほぼ答え）
  deno task hint 04 crossEntropyError --reset  表示した段階を再び隠す
  deno task hint 04                            04章のヒントのある演習の一覧
  deno task hint 04 crossEntropyError --lang en
                                               英語で表示（chapters/04/HINTS.md）

表示済みの段階は演習ごとに .kata/hints.json に記録されます。
日本語のヒントは chapters/NN/HINTS.ja.md から読みます。`,
});

/** What each tier is, for the prompts. */
function tierNames(): string[] {
  return MESSAGES().tierNames.split("|");
}

/** The hints file of a chapter in the current language (HINTS.ja.md, else HINTS.md). */
function hintsText(root: string, chapter: string): string {
  const dir = join(root, "chapters", chapter);
  return (lang() === "ja" ? readText(join(dir, "HINTS.ja.md")) : undefined) ??
    readText(join(dir, "HINTS.md")) ?? "";
}

/** The file that remembers how many tiers each exercise has revealed. */
export function hintStatePath(root: string): string {
  return join(root, ".kata", "hints.json");
}

/** The revealed levels, and what was wrong with the file that held them. */
export interface HintLevels {
  /** `"04/crossEntropyError"` → tiers seen (a whole number from 1 to 3). */
  levels: Record<string, number>;
  /** Lines to tell the learner: a file set aside, entries ignored. */
  notes: string[];
}

/** Whether a stored tier is valid: a whole number from 0 to 3. */
function validTier(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 3;
}

/**
 * Reads the revealed levels. A file that is not a JSON object is set aside (renamed to
 * `hints.json.unreadable-<timestamp>`, never deleted) and named in a note; an entry whose tier
 * is not a whole number from 0 to 3 is ignored and named.
 *
 * @param root The repo root.
 * @returns The levels and the notes.
 */
export function loadHintLevels(root: string): HintLevels {
  const path = hintStatePath(root);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return { levels: {}, notes: [] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    const aside = `${path}.unreadable-${timestamp()}`;
    let where: string;
    try {
      renameSync(path, aside);
      where = MESSAGES().setAside(relative(root, aside));
    } catch (error) {
      where = MESSAGES().notSetAside((error as Error).message);
    }
    return { levels: {}, notes: [MESSAGES().unreadable(relative(root, path), where)] };
  }
  const levels: Record<string, number> = {};
  const bad: string[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (validTier(value)) {
      if (value > 0) levels[key] = value;
    } else bad.push(`${key}: ${JSON.stringify(value)}`);
  }
  const notes = bad.length === 0 ? [] : [MESSAGES().badTiers(relative(root, path), bad.join(", "))];
  return { levels, notes };
}

/** Reads the revealed levels (`"04/crossEntropyError"` → 2); see {@linkcode loadHintLevels}. */
export function readHintLevels(root: string): Record<string, number> {
  return loadHintLevels(root).levels;
}

/** Writes the revealed levels atomically. @throws {WriteError} when it cannot. */
function writeHintLevels(root: string, levels: Record<string, number>): void {
  writeTextAtomicSync(hintStatePath(root), JSON.stringify(levels, null, 2) + "\n");
}

/** The chapters that have a HINTS.md. */
export function chaptersWithHints(root: string): string[] {
  return readWorkbook(root).chapters.filter((c) =>
    readText(join(root, "chapters", c, "HINTS.md")) !== undefined
  );
}

/** The result of a hint command: text for stdout or stderr, and the exit code. */
export interface HintOutcome {
  /** What to print. */
  text: string;
  /** 0 when hints were shown, 1 on a wrong argument. */
  code: number;
}

/**
 * The level to show: what was revealed before plus one per `--more`, at least 1, at most the
 * number of tiers.
 *
 * @example
 * ```ts
 * import { nextLevel } from "./hint.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(nextLevel(0, 0, 3), 1); // first call: tier 1
 * assert.equal(nextLevel(1, 1, 3), 2); // --more
 * assert.equal(nextLevel(2, 0, 3), 2); // again without --more: the same tiers
 * assert.equal(nextLevel(3, 2, 3), 3); // never past the last tier
 * ```
 *
 * @param revealed The level reached before.
 * @param more How many `--more` flags were given.
 * @param tiers How many tiers the exercise has.
 * @returns The new level.
 */
export function nextLevel(revealed: number, more: number, tiers: number): number {
  return Math.min(tiers, Math.max(1, revealed + more));
}

/** Renders tiers 1..level of a section. */
function renderHint(
  chapter: string,
  section: HintSection,
  level: number,
  s: Style,
): string {
  const m = MESSAGES();
  const names = tierNames();
  const tiers = [...section.tiers.keys()].sort((a, b) => a - b);
  const lines = [s.bold(m.title(section.name, chapter, level, tiers.length))];
  for (const tier of tiers.slice(0, level)) {
    const label = names[tier - 1] ? `${tier} · ${names[tier - 1]}` : String(tier);
    lines.push("", s.cyan(`── ${label} ──`), "", section.tiers.get(tier) ?? "");
  }
  lines.push("");
  if (level < tiers.length) {
    const next = tiers[level];
    lines.push(
      s.dim(
        m.more(`deno task hint ${chapter} ${section.name} --more`, next, names[next - 1] ?? ""),
      ),
    );
  } else {
    lines.push(s.dim(m.last(`deno task solution ${chapter} ${section.name}`)));
  }
  return lines.join("\n");
}

/**
 * Runs the hint command on the workbook at `root` (the CLI's logic, testable).
 *
 * @param root The repo root.
 * @param argv The command's arguments, e.g. `["04", "crossEntropyError", "--more"]`.
 * @param s The styles.
 * @returns The text to print and the exit code.
 */
export function hintCommand(root: string, argv: string[], s: Style = style(false)): HintOutcome {
  let args;
  try {
    args = parseCommandArgs(argv, {
      name: "hint",
      summary: "",
      options: {
        more: { type: "count", help: "" },
        reset: { type: "boolean", help: "" },
      },
      positionals: { max: 99 },
    });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { text: `${errorLine(error.message)}\n${MESSAGES().seeHelp}`, code: 2 };
  }
  const m = MESSAGES();
  const chapters = chaptersWithHints(root);
  if (args.help || args.positionals.length === 0) {
    const lines: string[] = [];
    lines.push(m.help);
    if (chapters.length > 0) lines.push("", m.chaptersWithHints(chapters.join(" ")));
    return { text: lines.join("\n"), code: args.help ? 0 : 1 };
  }
  const [chapterText, nameText, ...extra] = args.positionals;
  const chapter = chapterArg(chapterText);
  if (chapter === undefined || !chapters.includes(chapter)) {
    return { text: m.noChapter(chapterText, chapters.join(" ")), code: 1 };
  }
  const sections = parseHints(hintsText(root, chapter));
  const names = sections.map((x) => x.name);
  const list = names.map((n) => `  deno task hint ${chapter} ${n}`).join("\n");
  if (nameText === undefined) {
    const { levels, notes } = loadHintLevels(root);
    const rows = sections.map((x) => {
      const seen = levels[`${chapter}/${x.name}`] ?? 0;
      const note = seen > 0 ? s.dim(m.seen(seen, x.tiers.size)) : "";
      return `  deno task hint ${chapter} ${x.name}${note}`;
    });
    return {
      text: [...notes, m.exercisesOf(chapter), ...rows].join("\n"),
      code: 0,
    };
  }
  if (extra.length > 0) {
    return {
      text: `${
        errorLine(m.unexpected(extra.map((a) => JSON.stringify(a)).join(" ")))
      }\n${m.seeHelp}`,
      code: 2,
    };
  }
  // "Affine.backward" (as in a todo() message) and wrong case find "Affine".
  const wanted = nameText.split(".")[0];
  const section = sections.find((x) => x.name === wanted) ??
    (sections.filter((x) => x.name.toLowerCase() === wanted.toLowerCase()).length === 1
      ? sections.find((x) => x.name.toLowerCase() === wanted.toLowerCase())
      : undefined);
  if (!section) {
    const guesses = didYouMean(wanted, names);
    const guess = guesses.length > 0 ? m.didYouMean(guesses.join(" or ")) : "";
    return {
      text: `${m.noSection(chapter, nameText)}${guess}\n${m.itsExercises}\n${list}`,
      code: 1,
    };
  }
  const key = `${chapter}/${section.name}`;
  const { levels, notes } = loadHintLevels(root);
  if (args.values.reset) {
    delete levels[key];
    writeHintLevels(root, levels);
    return {
      text: [...notes, m.hidden(section.name)].join("\n"),
      code: 0,
    };
  }
  const level = nextLevel(levels[key] ?? 0, args.values.more, section.tiers.size);
  if (level !== levels[key]) {
    levels[key] = level;
    writeHintLevels(root, levels);
  }
  return { text: [...notes, renderHint(chapter, section, level, s)].join("\n"), code: 0 };
}

if (import.meta.main) {
  await runCommand(() => {
    const outcome = hintCommand(REPO_ROOT, Deno.args, style());
    if (outcome.code === 0) console.log(outcome.text);
    else console.error(outcome.text);
    return outcome.code;
  });
}
