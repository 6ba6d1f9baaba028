/**
 * The errors a user can cause, apart from the workbook's own bugs: a command prints a
 * {@linkcode UserError} as one line (`error: …`, `エラー: …` in Japanese) and exits with its
 * code; anything else keeps its stack trace. This module imports only the shared messages
 * (`messages.ts`, which imports only `lang.ts`), so any part of `lib/` may use it.
 *
 * @module
 */

import { lang } from "./lang.ts";
import { COMMAND } from "./messages.ts";

/**
 * A problem the user can fix (a bad option, a damaged or missing file, a full disk): the
 * message says what is wrong and what to do, and the command exits with `exitCode`.
 *
 * @example
 * ```ts
 * import { UsageError, UserError } from "./errors.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(new UserError("no checkpoint").exitCode, 1);
 * assert.equal(new UsageError("--epochs needs a number").exitCode, 2);
 * assert.ok(new UsageError("x") instanceof UserError);
 * ```
 */
export class UserError extends Error {
  /** The command's exit code (1 unless told otherwise). */
  exitCode: number;
  /** Builds the error. */
  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "UserError";
    this.exitCode = options.exitCode ?? 1;
  }
}

/** Bad input on the command line: an unknown option, a stray argument, a number out of range. */
export class UsageError extends UserError {
  /** Builds the error (exit code 2). */
  constructor(message: string) {
    super(message, { exitCode: 2 });
    this.name = "UsageError";
  }
}

/** A run stopped by Ctrl-C, a termination signal, or the end of the process that started it. */
export class InterruptedError extends UserError {
  /** Builds the error (exit code 130, as a shell reports Ctrl-C). */
  constructor(message: string) {
    super(message, { exitCode: 130 });
    this.name = "InterruptedError";
  }
}

/** The file-system errors a user causes (a wrong path, a folder in the way, no permission). */
const FILE_ERRORS = [
  "NotFound",
  "PermissionDenied",
  "AlreadyExists",
  "IsADirectory",
  "NotADirectory",
  "FilesystemLoop",
  "NotCapable",
  "WriteZero",
] as const;

/**
 * The one-line message of an error the user can fix, or `undefined` for a bug (which keeps its
 * stack trace): a {@linkcode UserError}, or a file-system error (Deno's messages name the path),
 * including a full disk.
 *
 * @example
 * ```ts
 * import { userMessage, UserError } from "./errors.ts";
 * import { setLang } from "./lang.ts";
 * import assert from "node:assert/strict";
 *
 * setLang("en");
 * assert.equal(userMessage(new UserError("bad file")), "bad file");
 * assert.match(
 *   userMessage(new Deno.errors.IsADirectory("Is a directory (os error 21): open 'x'")) ?? "",
 *   /Is a directory .*open 'x'/,
 * );
 * assert.equal(userMessage(new TypeError("undefined is not a function")), undefined);
 * setLang(undefined);
 * ```
 *
 * @param error What was thrown.
 * @returns The line to print after `error: ` (`エラー: `), or `undefined`.
 */
export function userMessage(error: unknown): string | undefined {
  if (error instanceof UserError) return (lang() === "ja" && japaneseLine(error)) || error.message;
  if (!(error instanceof Error)) return undefined;
  const fileError = FILE_ERRORS.some((name) => {
    const type = (Deno.errors as Record<string, unknown>)[name];
    return typeof type === "function" && error instanceof (type as typeof Error);
  });
  const noSpace = /No space left on device|os error 28\b|Disk quota exceeded/i.test(error.message);
  if (!fileError && !noSpace) return undefined;
  const advice = noSpace ? COMMAND().noSpace : COMMAND().checkPath;
  return `${error.message.split("\n")[0]}: ${advice}`;
}

/**
 * The Japanese line for the errors of `lib/io`, whose own messages are English: a damaged
 * safetensors file (`SafetensorsError`, with its `file`) and a file that cannot be written
 * (`WriteError`, with its `path` and the file-system error as `cause`). Matched by name, as
 * `lib/io` imports this module.
 */
function japaneseLine(error: UserError): string | undefined {
  const m = COMMAND();
  const { file, path } = error as UserError & { file?: unknown; path?: unknown };
  if (error.name === "SafetensorsError" && typeof file === "string") {
    return m.badSafetensors(file);
  }
  if (error.name === "WriteError" && typeof path === "string") {
    const cause = error.cause;
    const reason = cause instanceof Error ? cause.message.split("\n")[0] : String(cause);
    const advice = /No space left|os error 28|quota/i.test(reason)
      ? m.noSpace
      : cause instanceof Deno.errors.PermissionDenied
      ? m.writable
      : cause instanceof Deno.errors.IsADirectory || cause instanceof Deno.errors.NotADirectory ||
          cause instanceof Deno.errors.AlreadyExists
      ? m.inTheWay
      : m.checkDisk;
    return m.cannotWrite(path, reason, advice);
  }
  return undefined;
}

/** The exit code for an error with a {@linkcode userMessage}. */
export function userExitCode(error: unknown): number {
  return error instanceof UserError ? error.exitCode : 1;
}
