/**
 * `deno task lab:make-weights`: trains the small FinalConvNet that the lab ships in
 * `data/lab/`, for a learner who has not run `deno task train` yet. The engine's network, the
 * train command's loop and defaults (Adam, lr 0.001 × 0.7 per epoch, batches of 50, shifts of up
 * to 2 px), seed 0, 2 epochs over the 60,000 training images: about 2¼ minutes of CPU time
 * (one thread), and 99.00% on the test set (98.41% after the first epoch).
 *
 * It never replaces the shipped files unless `--force` says so, and `--out DIR` writes
 * elsewhere. `--help` prints the usage and trains nothing.
 *
 * @module
 */

import { existsSync, mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { commandLine } from "../command/args.ts";
import { runCommand } from "../command/run.ts";
import { loadMnist } from "../mnist/mod.ts";
import * as np from "../np/mod.ts";
import { historyCsv } from "../train_command/report.ts";
import { accuracyOf, firstRows, predictClasses, trainEpoch } from "../train_command/loop.ts";
import { MODELS } from "../train_command/models.ts";
import { createOptimizer, type OptimizerName } from "../train_command/optimizers.ts";
import { writeFileAtomic } from "../plot/mod.ts";
import { REPO_ROOT } from "../kata/cli.ts";

/** The folder of the shipped network. */
export const SHIPPED_DIR = join(REPO_ROOT, "data", "lab");
/** The shipped parameters' file name. */
export const SHIPPED_PARAMS = "final_conv_net.safetensors";
/** The shipped training history's file name (the train command's CSV columns). */
export const SHIPPED_HISTORY = "history.csv";
/** The epochs, seed and training-set size of the shipped network. */
export const SHIPPED_RECIPE = { epochs: 2, seed: 0, trainSize: 60000 };

/** The command line of `deno task lab:make-weights`. */
const SPEC = {
  name: "lab:make-weights",
  summary: "Train the small network the lab ships, for learners who have not run deno task " +
    "train yet.",
  options: {
    out: {
      type: "string",
      value: "DIR",
      help: `where to write ${SHIPPED_PARAMS} and ${SHIPPED_HISTORY} (data/lab)`,
    },
    epochs: { type: "integer", min: 1, max: 100, default: SHIPPED_RECIPE.epochs, help: "epochs" },
    seed: { type: "integer", min: 0, max: 2 ** 31 - 1, default: SHIPPED_RECIPE.seed, help: "seed" },
    limit: {
      type: "integer",
      min: 50,
      max: 60000,
      default: SHIPPED_RECIPE.trainSize,
      help: "train on the first N training images (a quick check)",
    },
    force: {
      type: "boolean",
      help: "replace files that are already there (the shipped ones, say)",
    },
  },
  notes: "FinalConvNet from the engine, the train command's defaults (Adam, lr 0.001 ×0.7 per " +
    "epoch, batches of 50, shifts of up to 2 px): about 2 minutes of CPU time, 99.00% test accuracy.",
} as const;

/** One `history.csv` row of the shipped run. */
interface Epoch {
  epoch: number;
  loss: number;
  trainAccuracy: number;
  testAccuracy: number;
  seconds: number;
  imagesPerSecond: number;
}

/**
 * Runs the command.
 *
 * @param argv The arguments.
 * @returns The exit code.
 */
export async function main(argv: string[]): Promise<number> {
  const { values } = commandLine(argv, SPEC);
  const out = values.out ?? SHIPPED_DIR;
  const { epochs, seed, limit: trainSize } = values;
  const paramsPath = join(out, SHIPPED_PARAMS), historyPath = join(out, SHIPPED_HISTORY);
  const existing = [paramsPath, historyPath].filter((p) => existsSync(p));
  if (existing.length > 0 && !values.force) {
    console.error(
      `error: ${
        existing.map((p) => relative(Deno.cwd(), p)).join(" and ")
      } already exist (the workbook ships them): ` +
        `write elsewhere with --out DIR, or replace them with --force`,
    );
    return 2;
  }
  mkdirSync(out, { recursive: true });

  const spec = MODELS.final;
  const { xTrain, tTrain, xTest, tTest } = loadMnist({ flatten: false, dtype: "float32" });
  const x = firstRows(xTrain, trainSize), t = firstRows(tTrain, trainSize);
  const net = spec.create(seed);
  const optimizer = createOptimizer(spec.optimizer as OptimizerName, spec.lr);
  const rng = np.rng(seed + 0x9e3779b9);
  const history: Epoch[] = [];
  console.log(
    `${spec.className}, ${spec.optimizer} lr ${spec.lr} (×${spec.lrDecay} per epoch), batch ` +
      `${spec.batchSize}, shifts of up to ${spec.augment} px, seed ${seed}, ${epochs} epochs ` +
      `on ${x.shape[0]} images`,
  );
  for (let epoch = 1; epoch <= epochs; epoch++) {
    (optimizer as unknown as { lr: number }).lr = spec.lr * spec.lrDecay ** (epoch - 1);
    let last = 0;
    const result = trainEpoch(net, x, t, {
      optimizer,
      batchSize: spec.batchSize,
      rng,
      augment: spec.augment,
      onBatch: (p) => {
        if (p.iteration - last >= 200 || p.iteration === p.iterations) {
          last = p.iteration;
          console.log(
            `  epoch ${epoch}: batch ${p.iteration}/${p.iterations}, loss ${p.loss.toFixed(4)}`,
          );
        }
      },
    });
    if (result.diverged) {
      console.error(`error: the loss became ${result.diverged.loss}; nothing written`);
      return 1;
    }
    const testAccuracy = accuracyOf(predictClasses(net, xTest), tTest);
    const trainAccuracy = accuracyOf(
      predictClasses(net, firstRows(x, 5000)),
      firstRows(t, 5000),
    );
    history.push({
      epoch,
      loss: result.loss,
      trainAccuracy,
      testAccuracy,
      seconds: result.seconds,
      imagesPerSecond: (result.iterations * spec.batchSize) / result.seconds,
    });
    console.log(
      `epoch ${epoch}/${epochs}: loss ${result.loss.toFixed(4)}, train acc ${
        (100 * trainAccuracy).toFixed(2)
      }%, test acc ${(100 * testAccuracy).toFixed(2)}% (${result.seconds.toFixed(1)} s)`,
    );
  }
  net.saveParams(paramsPath);
  await writeFileAtomic(historyPath, new TextEncoder().encode(historyCsv(history)));
  console.log(
    `wrote ${relative(Deno.cwd(), paramsPath)}\nwrote ${relative(Deno.cwd(), historyPath)}`,
  );
  return 0;
}

if (import.meta.main) {
  await runCommand(() => main(Deno.args));
}
