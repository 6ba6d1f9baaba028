/**
 * Data parallelism on two cores: each training batch is split in two halves, the main thread
 * computes the gradient of the first half while a worker computes that of the second with a
 * copy of the same network, and the two are averaged, weighted by their sizes. The gradient of
 * a batch's mean loss is the mean of its samples' gradients, so this is the gradient of the whole
 * batch, up to the order of the float sums.
 *
 * Splitting the matrix products between the threads (`lib/np/kernels/`) speeds up only the
 * products; splitting the batch also runs ReLU, pooling, im2col and the rest on both cores. It
 * applies to networks whose forward pass depends on the weights, the batch and dropout masks,
 * not to batch normalization (whose statistics are per batch). The main thread draws every
 * Dropout layer's numbers for the whole batch from the network's generator, as one thread would,
 * and hands the worker its rows (`dropout_draws.ts`): the masks are one thread's. Each step
 * copies the main thread's parameters to the worker, so the worker keeps no state of its own:
 * checkpoints and `--resume` work as before, and a run repeats exactly for a given seed. One and
 * two threads differ in the last bits of the sums.
 *
 * Memory is shared (`SharedArrayBuffer`); the main thread waits with `Atomics.wait`, which Deno
 * allows on the main thread, as the matrix product's helper thread does.
 *
 * @module
 */

import type { Dropout } from "../layers/dropout.ts";
import { kernelConfig } from "../np/kernels/config.ts";
import * as np from "../np/mod.ts";
import { dropoutsOf, dropoutWidths, PresetRandom, usePresets } from "./dropout_draws.ts";
import { firstRows, type TrainableNet } from "./loop.ts";

/** Slots of the control array (`Int32Array`) shared with the worker. */
export const Slot = {
  /** Incremented by the main thread to start a step. */
  Seq: 0,
  /** Set to the step's number by the worker when it is done. */
  Done: 1,
  /** Samples in the worker's half of this step. */
  Count: 2,
  /** 1 when the worker's step threw (it prints the error). */
  Failed: 3,
  /** Set to 1 by the main thread to end the worker's loop. */
  Stop: 4,
  /** What the step is: 0 a gradient, 1 the scores of a test-mode forward pass (`predict`). */
  Mode: 5,
} as const;

/** Images of a `predict` call's second half the shared buffers hold at least (evaluation). */
export const PREDICT_HALF = 50;

/** What the worker receives once, before the first step. */
export interface WorkerSetup {
  /** The key of `MODELS` in `models.ts` that builds the same network. */
  model: string;
  /** The control words ({@linkcode Slot}). */
  control: SharedArrayBuffer;
  /** All parameters, in the order of `net.params`, written by the main thread each step. */
  params: SharedArrayBuffer;
  /** All gradients of the worker's half, same layout as `params`. */
  grads: SharedArrayBuffer;
  /** The worker's half of the batch's images, `[count, ...sampleShape]`. */
  x: SharedArrayBuffer;
  /** Its labels, `[count, ...labelShape]`. */
  t: SharedArrayBuffer;
  /** The scores of its half, `[count, classes]`. */
  y: SharedArrayBuffer;
  /** Its mean loss (one float64). */
  loss: SharedArrayBuffer;
  /** The worker's rows of each Dropout layer's numbers for this step, layer after layer. */
  masks: SharedArrayBuffer;
  /** The numbers per sample of each Dropout layer, in forward order. */
  maskWidths: number[];
  /** The shape of one image. */
  sampleShape: number[];
  /** The shape of one label (`[]` for class indices). */
  labelShape: number[];
  /** The dtype of the images, labels and parameters. */
  dtype: np.DType;
}

/** Options of {@linkcode DataParallelNet.start}. */
export interface DataParallelOptions {
  /** The key of `MODELS` that built `net` (the worker builds its own copy). */
  model: string;
  /** The largest batch that {@linkcode DataParallelNet.gradient} will see. */
  batchSize: number;
  /** One training image, for its shape. */
  sample: np.NDArray;
  /** One training label, for its shape. */
  label: np.NDArray;
}

/** A shared buffer for `size` numbers of a dtype. */
function sharedBuffer(dtype: np.DType, size: number): SharedArrayBuffer {
  return new SharedArrayBuffer(Math.max(size, 1) * (dtype === "float32" ? 4 : 8));
}

/**
 * The typed array of a dtype over a shared buffer (the main thread's and the worker's views).
 *
 * @param dtype The numbers' type.
 * @param buffer The buffer.
 * @returns The view.
 */
export function sharedView(
  dtype: np.DType,
  buffer: SharedArrayBuffer,
): Float32Array | Float64Array {
  return dtype === "float32" ? new Float32Array(buffer) : new Float64Array(buffer);
}

/**
 * A network whose `gradient` splits each batch between the main thread and a worker. It wraps
 * the main thread's network: `params` and `predict` are that network's, so the optimizer, the
 * checkpoints and the evaluation see no difference.
 */
export class DataParallelNet implements TrainableNet {
  /** The wrapped network (the main thread's copy). */
  readonly net: TrainableNet;
  /** The parameters, updated in place by the optimizer. */
  readonly params: Record<string, np.NDArray>;
  /** The loss and the scores of the last batch, both halves. */
  readonly lastLayer: { loss: number; y: np.NDArray | null } = { loss: NaN, y: null };
  #worker: Worker;
  #control: Int32Array;
  #params: Float32Array | Float64Array;
  #grads: Float32Array | Float64Array;
  #x: Float32Array | Float64Array;
  #t: Float32Array | Float64Array;
  #y: Float32Array | Float64Array;
  #loss: Float64Array;
  #seq = 0;
  #dropouts: Dropout[];
  #widths: number[];
  #presets: PresetRandom[];
  #masks: Float32Array | Float64Array;

  private constructor(net: TrainableNet, worker: Worker, setup: WorkerSetup) {
    this.net = net;
    this.params = net.params;
    this.#worker = worker;
    this.#control = new Int32Array(setup.control);
    const view = (buffer: SharedArrayBuffer) => sharedView(setup.dtype, buffer);
    this.#params = view(setup.params);
    this.#grads = view(setup.grads);
    this.#x = view(setup.x);
    this.#t = view(setup.t);
    this.#y = view(setup.y);
    this.#loss = new Float64Array(setup.loss);
    this.#widths = setup.maskWidths;
    this.#dropouts = this.#widths.length > 0 ? dropoutsOf(net) : [];
    this.#presets = this.#dropouts.map(() => new PresetRandom());
    this.#masks = view(setup.masks);
  }

  /**
   * Starts the worker and waits until it has built its copy of the network.
   *
   * @param net The main thread's network, built by `MODELS[options.model].create`.
   * @param options The model's key, the largest batch, one image and one label.
   * @returns The wrapped network.
   */
  static async start(net: TrainableNet, options: DataParallelOptions): Promise<DataParallelNet> {
    const params = Object.values(net.params);
    const dtype = params[0].dtype;
    if (params.some((p) => p.dtype !== dtype) || options.sample.dtype !== dtype) {
      throw new TypeError("Data parallelism needs the images and all parameters in one dtype");
    }
    const half = Math.floor(options.batchSize / 2);
    const classes = net.predict(options.sample.reshape(1, ...options.sample.shape)).shape[1];
    const total = params.reduce((n, p) => n + p.size, 0);
    const dropouts = dropoutsOf(net);
    if (dropouts.some((d) => d.rng !== dropouts[0].rng)) {
      throw new TypeError("Data parallelism needs the Dropout layers to share one generator");
    }
    // A Dropout that draws otherwise (a learner's, under --mine) keeps its own generators.
    const widths = dropoutWidths(net, dropouts, options.sample);
    const maskWidths = dropouts.every((_, i) => widths[i] > 0) ? widths : [];
    const setup: WorkerSetup = {
      model: options.model,
      control: new SharedArrayBuffer(4 * 6),
      params: sharedBuffer(dtype, total),
      grads: sharedBuffer(dtype, total),
      x: sharedBuffer(dtype, Math.max(half, PREDICT_HALF) * options.sample.size),
      t: sharedBuffer(dtype, half * Math.max(options.label.size, 1)),
      y: sharedBuffer(dtype, Math.max(half, PREDICT_HALF) * classes),
      loss: new SharedArrayBuffer(8),
      masks: sharedBuffer(dtype, half * maskWidths.reduce((a, b) => a + b, 0)),
      maskWidths,
      sampleShape: [...options.sample.shape],
      labelShape: [...options.label.shape],
      dtype,
    };
    const worker = new Worker(new URL("./data_parallel_worker.ts", import.meta.url), {
      type: "module",
    });
    await new Promise<void>((resolve, reject) => {
      worker.onmessage = (event) => {
        if (event.data === "ready") resolve();
        else reject(new Error(`The training worker could not start: ${event.data}`));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        reject(new Error(`The training worker could not start: ${event.message}`));
      };
      worker.postMessage(setup);
    }).catch((error) => {
      worker.terminate();
      throw error;
    });
    worker.onmessage = null;
    return new DataParallelNet(net, worker, setup);
  }

  /**
   * The class scores of a batch. In test mode (evaluation) the batch is split like a training
   * batch: the worker scores the second half with the current parameters. Each image's scores
   * are computed alone (no layer mixes images in test mode), so they are the bits one thread
   * gives. Training mode (dropout masks) and batches too large for the shared buffers run on
   * this thread alone.
   */
  predict(x: np.NDArray, options?: { train?: boolean }): np.NDArray {
    const n = x.shape[0], mine = n - Math.floor(n / 2), theirs = n - mine;
    const sample = n === 0 ? 0 : x.size / n;
    if (options?.train === true || theirs === 0 || theirs * sample > this.#x.length) {
      return this.net.predict(x, options);
    }
    this.#shareParams();
    this.#x.set(x.data.subarray(mine * sample, n * sample));
    Atomics.store(this.#control, Slot.Mode, 1);
    this.#start(theirs);
    const threads = kernelConfig.threads;
    kernelConfig.threads = 1;
    let y;
    try {
      y = this.net.predict(firstRows(x, mine), { train: false });
    } finally {
      kernelConfig.threads = threads;
    }
    this.#wait();
    const classes = y.shape[1];
    const all = np.zeros([n, classes], { dtype: y.dtype });
    all.data.set(y.data);
    all.data.set(this.#y.subarray(0, theirs * classes), mine * classes);
    return all;
  }

  /** The current parameters into the shared buffer, for the worker. */
  #shareParams(): void {
    let offset = 0;
    for (const p of Object.values(this.params)) {
      this.#params.set(p.data, offset);
      offset += p.size;
    }
  }

  /** Starts the worker's step on `count` samples. */
  #start(count: number): void {
    Atomics.store(this.#control, Slot.Count, count);
    Atomics.store(this.#control, Slot.Seq, ++this.#seq);
    Atomics.notify(this.#control, Slot.Seq, 1);
  }

  /** Waits until the worker's step is done; throws when it failed. */
  #wait(): void {
    while (Atomics.load(this.#control, Slot.Done) !== this.#seq) {
      Atomics.wait(this.#control, Slot.Done, this.#seq - 1);
    }
    if (Atomics.load(this.#control, Slot.Failed) !== 0) {
      throw new Error("The training worker failed (its error is printed above)");
    }
  }

  /**
   * The gradients of the batch's mean loss: the first half on this thread, the second on the
   * worker, averaged with weights (the halves' sizes). Leaves the batch's loss and scores in
   * `lastLayer`.
   *
   * @param x A batch of images.
   * @param t Its labels.
   * @returns ∂loss/∂param by name (the main thread's gradient arrays, overwritten).
   */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    const n = x.shape[0];
    const mine = n - Math.floor(n / 2), theirs = n - mine;
    if (theirs === 0) return this.#alone(x, t);
    if (theirs * (x.size / n) > this.#x.length) {
      throw new RangeError(
        `A batch of ${n} is larger than the ${
          2 * this.#x.length / (x.size / n)
        } this data-parallel network was set up for`,
      );
    }
    this.#shareParams();
    this.#x.set(x.data.subarray(mine * (x.size / n)));
    this.#t.set(t.data.subarray(mine * (t.size / n)));
    this.#drawMasks(n, mine, x.dtype);
    Atomics.store(this.#control, Slot.Mode, 0);
    this.#start(theirs);

    // Both threads are busy with their halves: this one's products must not ask for the other.
    const threads = kernelConfig.threads;
    kernelConfig.threads = 1;
    const generator = this.#dropouts[0]?.rng;
    let grads;
    try {
      if (generator !== undefined) usePresets(this.#dropouts, this.#presets, generator);
      grads = this.net.gradient(firstRows(x, mine), firstRows(t, mine));
    } finally {
      kernelConfig.threads = threads;
      if (generator !== undefined) usePresets(this.#dropouts, null, generator);
    }
    const myLoss = this.net.lastLayer.loss, myY = this.net.lastLayer.y;

    this.#wait();
    const a = mine / n, b = theirs / n;
    let offset = 0;
    for (const [name, p] of Object.entries(this.params)) {
      const g = grads[name].data, other = this.#grads;
      for (let i = 0; i < p.size; i++) g[i] = a * g[i] + b * other[offset + i];
      offset += p.size;
    }
    this.lastLayer.loss = a * myLoss + b * this.#loss[0];
    if (myY !== null) {
      const classes = myY.shape[1];
      const y = np.zeros([n, classes], { dtype: myY.dtype });
      y.data.set(myY.data);
      y.data.set(this.#y.subarray(0, theirs * classes), mine * classes);
      this.lastLayer.y = y;
    }
    return grads;
  }

  /**
   * Each Dropout layer's numbers for the whole batch, drawn from the network's generator in
   * forward order as one thread's forward pass draws them: this thread's rows to its presets,
   * the worker's to the shared buffer.
   */
  #drawMasks(n: number, mine: number, dtype: np.DType): void {
    const generator = this.#dropouts[0]?.rng;
    let offset = 0;
    this.#widths.forEach((width, i) => {
      const all = generator.random([n, width], { dtype });
      this.#presets[i].values = firstRows(all, mine);
      this.#masks.set(all.data.subarray(mine * width), offset);
      offset += (n - mine) * width;
    });
  }

  /** A batch of one, on this thread. */
  #alone(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    const grads = this.net.gradient(x, t);
    this.lastLayer.loss = this.net.lastLayer.loss;
    this.lastLayer.y = this.net.lastLayer.y;
    return grads;
  }

  /**
   * Stops the worker. It is woken to leave its loop first: `terminate()` alone does not
   * interrupt an `Atomics.wait`, and the parked thread would keep the process alive.
   */
  close(): void {
    Atomics.store(this.#control, Slot.Stop, 1);
    Atomics.add(this.#control, Slot.Seq, 1);
    Atomics.notify(this.#control, Slot.Seq);
    this.#worker.terminate();
  }
}
