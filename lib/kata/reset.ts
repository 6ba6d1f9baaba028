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
import { defineMessages } from "../command/lang.ts";
import { runCommand } from "../command/run.ts";
import { chapterArg, confirmOnTerminal, didYouMean, REPO_ROOT, style } from "./cli.ts";
import { writeFileAtomicSync } from "../io/atomic.ts";
import { callsTodo, readWorkbook } from "./manifest.ts";
import { readStubManifest, sha256Hex, STUB_MANIFEST, type StubManifest } from "./stub_manifest.ts";

/** What `deno task reset` says, in both languages. */
const MESSAGES = defineMessages("reset", {
  damaged: (manifest: string) =>
    `${manifest} is damaged (not JSON), so the shipped stubs cannot be told apart: ` +
    `restore it with git checkout -- ${manifest}`,
  notGit: (root: string, path: string) =>
    `${root} is not a git clone (or git is not installed), so the shipped stub of ${path} ` +
    `cannot be found. Clone the workbook with git to use deno task reset.`,
  notShipped: (path: string, manifest: string) =>
    `${path} is not a shipped stub (it is not in ${manifest}).`,
  notInHistory: (path: string, sha: string) =>
    `The shipped stub of ${path} (SHA-256 ${sha}…) is not in this clone's git history: ` +
    `fetch the workbook's history (git fetch origin) and retry.`,
  logFailed: (path: string, ref: string) => `git log failed for ${path} from ${ref}.`,
  noTodo: (path: string, ref: string) =>
    `No version of ${path} in git history (from ${ref}) calls todo(), so it has no ` +
    `shipped stub to restore.`,
  cannotRead: (path: string, why: string) => `Cannot read ${path}: ${why}`,
  already: (path: string) => `${path} is already the shipped stub; nothing to do.`,
  noTerminal: (path: string) =>
    `Not resetting ${path}: there is no terminal to confirm on. ` +
    `Add --yes to reset it anyway (your version is backed up first).`,
  question: (path: string) =>
    `Replace ${path} with the shipped stub? Your version is backed up first.`,
  declined: (path: string) => `Not reset; ${path} is unchanged.`,
  noBackup: (why: string, path: string) =>
    `Not reset: your version could not be backed up (${why}). ${path} is unchanged.`,
  writeFailed: (why: string, path: string, backup: string) =>
    `Not reset: ${why}. ${path} is unchanged${
      backup ? `; a copy of it is also in ${backup}` : ""
    }.`,
  saved: (backup: string) => `Your version is saved in ${backup}`,
  nothingSaved: "There was no file to back up.",
  restored: (path: string, source: string) => `Restored ${path} to the shipped stub (${source}).`,
  notChapterFile: (text: string, chapter: string) =>
    `${text} is not a file of chapters/${chapter}/: give its name, e.g. loss.ts`,
  otherChapter: (text: string, folder: string, chapter: string, file: string) =>
    `${text} is in chapter ${folder}, not ${chapter}: deno task reset ${folder} ${file}`,
  noChapter: (text: string, chapters: string) => `No chapter "${text}". Chapters: ${chapters}.`,
  noFile: (chapter: string, file: string, guesses: string, stubs: string) =>
    `chapters/${chapter}/ has no ${file}.` + (guesses ? ` Did you mean ${guesses}?` : "") +
    ` Its stub modules: ${stubs || "none"}.`,
  help: `deno task reset: put back the shipped stub of a chapter file

It asks before it overwrites your file; without a terminal (piped, in a script) it cannot ask,
so add --yes there.

Usage:
  deno task reset 04 loss.ts          asks first; your version goes to .kata/backups/04/
  deno task reset 04 loss.ts --yes    no question (needed without a terminal)
  deno task reset 04 loss.ts --lang ja
                                      in Japanese

The stub is the shipped one, as lib/kata/stub_manifest.json records it (by SHA-256), taken
from the clone's git objects: your own commits are never mistaken for it. Your version is
backed up byte for byte first.`,
}, {
  damaged: (manifest: string) =>
    `${manifest} が壊れていて（JSON ではない）、配布時のスタブを見分けられません: ` +
    `git checkout -- ${manifest} で元に戻してください`,
  notGit: (root: string, path: string) =>
    `${root} は git のクローンではない（または git がない）ため、${path} の配布時のスタブが` +
    `見つかりません。deno task reset を使うには、ワークブックを git clone で取得してください。`,
  notShipped: (path: string, manifest: string) =>
    `${path} は配布時のスタブではありません（${manifest} にありません）。`,
  notInHistory: (path: string, sha: string) =>
    `${path} の配布時のスタブ（SHA-256 ${sha}…）がこのクローンの git 履歴にありません: ` +
    `履歴を取得して（git fetch origin）やり直してください。`,
  logFailed: (path: string, ref: string) => `${ref} からの ${path} の git log に失敗しました。`,
  noTodo: (path: string, ref: string) =>
    `git 履歴（${ref} から）に todo() を呼ぶ ${path} がないため、戻せるスタブがありません。`,
  cannotRead: (path: string, why: string) => `${path} を読めません: ${why}`,
  already: (path: string) => `${path} はすでに配布時のスタブです。何もしません。`,
  noTerminal: (path: string) =>
    `${path} は戻しません: 確認できる端末がありません。` +
    `それでも戻すなら --yes を付けてください（先に自分の版をバックアップします）。`,
  question: (path: string) =>
    `${path} を配布時のスタブに置き換えますか？ 自分の版は先にバックアップします。`,
  declined: (path: string) => `戻しませんでした。${path} はそのままです。`,
  noBackup: (why: string, path: string) =>
    `戻しませんでした: 自分の版をバックアップできませんでした（${why}）。${path} はそのままです。`,
  writeFailed: (why: string, path: string, backup: string) =>
    `戻しませんでした: ${why}。${path} はそのままです` +
    `${backup ? `（コピーは ${backup} にもあります）` : ""}。`,
  saved: (backup: string) => `自分の版は ${backup} に保存しました`,
  nothingSaved: "バックアップするファイルはありませんでした。",
  restored: (path: string, source: string) => `${path} を配布時のスタブに戻しました（${source}）。`,
  notChapterFile: (text: string, chapter: string) =>
    `${text} は chapters/${chapter}/ のファイルではありません: loss.ts のように名前で指定してください`,
  otherChapter: (text: string, folder: string, chapter: string, file: string) =>
    `${text} は ${chapter}章ではなく ${folder}章のファイルです: deno task reset ${folder} ${file}`,
  noChapter: (text: string, chapters: string) =>
    `"${text}" という章はありません。章: ${chapters}。`,
  noFile: (chapter: string, file: string, guesses: string, stubs: string) =>
    `chapters/${chapter}/ に ${file} はありません。` +
    (guesses ? `${guesses} のことですか？` : "") +
    `この章のスタブ: ${stubs || "なし"}。`,
  help: `deno task reset: 章のファイルを配布時のスタブに戻す

自分のファイルを上書きする前に確認します。端末がない場合（パイプやスクリプト）は
確認できないので、--yes を付けてください。

使い方:
  deno task reset 04 loss.ts          先に確認。自分の版は .kata/backups/04/ へ
  deno task reset 04 loss.ts --yes    確認なし（端末がないときに必要）
  deno task reset 04 loss.ts --lang en
                                      英語で表示

スタブは lib/kata/stub_manifest.json が（SHA-256 で）記録する配布時のもので、
クローンの git オブジェクトから取り出します。自分のコミットと取り違えることはありません。
自分の版は先にバイト単位でそのままバックアップします。`,
});

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
    return { error: MESSAGES().damaged(STUB_MANIFEST) };
  }
  const top = (await git(root, ["rev-parse", "--show-toplevel"]))?.trim();
  if (!top) {
    return { error: MESSAGES().notGit(root, path) };
  }
  const inRepo = relative(top, join(root, path)).split("\\").join("/");
  if (manifest !== undefined) {
    const entry = manifest[path];
    if (entry === undefined) {
      return { error: MESSAGES().notShipped(path, STUB_MANIFEST) };
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
    return { error: MESSAGES().notInHistory(path, entry.sha256.slice(0, 12)) };
  }
  const ref = (await git(root, ["rev-parse", "--verify", "-q", "origin/HEAD"])) !== undefined
    ? "origin/HEAD"
    : "HEAD";
  const log = await git(top, ["log", "--format=%H", ref, "--", inRepo]);
  if (log === undefined) return { error: MESSAGES().logFailed(inRepo, ref) };
  for (const commit of log.split("\n").filter((l) => l)) {
    const bytes = await gitBytes(top, ["show", `${commit}:${inRepo}`]);
    if (bytes === undefined) continue;
    const text = new TextDecoder().decode(bytes);
    if (callsTodo(text)) return { bytes, text, source: `commit ${commit.slice(0, 10)} (${ref})` };
  }
  return { error: MESSAGES().noTodo(path, ref) };
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
  const m = MESSAGES();
  const { chapter, file } = target;
  const path = `chapters/${chapter}/${file}`;
  const stub = await findShippedStub(root, path);
  if ("error" in stub) return { code: 1, message: stub.error };
  const full = join(root, path);
  let current: Uint8Array | undefined;
  try {
    current = existsSync(full) ? readFileSync(full) : undefined;
  } catch (error) {
    return { code: 1, message: m.cannotRead(path, (error as Error).message) };
  }
  if (current !== undefined && sha256Hex(current) === sha256Hex(stub.bytes)) {
    return { code: 0, message: m.already(path) };
  }
  if (!options.yes) {
    const interactive = options.interactive ?? Deno.stdin.isTerminal();
    if (!interactive) {
      return { code: 1, message: m.noTerminal(path) };
    }
    const ask = options.confirm ?? confirmOnTerminal;
    if (!ask(m.question(path))) return { code: 1, message: m.declined(path) };
  }
  let backup: string | undefined;
  if (current !== undefined) {
    try {
      backup = backUp(root, chapter, file, current);
    } catch (error) {
      return {
        code: 1,
        message: m.noBackup(String(error instanceof Error ? error.message : error), path),
      };
    }
  }
  try {
    writeFileAtomicSync(full, stub.bytes);
  } catch (error) {
    return {
      code: 1,
      message: m.writeFailed(
        String(error instanceof Error ? error.message : error),
        path,
        backup ?? "",
      ),
      ...(backup ? { backup } : {}),
    };
  }
  const saved = backup ? m.saved(backup) : m.nothingSaved;
  return {
    code: 0,
    message: `${m.restored(path, stub.source)}\n${saved}`,
    ...(backup ? { backup } : {}),
  };
}

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
      throw new UsageError(MESSAGES().notChapterFile(text, chapter));
    }
    if (folder !== chapter) {
      throw new UsageError(
        MESSAGES().otherChapter(text, folder, chapter, parts[parts.length - 1]),
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
    get help() {
      return MESSAGES().help;
    },
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
      throw new UsageError(MESSAGES().noChapter(chapterText, workbook.chapters.join(" ")));
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
        MESSAGES().noFile(chapter, file, guesses.join(" or "), stubs.join(", ")),
      );
    }
    const outcome = await resetFile(REPO_ROOT, { chapter, file }, { yes: args.values.yes });
    if (outcome.code === 0) {
      console.log(outcome.backup ? s.green(outcome.message) : outcome.message);
    } else console.error(outcome.message);
    return outcome.code;
  });
}
