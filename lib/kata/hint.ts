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
import { runCommand } from "../command/run.ts";
import { writeTextAtomicSync } from "../io/atomic.ts";
import {
  chapterArg,
  didYouMean,
  parseArgs,
  REPO_ROOT,
  type Style,
  style,
  unknownFlags,
} from "./cli.ts";
import { type HintSection, parseHints } from "./hints_file.ts";
import { readText, readWorkbook } from "./manifest.ts";
import { timestamp } from "./reset.ts";

/** What each tier is, for the prompts. */
const TIER_NAMES = ["a nudge", "the book section and the idea", "near-solution"];

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
      where = `it is set aside as ${relative(root, aside)}`;
    } catch (error) {
      where = `it could not be set aside (${(error as Error).message})`;
    }
    return {
      levels: {},
      notes: [
        `note: ${relative(root, path)} is not a JSON object of tiers, so the tiers you had ` +
        `seen are forgotten; ${where}. The hints start again at tier 1.`,
      ],
    };
  }
  const levels: Record<string, number> = {};
  const bad: string[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (validTier(value)) {
      if (value > 0) levels[key] = value;
    } else bad.push(`${key}: ${JSON.stringify(value)}`);
  }
  const notes = bad.length === 0 ? [] : [
    `note: ${relative(root, path)} has tiers that are not whole numbers from 0 to 3 ` +
    `(${bad.join(", ")}); they count as none seen.`,
  ];
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
  const tiers = [...section.tiers.keys()].sort((a, b) => a - b);
  const lines = [
    s.bold(`Hints for ${section.name} (chapter ${chapter}): tier ${level} of ${tiers.length}`),
  ];
  for (const tier of tiers.slice(0, level)) {
    const label = TIER_NAMES[tier - 1] ? `${tier} · ${TIER_NAMES[tier - 1]}` : String(tier);
    lines.push("", s.cyan(`── ${label} ──`), "", section.tiers.get(tier) ?? "");
  }
  lines.push("");
  if (level < tiers.length) {
    const next = tiers[level];
    const what = TIER_NAMES[next - 1] ? ` (tier ${next}: ${TIER_NAMES[next - 1]})` : "";
    lines.push(s.dim(`More: deno task hint ${chapter} ${section.name} --more${what}`));
  } else {
    lines.push(
      s.dim(`That was the last tier. Still stuck? deno task solution ${chapter} ${section.name}`),
    );
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
  const args = parseArgs(argv);
  const chapters = chaptersWithHints(root);
  const unknown = unknownFlags(args, ["more", "reset", "help"]);
  if (unknown.length > 0 && !args.flags.has("help")) {
    return {
      text: `error: Unknown option ${unknown.join(" ")}: the options are --more, --reset, ` +
        `--help\nRun "deno task hint --help" for the usage.`,
      code: 2,
    };
  }
  if (args.flags.has("help") || args.positional.length === 0) {
    const lines: string[] = [];
    lines.push(HELP);
    if (chapters.length > 0) lines.push("", `Chapters with hints: ${chapters.join(" ")}`);
    return { text: lines.join("\n"), code: args.flags.has("help") ? 0 : 1 };
  }
  const [chapterText, nameText, ...extra] = args.positional;
  const chapter = chapterArg(chapterText);
  if (chapter === undefined || !chapters.includes(chapter)) {
    return {
      text: `No hints for chapter "${chapterText}". Chapters with hints: ${
        chapters.join(" ") || "none yet"
      }.\nUsage: deno task hint 04 crossEntropyError`,
      code: 1,
    };
  }
  const sections = parseHints(readText(join(root, "chapters", chapter, "HINTS.md")) ?? "");
  const names = sections.map((x) => x.name);
  const list = names.map((n) => `  deno task hint ${chapter} ${n}`).join("\n");
  if (nameText === undefined) {
    const { levels, notes } = loadHintLevels(root);
    const rows = sections.map((x) => {
      const seen = levels[`${chapter}/${x.name}`] ?? 0;
      const note = seen > 0 ? s.dim(`  (${seen} of ${x.tiers.size} tiers seen)`) : "";
      return `  deno task hint ${chapter} ${x.name}${note}`;
    });
    return {
      text: [...notes, `Exercises of chapter ${chapter} with hints:`, ...rows].join("\n"),
      code: 0,
    };
  }
  if (extra.length > 0) {
    return {
      text: `error: Unexpected argument ${extra.map((a) => JSON.stringify(a)).join(" ")}\n` +
        `Run "deno task hint --help" for the usage.`,
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
    const guess = guesses.length > 0 ? ` Did you mean ${guesses.join(" or ")}?` : "";
    return {
      text: `Chapter ${chapter} has no hints for "${nameText}".${guess}\n` +
        `Its exercises:\n${list}`,
      code: 1,
    };
  }
  const key = `${chapter}/${section.name}`;
  const { levels, notes } = loadHintLevels(root);
  if (args.flags.has("reset")) {
    delete levels[key];
    writeHintLevels(root, levels);
    return {
      text: [...notes, `Hints for ${section.name} are hidden again.`].join("\n"),
      code: 0,
    };
  }
  const level = nextLevel(levels[key] ?? 0, args.flags.get("more") ?? 0, section.tiers.size);
  if (level !== levels[key]) {
    levels[key] = level;
    writeHintLevels(root, levels);
  }
  return { text: [...notes, renderHint(chapter, section, level, s)].join("\n"), code: 0 };
}

const HELP = `deno task hint: tiered hints for an exercise

Usage:
  deno task hint 04 crossEntropyError          tier 1 (a nudge), or the tiers seen so far
  deno task hint 04 crossEntropyError --more   reveal one more tier (2: the idea, 3: near-solution)
  deno task hint 04 crossEntropyError --reset  hide its tiers again
  deno task hint 04                            the exercises of chapter 04 with hints

The tiers you have seen are remembered per exercise in .kata/hints.json.`;

if (import.meta.main) {
  await runCommand(() => {
    const outcome = hintCommand(REPO_ROOT, Deno.args, style());
    if (outcome.code === 0) console.log(outcome.text);
    else console.error(outcome.text);
    return outcome.code;
  });
}
