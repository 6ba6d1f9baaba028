/**
 * Small terminal helpers shared by the kata commands: colours only on a terminal (and never
 * with `NO_COLOR`), argument splitting, "did you mean", confirmation, and where the repo is.
 *
 * @module
 */

import { fileURLToPath } from "node:url";

/** The repo root of this checkout (two folders above `lib/kata/`). */
export const REPO_ROOT: string = fileURLToPath(new URL("../../", import.meta.url)).replace(
  /\/$/,
  "",
);

/** Whether stdout is a terminal that may get colours. */
export function useColor(): boolean {
  return Deno.stdout.isTerminal() && !Deno.env.get("NO_COLOR");
}

/** ANSI styles that turn into plain text when colours are off. */
export interface Style {
  /** Bold. */
  bold(text: string): string;
  /** Dimmed. */
  dim(text: string): string;
  /** Green. */
  green(text: string): string;
  /** Red. */
  red(text: string): string;
  /** Yellow. */
  yellow(text: string): string;
  /** Cyan. */
  cyan(text: string): string;
  /** Whether the styles are active. */
  enabled: boolean;
}

/**
 * The styles for this output.
 *
 * @example
 * ```ts
 * import { style } from "./cli.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(style(false).green("ok"), "ok");
 * assert.equal(style(true).green("ok"), "\x1b[32mok\x1b[39m");
 * ```
 *
 * @param enabled Colours on (default: {@linkcode useColor}).
 * @returns The style functions.
 */
export function style(enabled: boolean = useColor()): Style {
  const wrap = (open: number, close: number) => (text: string) =>
    enabled ? `\x1b[${open}m${text}\x1b[${close}m` : text;
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    green: wrap(32, 39),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
    enabled,
  };
}

/** Parsed command-line arguments: positional ones and flags with their counts. */
export interface Args {
  /** Positional arguments, in order. */
  positional: string[];
  /** Flag name (without dashes) → how many times it was given. */
  flags: Map<string, number>;
}

/**
 * Splits arguments into positional ones and `--flags` (counted, so `--more --more` is 2).
 *
 * @example
 * ```ts
 * import { parseArgs } from "./cli.ts";
 * import assert from "node:assert/strict";
 *
 * const args = parseArgs(["04", "--more", "softmax", "--more", "-h"]);
 * assert.deepEqual(args.positional, ["04", "softmax"]);
 * assert.equal(args.flags.get("more"), 2);
 * assert.equal(args.flags.get("help"), 1);
 * ```
 *
 * @param argv The arguments.
 * @returns Positional arguments and flag counts (`-h` counts as `help`, `-y` as `yes`).
 */
export function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, number>();
  const aliases: Record<string, string> = { h: "help", y: "yes" };
  for (const arg of argv) {
    if (arg.startsWith("--") && arg.length > 2) {
      const name = arg.slice(2);
      flags.set(name, (flags.get(name) ?? 0) + 1);
    } else if (/^-[a-z]$/.test(arg)) {
      const name = aliases[arg[1]] ?? arg[1];
      flags.set(name, (flags.get(name) ?? 0) + 1);
    } else {
      positional.push(arg);
    }
  }
  return { positional, flags };
}

/** The flags that a command does not know, as `--name`. */
export function unknownFlags(args: Args, known: string[]): string[] {
  return [...args.flags.keys()].filter((f) => !known.includes(f)).map((f) => `--${f}`);
}

/** Levenshtein distance, case-insensitive. */
export function editDistance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidates closest to a mistyped word, best first: those within a third of its length
 * in edits, or containing it.
 *
 * @example
 * ```ts
 * import { didYouMean } from "./cli.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(didYouMean("crossEntropy", ["sumSquaredError", "crossEntropyError"]), [
 *   "crossEntropyError",
 * ]);
 * assert.deepEqual(didYouMean("sotfmax", ["softmax", "sigmoid"]), ["softmax"]);
 * ```
 *
 * @param word What was typed.
 * @param candidates The valid words.
 * @returns The likely ones (possibly none).
 */
export function didYouMean(word: string, candidates: string[]): string[] {
  const limit = Math.max(2, Math.floor(word.length / 3));
  return candidates
    .map((c) => ({
      c,
      d: c.toLowerCase().includes(word.toLowerCase()) ? 0.5 : editDistance(word, c),
    }))
    .filter(({ d }) => d <= limit)
    .sort((x, y) => x.d - y.d)
    .map(({ c }) => c);
}

/** A chapter argument as two digits (`4` → `"04"`), or `undefined` if it is not a number. */
export function chapterArg(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const match = text.replace(/^chapters\//, "").replace(/\/$/, "").match(/^(?:ch)?(\d{1,2})$/i);
  return match ? match[1].padStart(2, "0") : undefined;
}

/**
 * Asks a yes/no question on the terminal. Without a terminal it answers no (the caller
 * explains `--yes`).
 *
 * @param question The question, without the `[y/N]`.
 * @returns Whether the learner said yes.
 */
export function confirmOnTerminal(question: string): boolean {
  if (!Deno.stdin.isTerminal()) return false;
  const answer = prompt(`${question} [y/N]`);
  return answer !== null && /^y(es)?$/i.test(answer.trim());
}
