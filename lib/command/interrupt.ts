/**
 * Stopping cleanly: a long command (`deno task train`) stops between two batches on Ctrl-C or
 * SIGTERM, and when the process that started it (`deno task`, or the `--mine` parent) is gone,
 * even by `kill -9`. A worker thread listens, so the signal is seen while the main thread is
 * busy in a synchronous loop; the loop calls {@linkcode InterruptWatch.check} after each batch.
 *
 * @module
 */

import { InterruptedError } from "./errors.ts";
import { COMMAND } from "./messages.ts";

/** A running watch. */
export interface InterruptWatch {
  /** Throws {@linkcode InterruptedError} once a signal came or the parent is gone. */
  check(): void;
  /** The reason so far (`"Ctrl-C"`, `"SIGTERM"`, `"the parent process ended"`), or undefined. */
  reason(): string | undefined;
  /** Stops watching; signals get their default effect again. */
  stop(): void;
}

/** Options of {@linkcode watchInterrupts}. */
export interface WatchOptions {
  /** Catch SIGINT and SIGTERM for a clean stop (default true). */
  signals?: boolean;
  /** Watch the parent process (default: when run by `deno task` or as a `--mine` child). */
  parent?: boolean;
  /** Kill the process at once when the parent is gone, instead of flagging (default false). */
  killOnOrphan?: boolean;
}

/**
 * Whether this process was started by another Deno process that waits for it: `deno task`
 * (which sets `INIT_CWD`) or a `--mine` parent (`ZEROKARA_MINE`). A process started from a
 * shell keeps running when the shell ends, as any program does.
 */
export function startedByDeno(): boolean {
  try {
    return Deno.env.get("INIT_CWD") !== undefined || Deno.env.get("ZEROKARA_MINE") === "1";
  } catch {
    return false;
  }
}

/**
 * Starts watching for Ctrl-C, SIGTERM and the end of the parent process.
 *
 * @param options What to watch.
 * @returns The watch.
 */
export async function watchInterrupts(options: WatchOptions = {}): Promise<InterruptWatch> {
  const flag = new SharedArrayBuffer(4);
  const state = new Int32Array(flag);
  const worker = new Worker(new URL("./interrupt_worker.ts", import.meta.url), {
    type: "module",
  });
  const watchParent = options.parent ?? startedByDeno();
  await new Promise<void>((resolve, reject) => {
    worker.onmessage = () => resolve();
    worker.onerror = (event) => {
      event.preventDefault();
      reject(new Error(`the interrupt watch did not start: ${event.message}`));
    };
    worker.postMessage({
      flag,
      parent: watchParent && Deno.build.os !== "windows" ? Deno.ppid : null,
      killOnOrphan: options.killOnOrphan ?? false,
      signals: options.signals ?? true,
    });
  });
  let stopped = false;
  const reason = () => {
    const value = Atomics.load(state, 0);
    return value === 0
      ? undefined
      : value === 2
      ? "Ctrl-C"
      : value === 15
      ? "SIGTERM"
      : COMMAND().parentEnded;
  };
  return {
    check() {
      const why = reason();
      if (why !== undefined) throw new InterruptedError(COMMAND().stopped(why));
    },
    reason,
    stop() {
      if (stopped) return;
      stopped = true;
      worker.terminate();
    },
  };
}
