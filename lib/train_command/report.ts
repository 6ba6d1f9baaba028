/**
 * What `deno task train` writes besides the checkpoint: the history as CSV, the loss and
 * accuracy curves, the misclassified test digits (§8.1, Figure 8-2) and the confusion matrix.
 *
 * @module
 */

import { stringify } from "csv-stringify/sync";
import { join } from "node:path";
import * as np from "../np/mod.ts";
import {
  imageGrid,
  type LineChartOptions,
  lineChartSpec,
  type LineData,
  renderVegaLite,
  writeFileAtomic,
} from "../plot/mod.ts";
import type { EpochRecord } from "./checkpoint.ts";
import { TRAIN } from "./messages.ts";

/**
 * The history as CSV text, one row per epoch: epoch, loss, train_accuracy, test_accuracy,
 * seconds, images_per_second.
 *
 * @example
 * ```ts
 * import { historyCsv } from "./report.ts";
 * import assert from "node:assert/strict";
 *
 * const csv = historyCsv([
 *   { epoch: 1, loss: 0.25, trainAccuracy: 0.97, testAccuracy: 0.975, seconds: 40.5, imagesPerSecond: 1481.5 },
 * ]);
 * assert.equal(csv, "epoch,loss,train_accuracy,test_accuracy,seconds,images_per_second\n1,0.25,0.97,0.975,40.5,1481.5\n");
 * ```
 *
 * @param history One record per epoch.
 * @returns CSV with a header line.
 */
export function historyCsv(history: readonly EpochRecord[]): string {
  return stringify(
    history.map((r) => [
      r.epoch,
      r.loss,
      r.trainAccuracy,
      r.testAccuracy,
      r.seconds,
      r.imagesPerSecond,
    ]),
    {
      header: true,
      columns: [
        "epoch",
        "loss",
        "train_accuracy",
        "test_accuracy",
        "seconds",
        "images_per_second",
      ],
    },
  );
}

/**
 * Counts of (true label, predicted class) pairs: `matrix[label][predicted]`.
 *
 * @example
 * ```ts
 * import { confusionMatrix } from "./report.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const m = confusionMatrix(Int32Array.from([0, 1, 1]), np.array([0, 0, 1]), 2);
 * assert.deepEqual(m, [[1, 1], [0, 1]]);
 * ```
 *
 * @param predicted Predicted classes.
 * @param labels True classes (indices).
 * @param classes The number of classes.
 * @returns A classes × classes matrix of counts.
 */
export function confusionMatrix(
  predicted: Int32Array,
  labels: np.NDArray,
  classes: number,
): number[][] {
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < predicted.length; i++) matrix[labels.data[i]][predicted[i]]++;
  return matrix;
}

/**
 * Draws a confusion matrix as a Vega-Lite heatmap with the counts written in the cells.
 *
 * @param matrix `matrix[label][predicted]` counts.
 * @param path The PNG file.
 * @param title The chart's title.
 * @returns The path written.
 */
export async function confusionMatrixChart(
  matrix: number[][],
  path: string,
  title: string,
): Promise<string> {
  const values = matrix.flatMap((row, label) =>
    row.map((count, predicted) => ({ label, predicted, count }))
  );
  const max = Math.max(1, ...values.map((v) => v.count));
  return await renderVegaLite(
    {
      title,
      data: { values },
      width: 360,
      height: 360,
      encoding: {
        x: { field: "predicted", type: "ordinal", title: TRAIN().predictedClass },
        y: { field: "label", type: "ordinal", title: TRAIN().trueLabel },
      },
      layer: [
        {
          mark: "rect",
          encoding: {
            color: {
              field: "count",
              type: "quantitative",
              // The diagonal holds ~1000 per class and mistakes a handful: a log-like scale
              // keeps the mistakes visible.
              scale: { type: "symlog", scheme: "blues" },
              title: TRAIN().images,
            },
          },
        },
        {
          mark: { type: "text", fontSize: 10 },
          encoding: {
            text: { field: "count", type: "quantitative" },
            color: {
              condition: { test: `datum.count > ${Math.sqrt(max)}`, value: "white" },
              value: "black",
            },
          },
        },
      ],
    },
    path,
    { scale: 2 },
  );
}

/** A line chart over epochs, with whole-number ticks on the epoch axis. */
async function epochChart(data: LineData, options: LineChartOptions): Promise<string> {
  const spec = lineChartSpec(data, options) as {
    encoding: { x: Record<string, unknown> };
  };
  spec.encoding.x.axis = { tickMinStep: 1, format: "d" };
  return await renderVegaLite(spec as Parameters<typeof renderVegaLite>[0], options.path, {
    scale: 2,
  });
}

/** Options of {@linkcode writeReport}. */
export interface ReportOptions {
  /** The output folder. */
  out: string;
  /** The network's name, for titles. */
  title: string;
  /** One record per epoch. */
  history: readonly EpochRecord[];
  /** The test images `[n, 1, 28, 28]`. */
  xTest: np.NDArray;
  /** Their labels (indices). */
  tTest: np.NDArray;
  /** The predicted class of each test image. */
  predicted: Int32Array;
  /** The most misclassified images to show (40). */
  gallerySize?: number;
}

/**
 * Writes history.csv, loss.png, accuracy.png, misclassified.png and confusion_matrix.png.
 *
 * @param options The folder, the history and the test predictions.
 * @returns The paths written.
 */
export async function writeReport(options: ReportOptions): Promise<string[]> {
  const { out, title, history, xTest, tTest, predicted } = options;
  const paths: string[] = [];
  const csvPath = join(out, "history.csv");
  await writeFileAtomic(csvPath, new TextEncoder().encode(historyCsv(history)));
  paths.push(csvPath);

  const m = TRAIN();
  const epochs = history.map((r) => r.epoch);
  paths.push(
    await epochChart({ x: epochs, series: { [m.trainLoss]: history.map((r) => r.loss) } }, {
      path: join(out, "loss.png"),
      title: m.lossTitle(title),
      xTitle: m.epoch,
      yTitle: m.loss,
      points: true,
    }),
  );
  paths.push(
    await epochChart({
      x: epochs,
      series: {
        [m.train]: history.map((r) => r.trainAccuracy),
        [m.test]: history.map((r) => r.testAccuracy),
      },
    }, {
      path: join(out, "accuracy.png"),
      title: m.accuracyTitle(title),
      xTitle: m.epoch,
      yTitle: m.accuracy,
      dashed: [m.test],
      points: true,
    }),
  );

  const wrong: number[] = [];
  for (let i = 0; i < predicted.length; i++) if (predicted[i] !== tTest.data[i]) wrong.push(i);
  const shown = wrong.slice(0, options.gallerySize ?? 40);
  if (shown.length > 0) {
    const pixels = xTest.size / xTest.shape[0];
    const images = np.zeros([shown.length, 28, 28]);
    shown.forEach((index, i) =>
      images.data.set(xTest.data.subarray(index * pixels, (index + 1) * pixels), i * pixels)
    );
    paths.push(
      await imageGrid(images, {
        path: join(out, "misclassified.png"),
        columns: 10,
        scale: 2,
        invert: true,
        captions: shown.map((i) => `${tTest.data[i]}→${predicted[i]}`),
        title: m.misclassifiedTitle(wrong.length, predicted.length, shown.length),
      }),
    );
  }
  paths.push(
    await confusionMatrixChart(
      confusionMatrix(predicted, tTest, 10),
      join(out, "confusion_matrix.png"),
      m.confusionTitle(title),
    ),
  );
  return paths;
}
