/**
 * The top of every command: checks the environment, makes the command end with the process
 * that started it, runs it, and turns the errors a user can cause into one line (`error: …`,
 * `エラー: …` in Japanese) with a non-zero exit code. Other errors are the workbook's bugs and keep their stack trace.
 *
 * ```ts ignore
 * import { runCommand } from "../command/run.ts";
 * if (import.meta.main) await runCommand(async () => { … return 0; });
 * ```
 *
 * @module
 */

import { UsageError, userExitCode, userMessage } from "./errors.ts";
import { startedByDeno, watchInterrupts } from "./interrupt.ts";
import { COMMAND, errorLine } from "./messages.ts";

/**
 * The problem with `ZEROKARA_THREADS` or `ZEROKARA_KERNELS`, or `undefined` when they are unset
 * or valid (a positive whole number of threads; `ts` or `wasm` kernels).
 *
 * @example
 * ```ts
 * import { environmentProblem } from "./run.ts";
 * import { setLang } from "./lang.ts";
 * import assert from "node:assert/strict";
 *
 * setLang("en");
 * assert.equal(environmentProblem({ ZEROKARA_THREADS: "2" }), undefined);
 * assert.match(environmentProblem({ ZEROKARA_THREADS: "abc" }) ?? "", /ZEROKARA_THREADS/);
 * assert.match(environmentProblem({ ZEROKARA_THREADS: "0" }) ?? "", /1 or 2/);
 * assert.match(environmentProblem({ ZEROKARA_KERNELS: "gpu" }) ?? "", /ts or wasm/);
 * setLang(undefined);
 * ```
 *
 * @param env The environment (default: the process's).
 * @returns The message, or `undefined`.
 */
export function environmentProblem(
  env: Record<string, string | undefined> = Deno.env.toObject(),
): string | undefined {
  const threads = env.ZEROKARA_THREADS;
  if (threads !== undefined && !/^\s*[1-9]\d*\s*$/.test(threads)) {
    return COMMAND().threads(threads);
  }
  const kernels = env.ZEROKARA_KERNELS;
  if (kernels !== undefined && kernels !== "ts" && kernels !== "wasm") {
    return COMMAND().kernels(kernels);
  }
  return undefined;
}

/**
 * Prints an error the way a command ends: one line for an error a user can cause, the stack
 * trace for a bug.
 *
 * @param error What was thrown.
 * @returns The exit code.
 */
export function reportError(error: unknown): number {
  const message = userMessage(error);
  if (message === undefined) {
    console.error(error);
    console.error(COMMAND().bug);
    return 70;
  }
  console.error(errorLine(message));
  return userExitCode(error);
}

/** Options of {@linkcode runCommand}. */
export interface RunOptions {
  /**
   * End at once when the process that started this one (`deno task`) is gone (default true).
   * A command with its own clean stop (`deno task train`) turns it off and watches itself.
   */
  dieWithParent?: boolean;
}

/**
 * Runs a command's body and exits with its code (0 when it returns nothing).
 *
 * @param body The command.
 * @param options How to run it.
 * @returns Never: the process exits.
 */
export async function runCommand(
  body: () => Promise<number | void> | number | void,
  options: RunOptions = {},
): Promise<never> {
  let code: number;
  try {
    const problem = environmentProblem();
    if (problem !== undefined) throw new UsageError(problem);
    if ((options.dieWithParent ?? true) && startedByDeno()) {
      await watchInterrupts({ signals: false, parent: true, killOnOrphan: true });
    }
    code = (await body()) ?? 0;
  } catch (error) {
    code = reportError(error);
  }
  Deno.exit(code);
}
