/**
 * The command line of `deno task train`, parsed with `node:util`'s `parseArgs` and checked,
 * with messages that say what was wrong and what to type instead.
 *
 * @module
 */

import { parseArgs } from "node:util";
import { DEFAULT_MODEL, MODELS } from "./models.ts";
import { OPTIMIZER_NAMES, type OptimizerName } from "./optimizers.ts";

export { UsageError } from "../command/errors.ts";
import { UsageError } from "../command/errors.ts";
import { langArg, parseArgsError } from "../command/args.ts";
import { setLang } from "../command/lang.ts";
import { TRAIN } from "./messages.ts";

/** The options as typed; absent ones are undefined, so a resumed run can take the saved ones. */
export interface TrainArgs {
  /** `--help`. */
  help: boolean;
  /** `--model`. */
  model?: string;
  /** `--epochs`: the total number of epochs (a resumed run continues up to it). */
  epochs?: number;
  /** `--batch-size`. */
  batchSize?: number;
  /** `--lr`. */
  lr?: number;
  /** `--lr-decay`: the learning rate's factor from one epoch to the next. */
  lrDecay?: number;
  /** `--optimizer`. */
  optimizer?: OptimizerName;
  /** `--augment`: shift training images by up to N pixels. */
  augment?: number;
  /** `--seed`. */
  seed?: number;
  /** `--limit`: train on the first N training images (and test on the first N test images). */
  limit?: number;
  /** `--mine`: use the learner's chapter code. */
  mine: boolean;
  /** `--resume`: continue from the checkpoint in the output folder. */
  resume: boolean;
  /** `--force`: replace the run in the output folder. */
  force: boolean;
  /** `--out`: the output folder. */
  out: string;
}

/** The output folder without `--out`. */
export const DEFAULT_OUT = "out/train";

/** The usage text of `--help`. */
export function usage(): string {
  const m = TRAIN();
  const final = MODELS[DEFAULT_MODEL];
  return m.usage({
    modelNames: Object.keys(MODELS).join(", "),
    models: Object.entries(MODELS)
      .map(([name, spec]) => m.modelLine(name, spec.description, name === DEFAULT_MODEL))
      .join("\n"),
    name: DEFAULT_MODEL,
    epochs: final.epochs,
    batchSize: final.batchSize,
    lr: final.lr,
    lrDecay: final.lrDecay,
    optimizer: final.optimizer,
    augment: final.augment,
    optimizers: OPTIMIZER_NAMES.join(", "),
    out: DEFAULT_OUT,
  });
}

/** A positive (or non-negative) whole number option, checked. */
function integer(name: string, text: string | undefined, min: number, max: number) {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value)) {
    throw new UsageError(TRAIN().needsNumber(`--${name}`, text));
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(TRAIN().wholeNumber(`--${name}`, min, max, text));
  }
  return value;
}

/**
 * Parses and checks the command line of `deno task train`.
 *
 * @example
 * ```ts
 * import { parseTrainArgs } from "./args.ts";
 * import assert from "node:assert/strict";
 *
 * const args = parseTrainArgs(["--model", "simple", "--epochs", "2", "--lr=0.01"]);
 * assert.equal(args.model, "simple");
 * assert.equal(args.epochs, 2);
 * assert.equal(args.lr, 0.01);
 * assert.equal(args.out, "out/train");
 * assert.throws(() => parseTrainArgs(["--model", "huge"]), /Unknown model "huge".*final, simple, deep/);
 * ```
 *
 * @param argv The arguments after the script name.
 * @returns The options.
 * @throws {UsageError} for an unknown option or model or optimizer, a value that is not a
 *   number or out of range, or a stray argument.
 */
export function parseTrainArgs(argv: string[]): TrainArgs {
  const options = {
    help: { type: "boolean", short: "h" },
    model: { type: "string" },
    epochs: { type: "string" },
    "batch-size": { type: "string" },
    lr: { type: "string" },
    "lr-decay": { type: "string" },
    optimizer: { type: "string" },
    augment: { type: "string" },
    seed: { type: "string" },
    limit: { type: "string" },
    mine: { type: "boolean" },
    resume: { type: "boolean" },
    force: { type: "boolean" },
    out: { type: "string" },
    lang: { type: "string" },
  } as const;
  // --lang first, so that every message below speaks it.
  const chosen = langArg(argv);
  if (chosen !== undefined) setLang(chosen);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, strict: true, allowPositionals: false, options });
  } catch (error) {
    throw parseArgsError(error, Object.keys(options));
  }
  const v = parsed.values;
  const model = v.model;
  if (model !== undefined && !(model in MODELS)) {
    throw new UsageError(TRAIN().unknownModelArg(model, Object.keys(MODELS).join(", ")));
  }
  const optimizer = v.optimizer?.toLowerCase();
  if (optimizer !== undefined && !OPTIMIZER_NAMES.includes(optimizer as OptimizerName)) {
    throw new UsageError(TRAIN().unknownOptimizer(String(v.optimizer), OPTIMIZER_NAMES.join(", ")));
  }
  let lr: number | undefined;
  if (v.lr !== undefined) {
    lr = Number(v.lr);
    if (v.lr.trim() === "" || Number.isNaN(lr)) {
      throw new UsageError(TRAIN().needsNumber("--lr", v.lr));
    }
    if (!(lr > 0 && lr <= 10)) {
      throw new UsageError(TRAIN().range("--lr", 10, v.lr));
    }
  }
  let lrDecay: number | undefined;
  if (v["lr-decay"] !== undefined) {
    lrDecay = Number(v["lr-decay"]);
    if (v["lr-decay"].trim() === "" || Number.isNaN(lrDecay)) {
      throw new UsageError(TRAIN().needsNumber("--lr-decay", v["lr-decay"]));
    }
    if (!(lrDecay > 0 && lrDecay <= 1)) {
      throw new UsageError(TRAIN().range("--lr-decay", 1, v["lr-decay"]));
    }
  }
  if (v.out !== undefined && v.out.trim() === "") {
    throw new UsageError(TRAIN().outEmpty);
  }
  return {
    help: v.help ?? false,
    model,
    epochs: integer("epochs", v.epochs, 1, 1000),
    batchSize: integer("batch-size", v["batch-size"], 1, 60000),
    lr,
    lrDecay,
    optimizer: optimizer as OptimizerName | undefined,
    augment: integer("augment", v.augment, 0, 4),
    seed: integer("seed", v.seed, 0, 2 ** 32 - 1),
    limit: integer("limit", v.limit, 1, 60000),
    mine: v.mine ?? false,
    resume: v.resume ?? false,
    force: v.force ?? false,
    out: v.out ?? DEFAULT_OUT,
  };
}
