/**
 * `deno task train`: trains a convolutional network on MNIST with checkpoints, a progress bar
 * and a report (history.csv, loss and accuracy charts, misclassified digits, confusion
 * matrix). `deno task train --help` lists the options.
 *
 * Exit codes: 0 done, 1 the training failed (the loss diverged, or `--mine` found unsolved
 * exercises), 2 bad input (an unknown option, model or optimizer, a bad number, an unwritable
 * output folder, a checkpoint that does not match).
 *
 * @module
 */

import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { InterruptedError, UserError, userMessage } from "../command/errors.ts";
import { startedByDeno, watchInterrupts } from "../command/interrupt.ts";
import { runCommand } from "../command/run.ts";
import { useMineIfAsked } from "../kata/mine.ts";
import { isMine } from "../kata/mine_env.ts";
import { type IdxImages, loadMnistBytes } from "../mnist/mod.ts";
import { copyParams, saveParams } from "../nets/network.ts";
import * as np from "../np/mod.ts";
import { DEFAULT_OUT, parseTrainArgs, type TrainArgs, usage, UsageError } from "./args.ts";
import {
  type Checkpoint,
  type EpochRecord,
  readCheckpoint,
  type RunSettings,
  writeCheckpoint,
} from "./checkpoint.ts";
import { kernelConfig } from "../np/kernels/config.ts";
import { DataParallelNet } from "./data_parallel.ts";
import { accuracyOf, ByteImages, firstRows, predictClasses, trainEpoch } from "./loop.ts";
import { DEFAULT_MODEL, MODELS } from "./models.ts";
import {
  createOptimizer,
  type OptimizerName,
  optimizerState,
  restoreOptimizer,
} from "./optimizers.ts";
import { createTrainProgress, formatSeconds } from "./progress.ts";
import { writeReport } from "./report.ts";
import { TRAIN } from "./messages.ts";

/** The checkpoint's file name in the output folder. */
export const CHECKPOINT_FILE = "checkpoint.safetensors";
/** The trained parameters' file name in the output folder (loadable with `loadParams`). */
export const PARAMS_FILE = "params.safetensors";
/**
 * Training images used to measure the train accuracy after each epoch: enough to see the curve,
 * few enough to keep the evaluation a small part of an epoch.
 */
export const TRAIN_ACCURACY_SAMPLE = 5000;

/**
 * Below this test accuracy a run counts as failed: ten digits give 10% by chance, and every
 * model passes 20% within its first hundred updates.
 */
export const CHANCE_ACCURACY = 0.2;
/** Updates a run needs before {@linkcode CHANCE_ACCURACY} is judged (a tiny run may be lower). */
export const CHANCE_MIN_UPDATES = 100;

/** One line about the run in a folder (`epoch 3 of 12, test accuracy 98.91%`), if readable. */
function describeRun(out: string): string {
  try {
    const checkpoint = readCheckpoint(join(out, CHECKPOINT_FILE));
    const last = checkpoint.history.at(-1);
    return TRAIN().runIn(
      checkpoint.settings.model,
      checkpoint.epoch,
      checkpoint.epochs,
      last ? TRAIN().runAcc((100 * last.testAccuracy).toFixed(2)) : "",
    );
  } catch {
    return TRAIN().aRun;
  }
}

/**
 * Refuses to start a new run over the run in `out` (a checkpoint or trained parameters) unless
 * `--force` says to replace it; with `--force`, removes the old run's checkpoint and parameters
 * first, so that a `--resume` never mixes the two.
 */
function claimOutput(args: TrainArgs, task: string): void {
  const files = [CHECKPOINT_FILE, PARAMS_FILE].map((f) => join(args.out, f));
  if (args.resume || !files.some((f) => existsSync(f))) return;
  if (!args.force) {
    // A chapter command (ch07:train) writes to its own folder: it takes no --out.
    if (task !== "train") {
      throw new UsageError(TRAIN().wouldOverwriteHere(args.out, describeRun(args.out)));
    }
    const other = args.out === DEFAULT_OUT ? "--out out/train2" : TRAIN().anotherOut;
    throw new UsageError(TRAIN().wouldOverwrite(args.out, describeRun(args.out), other));
  }
  for (const file of files) rmSync(file, { force: true });
}

/** The shuffling generator's seed, apart from the weights' seed so the two streams differ. */
function shuffleSeed(seed: number): number {
  return seed + 0x9e3779b9;
}

/** Checks that the output folder can be written, creating it if needed. */
function checkWritable(out: string): void {
  try {
    Deno.mkdirSync(out, { recursive: true });
    const probe = join(out, `.write-test-${Deno.pid}`);
    Deno.writeTextFileSync(probe, "");
    Deno.removeSync(probe);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(TRAIN().cannotWrite(out, reason));
  }
}

/** The run's settings: from the command line and the model's defaults, or from a checkpoint. */
function resolveSettings(
  args: TrainArgs,
  checkpoint: Checkpoint | null,
): { settings: RunSettings; epochs: number } {
  if (checkpoint === null) {
    const model = args.model ?? DEFAULT_MODEL;
    const spec = MODELS[model];
    const settings = {
      model,
      optimizer: args.optimizer ?? spec.optimizer,
      lr: args.lr ?? spec.lr,
      lrDecay: args.lrDecay ?? spec.lrDecay,
      batchSize: args.batchSize ?? spec.batchSize,
      augment: args.augment ?? spec.augment,
      seed: args.seed ?? 0,
      trainSize: args.limit ?? 60000,
    };
    return { settings, epochs: args.epochs ?? spec.epochs };
  }
  const saved = checkpoint.settings;
  if (!(saved.model in MODELS)) {
    throw new UsageError(TRAIN().unknownModel(saved.model, Object.keys(MODELS).join(", ")));
  }
  // A resumed run keeps the saved settings; a different value on the command line is a mistake.
  const given: Partial<RunSettings> = {
    model: args.model,
    optimizer: args.optimizer,
    lr: args.lr,
    lrDecay: args.lrDecay,
    batchSize: args.batchSize,
    augment: args.augment,
    seed: args.seed,
    trainSize: args.limit,
  };
  const flags: Record<keyof RunSettings, string> = {
    model: "--model",
    optimizer: "--optimizer",
    lr: "--lr",
    lrDecay: "--lr-decay",
    batchSize: "--batch-size",
    augment: "--augment",
    seed: "--seed",
    trainSize: "--limit",
  };
  for (const key of Object.keys(flags) as (keyof RunSettings)[]) {
    if (given[key] !== undefined && given[key] !== saved[key]) {
      throw new UsageError(
        TRAIN().resumeDiffers(flags[key], String(saved[key]), String(given[key])),
      );
    }
  }
  return { settings: saved, epochs: args.epochs ?? checkpoint.epochs };
}

/**
 * Runs the command with the given arguments.
 *
 * @param argv The arguments (Deno.args).
 * @param task The task that runs it, for the pointer to `--help` (`ch07:train` runs it too).
 * @returns The exit code.
 */
export async function main(argv: string[], task = "train"): Promise<number> {
  try {
    return await train(argv, task);
  } catch (error) {
    if (error instanceof InterruptedError) {
      console.error(`\n${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
}

/** The command, after which {@linkcode main} reports an interruption. */
async function train(argv: string[], task: string): Promise<number> {
  let args: TrainArgs;
  try {
    args = parseTrainArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(TRAIN().usageError(error.message, task));
      return 2;
    }
    throw error;
  }
  if (args.help) {
    console.log(usage());
    return 0;
  }
  if (args.mine) {
    // The --mine parent only waits for its child: it ends when deno task ends (even by
    // kill -9), and the child, which watches it, then stops cleanly between two batches.
    if (!isMine() && startedByDeno()) {
      await watchInterrupts({ signals: false, parent: true, killOnOrphan: true });
    }
    // Re-runs this command with the learner's chapter modules in place of lib's (or stops,
    // listing the exercises still to write).
    const model = args.model ?? DEFAULT_MODEL;
    await useMineIfAsked(import.meta.url, { chapters: MODELS[model].chapters, args: argv });
  }

  const checkpointPath = join(args.out, CHECKPOINT_FILE);
  let checkpoint: Checkpoint | null = null;
  let settings: RunSettings, epochs: number;
  try {
    if (args.resume && args.force) {
      throw new UsageError(TRAIN().resumeAndForce);
    }
    if (args.resume) {
      try {
        Deno.statSync(checkpointPath);
      } catch {
        throw new UsageError(TRAIN().noCheckpoint(checkpointPath));
      }
      try {
        checkpoint = readCheckpoint(checkpointPath);
      } catch (error) {
        if (error instanceof UserError && error.name === "CheckpointError") {
          throw new UsageError(error.message);
        }
        throw new UsageError(
          TRAIN().cannotRead(
            checkpointPath,
            userMessage(error) ?? String(error instanceof Error ? error.message : error),
          ),
        );
      }
    }
    ({ settings, epochs } = resolveSettings(args, checkpoint));
    if (settings.batchSize > settings.trainSize) {
      throw new UsageError(
        task === "train"
          ? TRAIN().batchTooLarge(settings.batchSize, settings.trainSize)
          : TRAIN().limitTooSmall(settings.batchSize, settings.trainSize),
      );
    }
    checkWritable(args.out);
    claimOutput(args, task);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(TRAIN().error(error.message));
      return 2;
    }
    throw error;
  }

  const spec = MODELS[settings.model];
  // The training images stay bytes (47 MB, not 188 MB as float32): each batch is scaled as
  // it is taken, to the same float32 values.
  const mnist = loadMnistBytes();
  const images = (set: IdxImages) => new ByteImages(set.pixels, [set.count, 1, set.rows, set.cols]);
  const labels = (set: Uint8Array) => new np.NDArray(Float32Array.from(set), [set.length]);
  const x = firstRows(images(mnist.xTrain), settings.trainSize);
  const t = firstRows(labels(mnist.tTrain), settings.trainSize);
  const testSize = Math.min(settings.trainSize, mnist.xTest.count);
  const xT = firstRows(images(mnist.xTest), testSize).toFloat32();
  const tT = firstRows(labels(mnist.tTest), testSize);
  const xSample = firstRows(x, TRAIN_ACCURACY_SAMPLE).toFloat32(),
    tSample = firstRows(t, TRAIN_ACCURACY_SAMPLE);

  const net = spec.create(settings.seed);
  const optimizer = createOptimizer(settings.optimizer as OptimizerName, settings.lr);
  const shuffleRng = np.rng(shuffleSeed(settings.seed));
  let history: EpochRecord[] = [];
  if (checkpoint !== null) {
    try {
      copyParams(checkpoint.params, net.params, checkpointPath);
    } catch (error) {
      throw new UserError(TRAIN().doesNotFit((error as Error).message, settings.model), {
        exitCode: 2,
      });
    }
    restoreOptimizer(
      optimizer,
      checkpoint.optimizer,
      net.params,
      settings.optimizer as OptimizerName,
    );
    shuffleRng.setState(checkpoint.shuffleRng);
    if (net.rng && checkpoint.netRng) net.rng.setState(checkpoint.netRng);
    history = checkpoint.history;
  }
  const firstEpoch = (checkpoint?.epoch ?? 0) + 1;
  const parameters = Object.values(net.params).reduce((n, p) => n + p.size, 0);

  const m = TRAIN();
  console.log(
    m.header(
      spec.className,
      args.mine ? m.mineNote : "",
      parameters.toLocaleString("en-US"),
      `${settings.optimizer} lr ${settings.lr}`,
      (settings.lrDecay === 1 ? "" : m.lrDecay(settings.lrDecay)) +
        m.batchSeed(
          settings.batchSize,
          settings.augment ? m.shifts(settings.augment) : "",
          settings.seed,
        ),
    ),
  );
  console.log(
    m.data(
      x.shape[0],
      testSize,
      settings.trainSize < 60000 ? ` (--limit ${settings.trainSize})` : "",
    ),
  );
  if (checkpoint !== null) console.log(m.resuming(checkpointPath, checkpoint.epoch));
  // ch07:train always trains into its own folder, and takes no --out.
  const resume = task === "train"
    ? `deno task train --resume${args.out === DEFAULT_OUT ? "" : ` --out ${args.out}`}`
    : `deno task ${task} --resume`;
  console.log(m.checkpointNote(resume));
  // Ctrl-C, SIGTERM or the end of the process that started this one (deno task, the --mine
  // parent) stop the run between two batches; the last checkpoint stays whole.
  const watch = await watchInterrupts({ parent: startedByDeno() });

  // Two threads split each batch (data parallelism) where the network allows it; otherwise
  // they split the matrix products.
  const parallel = kernelConfig.threads > 1 && spec.dataParallel && settings.batchSize > 1
    ? await DataParallelNet.start(net, {
      model: settings.model,
      batchSize: settings.batchSize,
      sample: xSample.slice(0),
      label: t.slice(0),
    }).catch((error) => {
      console.error(m.threadsNote(error.message));
      return null;
    })
    : null;
  const progress = createTrainProgress();
  const started = performance.now();
  let predicted: Int32Array | null = null;
  let epoch = firstEpoch;
  try {
    for (; epoch <= epochs; epoch++) {
      watch.check();
      // Every optimizer of chapter 6 keeps its learning rate in a public field.
      (optimizer as unknown as { lr: number }).lr = settings.lr *
        settings.lrDecay ** (epoch - 1);
      progress.start(epoch, epochs, Math.floor(x.shape[0] / settings.batchSize));
      const result = trainEpoch(parallel ?? net, x, t, {
        optimizer,
        batchSize: settings.batchSize,
        rng: shuffleRng,
        augment: settings.augment,
        onBatch: (p) => {
          progress.update(p);
          watch.check();
        },
      });
      progress.end();
      if (result.diverged) {
        const { loss, iteration } = result.diverged;
        if (checkpoint !== null && epoch === firstEpoch && iteration === 1) {
          console.error(m.damaged(loss, checkpointPath));
          return 1;
        }
        const kept = epoch > 1 ? m.keptDiverge(epoch - 1, checkpointPath) : m.noneDiverge;
        const smaller = Number((settings.lr / 10).toPrecision(2));
        console.error(
          m.diverged(
            loss,
            epoch,
            iteration,
            m.withOptimizer(`--lr ${settings.lr}`, settings.optimizer),
            m.withOptimizer(String(spec.lr), spec.optimizer),
            kept,
            `deno task train --lr ${smaller} --force` +
              (args.out === DEFAULT_OUT ? "" : ` --out ${args.out}`),
          ),
        );
        return 1;
      }
      const evalStart = performance.now();
      // Both threads score the test set when the batch is split (the same bits as one).
      predicted = predictClasses(parallel ?? net, xT);
      const record: EpochRecord = {
        epoch,
        loss: result.loss,
        trainAccuracy: accuracyOf(predictClasses(parallel ?? net, xSample), tSample),
        testAccuracy: accuracyOf(predicted, tT),
        seconds: result.seconds,
        imagesPerSecond: (result.iterations * settings.batchSize) / result.seconds,
      };
      history.push(record);
      progress.log(
        m.epochLine(
          `${epoch}/${epochs}`,
          record.loss.toFixed(4),
          (100 * record.trainAccuracy).toFixed(2),
          (100 * record.testAccuracy).toFixed(2),
          formatSeconds(record.seconds),
          Math.round(record.imagesPerSecond),
          formatSeconds((performance.now() - evalStart) / 1000),
        ),
      );
      writeCheckpoint(checkpointPath, {
        settings,
        epoch,
        epochs,
        history,
        params: net.params,
        optimizer: optimizerState(optimizer),
        shuffleRng: shuffleRng.getState(),
        netRng: net.rng?.getState() ?? null,
      });
    }
  } catch (error) {
    if (error instanceof InterruptedError) {
      progress.end();
      const kept = epoch > 1
        ? m.keptInterrupted(epoch - 1, checkpointPath, resume)
        : m.noneInterrupted;
      throw new InterruptedError(m.interrupted(error.message, epoch, kept));
    }
    throw error;
  } finally {
    watch.stop();
    parallel?.close();
  }
  if (predicted === null) {
    console.log(m.nothingToTrain(String(checkpoint?.epoch), epochs));
    predicted = predictClasses(net, xT);
  }

  const paramsPath = saveParams(join(args.out, PARAMS_FILE), net.params, spec.className);
  const paths = await writeReport({
    out: args.out,
    title: spec.className,
    history,
    xTest: xT,
    tTest: tT,
    predicted,
  });
  const accuracy = accuracyOf(predicted, tT);
  const trainSeconds = history.reduce((s, r) => s + r.seconds, 0);
  console.log(
    m.summary(
      (100 * accuracy).toFixed(2),
      testSize,
      history.length,
      formatSeconds(trainSeconds),
      formatSeconds((performance.now() - started) / 1000),
    ),
  );
  for (const path of [checkpointPath, paramsPath, ...paths]) console.log(m.wrote(path));
  const updates = history.length * Math.floor(settings.trainSize / settings.batchSize);
  if (accuracy < CHANCE_ACCURACY && updates >= CHANCE_MIN_UPDATES) {
    console.error(
      m.nearChance(
        (100 * accuracy).toFixed(2),
        updates,
        m.withOptimizer(`--lr ${settings.lr}`, settings.optimizer),
        m.withOptimizer(String(spec.lr), spec.optimizer),
      ),
    );
    return 1;
  }
  return 0;
}

if (import.meta.main) {
  await runCommand(() => main(Deno.args), { dieWithParent: false });
}
