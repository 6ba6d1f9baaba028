/**
 * The optimizers of `--optimizer`, and their state as tensors and numbers for checkpoints.
 *
 * @module
 */

import { UserError } from "../command/errors.ts";
import { Adam as EngineAdam } from "../engine/adam.ts";
import { isMine } from "../kata/mine_env.ts";
import type { NDArray } from "../np/mod.ts";
import { AdaGrad, Adam, Momentum, Nesterov, RMSprop, SGD } from "../optimizers/mod.ts";
import type { Optimizer } from "../optimizers/types.ts";

/** The names `--optimizer` accepts. */
export const OPTIMIZER_NAMES = [
  "sgd",
  "momentum",
  "nesterov",
  "adagrad",
  "rmsprop",
  "adam",
] as const;

/** One of {@linkcode OPTIMIZER_NAMES}. */
export type OptimizerName = typeof OPTIMIZER_NAMES[number];

/**
 * Builds an optimizer by name with a learning rate and the book's other defaults.
 *
 * @example
 * ```ts
 * import { createOptimizer } from "./optimizers.ts";
 * import assert from "node:assert/strict";
 *
 * const adam = createOptimizer("adam", 0.01) as unknown as { lr: number };
 * assert.equal(adam.lr, 0.01);
 * ```
 *
 * @param name The optimizer's name.
 * @param lr The learning rate.
 * @returns A new optimizer with empty state.
 */
export function createOptimizer(name: OptimizerName, lr: number): Optimizer {
  switch (name) {
    case "sgd":
      return new SGD({ lr });
    case "momentum":
      return new Momentum({ lr });
    case "nesterov":
      return new Nesterov({ lr });
    case "adagrad":
      return new AdaGrad({ lr });
    case "rmsprop":
      return new RMSprop({ lr });
    case "adam":
      // The engine's Adam (the same bits, its update in WebAssembly), except under --mine,
      // where the learner's Adam trains.
      return isMine() ? new Adam({ lr }) : new EngineAdam({ lr });
  }
}

/** The fields of an optimizer that hold per-parameter arrays (the book's v, h, m). */
const ARRAY_FIELDS = ["v", "h", "m"] as const;

/** The arrays each optimizer holds after its first update (what a checkpoint must have). */
export const STATE_FIELDS: Record<OptimizerName, readonly (typeof ARRAY_FIELDS)[number][]> = {
  sgd: [],
  momentum: ["v"],
  nesterov: ["v"],
  adagrad: ["h"],
  rmsprop: ["h"],
  adam: ["m", "v"],
};

/**
 * An optimizer's state: its per-parameter arrays as tensors named `optimizer.<field>.<param>`,
 * and its update count (Adam's `iter`), to store in a checkpoint.
 *
 * @example
 * ```ts
 * import { createOptimizer, optimizerState, restoreOptimizer } from "./optimizers.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const params = { W: np.ones([2]) };
 * const adam = createOptimizer("adam", 0.1);
 * adam.update(params, { W: np.array([1, -1]) });
 * const state = optimizerState(adam);
 * assert.deepEqual(Object.keys(state.tensors).sort(), ["optimizer.m.W", "optimizer.v.W"]);
 * const again = createOptimizer("adam", 0.1);
 * restoreOptimizer(again, state, { W: np.ones([2]) });
 * assert.equal((again as unknown as { iter: number }).iter, 1);
 * ```
 *
 * @param optimizer The optimizer.
 * @returns Its arrays (copies) and its iteration count (or null).
 */
export function optimizerState(
  optimizer: Optimizer,
): { tensors: Record<string, NDArray>; iter: number | null } {
  const fields = optimizer as unknown as Record<string, unknown>;
  const tensors: Record<string, NDArray> = {};
  for (const field of ARRAY_FIELDS) {
    const arrays = fields[field] as Record<string, NDArray> | null | undefined;
    if (arrays) {
      for (const [key, value] of Object.entries(arrays)) {
        tensors[`optimizer.${field}.${key}`] = value.clone();
      }
    }
  }
  return { tensors, iter: typeof fields.iter === "number" ? fields.iter : null };
}

/**
 * Puts a saved state back into a new optimizer of the same kind, so that its next update is
 * the one the saved optimizer would have made.
 *
 * @param optimizer A freshly built optimizer.
 * @param state What {@linkcode optimizerState} returned (or tensors read from a checkpoint).
 * @param params The network's parameters, to check names and shapes.
 * @param name The optimizer's name: its arrays (and Adam's update count) must be there.
 * @throws {UserError} when arrays are missing, name parameters the network lacks, or have
 *   other shapes.
 */
export function restoreOptimizer(
  optimizer: Optimizer,
  state: { tensors: Record<string, NDArray>; iter: number | null },
  params: Record<string, NDArray>,
  name?: OptimizerName,
): void {
  const fields = optimizer as unknown as Record<string, unknown>;
  const required = name === undefined ? [] : STATE_FIELDS[name];
  for (const field of ARRAY_FIELDS) {
    const prefix = `optimizer.${field}.`;
    const keys = Object.keys(state.tensors).filter((k) => k.startsWith(prefix));
    if (keys.length === 0) {
      if (required.includes(field)) {
        throw new UserError(
          `The checkpoint has no ${field} arrays of ${name} (its optimizer state is missing): ` +
            `resuming would silently restart ${name}. Start a new run without --resume`,
          { exitCode: 2 },
        );
      }
      continue;
    }
    const arrays: Record<string, NDArray> = {};
    for (const key of Object.keys(params)) {
      const saved = state.tensors[prefix + key];
      if (saved === undefined || saved.shape.join() !== params[key].shape.join()) {
        throw new UserError(
          `The checkpoint's optimizer state has no ${field} for parameter ${key} of shape ` +
            `[${params[key].shape.join(", ")}]: it was written for another network. Start a ` +
            `new run without --resume`,
          { exitCode: 2 },
        );
      }
      arrays[key] = saved.astype(params[key].dtype);
    }
    fields[field] = arrays;
  }
  if (name === "adam" && state.iter === null) {
    throw new UserError(
      "The checkpoint has no update count of adam (its optimizer state is damaged): start a " +
        "new run without --resume",
      { exitCode: 2 },
    );
  }
  if (state.iter !== null && "iter" in fields) fields.iter = state.iter;
}
