/**
 * Progress output for long commands: a cli-progress bar on a terminal, plain lines when the
 * output goes to a file or a pipe (so logs stay readable).
 *
 * @module
 */

import cliProgress from "cli-progress";
import process from "node:process";

/** Options of {@linkcode createProgress}. */
export interface ProgressOptions {
  /** The work's name, shown before the bar (e.g. `"ch05:train"`). */
  label: string;
  /** The number of steps (iterations). */
  total: number;
  /** Force the bar (`true`) or plain lines (`false`); by default a bar only on a terminal. */
  tty?: boolean;
  /** Where plain lines go (console.log by default; tests collect them). */
  write?: (line: string) => void;
}

/** A progress display: `update` often (cheap), `log` for lines that stay, `stop` at the end. */
export interface Progress {
  /** Moves the bar to `value` steps done; `status` is shown beside it (e.g. the loss). */
  update(value: number, status?: string): void;
  /** Prints a line that stays (an epoch's summary) above the bar. */
  log(line: string): void;
  /** Ends the bar (leaves the terminal tidy). */
  stop(): void;
}

/**
 * A progress bar on a terminal, plain lines otherwise: a piped run prints only what `log`
 * receives, one line each.
 *
 * @example Plain lines (what a piped run shows)
 * ```ts
 * import { createProgress } from "./progress.ts";
 * import assert from "node:assert/strict";
 *
 * const lines: string[] = [];
 * const progress = createProgress({ label: "demo", total: 10, tty: false, write: (l) => lines.push(l) });
 * progress.update(5, "loss 0.5");
 * progress.log("epoch 1: acc 0.9");
 * progress.stop();
 * assert.deepEqual(lines, ["epoch 1: acc 0.9"]);
 * ```
 *
 * @param options The label, the number of steps, and whether to draw a bar.
 * @returns The display.
 */
export function createProgress(options: ProgressOptions): Progress {
  const tty = options.tty ?? (Deno.stdout.isTerminal() && Deno.stderr.isTerminal());
  const write = options.write ?? ((line: string) => console.log(line));
  if (!tty) {
    return { update() {}, log: write, stop() {} };
  }
  const bar = new cliProgress.SingleBar({
    format:
      `${options.label} {bar} {percentage}% | {value}/{total} | {status} | ETA {eta_formatted}`,
    hideCursor: true,
    stream: process.stderr,
    // Training runs synchronously: redraw from update() itself, as no timer gets to run.
    synchronousUpdate: true,
    etaBuffer: 200,
  }, cliProgress.Presets.shades_classic);
  bar.start(options.total, 0, { status: "" });
  return {
    update(value, status = "") {
      bar.update(value, { status });
    },
    log(line) {
      // Clear the bar's line, print the line for good, then draw the bar below it. The bar
      // saved the cursor when it started and restores it when it stops: save it again on the
      // bar's new line (ESC 7), or the end would jump back over the lines printed here.
      process.stderr.write(`\r\x1b[2K${line}\n\x1b7`);
      bar.render(true);
    },
    stop() {
      bar.stop();
    },
  };
}
