/**
 * `deno task ch06:init-histograms [--mine]`: the activation histograms of §6.2.2 (figures
 * 6-10 to 6-14, `ch06/weight_init_activation_histogram.py`): 1000 × 100 standard normal
 * inputs through 5 layers of 100 units, for sigmoid, ReLU and tanh with several weight scales,
 * one row of histograms per setting, to `out/ch06/init_histograms.png`.
 *
 * @module
 */

import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { commandLine } from "../../command/args.ts";
import { runCommand } from "../../command/run.ts";
import { useMineIfAsked } from "../../kata/mine.ts";
import {
  type HistogramActivation,
  layerActivations,
  type WeightInitStd,
} from "../../init/weight_init.ts";
import * as np from "../../np/mod.ts";
import { renderVegaLite, type TopLevelSpec } from "../../plot/mod.ts";
import { EXPERIMENTS, langFromArgs } from "../messages.ts";
import { CH06 } from "./messages.ts";
import { padDisplay } from "../../command/width.ts";

/** A setting's label in the current language ("std" is 標準偏差 in Japanese). */
function localLabel(label: string): string {
  return label.replace(/\bstd\b/, CH06().std);
}

/** One row of the chart: an activation and a weight scale. */
export interface HistogramSetting {
  /** The row's label. */
  label: string;
  /** The activation of every layer. */
  activation: HistogramActivation;
  /** The scale of the weights. */
  weightInitStd: WeightInitStd;
}

/** The settings of the book's figures 6-10 to 6-14, and tanh (which §6.2.2 mentions). */
export const SETTINGS: HistogramSetting[] = [
  { label: "sigmoid, std 1", activation: "sigmoid", weightInitStd: 1 },
  { label: "sigmoid, std 0.01", activation: "sigmoid", weightInitStd: 0.01 },
  { label: "sigmoid, Xavier", activation: "sigmoid", weightInitStd: "xavier" },
  { label: "tanh, Xavier", activation: "tanh", weightInitStd: "xavier" },
  { label: "ReLU, std 0.01", activation: "relu", weightInitStd: 0.01 },
  { label: "ReLU, Xavier", activation: "relu", weightInitStd: "xavier" },
  { label: "ReLU, He", activation: "relu", weightInitStd: "he" },
];

/**
 * Counts values in `bins` equal bins over [low, high], like `np.histogram` (values outside are
 * left out, the last bin includes `high`).
 *
 * @example
 * ```ts
 * import { histogram } from "./init_histograms.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(histogram([0, 0.1, 0.5, 0.99, 1, 2], { bins: 2, low: 0, high: 1 }), [2, 3]);
 * ```
 *
 * @param values The values.
 * @param options `bins`, `low`, `high`.
 * @returns The count of each bin.
 */
export function histogram(
  values: ArrayLike<number>,
  options: { bins: number; low: number; high: number },
): number[] {
  const { bins, low, high } = options;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < low || v > high) continue;
    counts[Math.min(Math.floor(((v - low) / (high - low)) * bins), bins - 1)]++;
  }
  return counts;
}

/** The histograms of one setting: the counts per layer and the bins' range. */
export interface SettingHistograms {
  /** The setting. */
  setting: HistogramSetting;
  /** The lower end of the bins. */
  low: number;
  /** The upper end of the bins. */
  high: number;
  /** 30 counts per layer. */
  counts: number[][];
  /** The standard deviation of each layer's outputs. */
  spreads: number[];
}

/**
 * Runs the experiment for each setting (the same inputs for all) and counts the outputs of
 * each layer in 30 bins over (0, 1), or (−1, 1) for tanh, as the book's `plt.hist`.
 *
 * @param settings The rows.
 * @param options `samples` (1000) and `seed` (0).
 * @returns The histograms of each setting.
 */
export function activationHistograms(
  settings: HistogramSetting[],
  options: { samples?: number; seed?: number } = {},
): SettingHistograms[] {
  const seed = options.seed ?? 0;
  const x = np.rng(seed).standardNormal([options.samples ?? 1000, 100]);
  return settings.map((setting, i) => {
    const activations = layerActivations(x, {
      activation: setting.activation,
      weightInitStd: setting.weightInitStd,
      rng: np.rng(seed + 1 + i),
    });
    const low = setting.activation === "tanh" ? -1 : 0, high = 1;
    const counts = activations.map((a) => histogram(a.data, { bins: 30, low, high }));
    const spreads = activations.map((a) => Math.sqrt(np.mean(np.square(np.sub(a, np.mean(a))))));
    return { setting, low, high, counts, spreads };
  });
}

/**
 * The chart: a row per setting, a column per layer. ReLU rows are cut at 7000 as the book's
 * `plt.ylim(0, 7000)`, because half of the outputs are exactly 0.
 *
 * @example
 * ```ts
 * import { histogramSpec } from "./init_histograms.ts";
 * import assert from "node:assert/strict";
 *
 * const setting = { label: "s", activation: "sigmoid" as const, weightInitStd: 1 };
 * const spec = histogramSpec([
 *   { setting, low: 0, high: 1, counts: [[1, 2], [3, 4]], spreads: [0.5, 0.5] },
 * ]);
 * assert.ok("vconcat" in spec);
 * ```
 *
 * @param rows The histograms.
 * @returns A Vega-Lite spec.
 */
export function histogramSpec(rows: SettingHistograms[]): TopLevelSpec {
  const vconcat = rows.map(({ setting, low, high, counts }) => {
    const relu = setting.activation === "relu";
    const rowMax = relu ? 7000 : Math.max(...counts.flat());
    return {
      title: { text: localLabel(setting.label), anchor: "start", fontSize: 14, offset: 4 },
      spacing: 14,
      hconcat: counts.map((layerCounts, layer) => {
        const width = (high - low) / layerCounts.length;
        const values = layerCounts.map((count, b) => ({
          start: low + b * width,
          end: low + (b + 1) * width,
          count,
        }));
        return {
          title: { text: CH06().layer(layer + 1), fontSize: 11 },
          width: 130,
          height: 80,
          data: { values },
          mark: { type: "rect", clip: true, color: "#1f77b4" },
          encoding: {
            x: {
              field: "start",
              type: "quantitative",
              scale: { domain: [low, high], nice: false },
              axis: { tickCount: 3, title: null },
            },
            x2: { field: "end" },
            y: {
              field: "count",
              type: "quantitative",
              scale: { domain: [0, rowMax], clamp: true, nice: false },
              axis: layer === 0 ? { title: null, tickCount: 3 } : null,
            },
            y2: { datum: 0 },
          },
        };
      }),
    };
  });
  return {
    title: CH06().histogramsTitle,
    vconcat,
  } as TopLevelSpec;
}

if (import.meta.main) {
  langFromArgs(Deno.args);
  commandLine(Deno.args, {
    name: "ch06:init-histograms",
    summary: CH06().histogramsSummary,
    mine: true,
  });
  await runCommand(async () => {
    await useMineIfAsked(import.meta.url, { chapters: ["06"] });
    const started = performance.now();
    const rows = activationHistograms(SETTINGS);
    const target = fileURLToPath(new URL("../../../out/ch06/init_histograms.png", import.meta.url));
    const path = await renderVegaLite(histogramSpec(rows), target, { scale: 2 });
    console.log(CH06().spreads);
    for (const { setting, spreads } of rows) {
      console.log(
        `  ${padDisplay(localLabel(setting.label), 19)}${
          spreads.map((s) => s.toPrecision(3).padStart(10)).join(" ")
        }`,
      );
    }
    console.log(CH06().took(((performance.now() - started) / 1000).toFixed(1)));
    console.log(EXPERIMENTS().wrote(relative(Deno.cwd(), path)));
  });
}
