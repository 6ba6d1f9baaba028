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
import { langFromArgs } from "../experiments/messages.ts";
import { LAB_MAKE_WEIGHTS } from "./messages.ts";

/** The folder of the shipped network. */
export const SHIPPED_DIR = join(REPO_ROOT, "data", "lab");
/** The shipped parameters' file name. */
export const SHIPPED_PARAMS = "final_conv_net.safetensors";
/** The shipped training history's file name (the train command's CSV columns). */
export const SHIPPED_HISTORY = "history.csv";
/** The epochs, seed and training-set size of the shipped network. */
export const SHIPPED_RECIPE = { epochs: 2, seed: 0, trainSize: 60000 };

/** The command line of `deno task lab:make-weights`, in the current language. */
function spec() {
  const m = LAB_MAKE_WEIGHTS();
  return {
    name: "lab:make-weights",
    summary: m.summary,
    options: {
      out: { type: "string", value: "DIR", help: m.outHelp(SHIPPED_PARAMS, SHIPPED_HISTORY) },
      epochs: {
        type: "integer",
        min: 1,
        max: 100,
        default: SHIPPED_RECIPE.epochs,
        help: m.epochsHelp,
      },
      seed: {
        type: "integer",
        min: 0,
        max: 2 ** 31 - 1,
        default: SHIPPED_RECIPE.seed,
        help: m.seedHelp,
      },
      limit: {
        type: "integer",
        min: 50,
        max: 60000,
        default: SHIPPED_RECIPE.trainSize,
        help: m.limitHelp,
      },
      force: { type: "boolean", help: m.forceHelp },
    },
    notes: m.notes,
  } as const;
}

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
  langFromArgs(argv);
  const { values } = commandLine(argv, spec());
  const m = LAB_MAKE_WEIGHTS();
  const out = values.out ?? SHIPPED_DIR;
  const { epochs, seed, limit: trainSize } = values;
  const paramsPath = join(out, SHIPPED_PARAMS), historyPath = join(out, SHIPPED_HISTORY);
  const existing = [paramsPath, historyPath].filter((p) => existsSync(p));
  if (existing.length > 0 && !values.force) {
    console.error(m.exists(existing.map((p) => relative(Deno.cwd(), p)).join(m.and)));
    return 2;
  }
  mkdirSync(out, { recursive: true });

  const model = MODELS.final;
  const { xTrain, tTrain, xTest, tTest } = loadMnist({ flatten: false, dtype: "float32" });
  const x = firstRows(xTrain, trainSize), t = firstRows(tTrain, trainSize);
  const net = model.create(seed);
  const optimizer = createOptimizer(model.optimizer as OptimizerName, model.lr);
  const rng = np.rng(seed + 0x9e3779b9);
  const history: Epoch[] = [];
  console.log(
    m.header(
      model.className,
      m.recipe(model.optimizer, model.lr, model.lrDecay, model.batchSize, model.augment, seed),
      epochs,
      x.shape[0],
    ),
  );
  for (let epoch = 1; epoch <= epochs; epoch++) {
    (optimizer as unknown as { lr: number }).lr = model.lr * model.lrDecay ** (epoch - 1);
    let last = 0;
    const result = trainEpoch(net, x, t, {
      optimizer,
      batchSize: model.batchSize,
      rng,
      augment: model.augment,
      onBatch: (p) => {
        if (p.iteration - last >= 200 || p.iteration === p.iterations) {
          last = p.iteration;
          console.log(m.batchLine(epoch, `${p.iteration}/${p.iterations}`, p.loss.toFixed(4)));
        }
      },
    });
    if (result.diverged) {
      console.error(m.diverged(result.diverged.loss));
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
      imagesPerSecond: (result.iterations * model.batchSize) / result.seconds,
    });
    console.log(
      m.epochLine(
        `${epoch}/${epochs}`,
        result.loss.toFixed(4),
        (100 * trainAccuracy).toFixed(2),
        (100 * testAccuracy).toFixed(2),
        result.seconds.toFixed(1),
      ),
    );
  }
  net.saveParams(paramsPath);
  await writeFileAtomic(historyPath, new TextEncoder().encode(historyCsv(history)));
  console.log(m.wrote(relative(Deno.cwd(), paramsPath)));
  console.log(m.wrote(relative(Deno.cwd(), historyPath)));
  return 0;
}

if (import.meta.main) {
  await runCommand(() => main(Deno.args));
}
