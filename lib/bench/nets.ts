/**
 * Training throughput of the workbook's networks: the engine's SimpleConvNet (§7.5) and
 * DeepConvNet (§8.1) trained with the reference Adam on MNIST, one mini-batch at a time,
 * exactly as the book's `Trainer.train_step` does minus its extra loss pass.
 *
 * @module
 */

import * as np from "../np/mod.ts";
import { Adam } from "../engine/adam.ts";
import { cpuSeconds } from "./harness.ts";
import type { TrainRun } from "./workload.ts";

/** What the benchmark needs of a network: the book's interface. */
export interface TrainableNet {
  /** Parameters by name, updated in place by the optimizer. */
  params: Record<string, np.NDArray>;
  /** Gradients of the loss on one mini-batch, by backpropagation. */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray>;
  /** Accuracy on a set, in test mode. */
  accuracy(x: np.NDArray, t: np.NDArray, options?: { batchSize?: number }): number;
  /** The output layer, whose `loss` is the last forward pass's loss. */
  lastLayer?: { loss: number };
}

/** Options of {@linkcode trainNet}. */
export interface TrainNetOptions {
  /** The mini-batches, as indices into the training set (one per iteration). */
  batches: readonly Int32Array[];
  /** Adam's learning rate (default 0.001). */
  lr?: number;
  /** Called after each iteration with its index and loss, for progress. */
  onIteration?: (iteration: number, loss: number) => void;
}

/**
 * Trains a network in place on the given mini-batches with the book's Adam (the engine's, in
 * WebAssembly, which gives the answer key's bits), timing each
 * iteration: the mini-batch copy (`x_train[batch_mask]`), `gradient` and `update`.
 *
 * The book's `Trainer.train_step` computes the loss once more after the update, for its log;
 * here the loss of the gradient's own forward pass is kept instead, as the tfjs and NumPy
 * contestants do, so every contestant does one forward and one backward pass per iteration.
 *
 * @example Two iterations of SimpleConvNet on random images
 * ```ts
 * import { trainNet } from "./nets.ts";
 * import { SimpleConvNet } from "../engine/nets.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const x = np.rng(1).random([8, 1, 28, 28], { dtype: "float32" });
 * const t = np.array([0, 1, 2, 3, 4, 5, 6, 7]);
 * const net = new SimpleConvNet({ dtype: "float32" });
 * const run = trainNet(net, { x, t }, { batches: [Int32Array.of(0, 1), Int32Array.of(2, 3)] });
 * assert.equal(run.losses.length, 2);
 * assert.ok(Math.abs(run.losses[0] - Math.log(10)) < 0.01);
 * ```
 *
 * @param net The network, trained in place.
 * @param data The training images and labels.
 * @param options The mini-batches, learning rate and a progress callback.
 * @returns Per-iteration seconds and losses.
 */
export function trainNet(
  net: Pick<TrainableNet, "params" | "gradient" | "lastLayer">,
  data: { x: np.NDArray; t: np.NDArray },
  options: TrainNetOptions,
): TrainRun {
  const optimizer = new Adam({ lr: options.lr ?? 0.001 });
  const iterationSeconds: number[] = [], losses: number[] = [];
  const cpuStart = cpuSeconds();
  options.batches.forEach((indices, i) => {
    const start = performance.now();
    const x = np.take(data.x, indices, { axis: 0 });
    const t = np.take(data.t, indices, { axis: 0 });
    const grads = net.gradient(x, t);
    optimizer.update(net.params, grads);
    iterationSeconds.push((performance.now() - start) / 1000);
    const loss = net.lastLayer?.loss ?? NaN;
    losses.push(loss);
    options.onIteration?.(i, loss);
  });
  return { iterationSeconds, losses, cpuSeconds: cpuSeconds() - cpuStart };
}

/**
 * Copies parameters into a network's own arrays (in place, so its layers see them).
 *
 * @example
 * ```ts
 * import { setParams } from "./nets.ts";
 * import { SimpleConvNet } from "../engine/nets.ts";
 * import { bookSimpleConvNetParams } from "./workload.ts";
 * import assert from "node:assert/strict";
 *
 * const net = new SimpleConvNet({ dtype: "float32" });
 * const params = bookSimpleConvNetParams(3);
 * setParams(net, params);
 * assert.deepEqual(net.params.W2.data, params.W2.data);
 * ```
 *
 * @param net The network.
 * @param params Arrays of the same names and shapes.
 * @throws {TypeError} when a name is missing or a shape differs.
 */
export function setParams(net: TrainableNet, params: Record<string, np.NDArray>): void {
  for (const [name, value] of Object.entries(params)) {
    const target = net.params[name];
    if (!target || target.shape.join() !== value.shape.join()) {
      throw new TypeError(
        `Cannot set parameter ${name}: the network has ${
          target ? `shape [${target.shape}]` : "no such parameter"
        }, the value has shape [${value.shape}]`,
      );
    }
    target.data.set(value.data);
  }
}
