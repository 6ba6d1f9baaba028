/**
 * Accuracy curves of several training runs side by side (train solid, test dashed), as the
 * book's figures 6-20 to 6-23 draw them, and a quieter progress display for long runs.
 *
 * @module
 */

import { renderVegaLite, type TopLevelSpec } from "../../plot/mod.ts";
import { createProgress, type Progress } from "../../book_trainer/progress.ts";
import { CH06 } from "./messages.ts";

/** One run's accuracies per epoch: two curves, named by the chart's `names`. */
export interface AccuracyRun {
  /** The panel's title. */
  title: string;
  /** The epoch of each record. */
  epochs: number[];
  /** Training accuracy per record (the solid curve). */
  train: number[];
  /** Test (or validation) accuracy per record (the dashed curve). */
  test: number[];
}

/** The layout of {@linkcode accuracySpec}. */
export interface AccuracyChartOptions {
  /** The chart's title. */
  title: string;
  /** Panels per row (3). */
  columns?: number;
  /** The legend names of the solid and dashed curves (`["train", "test"]`). */
  names?: [string, string];
  /** A panel's width (300). */
  width?: number;
  /** A panel's height (220). */
  height?: number;
}

/**
 * The chart: one panel per run, accuracy against epochs, the training curve solid and the
 * test curve dashed.
 *
 * @example
 * ```ts
 * import { accuracySpec } from "./curves.ts";
 * import assert from "node:assert/strict";
 *
 * const spec = accuracySpec([{ title: "a", epochs: [0, 1], train: [0.1, 0.5], test: [0.1, 0.4] }], {
 *   title: "t",
 * });
 * assert.ok("hconcat" in spec);
 * ```
 *
 * @param runs The runs, one panel each.
 * @param options `title`, `columns`, the curves' `names`, a panel's `width` and `height`.
 * @returns A Vega-Lite spec.
 */
export function accuracySpec(runs: AccuracyRun[], options: AccuracyChartOptions): TopLevelSpec {
  const [solid, dashed] = options.names ?? [CH06().train, CH06().test];
  const panel = (run: AccuracyRun) => {
    const values = run.epochs.flatMap((epoch, i) => [
      { epoch, accuracy: run.train[i], data: solid },
      { epoch, accuracy: run.test[i], data: dashed },
    ]);
    return {
      title: { text: run.title, fontSize: 12 },
      width: options.width ?? 300,
      height: options.height ?? 220,
      data: { values },
      mark: { type: "line", strokeWidth: 2, clip: true },
      encoding: {
        x: { field: "epoch", type: "quantitative", title: CH06().epochs },
        y: {
          field: "accuracy",
          type: "quantitative",
          title: CH06().accuracy,
          scale: { domain: [0, 1] },
        },
        color: {
          field: "data",
          type: "nominal",
          scale: { domain: [solid, dashed], range: ["#1f77b4", "#ff7f0e"] },
          legend: { title: null, labelLimit: 260 },
        },
        strokeDash: {
          field: "data",
          type: "nominal",
          scale: { domain: [solid, dashed], range: [[1, 0], [6, 4]] },
          legend: { title: null, labelLimit: 260 },
        },
      },
    };
  };
  const columns = options.columns ?? 3;
  const rows = [];
  for (let i = 0; i < runs.length; i += columns) {
    rows.push({ hconcat: runs.slice(i, i + columns).map(panel) });
  }
  const title = { text: options.title, anchor: "start" };
  return (rows.length === 1 ? { title, ...rows[0] } : { title, vconcat: rows }) as TopLevelSpec;
}

/**
 * Renders {@linkcode accuracySpec} to a PNG.
 *
 * @param runs The runs.
 * @param options `path`, `title` and the layout of {@linkcode accuracySpec}.
 * @returns The path written.
 */
export async function accuracyChart(
  runs: AccuracyRun[],
  options: AccuracyChartOptions & { path: string },
): Promise<string> {
  return await renderVegaLite(accuracySpec(runs, options), options.path, { scale: 2 });
}

/**
 * A progress display that keeps only every `every`-th logged line (and the last one), for
 * runs with hundreds of epochs.
 *
 * @example
 * ```ts
 * import { sparseProgress } from "./curves.ts";
 * import assert from "node:assert/strict";
 *
 * const lines: string[] = [];
 * const progress = sparseProgress({ label: "x", total: 5, every: 2, write: (l) => lines.push(l) });
 * for (const l of ["a", "b", "c", "d"]) progress.log(l);
 * progress.stop();
 * assert.deepEqual(lines, ["a", "c", "d"]);
 * ```
 *
 * @param options The label, the total steps, `every`, and `write` for plain lines.
 * @returns The display.
 */
export function sparseProgress(
  options: { label: string; total: number; every: number; write?: (line: string) => void },
): Progress {
  const inner = createProgress({
    label: options.label,
    total: options.total,
    ...(options.write ? { write: options.write, tty: false } : {}),
  });
  let count = 0, pending: string | null = null;
  return {
    update: (value, status) => inner.update(value, status),
    log(line) {
      if (count++ % options.every === 0) {
        inner.log(line);
        pending = null;
      } else {
        pending = line;
      }
    },
    stop() {
      if (pending !== null) inner.log(pending);
      inner.stop();
    },
  };
}
