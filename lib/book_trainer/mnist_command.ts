/**
 * The shared body of the MNIST training commands (`deno task ch04:train`, `ch05:train`):
 * command-line options, loading the data, training with SGD, the summary and the charts.
 *
 * @module
 */

import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { type CommandSpec, helpText, type OptionSpec, parseCommandArgs } from "../command/args.ts";
import { UsageError } from "../command/errors.ts";
import { runCommand } from "../command/run.ts";
import { useMineIfAsked } from "../kata/mine.ts";
import { loadMnist } from "../mnist/mod.ts";
import * as np from "../np/mod.ts";
import { SGD } from "../optimizers/mod.ts";
import { lineChart } from "../plot/mod.ts";
import type { Progress } from "./progress.ts";
import { type Network, train, type TrainResult } from "./train.ts";
import { BOOK_TRAINER } from "./messages.ts";

/** The options a training command takes on its command line. */
export interface TrainArgs {
  /** `--iters N`: iterations (mini-batches) to run. */
  iterations?: number;
  /** `--epochs N`: epochs to run instead (one epoch = 600 iterations of 100 images). */
  epochs?: number;
  /** `--seed N`: the seed of the initial weights and of the batches (0). */
  seed: number;
  /** `--mine`: use the learner's code (handled by `useMineIfAsked` before this). */
  mine: boolean;
  /** `--help`: print the usage and stop. */
  help: boolean;
}

/** The options of a chapter 4–5 training command, for {@linkcode parseCommandArgs}. */
export const TRAIN_OPTIONS = {
  iters: {
    type: "integer",
    min: 1,
    max: 1_000_000,
    help: "run N iterations (mini-batches of 100; default 10000, as the book)" as string,
  },
  epochs: {
    type: "integer",
    min: 1,
    max: 1000,
    help: "run N epochs instead (600 iterations each)" as string,
  },
  seed: {
    type: "integer",
    min: 0,
    max: 2 ** 32 - 1,
    default: 0,
    help: "seed of the initial weights and the batches" as string,
  },
} as const satisfies Record<string, OptionSpec>;

/** The command-line spec of `deno task chNN:train`. */
export function trainSpec(chapter: string, summary: string): CommandSpec<typeof TRAIN_OPTIONS> {
  return {
    name: `ch${chapter}:train`,
    summary,
    usage: [`deno task ch${chapter}:train [--mine] [--iters N | --epochs N] [--seed N]`],
    options: {
      iters: { ...TRAIN_OPTIONS.iters, help: BOOK_TRAINER().itersHelp },
      epochs: { ...TRAIN_OPTIONS.epochs, help: BOOK_TRAINER().epochsHelp },
      seed: { ...TRAIN_OPTIONS.seed, help: BOOK_TRAINER().seedHelp },
    },
    mine: true,
    notes: BOOK_TRAINER().notes(chapter),
  };
}

/**
 * Reads `--iters N`, `--epochs N`, `--seed N`, `--mine` and `--help`.
 *
 * @example
 * ```ts
 * import { parseTrainArgs } from "./mnist_command.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(parseTrainArgs(["--epochs", "3", "--seed=2"]), {
 *   epochs: 3,
 *   iterations: undefined,
 *   seed: 2,
 *   mine: false,
 *   help: false,
 * });
 * assert.throws(() => parseTrainArgs(["--iters", "ten"]), /--iters needs a number/);
 * assert.throws(() => parseTrainArgs(["--iter", "10"]), /did you mean --iters/);
 * ```
 *
 * @param args The command's arguments (`Deno.args`).
 * @param spec The command's spec (default: chapter 04's).
 * @returns The parsed options.
 * @throws {UsageError} for an unknown option, a bad number or a stray argument.
 */
export function parseTrainArgs(
  args: string[],
  spec: CommandSpec<typeof TRAIN_OPTIONS> = trainSpec("04", ""),
): TrainArgs {
  const parsed = parseCommandArgs(args, spec);
  if (parsed.help) {
    return { iterations: undefined, epochs: undefined, seed: 0, mine: false, help: true };
  }
  const { iters, epochs, seed } = parsed.values;
  if (iters !== undefined && epochs !== undefined) {
    throw new UsageError(BOOK_TRAINER().notBoth);
  }
  return { iterations: iters, epochs, seed, mine: parsed.mine, help: false };
}

/** Options of {@linkcode runMnistTraining}. */
export interface MnistTrainingOptions {
  /** The command's name, shown on the progress bar (e.g. `"ch05:train"`). */
  label: string;
  /** Builds the network to train from a seed (float32 parameters, for speed). */
  createNet: (seed: number) => Network;
  /** The learning rate of SGD (0.1, as the book). */
  lr?: number;
  /** Images per mini-batch (100, as the book). */
  batchSize?: number;
  /** Iterations; when absent, `epochs`; when both are absent, 10000 (as the book). */
  iterations?: number;
  /** Epochs, used when `iterations` is absent. */
  epochs?: number;
  /** The seed of the weights; the batches use seed + 1 (0). */
  seed?: number;
  /** Train on only the first N training images and test on the first N test images (tests). */
  limit?: number;
  /** Where to write `accuracy.png` and `loss.png`; no charts when absent. */
  chartDir?: string;
  /** Words added to the charts' titles (e.g. "your code"). */
  titleNote?: string;
  /** The progress display (by default a bar on a terminal, lines otherwise). */
  progress?: Progress;
  /** Where the summary lines go (console.log by default). */
  write?: (line: string) => void;
}

/** What {@linkcode runMnistTraining} returns. */
export interface MnistTrainingResult extends TrainResult {
  /** Seconds of training per epoch (evaluation excluded). */
  secondsPerEpoch: number;
  /** The charts written. */
  charts: string[];
}

/**
 * Trains a network on MNIST with SGD as the book's `train_neuralnet.py` (§4.5.2, §5.7.4):
 * batches of 100 drawn at random, lr 0.1, 10000 iterations by default, accuracy on the
 * whole training and test sets once per epoch; prints a summary and draws the charts.
 *
 * @example A smoke run on 100 images
 * ```ts
 * import { runMnistTraining } from "./mnist_command.ts";
 * import { TwoLayerNet } from "../nets/two_layer_net.ts";
 * import assert from "node:assert/strict";
 *
 * const result = await runMnistTraining({
 *   label: "demo",
 *   createNet: (seed) =>
 *     new TwoLayerNet({ inputSize: 784, hiddenSize: 10, outputSize: 10, seed, dtype: "float32" }),
 *   iterations: 5,
 *   batchSize: 20,
 *   limit: 100,
 *   progress: { update() {}, log() {}, stop() {} },
 *   write: () => {},
 * });
 * assert.equal(result.records.length, 2);
 * ```
 *
 * @param options The network, the schedule, and where the charts go.
 * @returns The training records and timings.
 */
export async function runMnistTraining(
  options: MnistTrainingOptions,
): Promise<MnistTrainingResult> {
  const write = options.write ?? ((line: string) => console.log(line));
  const batchSize = options.batchSize ?? 100;
  const seed = options.seed ?? 0;
  let data = loadMnist({ oneHotLabel: true });
  if (options.limit !== undefined) {
    const rows = `0:${options.limit}`;
    data = {
      xTrain: data.xTrain.slice(rows),
      tTrain: data.tTrain.slice(rows),
      xTest: data.xTest.slice(rows),
      tTest: data.tTest.slice(rows),
    };
  }
  const net = options.createNet(seed);
  const trainSize = data.xTrain.shape[0];
  const iterPerEpoch = Math.max(Math.floor(trainSize / batchSize), 1);
  const iterations = options.iterations ??
    (options.epochs === undefined ? 10000 : Math.round(options.epochs * iterPerEpoch));
  write(
    BOOK_TRAINER().header(
      options.label,
      trainSize,
      batchSize,
      options.lr ?? 0.1,
      iterations,
      round(iterations / iterPerEpoch),
      seed,
    ),
  );
  const result = train(net, data, {
    optimizer: new SGD({ lr: options.lr ?? 0.1 }),
    batchSize,
    iterations,
    seed: seed + 1,
    label: options.label,
    ...(options.progress ? { progress: options.progress } : {}),
  });
  const epochsRun = result.iterations / result.iterPerEpoch;
  const secondsPerEpoch = epochsRun > 0 ? result.trainSeconds / epochsRun : NaN;
  const last = result.records[result.records.length - 1];
  const m = BOOK_TRAINER();
  write(
    m.final(last.trainAcc.toFixed(4), last.testAcc.toFixed(4), result.iterations, round(epochsRun)),
  );
  write(
    m.time(
      result.trainSeconds.toFixed(1),
      secondsPerEpoch.toFixed(2),
      Math.round(result.imagesPerSecond),
      result.evalSeconds.toFixed(1),
    ),
  );
  const charts: string[] = [];
  if (options.chartDir !== undefined) {
    const note = options.titleNote ?? "";
    charts.push(
      await lineChart({
        x: result.records.map((r) => round(r.epoch)),
        series: {
          [m.trainAcc]: result.records.map((r) => r.trainAcc),
          [m.testAcc]: result.records.map((r) => r.testAcc),
        },
      }, {
        path: join(options.chartDir, "accuracy.png"),
        title: m.accuracyTitle(options.label, note),
        xTitle: m.epochs,
        yTitle: m.accuracy,
        yDomain: [0, 1],
        dashed: [m.testAcc],
        points: true,
      }),
    );
    const { x, y, window } = smoothLoss(result.lossHistory, 500);
    charts.push(
      await lineChart({ x, series: { [m.loss]: y } }, {
        path: join(options.chartDir, "loss.png"),
        title: m.lossTitle(options.label, note),
        xTitle: m.iteration,
        yTitle: window > 1 ? m.meanLoss(window) : m.loss,
      }),
    );
  }
  return { ...result, secondsPerEpoch, charts };
}

/** The loss history averaged over windows, at most `points` of them (a readable curve). */
function smoothLoss(
  loss: number[],
  points: number,
): { x: number[]; y: number[]; window: number } {
  const window = Math.max(1, Math.ceil(loss.length / points));
  const x: number[] = [], y: number[] = [];
  for (let start = 0; start < loss.length; start += window) {
    const part = loss.slice(start, start + window);
    x.push(start + part.length);
    y.push(np.mean(part));
  }
  return { x, y, window };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Options of {@linkcode trainingCommand}. */
export interface TrainingCommandOptions {
  /** The chapter whose code `--mine` uses, two digits (`"04"`). */
  chapter: string;
  /** What the command trains, for `--help` (the options are listed after it). */
  summary: string;
  /** A fresh network from a seed. */
  createNet: (seed: number) => Network;
}

/**
 * The body of a chapter's training command (`deno task ch04:train`, `ch05:train`): `--mine`,
 * the arguments, the run with progress, and the charts in `out/chNN/`.
 *
 * @example
 * ```ts ignore
 * import { trainingCommand } from "./mnist_command.ts";
 * import { TwoLayerNet } from "../nets/two_layer_net.ts";
 *
 * await trainingCommand(import.meta.url, {
 *   chapter: "05",
 *   summary: "Trains the chapter 5 TwoLayerNet on MNIST with SGD.",
 *   createNet: (seed) => new TwoLayerNet({ inputSize: 784, hiddenSize: 50, outputSize: 10, seed }),
 * });
 * ```
 *
 * @param mainUrl The script's `import.meta.url` (for `--mine`'s relaunch).
 * @param options The chapter, what it trains (for `--help`) and the network.
 */
export async function trainingCommand(
  mainUrl: string,
  options: TrainingCommandOptions,
): Promise<void> {
  const { chapter } = options;
  const spec = trainSpec(chapter, options.summary);
  let args: TrainArgs;
  try {
    args = parseTrainArgs(Deno.args, spec);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(BOOK_TRAINER().usage(error.message, spec.name));
    Deno.exit(2);
  }
  if (args.help) {
    console.log(helpText(spec));
    Deno.exit(0);
  }
  await runCommand(async () => {
    await useMineIfAsked(mainUrl, { chapters: [chapter] });
    if (args.mine) console.log(BOOK_TRAINER().mine(chapter));
    const result = await runMnistTraining({
      label: `ch${chapter}:train`,
      createNet: options.createNet,
      ...(args.iterations === undefined ? {} : { iterations: args.iterations }),
      ...(args.epochs === undefined ? {} : { epochs: args.epochs }),
      seed: args.seed,
      chartDir: fileURLToPath(new URL(`../../out/ch${chapter}/`, import.meta.url)),
      ...(args.mine ? { titleNote: BOOK_TRAINER().yourCode } : {}),
    });
    for (const path of result.charts) console.log(BOOK_TRAINER().wrote(relative(Deno.cwd(), path)));
  });
}
