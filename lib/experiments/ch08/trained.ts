/**
 * What the chapter 8 commands share: finding the network that `deno task train` trained, with
 * a clear message when there is none yet.
 *
 * @module
 */

import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { useMineIfAsked } from "../../kata/mine.ts";
import { loadMnist } from "../../mnist/mod.ts";
import type * as np from "../../np/mod.ts";
import { DEFAULT_OUT } from "../../train_command/args.ts";
import { PARAMS_FILE } from "../../train_command/main.ts";
import {
  loadTrainedModel,
  type Model,
  MODELS,
  type ModelSpec,
} from "../../train_command/models.ts";

/** The parameters file `deno task train` writes by default. */
export const TRAINED_PARAMS = `${DEFAULT_OUT}/${PARAMS_FILE}`;

/** The options of a chapter 8 command: `--params FILE`, `--mine`, `--help`. */
export interface TrainedArgs {
  /** The parameters file. */
  params: string;
  /** `--help`. */
  help: boolean;
}

/**
 * Parses `--params FILE` (default `out/train/params.safetensors`), `--mine` and `--help`.
 *
 * @example
 * ```ts
 * import { parseTrainedArgs } from "./trained.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(parseTrainedArgs([]).params, "out/train/params.safetensors");
 * assert.equal(parseTrainedArgs(["--params", "x.safetensors"]).params, "x.safetensors");
 * ```
 *
 * @param argv The command's arguments.
 * @returns The options.
 */
export function parseTrainedArgs(argv: string[]): TrainedArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      params: { type: "string" },
      mine: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  return { params: values.params ?? TRAINED_PARAMS, help: values.help ?? false };
}

/**
 * Loads the trained network, or exits 1 saying how to train one.
 *
 * @param path The parameters file.
 * @returns The network and its description.
 */
export function loadTrainedOrExit(path: string): { model: Model; name: string; spec: ModelSpec } {
  if (!existsSync(path)) {
    const help = path === TRAINED_PARAMS
      ? `Train it first: deno task train (${MODELS.final.epochs} epochs of the final network; ` +
        `--limit 10000 --epochs 1 for a quick, less accurate one)`
      : "Check the path, or train one with deno task train --out DIR";
    console.error(`No trained network at ${path}. ${help}`);
    Deno.exit(1);
  }
  return loadTrainedModel(path);
}

/** What a chapter 8 command starts from: the trained network and the MNIST test set. */
export interface TrainedCommand {
  /** The trained network. */
  model: Model;
  /** Its description. */
  spec: ModelSpec;
  /** The parameters file it came from. */
  params: string;
  /** The test images, `[10000, 1, 28, 28]`. */
  xTest: np.NDArray;
  /** The test labels, `[10000]`. */
  tTest: np.NDArray;
}

/**
 * The start of every chapter 8 command: switches to the learner's code on `--mine`, parses the
 * options (usage and exit 2 on bad ones, usage and exit 0 on `--help`), loads the trained
 * network (exit 1 when there is none) and the MNIST test set.
 *
 * @param mainUrl The command's `import.meta.url`.
 * @param usage The command's usage text.
 * @returns The network and the test set.
 */
export async function startTrainedCommand(
  mainUrl: string,
  usage: string,
): Promise<TrainedCommand> {
  await useMineIfAsked(mainUrl, { chapters: ["05", "06", "07", "08"] });
  let args;
  try {
    args = parseTrainedArgs(Deno.args);
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n\n${usage}`);
    Deno.exit(2);
  }
  if (args.help) {
    console.log(usage);
    Deno.exit(0);
  }
  const { model, spec } = loadTrainedOrExit(args.params);
  const { xTest, tTest } = loadMnist({ flatten: false });
  return { model, spec, params: args.params, xTest, tTest };
}
