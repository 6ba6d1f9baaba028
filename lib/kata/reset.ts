/**
 * `deno task reset 04 loss.ts`: puts back the shipped stub of a chapter file. Your version
 * is saved first, byte for byte, to `.kata/backups/04/loss.ts.<timestamp>`, so nothing is
 * ever lost; the stub then replaces your file atomically (written beside it, then renamed), so
 * a full disk leaves your file as it was, never empty.
 *
 * The shipped stub is identified by the committed manifest `lib/kata/stub_manifest.json` (its
 * SHA-256 and git blob id), not by your history: your own commits of a solution, or a fork
 * whose `origin/HEAD` moved, cannot be mistaken for it. Its bytes come from the clone's git
 * objects (the blob id, else any version in any branch with that SHA-256). A workbook without
 * a manifest falls back to the newest version in git history that still calls `todo(`.
 *
 * @module
 */

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { commandLine } from "../command/args.ts";
import { UsageError } from "../command/errors.ts";
import { runCommand } from "../command/run.ts";
import { chapterArg, confirmOnTerminal, didYouMean, REPO_ROOT, style } from "./cli.ts";
import { writeFileAtomicSync } from "../io/atomic.ts";
import { callsTodo, readWorkbook } from "./manifest.ts";
import { readStubManifest, sha256Hex, STUB_MANIFEST, type StubManifest } from "./stub_manifest.ts";

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
  /** The stub's bytes. */
  bytes: Uint8Array;
  /** The stub's text (UTF-8). */
  text: string;
  /** Where it comes from: `blob 1a2b3c4d5e` or a commit (`commit 1a2b3c4d5e (origin/HEAD)`). */
  source: string;
}

/** Runs git and returns its stdout bytes; `undefined` when it fails (or git is missing). */
async function gitBytes(cwd: string, args: string[]): Promise<Uint8Array | undefined> {
  try {
    const { code, stdout } = await new Deno.Command("git", {
      args,
      cwd,
      stdin: "null",
      stdout: "piped",
      stderr: "null",
    }).output();
    return code === 0 ? stdout : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds the shipped stub of a file: by the manifest when the workbook has one, else the
 * newest version in git history that still calls `todo(`.
 *
 * @param root The repo root (inside a git clone).
 * @param path The file, relative to the root (`chapters/04/loss.ts`).
 * @returns The stub, or an error message.
 */
export async function findShippedStub(
  root: string,
  path: string,
): Promise<ShippedStub | { error: string }> {
  let manifest: StubManifest | undefined;
  try {
    manifest = readStubManifest(root);
  } catch {
    return {
      error: `${STUB_MANIFEST} is damaged (not JSON), so the shipped stubs cannot be told ` +
        `apart: restore it with git checkout -- ${STUB_MANIFEST}`,
    };
  }
  const top = (await git(root, ["rev-parse", "--show-toplevel"]))?.trim();
  if (!top) {
    return {
      error: `${root} is not a git clone (or git is not installed), so the shipped stub of ` +
        `${path} cannot be found. Clone the workbook with git to use deno task reset.`,
    };
  }
  const inRepo = relative(top, join(root, path)).split("\\").join("/");
  if (manifest !== undefined) {
    const entry = manifest[path];
    if (entry === undefined) {
      return { error: `${path} is not a shipped stub (it is not in ${STUB_MANIFEST}).` };
    }
    const blob = await gitBytes(top, ["cat-file", "blob", entry.blob]);
    if (blob !== undefined && sha256Hex(blob) === entry.sha256) {
      return {
        bytes: blob,
        text: new TextDecoder().decode(blob),
        source: `blob ${entry.blob.slice(0, 10)}`,
      };
    }
    // Not under its blob id (an unusual clone): any version of the file, in any branch.
    const log = await git(top, ["log", "--all", "--format=%H", "--", inRepo]);
    for (const commit of (log ?? "").split("\n").filter((l) => l)) {
      const bytes = await gitBytes(top, ["show", `${commit}:${inRepo}`]);
      if (bytes !== undefined && sha256Hex(bytes) === entry.sha256) {
        return {
          bytes,
          text: new TextDecoder().decode(bytes),
          source: `commit ${commit.slice(0, 10)}`,
        };
      }
    }
    return {
      error: `The shipped stub of ${path} (SHA-256 ${entry.sha256.slice(0, 12)}…) is not in ` +
        `this clone's git history: fetch the workbook's history (git fetch origin) and retry.`,
    };
  }
  const ref = (await git(root, ["rev-parse", "--verify", "-q", "origin/HEAD"])) !== undefined
    ? "origin/HEAD"
    : "HEAD";
  const log = await git(top, ["log", "--format=%H", ref, "--", inRepo]);
  if (log === undefined) return { error: `git log failed for ${inRepo} from ${ref}.` };
  for (const commit of log.split("\n").filter((l) => l)) {
    const bytes = await gitBytes(top, ["show", `${commit}:${inRepo}`]);
    if (bytes === undefined) continue;
    const text = new TextDecoder().decode(bytes);
    if (callsTodo(text)) return { bytes, text, source: `commit ${commit.slice(0, 10)} (${ref})` };
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
 * @param bytes What to save, byte for byte (any encoding).
 * @returns The backup's path, relative to the root.
 * @throws {WriteError} when it cannot be written (`.kata` is a file, no permission, a full
 *   disk).
 */
export function backUp(root: string, chapter: string, file: string, bytes: Uint8Array): string {
  const dir = join(root, ".kata", "backups", chapter);
  const base = `${file}.${timestamp()}`;
  let name = base;
  for (let i = 2; existsSync(join(dir, name)); i++) name = `${base}-${i}`;
  writeFileAtomicSync(join(dir, name), bytes);
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
  let current: Uint8Array | undefined;
  try {
    current = existsSync(full) ? readFileSync(full) : undefined;
  } catch (error) {
    return { code: 1, message: `Cannot read ${path}: ${(error as Error).message}` };
  }
  if (current !== undefined && sha256Hex(current) === sha256Hex(stub.bytes)) {
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
  let backup: string | undefined;
  if (current !== undefined) {
    try {
      backup = backUp(root, chapter, file, current);
    } catch (error) {
      return {
        code: 1,
        message: `Not reset: your version could not be backed up (${
          error instanceof Error ? error.message : error
        }). ${path} is unchanged.`,
      };
    }
  }
  try {
    writeFileAtomicSync(full, stub.bytes);
  } catch (error) {
    return {
      code: 1,
      message: `Not reset: ${error instanceof Error ? error.message : error}. ${path} is ` +
        `unchanged${backup ? `; a copy of it is also in ${backup}` : ""}.`,
      ...(backup ? { backup } : {}),
    };
  }
  const saved = backup ? `Your version is saved in ${backup}` : "There was no file to back up.";
  return {
    code: 0,
    message: `Restored ${path} to the shipped stub (${stub.source}).\n${saved}`,
    ...(backup ? { backup } : {}),
  };
}

const HELP = `deno task reset: put back the shipped stub of a chapter file

It asks before it overwrites your file; without a terminal (piped, in a script) it cannot ask,
so add --yes there.

Usage:
  deno task reset 04 loss.ts          asks first; your version goes to .kata/backups/04/
  deno task reset 04 loss.ts --yes    no question (needed without a terminal)

The stub is the shipped one, as lib/kata/stub_manifest.json records it (by SHA-256), taken
from the clone's git objects: your own commits are never mistaken for it. Your version is
backed up byte for byte first.`;

/**
 * The file that `deno task reset CHAPTER FILE` names: `loss`, `loss.ts` and
 * `chapters/04/loss.ts` all name `loss.ts` of chapter 04; a path into another chapter is
 * refused.
 *
 * @example
 * ```ts
 * import { resetTarget } from "./reset.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(resetTarget("04", "loss"), "loss.ts");
 * assert.equal(resetTarget("04", "chapters/04/loss.ts"), "loss.ts");
 * assert.throws(() => resetTarget("04", "chapters/05/two_layer_net.ts"), /chapter 05, not 04/);
 * ```
 *
 * @param chapter The chapter, two digits.
 * @param text The file as typed.
 * @returns The file name in the chapter.
 * @throws {UsageError} for a path into another chapter or outside chapters/.
 */
export function resetTarget(chapter: string, text: string): string {
  const parts = text.replace(/\\/g, "/").replace(/^\.\//, "").split("/").filter((p) => p);
  if (parts.length > 1) {
    const folder = parts.length >= 2 ? parts[parts.length - 2] : "";
    const inChapters = parts.length === 3 && parts[0] === "chapters";
    if (!inChapters && !(parts.length === 2 && /^\d\d$/.test(folder))) {
      throw new UsageError(
        `${text} is not a file of chapters/${chapter}/: give its name, e.g. loss.ts`,
      );
    }
    if (folder !== chapter) {
      throw new UsageError(
        `${text} is in chapter ${folder}, not ${chapter}: deno task reset ${folder} ${
          parts[parts.length - 1]
        }`,
      );
    }
  }
  let file = parts.at(-1) ?? "";
  if (!file.endsWith(".ts")) file += ".ts";
  return file;
}

if (import.meta.main) {
  const args = commandLine(Deno.args, {
    name: "reset",
    summary: "deno task reset: put back the shipped stub of a chapter file",
    help: HELP,
    usage: ["deno task reset 04 loss.ts [--yes]"],
    options: {
      yes: { type: "boolean", short: "y", help: "no question (needed without a terminal)" },
    },
    positionals: { min: 2, max: 2 },
  });
  const [chapterText, fileText] = args.positionals as [string, string];
  await runCommand(async () => {
    const s = style();
    const workbook = readWorkbook(REPO_ROOT);
    const chapter = chapterArg(chapterText);
    if (chapter === undefined || !workbook.chapters.includes(chapter)) {
      throw new UsageError(
        `No chapter "${chapterText}". Chapters: ${workbook.chapters.join(" ")}.`,
      );
    }
    const file = resetTarget(chapter, fileText);
    const files = readdirSync(join(REPO_ROOT, "chapters", chapter)).filter((f) =>
      f.endsWith(".ts")
    );
    if (!files.includes(file)) {
      const stubs = workbook.stubModules
        .filter((m) => m.startsWith(`chapters/${chapter}/`))
        .map((m) => m.split("/").at(-1) as string);
      const guesses = didYouMean(file, files);
      throw new UsageError(
        `chapters/${chapter}/ has no ${file}.` +
          (guesses.length ? ` Did you mean ${guesses.join(" or ")}?` : "") +
          ` Its stub modules: ${stubs.join(", ") || "none"}.`,
      );
    }
    const outcome = await resetFile(REPO_ROOT, { chapter, file }, { yes: args.values.yes });
    if (outcome.code === 0) {
      console.log(outcome.backup ? s.green(outcome.message) : outcome.message);
    } else console.error(outcome.message);
    return outcome.code;
  });
}
