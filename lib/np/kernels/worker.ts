/**
 * A second thread for the WebAssembly kernels: one worker that shares the module's memory and
 * runs one part of a job while the main thread runs the other, so `gemm` stays synchronous.
 *
 * The two threads talk through a few Int32 words at the start of the shared memory:
 * the main thread writes a job's arguments and bumps `seq`; whichever thread first moves
 * `claimed` from `seq - 1` to `seq` runs that part (the worker, or the main thread itself when
 * the worker is slow to wake or still starting), and the worker reports `done = seq`.
 * A part is one call of the module's `gemm`, or `count` calls whose A, B and C move by fixed
 * byte steps from call to call (a share of a batch of products, `gemmBatch`).
 * `Atomics.wait` blocks the main thread until then; it is allowed on Deno's main thread.
 *
 * The worker comes from `node:worker_threads` rather than the web `Worker` because it can be
 * `unref()`ed: a script that used `np.dot` exits when its own work is done, with the worker
 * still parked in `Atomics.wait`. Its code is the function {@linkcode workerMain} passed as
 * source text (`eval: true`), which needs no file permission.
 *
 * @module
 */

import { Worker } from "node:worker_threads";

/** Int32 word indices of the control block (at byte 0 of the shared memory). */
const SEQ = 0, CLAIMED = 1, DONE = 2, FAILED = 3, RUNS = 4, ARGS = 8;

/**
 * Words of one part at ARGS: `gemm`'s first 14 arguments (the last is the scratch area), then
 * how many products and the byte steps of A, B and C between them, then `gemm`'s last four
 * (A's and B's segments: zeros for none).
 */
export const PART_WORDS = 22;

/** The words after `gemm`'s first 14 when a part leaves them out: one product, no segments. */
const PART_DEFAULTS = [1, 0, 0, 0, 0, 0, 0, 0];

/** Bytes the control block takes at the start of the memory. */
export const CONTROL_BYTES = 256;

/** What the worker receives once: the compiled kernels, the memory, the control words. */
interface WorkerInit {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  words: { seq: number; claimed: number; done: number; failed: number; runs: number; args: number };
}

/**
 * The worker's whole program: instantiate the kernels on the shared memory, then forever wait
 * for a new `seq`, claim it, run `gemm` with the arguments from the control block, report.
 * Runs as source text in the worker, so it may use nothing from this module's scope.
 */
function workerMain(): void {
  const { parentPort } = require("node:worker_threads");
  parentPort?.once("message", ({ module, memory, words }: WorkerInit) => {
    const { exports } = new WebAssembly.Instance(module, { env: { memory } });
    const gemm = exports.gemm as (...args: number[]) => void;
    const control = new Int32Array(memory.buffer, 0, words.args + 22);
    let seen = 0;
    for (;;) {
      Atomics.wait(control, words.seq, seen);
      const seq = Atomics.load(control, words.seq);
      if (seq === seen) continue;
      seen = seq;
      if (Atomics.compareExchange(control, words.claimed, seq - 1, seq) !== seq - 1) continue;
      try {
        // gemm's arguments; then the part's count of products and the steps of A, B and C,
        // then A's and B's segments.
        const [
          f64,
          m,
          n,
          k,
          a,
          rsa,
          csa,
          b,
          rsb,
          csb,
          c,
          ldc,
          acc,
          work,
          count,
          sa,
          sb,
          sc,
          segLen,
          segGap,
          bSegLen,
          bSegGap,
        ] = control.subarray(words.args, words.args + 22);
        for (let i = 0; i < Math.max(count, 1); i++) {
          gemm(
            f64,
            m,
            n,
            k,
            a + i * sa,
            rsa,
            csa,
            b + i * sb,
            rsb,
            csb,
            c + i * sc,
            ldc,
            acc,
            work,
            segLen,
            segGap,
            bSegLen,
            bSegGap,
          );
        }
        Atomics.store(control, words.failed, 0);
        Atomics.add(control, words.runs, 1);
      } catch {
        Atomics.store(control, words.failed, 1);
      }
      Atomics.store(control, words.done, seq);
      Atomics.notify(control, words.done);
    }
  });
}

/** The worker side of the main thread: offers parts of jobs and collects them. */
export class Helper {
  /** The worker thread. */
  readonly worker: Worker;
  /** The control words, a view on the shared memory. */
  readonly control: Int32Array;
  /** The sequence number of the last job offered. */
  seq = 0;

  /**
   * Starts the worker on the kernels' module and memory.
   *
   * @param module The compiled kernels (the worker instantiates its own copy).
   * @param memory The shared memory both instances use.
   */
  constructor(module: WebAssembly.Module, memory: WebAssembly.Memory) {
    this.control = new Int32Array(memory.buffer, 0, CONTROL_BYTES / 4);
    this.worker = new Worker(`(${workerMain})()`, { eval: true });
    // Do not keep the process alive for the worker's sake.
    this.worker.unref();
    const words = {
      seq: SEQ,
      claimed: CLAIMED,
      done: DONE,
      failed: FAILED,
      runs: RUNS,
      args: ARGS,
    };
    this.worker.postMessage({ module, memory, words } satisfies WorkerInit);
  }

  /**
   * Offers a part to the worker and returns at once.
   *
   * @param args The first 14 arguments of the module's `gemm` for that part, optionally
   * followed by a count of products and the byte steps of A, B and C between them (a share of
   * a batch; one product when absent), then A's and B's segments (none when absent).
   */
  offer(args: readonly number[]): void {
    this.control.set([...args, ...PART_DEFAULTS.slice(args.length - 14)], ARGS);
    Atomics.store(this.control, SEQ, ++this.seq);
    Atomics.notify(this.control, SEQ, 1);
  }

  /**
   * Waits for the part offered last. If the worker has not picked it up yet, the main thread
   * takes it back and runs it itself with `run`, instead of waiting for a sleeping thread.
   *
   * @param run Runs the offered part on the main thread, given its words (as offered, with
   * the count and steps at the end).
   * @throws {Error} when the worker failed to run its part.
   */
  finish(run: (args: number[]) => void): void {
    const seq = this.seq;
    if (Atomics.compareExchange(this.control, CLAIMED, seq - 1, seq) === seq - 1) {
      run([...this.control.subarray(ARGS, ARGS + PART_WORDS)]);
      return;
    }
    for (;;) {
      const done = Atomics.load(this.control, DONE);
      if (done === seq) break;
      Atomics.wait(this.control, DONE, done);
    }
    if (Atomics.load(this.control, FAILED) !== 0) {
      throw new Error("The kernel worker failed on its part of a matrix product");
    }
  }

  /** How many parts the worker has run so far (the others the main thread took back). */
  get workerRuns(): number {
    return Atomics.load(this.control, RUNS);
  }

  /** Stops the worker. */
  close(): void {
    this.worker.terminate();
  }
}
