/**
 * Atomic file writes shared by every command: the bytes go to a temporary file beside the
 * target (`.name.<pid>.<random>.tmp`), reach the disk, and replace the target in one rename, so
 * a crash, a kill or a full disk never leaves half a file, nor an empty one. Temporary files
 * that a killed write left behind are removed by the next write of the same file. A failure is
 * a {@linkcode WriteError} that names the file and says what to do.
 *
 * @module
 */

import { existsSync, readdirSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UserError } from "../command/errors.ts";

/** A file that could not be written: the message names it, the reason and what to do. */
export class WriteError extends UserError {
  /** The file. */
  readonly path: string;
  /** Builds the error. */
  constructor(path: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message.split("\n")[0] : String(cause);
    const advice = /No space left|os error 28|quota/i.test(reason)
      ? "free some disk space and run the command again"
      : cause instanceof Deno.errors.PermissionDenied
      ? "make the folder writable, or choose another place"
      : cause instanceof Deno.errors.IsADirectory || cause instanceof Deno.errors.NotADirectory ||
          cause instanceof Deno.errors.AlreadyExists
      ? "a file or folder is in the way: move it, or choose another place"
      : "check the path and the disk";
    super(`cannot write ${path} (${reason}): ${advice}`, { cause });
    this.name = "WriteError";
    this.path = path;
  }
}

/** Whether a process id is running (true when it cannot be told). */
function alive(pid: number): boolean {
  if (pid === Deno.pid) return true;
  if (Deno.build.os === "linux") return existsSync(`/proc/${pid}`);
  return false;
}

/** Escapes a file name for a regular expression. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Removes the temporary files of earlier writes of `path` whose process is gone (a killed
 * write). Returns the names removed.
 *
 * @example
 * ```ts
 * import { cleanStaleTemps } from "./atomic.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = Deno.makeTempDirSync();
 * Deno.writeTextFileSync(`${dir}/.a.bin.999999999.x1.tmp`, "half");
 * assert.deepEqual(cleanStaleTemps(`${dir}/a.bin`), [".a.bin.999999999.x1.tmp"]);
 * ```
 *
 * @param path The file whose temporaries to clean.
 * @returns The names removed.
 */
export function cleanStaleTemps(path: string): string[] {
  const dir = dirname(path), base = basename(path);
  const pattern = new RegExp(
    `^(?:\\.${escape(base)}\\.(\\d+)\\.[a-z0-9]+|${escape(base)}\\.(\\d+)\\.[0-9a-f]{8})\\.tmp$`,
  );
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const match = name.match(pattern);
    if (!match) continue;
    const pid = Number(match[1] ?? match[2]);
    if (alive(pid)) continue;
    try {
      rmSync(join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // Someone else's; leave it.
    }
  }
  return removed;
}

/** The temporary name of a write of `path`. */
function tempName(path: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.${Deno.pid}.${Math.random().toString(36).slice(2, 10) || "0"}.tmp`,
  );
}

/**
 * Writes bytes atomically, creating missing folders.
 *
 * @example
 * ```ts
 * import { writeFileAtomicSync } from "./atomic.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = Deno.makeTempDirSync();
 * writeFileAtomicSync(`${dir}/a/b.txt`, new TextEncoder().encode("hi"));
 * assert.equal(Deno.readTextFileSync(`${dir}/a/b.txt`), "hi");
 * assert.throws(() => writeFileAtomicSync(`${dir}/a`, new Uint8Array(1)), /cannot write/);
 * ```
 *
 * @param path The file.
 * @param bytes Its new content.
 * @returns The path.
 * @throws {WriteError} when it cannot be written; the old file is then unchanged.
 */
export function writeFileAtomicSync(path: string, bytes: Uint8Array): string {
  let temp: string | undefined;
  try {
    Deno.mkdirSync(dirname(path), { recursive: true });
    try {
      if (Deno.statSync(path).isDirectory) {
        throw new Deno.errors.IsADirectory(`Is a directory: ${path}`);
      }
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    }
    cleanStaleTemps(path);
    temp = tempName(path);
    const file = Deno.openSync(temp, { write: true, createNew: true });
    try {
      let written = 0;
      while (written < bytes.length) written += file.writeSync(bytes.subarray(written));
      // On disk before the rename, so the new name never points at missing data.
      file.syncSync();
    } finally {
      file.close();
    }
    Deno.renameSync(temp, path);
    return path;
  } catch (error) {
    if (temp !== undefined) rmSync(temp, { force: true });
    if (error instanceof UserError) throw error;
    throw new WriteError(path, error);
  }
}

/**
 * {@linkcode writeFileAtomicSync} for text (UTF-8).
 *
 * @param path The file.
 * @param text Its new content.
 * @returns The path.
 */
export function writeTextAtomicSync(path: string, text: string): string {
  return writeFileAtomicSync(path, new TextEncoder().encode(text));
}
