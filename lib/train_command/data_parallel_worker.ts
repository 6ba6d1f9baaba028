/**
 * The worker of `DataParallelNet` (`data_parallel.ts`): builds the same network as the main thread, then,
 * for each step, copies the shared parameters into it, computes the gradient of its half of the
 * batch and writes the gradients, the loss and the scores back to shared memory (or, for an
 * evaluation step, only the scores of its half in test mode). It blocks in
 * `Atomics.wait` between steps and runs its matrix products on its own thread only.
 *
 * @module
 */

import { kernelConfig } from "../np/kernels/config.ts";
import * as np from "../np/mod.ts";
import { sharedView, Slot, type WorkerSetup } from "./data_parallel.ts";
import { dropoutsOf, PresetRandom, usePresets } from "./dropout_draws.ts";
import { MODELS } from "./models.ts";

/** The worker's global scope (the project type-checks against Deno's window types). */
const scope = self as unknown as {
  postMessage(message: string): void;
  onmessage: ((event: MessageEvent<WorkerSetup>) => void) | null;
};

/** Runs the steps the main thread starts, until it asks the worker to stop. */
function serve(setup: WorkerSetup): void {
  kernelConfig.threads = 1;
  const spec = MODELS[setup.model];
  if (spec === undefined) throw new TypeError(`No network "${setup.model}" in MODELS`);
  const net = spec.create(0);
  const control = new Int32Array(setup.control);
  const view = (buffer: SharedArrayBuffer) => sharedView(setup.dtype, buffer);
  const params = view(setup.params), grads = view(setup.grads);
  const x = view(setup.x), t = view(setup.t), y = view(setup.y);
  const loss = new Float64Array(setup.loss);
  // The Dropout layers take the rows the main thread drew for this half.
  const dropouts = setup.maskWidths.length > 0 ? dropoutsOf(net) : [], masks = view(setup.masks);
  const presets = dropouts.map(() => new PresetRandom());
  if (dropouts.length > 0) usePresets(dropouts, presets, dropouts[0].rng);
  const sampleSize = setup.sampleShape.reduce((a, b) => a * b, 1);
  const labelSize = setup.labelShape.reduce((a, b) => a * b, 1);
  scope.postMessage("ready");
  let seen = 0;
  while (true) {
    Atomics.wait(control, Slot.Seq, seen);
    seen = Atomics.load(control, Slot.Seq);
    if (Atomics.load(control, Slot.Stop) !== 0) return;
    try {
      const count = Atomics.load(control, Slot.Count);
      let offset = 0;
      for (const p of Object.values(net.params)) {
        p.data.set(params.subarray(offset, offset + p.size));
        offset += p.size;
      }
      const xHalf = new np.NDArray(x.subarray(0, count * sampleSize), [
        count,
        ...setup.sampleShape,
      ]);
      if (Atomics.load(control, Slot.Mode) === 1) {
        // Evaluation: the scores of this half in test mode.
        y.set(net.predict(xHalf, { train: false }).data);
        Atomics.store(control, Slot.Failed, 0);
        Atomics.store(control, Slot.Done, seen);
        Atomics.notify(control, Slot.Done);
        continue;
      }
      const tHalf = new np.NDArray(t.subarray(0, count * labelSize), [count, ...setup.labelShape]);
      let at = 0;
      setup.maskWidths.forEach((width, i) => {
        presets[i].values = new np.NDArray(masks.subarray(at, at + count * width), [count, width]);
        at += count * width;
      });
      const g = net.gradient(xHalf, tHalf);
      offset = 0;
      for (const [name, p] of Object.entries(net.params)) {
        grads.set(g[name].data, offset);
        offset += p.size;
      }
      loss[0] = net.lastLayer.loss;
      if (net.lastLayer.y !== null) y.set(net.lastLayer.y.data);
      Atomics.store(control, Slot.Failed, 0);
    } catch (error) {
      console.error("error in the training worker:", error);
      Atomics.store(control, Slot.Failed, 1);
    }
    Atomics.store(control, Slot.Done, seen);
    Atomics.notify(control, Slot.Done);
  }
}

scope.onmessage = (event) => {
  try {
    serve(event.data);
  } catch (error) {
    scope.postMessage(`${error instanceof Error ? error.message : error}`);
  }
};
