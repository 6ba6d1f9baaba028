/**
 * Which network the lab shows: the latest `deno task train` run's, or (before any) the small
 * network the workbook ships in `data/lab/` (`deno task lab:make-weights`), with the run's
 * history for the curves.
 *
 * @module
 */

import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { TRAINED_PARAMS } from "../experiments/ch08/trained.ts";
import { type ConvNet, loadTrainedModel } from "../train_command/models.ts";
import { SHIPPED_DIR, SHIPPED_HISTORY, SHIPPED_PARAMS } from "./make_weights.ts";
import { LAB_COMMAND } from "./messages.ts";

/** One epoch of a run's `history.csv`. */
export interface HistoryRow {
  /** The epoch, from 1. */
  epoch: number;
  /** The mean training loss. */
  loss: number;
  /** Accuracy on a sample of the training images. */
  trainAccuracy: number;
  /** Accuracy on the test images. */
  testAccuracy: number;
  /** Seconds of training. */
  seconds: number;
}

/** The network the lab shows and where it came from. */
export interface LabRun {
  /** `trained`: a `deno task train` run (or `--params`); `shipped`: the workbook's. */
  kind: "trained" | "shipped";
  /** Whether the file was given with `--params` (else found). */
  given: boolean;
  /** The parameters file, relative to the working folder where possible. */
  params: string;
  /** The network. */
  model: ConvNet;
  /** The network's class name. */
  className: string;
  /** The run's history (empty when the folder has no `history.csv`). */
  history: HistoryRow[];
  /** The history file, if any. */
  historyPath?: string;
}

/**
 * Parses a `history.csv` written by `deno task train` (or `lab:make-weights`).
 *
 * @example
 * ```ts
 * import { parseHistory } from "./run.ts";
 * import assert from "node:assert/strict";
 *
 * const rows = parseHistory("epoch,loss,train_accuracy,test_accuracy,seconds,images_per_second\n1,0.2,0.97,0.98,40,1500\n");
 * assert.deepEqual(rows, [{ epoch: 1, loss: 0.2, trainAccuracy: 0.97, testAccuracy: 0.98, seconds: 40 }]);
 * ```
 *
 * @param text The CSV text.
 * @returns One row per epoch.
 */
export function parseHistory(text: string): HistoryRow[] {
  // Numbers only, so a split suffices (and no package subpath, which a --mine import map
  // would have to carry).
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const columns = header.split(",");
  return lines.filter((line) => line.trim() !== "").map((line) => {
    const cells = line.split(",");
    const value = (name: string) => Number(cells[columns.indexOf(name)]);
    return {
      epoch: value("epoch"),
      loss: value("loss"),
      trainAccuracy: value("train_accuracy"),
      testAccuracy: value("test_accuracy"),
      seconds: value("seconds"),
    };
  });
}

/** The parameters file of the latest `deno task train` run, if there is one. */
export function latestTrainedParams(root: string = Deno.cwd()): string | undefined {
  const path = join(root, TRAINED_PARAMS);
  return existsSync(path) ? path : undefined;
}

/** The shipped network's parameters file. */
export const SHIPPED_PARAMS_PATH: string = join(SHIPPED_DIR, SHIPPED_PARAMS);

/**
 * Loads the network the lab shows: `params` if given, else the latest train run's, else the
 * shipped one (which is `shipped` however it was named).
 *
 * @param params A parameters file given with `--params`.
 * @param options `cwd`: the folder where `deno task train` wrote `out/train/` (the working folder).
 * @returns The network, where it came from, and its history.
 * @throws {Error} when the file cannot be read or holds no known network.
 */
export function loadLabRun(params?: string, options: { cwd?: string } = {}): LabRun {
  const cwd = options.cwd ?? Deno.cwd();
  const trained = params ?? latestTrainedParams(cwd);
  const path = trained ?? SHIPPED_PARAMS_PATH;
  if (!existsSync(path)) {
    throw new Error(
      trained === undefined
        ? LAB_COMMAND().shippedMissing(relative(cwd, path))
        : LAB_COMMAND().noParams(path),
    );
  }
  const { model, spec } = loadTrainedModel(path);
  const shipped = resolve(path) === resolve(SHIPPED_PARAMS_PATH);
  const historyPath = join(dirname(path), shipped ? SHIPPED_HISTORY : "history.csv");
  const history = existsSync(historyPath) ? parseHistory(readFileSync(historyPath, "utf8")) : [];
  const shown = (p: string) => {
    const r = relative(cwd, p);
    return r.startsWith("..") ? resolve(p) : r;
  };
  return {
    kind: shipped ? "shipped" : "trained",
    given: params !== undefined,
    params: shown(path),
    model,
    className: spec.className,
    history,
    ...(existsSync(historyPath) ? { historyPath: shown(historyPath) } : {}),
  };
}
