/**
 * `deno task reset 04 loss.ts`: puts back the shipped stub of a chapter file. Your version
 * is saved first to `.kata/backups/04/loss.ts.<timestamp>`, so nothing is ever lost.
 *
 * The stub comes from git: the newest version of the file that still calls `todo(`, searched
 * from `origin/HEAD` when the clone has it (the workbook as published), else from `HEAD`.
 *
 * @module
 */

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { chapterArg, commandArgs, confirmOnTerminal, didYouMean, REPO_ROOT, style } from "./cli.ts";
import { callsTodo, readWorkbook } from "./manifest.ts";

/** Runs git in a folder; `undefined` when it fails (or git is missing). */
async function git(cwd: string, args: string[]): Promise<string | undefined> {
  try {
    const { code, stdout } = await new Deno.Command("git", {
      args,
      cwd,
      stdin: "null",
      stdout: "piped",
      stderr: "null",
    }).output();
    return code === 0 ? new TextDecoder().decode(stdout) : undefined;
  } catch {
    return undefined;
  }
}

/** The shipped stub of a file, found in git. */
export interface ShippedStub {
  /** The stub's text. */
  text: string;
  /** The commit it comes from. */
  commit: string;
  /** The ref the search started from (`origin/HEAD` or `HEAD`). */
  ref: string;
}

/**
 * Finds the newest version of a file in git history that still calls `todo(`.
 *
 * @param root The repo root (inside a git clone).
 * @param path The file, relative to the root (`chapters/04/loss.ts`).
 * @returns The stub, or an error message.
 */
export async function findShippedStub(
  root: string,
  path: string,
): Promise<ShippedStub | { error: string }> {
  const top = (await git(root, ["rev-parse", "--show-toplevel"]))?.trim();
  if (!top) {
    return {
      error: `${root} is not a git clone (or git is not installed), so the shipped stub of ` +
        `${path} cannot be found. Clone the workbook with git to use deno task reset.`,
    };
  }
  const ref = (await git(root, ["rev-parse", "--verify", "-q", "origin/HEAD"])) !== undefined
    ? "origin/HEAD"
    : "HEAD";
  const inRepo = relative(top, join(root, path)).split("\\").join("/");
  const log = await git(top, ["log", "--format=%H", ref, "--", inRepo]);
  if (log === undefined) return { error: `git log failed for ${inRepo} from ${ref}.` };
  for (const commit of log.split("\n").filter((l) => l)) {
    const text = await git(top, ["show", `${commit}:${inRepo}`]);
    if (text !== undefined && callsTodo(text)) return { text, commit, ref };
  }
  return {
    error: `No version of ${path} in git history (from ${ref}) calls todo(), so it has no ` +
      `shipped stub to restore.`,
  };
}

/** `20260127-143005` (local time), for backup names that sort by date. */
export function timestamp(date: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-` +
    `${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
}

/**
 * Saves a copy of the learner's file under `.kata/backups/NN/`, never overwriting one.
 *
 * @param root The repo root.
 * @param chapter Two digits.
 * @param file The file name in the chapter (`loss.ts`).
 * @param text What to save.
 * @returns The backup's path, relative to the root.
 */
export function backUp(root: string, chapter: string, file: string, text: string): string {
  const dir = join(root, ".kata", "backups", chapter);
  mkdirSync(dir, { recursive: true });
  const base = `${file}.${timestamp()}`;
  let name = base;
  for (let i = 2; existsSync(join(dir, name)); i++) name = `${base}-${i}`;
  writeFileSync(join(dir, name), text);
  return relative(root, join(dir, name));
}

/** Options of {@linkcode resetFile}. */
export interface ResetOptions {
  /** Skip the question (`--yes`). */
  yes?: boolean;
  /** Asks the learner; answers no when there is no terminal (default). */
  confirm?: (question: string) => boolean;
  /** Whether a question can be asked at all (default: stdin is a terminal). */
  interactive?: boolean;
}

/** What a reset did. */
export interface ResetOutcome {
  /** 0 when restored or nothing to do, 1 on an error or a refusal. */
  code: number;
  /** What to tell the learner. */
  message: string;
  /** The backup's path, root-relative, when one was made. */
  backup?: string;
}

/**
 * Restores the shipped stub of `chapters/NN/file`, after saving the learner's version.
 *
 * @param root The repo root.
 * @param target The chapter and the file name (`{ chapter: "04", file: "loss.ts" }`).
 * @param options Confirmation.
 * @returns What happened.
 */
export async function resetFile(
  root: string,
  target: { chapter: string; file: string },
  options: ResetOptions = {},
): Promise<ResetOutcome> {
  const { chapter, file } = target;
  const path = `chapters/${chapter}/${file}`;
  const stub = await findShippedStub(root, path);
  if ("error" in stub) return { code: 1, message: stub.error };
  const full = join(root, path);
  const current = existsSync(full) ? readFileSync(full, "utf8") : undefined;
  if (current === stub.text) {
    return { code: 0, message: `${path} is already the shipped stub; nothing to do.` };
  }
  if (!options.yes) {
    const interactive = options.interactive ?? Deno.stdin.isTerminal();
    if (!interactive) {
      return {
        code: 1,
        message: `Not resetting ${path}: there is no terminal to confirm on. ` +
          `Add --yes to reset it anyway (your version is backed up first).`,
      };
    }
    const ask = options.confirm ?? confirmOnTerminal;
    const question = `Replace ${path} with the shipped stub? Your version is backed up first.`;
    if (!ask(question)) return { code: 1, message: `Not reset; ${path} is unchanged.` };
  }
  const backup = current === undefined ? undefined : backUp(root, chapter, file, current);
  writeFileSync(full, stub.text);
  const from = `${stub.commit.slice(0, 10)} (${stub.ref})`;
  const saved = backup ? `Your version is saved in ${backup}` : "There was no file to back up.";
  return {
    code: 0,
    message: `Restored ${path} to the shipped stub from commit ${from}.\n${saved}`,
    ...(backup ? { backup } : {}),
  };
}

const HELP = `deno task reset: put back the shipped stub of a chapter file

It asks before it overwrites your file; without a terminal (piped, in a script) it cannot ask,
so add --yes there.

Usage:
  deno task reset 04 loss.ts          asks first; your version goes to .kata/backups/04/
  deno task reset 04 loss.ts --yes    no question (needed without a terminal)

The stub comes from git: the newest version of the file that still calls todo(),
searched from origin/HEAD (or HEAD when the clone has no origin).`;

if (import.meta.main) {
  const args = commandArgs(Deno.args, HELP, { flags: ["yes"], count: 2 });
  const [chapterText, fileText] = args.positional as [string, string];
  const s = style();
  const workbook = readWorkbook(REPO_ROOT);
  const chapter = chapterArg(chapterText);
  if (chapter === undefined || !workbook.chapters.includes(chapter)) {
    console.error(`No chapter "${chapterText}". Chapters: ${workbook.chapters.join(" ")}.`);
    Deno.exit(1);
  }
  // "loss", "loss.ts" and "chapters/04/loss.ts" all name chapters/04/loss.ts.
  let file = fileText.split("/").at(-1) as string;
  if (!file.endsWith(".ts")) file += ".ts";
  const files = readdirSync(join(REPO_ROOT, "chapters", chapter)).filter((f) => f.endsWith(".ts"));
  if (!files.includes(file)) {
    const stubs = workbook.stubModules
      .filter((m) => m.startsWith(`chapters/${chapter}/`))
      .map((m) => m.split("/").at(-1) as string);
    const guesses = didYouMean(file, files);
    console.error(
      `chapters/${chapter}/ has no ${file}.` +
        (guesses.length ? ` Did you mean ${guesses.join(" or ")}?` : "") +
        `\nIts stub modules: ${stubs.join(", ") || "none"}.`,
    );
    Deno.exit(1);
  }
  const outcome = await resetFile(REPO_ROOT, { chapter, file }, { yes: args.flags.has("yes") });
  if (outcome.code === 0) console.log(outcome.backup ? s.green(outcome.message) : outcome.message);
  else console.error(outcome.message);
  Deno.exit(outcome.code);
}
