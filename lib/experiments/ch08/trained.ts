/**
 * What the chapter 8 commands share: finding the network that `deno task train` trained, with
 * a clear message when there is none yet.
 *
 * @module
 */

import { existsSync } from "node:fs";
import {
  commandLine,
  type CommandSpec,
  type OptionSpec,
  parseCommandArgs,
} from "../../command/args.ts";
import { UserError } from "../../command/errors.ts";
import { runCommand } from "../../command/run.ts";
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
import { CH08 } from "./messages.ts";

/** The parameters file `deno task train` writes by default. */
export const TRAINED_PARAMS = `${DEFAULT_OUT}/${PARAMS_FILE}`;

/** The options of a chapter 8 command: `--params FILE`, `--mine`, `--help`. */
export interface TrainedArgs {
  /** The parameters file. */
  params: string;
  /** `--help`. */
  help: boolean;
}

/** The command-line spec of a chapter 8 command. */
export function trainedSpec(name: string, summary: string): CommandSpec<typeof TRAINED_OPTIONS> {
  return { name, summary, options: TRAINED_OPTIONS, mine: true };
}

const TRAINED_OPTIONS = {
  params: {
    type: "string",
    value: "FILE",
    default: TRAINED_PARAMS,
    help: "the trained network's parameters (from deno task train)",
  },
} as const satisfies Record<string, OptionSpec>;

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
 * assert.equal(parseTrainedArgs(["--params=y.safetensors"]).params, "y.safetensors");
 * assert.throws(() => parseTrainedArgs(["--param", "x"]), /did you mean --params/);
 * ```
 *
 * @param argv The command's arguments.
 * @returns The options.
 * @throws {UsageError} for an unknown option or a stray argument.
 */
export function parseTrainedArgs(argv: string[]): TrainedArgs {
  const parsed = parseCommandArgs(argv, trainedSpec("ch08", ""));
  return { params: parsed.values.params ?? TRAINED_PARAMS, help: parsed.help };
}

/**
 * Loads the trained network, or says how to train one.
 *
 * @param path The parameters file.
 * @returns The network and its description.
 * @throws {UserError} when there is none, or it is damaged or of another network.
 */
export function loadTrained(path: string): { model: Model; name: string; spec: ModelSpec } {
  if (!existsSync(path)) {
    const m = CH08();
    const help = path === TRAINED_PARAMS ? m.trainFirst(MODELS.final.epochs) : m.checkPath;
    throw new UserError(m.noTrained(path, help));
  }
  if (Deno.statSync(path).isDirectory) {
    throw new UserError(CH08().isFolder(path));
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
 * Runs a chapter 8 command: parses the options (help and exit 0 on `--help`, one line and
 * exit 2 on bad ones), switches to the learner's code on `--mine`, loads the trained network
 * and the MNIST test set, and runs `body` under the top-level error handler.
 *
 * @param mainUrl The command's `import.meta.url`.
 * @param command The task's name and what it does.
 * @param body The command's work.
 * @returns Never: the process exits.
 */
export async function runTrainedCommand(
  mainUrl: string,
  command: { name: string; summary: string },
  body: (start: TrainedCommand) => Promise<number | void> | number | void,
): Promise<never> {
  const { values } = commandLine(Deno.args, {
    ...trainedSpec(command.name, command.summary),
    options: { params: { ...TRAINED_OPTIONS.params, help: CH08().paramsHelp } },
  });
  const params = values.params ?? TRAINED_PARAMS;
  return await runCommand(async () => {
    await useMineIfAsked(mainUrl, { chapters: ["05", "06", "07", "08"] });
    const { model, spec } = loadTrained(params);
    const { xTest, tTest } = loadMnist({ flatten: false });
    return await body({ model, spec, params, xTest, tTest });
  });
}
