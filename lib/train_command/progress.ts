/**
 * The progress display of `deno task train`: a cli-progress bar per epoch on a terminal (loss,
 * accuracy, images per second, ETA), plain lines when the output is piped or redirected.
 *
 * @module
 */

import cliProgress from "cli-progress";
import process from "node:process";
import type { BatchProgress } from "./loop.ts";
import { TRAIN } from "./messages.ts";

/** A display for one run: `start` an epoch, `update` after every batch, `end` it. */
export interface TrainProgress {
  /** Starts the bar of an epoch. */
  start(epoch: number, epochs: number, iterations: number): void;
  /** Moves the bar after a batch. */
  update(progress: BatchProgress): void;
  /** Ends the epoch's bar (it stays on screen as a finished bar). */
  end(): void;
  /** Prints a line that stays. */
  log(line: string): void;
}

/** Options of {@linkcode createTrainProgress}. */
export interface TrainProgressOptions {
  /** Draw bars (true) or print lines (false); by default bars only when stderr is a terminal. */
  tty?: boolean;
  /** Where lines go (console.log by default). */
  write?: (line: string) => void;
}

/** Formats seconds as `1m05s` or `42s`. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}

/** The loss, accuracy and speed of an epoch so far. */
function status(p: BatchProgress): string {
  return TRAIN().status(
    p.loss.toFixed(4),
    (100 * p.accuracy).toFixed(2),
    Math.round(p.imagesPerSecond),
  );
}

/**
 * A progress display: bars on a terminal, lines otherwise (at a quarter, a half and three
 * quarters of each epoch, so that a log shows a long epoch moving).
 *
 * @example Plain lines, as a piped run prints them
 * ```ts
 * import { createTrainProgress } from "./progress.ts";
 * import assert from "node:assert/strict";
 *
 * const lines: string[] = [];
 * const progress = createTrainProgress({ tty: false, write: (line) => lines.push(line) });
 * progress.start(1, 2, 4);
 * for (let i = 1; i <= 4; i++) {
 *   progress.update({ iteration: i, iterations: 4, loss: 0.5, accuracy: 0.9, imagesPerSecond: 1000 });
 * }
 * progress.end();
 * assert.equal(lines.length, 3);
 * assert.match(lines[0], /^epoch 1\/2  25% \(1\/4\) loss 0.5000 \| acc 90.00% \| 1000 img\/s \| ETA/);
 * ```
 *
 * @param options `tty` and `write`.
 * @returns The display.
 */
export function createTrainProgress(options: TrainProgressOptions = {}): TrainProgress {
  const tty = options.tty ?? Deno.stderr.isTerminal();
  const write = options.write ?? ((line: string) => console.log(line));
  let epochLabel = "";
  let started = 0;
  let nextQuarter = 1;
  let bar: cliProgress.SingleBar | null = null;
  const eta = (p: BatchProgress) => {
    const elapsed = (performance.now() - started) / 1000;
    return formatSeconds(elapsed / p.iteration * (p.iterations - p.iteration));
  };
  return {
    start(epoch, epochs, iterations) {
      epochLabel = TRAIN().epochLabel(epoch, epochs);
      started = performance.now();
      nextQuarter = 1;
      if (!tty) return;
      bar = new cliProgress.SingleBar({
        format: `${epochLabel} {bar} {percentage}% | {status} | ETA {etaText}`,
        hideCursor: true,
        stream: process.stderr,
        // Training runs synchronously: redraw from update() itself, as no timer gets to run.
        synchronousUpdate: true,
        fps: 10,
        barsize: 24,
      }, cliProgress.Presets.shades_classic);
      bar.start(iterations, 0, { status: "starting", etaText: "?" });
    },
    update(p) {
      if (bar) {
        bar.update(p.iteration, { status: status(p), etaText: eta(p) });
        return;
      }
      while (nextQuarter < 4 && p.iteration >= (nextQuarter * p.iterations) / 4) {
        const percent = String(Math.round((100 * p.iteration) / p.iterations)).padStart(3);
        write(
          `${epochLabel} ${percent}% (${p.iteration}/${p.iterations}) ${status(p)} | ETA ${eta(p)}`,
        );
        nextQuarter++;
        // Several quarters passed in one batch (a tiny epoch): say it once.
        while (nextQuarter < 4 && p.iteration >= (nextQuarter * p.iterations) / 4) nextQuarter++;
      }
    },
    end() {
      bar?.stop();
      bar = null;
    },
    log(line) {
      write(line);
    },
  };
}
