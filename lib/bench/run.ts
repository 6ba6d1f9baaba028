/**
 * The sections of `deno task bench` and the order it runs them in: matrix products, the
 * workbook's SimpleConvNet and DeepConvNet, and the TensorFlow.js peer.
 *
 * @module
 */

import { loadMnist, type Mnist } from "../mnist/mod.ts";
import { kernelConfig } from "../np/kernels/matmul.ts";
import { progress } from "./harness.ts";
import { benchGemms, type GemmResult } from "./matmul.ts";
import { DataParallelNet } from "../train_command/data_parallel.ts";
import { convNets } from "../train_command/models.ts";
import type { TrainableNet as SplittableNet } from "../train_command/loop.ts";
import { setParams, type TrainableNet, trainNet } from "./nets.ts";
import {
  fmt,
  formatTable,
  type MachineInfo,
  machineInfo,
  type MatmulResults,
  matmulTable,
  type NetResult,
  netTable,
  uptime,
} from "./report.ts";
import { benchCases } from "./shapes.ts";
import { findPython, INSTALL_HINTS, runPythonPeer, writeExchange } from "./peer_python.ts";
import {
  batchSchedule,
  bookSimpleConvNetParams,
  type InitScheme,
  TRAIN_CONVNET,
  type TrainRun,
} from "./workload.ts";

/** The parts of the benchmark that `--only` can pick. */
export type Section = "matmul" | "simple" | "deep" | "peer" | "torch" | "numpy";

/** Every section, in the order they run. */
export const SECTIONS: readonly Section[] = ["matmul", "simple", "deep", "peer", "torch", "numpy"];

/** Options of {@linkcode runBench}. */
export interface BenchOptions {
  /** Fewer iterations and smaller products: a smoke test, not a measurement. */
  quick?: boolean;
  /** The sections to run (all by default). */
  only?: readonly Section[];
  /** Where the lines of the report go (default: stdout). */
  print?: (line: string) => void;
  /** The seed of the initial weights and of the mini-batches (default 1). */
  seed?: number;
  /** SimpleConvNet's initial weights: He's (the default) or the book's 0.01 · randn. */
  init?: InitScheme;
}

/** Everything one run measured. */
export interface BenchResults {
  /** The machine, with `uptime` before the run. */
  machine: MachineInfo;
  /** `uptime` after the run. */
  uptimeAfter: string;
  /** Whether this was a `--quick` run. */
  quick: boolean;
  /** The matrix products. */
  matmul?: MatmulResults;
  /** The training runs. */
  nets: NetResult[];
  /** Why a section could not run, by section. */
  skipped: Partial<Record<Section, string>>;
}

/** Iteration counts and measurement effort, full or quick. */
function plan(quick: boolean) {
  return quick
    ? {
      measure: { warmup: 1, repeats: 1, minSampleSeconds: 0 },
      batch: 10,
      simpleIterations: 10,
      simpleOneThreadIterations: 0,
      deepIterations: 2,
      peerIterations: 10,
      numpyTwoThreadIterations: 10,
      warmupIterations: 1,
    }
    : {
      measure: { warmup: 2, repeats: 5, minSampleSeconds: 0.1 },
      batch: TRAIN_CONVNET.batchSize,
      simpleIterations: TRAIN_CONVNET.iterationsPerEpoch,
      simpleOneThreadIterations: TRAIN_CONVNET.iterationsPerEpoch,
      deepIterations: 40,
      peerIterations: TRAIN_CONVNET.iterationsPerEpoch,
      // OpenBLAS's second thread made the book's NumPy code 3–16× slower on this machine.
      numpyTwoThreadIterations: 100,
      warmupIterations: 3,
    };
}

/**
 * Runs the chosen sections, printing the machine first and each table when its section ends,
 * with progress on stderr.
 *
 * @example A quick run of the matrix products only
 * ```ts ignore
 * import { runBench } from "./run.ts";
 *
 * const results = await runBench({ quick: true, only: ["matmul"] });
 * console.log(results.matmul?.two[0].gflops);
 * ```
 *
 * @param options Quick mode, the sections, where to print and the seed.
 * @returns Every measured figure.
 */
export async function runBench(options: BenchOptions = {}): Promise<BenchResults> {
  const quick = options.quick ?? false, seed = options.seed ?? 1, init = options.init ?? "he";
  const only = new Set(options.only ?? SECTIONS);
  const print = options.print ?? ((line: string) => console.log(line));
  const p = plan(quick);
  const machine = await machineInfo();
  print(`Zerokara bench${quick ? " (--quick: a smoke test, not a measurement)" : ""}`);
  print(`machine: ${machine.nproc} CPUs (nproc), ${machine.cpu}; ${machine.runtime}`);
  print(`uptime:  ${machine.uptime}`);
  print(
    `kernels: gemm backend ${kernelConfig.backend}, threads ${kernelConfig.threads} by default`,
  );
  const results: BenchResults = { machine, uptimeAfter: "", quick, nets: [], skipped: {} };

  let tfjsLabel = "tfjs";
  const peerWanted = only.has("peer") || only.has("matmul");
  const tfjs = peerWanted ? await loadPeer(results) : null;
  if (tfjs) {
    const info = await tfjs.initTfjs();
    tfjsLabel = `tfjs-${info.backend} ${info.version}`;
    print(
      `peer:    TensorFlow.js ${info.version}, ${info.backend} backend, SIMD ${
        info.simd ? "on" : "off"
      }, ${info.threads} thread${info.threads === 1 ? "" : "s"}`,
    );
  }

  if (only.has("matmul")) {
    const cases = benchCases({ batch: p.batch });
    const saved = kernelConfig.threads;
    const at = (threads: number): GemmResult[] => {
      kernelConfig.threads = threads;
      return benchGemms(cases, { ...p.measure, tag: `${threads} thread${threads > 1 ? "s" : ""}` });
    };
    let one: GemmResult[], two: GemmResult[];
    try {
      one = at(1);
      two = at(2);
    } finally {
      kernelConfig.threads = saved;
    }
    const peer: Record<string, GemmResult> = {};
    if (tfjs) {
      for (const r of tfjs.benchTfMatMul(cases, p.measure)) peer[r.label] = r;
    }
    results.matmul = { cases, one, two, tfjs: peer };
    print("");
    print(
      `Matrix product gemm (lib/np/kernels/matmul.ts), GFLOP/s at the median of ${p.measure.repeats}` +
        ` samples after ${p.measure.warmup} warm-up calls; network shapes at batch ${p.batch}`,
    );
    print(matmulTable(results.matmul));
    print(
      "tfjs: matMul on the wasm backend (XNNPACK); transposed operands are copied first, " +
        "which is ~10× faster there than its transpose flags.",
    );
  }

  const needMnist = only.has("simple") || only.has("deep") || (only.has("peer") && tfjs) ||
    only.has("torch") || only.has("numpy");
  const mnist = needMnist ? loadData() : null;
  const netsBefore = results.nets.length;

  if (only.has("simple") && mnist) {
    const batches = batchSchedule(seed + 1, {
      iterations: p.simpleIterations,
      trainSize: mnist.xTrain.shape[0],
    });
    const make = () => {
      const net = new (convNets().SimpleConvNet)({ dtype: "float32", seed });
      setParams(net, bookSimpleConvNetParams(seed, { init }));
      return net;
    };
    results.nets.push(
      await workbookRun("SimpleConvNet", make, mnist, batches, p.warmupIterations, {
        threads: kernelConfig.threads,
        dataParallel: "simple",
      }),
    );
    if (p.simpleOneThreadIterations > 0) {
      const saved = kernelConfig.threads;
      kernelConfig.threads = 1;
      try {
        results.nets.push(
          await workbookRun(
            "SimpleConvNet",
            make,
            mnist,
            batches.slice(0, p.simpleOneThreadIterations),
            p.warmupIterations,
            { threads: 1 },
          ),
        );
      } finally {
        kernelConfig.threads = saved;
      }
    }
  }

  if (only.has("deep") && mnist) {
    const batches = batchSchedule(seed + 2, {
      iterations: p.deepIterations,
      trainSize: mnist.xTrain.shape[0],
    });
    const make = () => new (convNets().DeepConvNet)({ dtype: "float32", seed });
    results.nets.push(
      await workbookRun("DeepConvNet", make, mnist, batches, p.warmupIterations, {
        threads: kernelConfig.threads,
        dataParallel: "deep",
      }),
    );
  }

  if (only.has("peer") && tfjs && mnist) {
    results.nets.push(
      peerRun(tfjs, tfjsLabel, mnist, seed, init, p.peerIterations, p.warmupIterations),
    );
  }

  for (const peer of ["torch", "numpy"] as const) {
    if (!only.has(peer) || !mnist) continue;
    const found = await findPython(peer);
    if (found === null) {
      results.skipped[peer] = INSTALL_HINTS[peer];
      print(`(${peer}: ${INSTALL_HINTS[peer]}; going on without it)`);
      continue;
    }
    print(
      `peer:    ${peer === "torch" ? "PyTorch" : "NumPy (the book's code)"} ${found.version} ` +
        `with ${found.python}${found.blas ? `, ${found.blas}` : ""}`,
    );
    const batches = batchSchedule(seed + 1, {
      iterations: p.peerIterations,
      trainSize: mnist.xTrain.shape[0],
    });
    const exchange = writeExchange(bookSimpleConvNetParams(seed, { init }), batches);
    try {
      for (const threads of [1, 2]) {
        const iterations = peer === "numpy" && threads === 2
          ? p.numpyTwoThreadIterations
          : p.peerIterations;
        const full = iterations >= TRAIN_CONVNET.iterationsPerEpoch;
        progress(
          `SimpleConvNet ${peer} ${found.version}, ${threads} thread(s): ${iterations} iterations`,
        );
        try {
          const r = await runPythonPeer(peer, found.python, {
            exchange,
            threads,
            iterations,
            warmup: p.warmupIterations,
            accuracy: full,
          });
          const sliced = peer === "torch" && iterations < batches.length
            ? { ...r.run, iterationSeconds: r.run.iterationSeconds.slice(0, iterations) }
            : r.run;
          print(`threads: ${peer} ${threads} thread${threads > 1 ? "s" : ""}: ${r.settings}`);
          results.nets.push(
            summarize("SimpleConvNet", `${peer} ${found.version}`, sliced, threads, r.testAccuracy),
          );
        } catch (error) {
          results.skipped[peer] = (error as Error).message;
        }
      }
    } finally {
      Deno.removeSync(exchange, { recursive: true });
    }
  }

  if (results.nets.length > netsBefore) {
    print("");
    print(
      `Training, the book's train_convnet.py setup: batch ${TRAIN_CONVNET.batchSize}, ` +
        `SimpleConvNet's weights ${
          init === "he" ? "He-initialised (--init book: 0.01·randn)" : "0.01·randn (the book's)"
        }, ` +
        `Adam lr ${TRAIN_CONVNET.lr}, float32, one epoch = ${TRAIN_CONVNET.iterationsPerEpoch} ` +
        `iterations; an iteration = mini-batch copy + forward + backward + update. On 2 threads ` +
        `each network splits each batch between them (as deno task train does; DeepConvNet's ` +
        `dropout masks are drawn for the whole batch on the main thread)`,
    );
    print(netTable(results.nets));
  }
  for (const [section, why] of Object.entries(results.skipped)) {
    print(`(${section} skipped: ${why})`);
  }

  const ratios = ratioRows(results);
  if (ratios.length > 0) {
    print("");
    print("Ratios (a peer's time / the workbook's; > 1 means the workbook is faster)");
    print(formatTable(["comparison", "ratio", "target"], ratios, ["l", "r", "r"]));
  }
  results.uptimeAfter = await uptime();
  print("");
  print(`uptime after: ${results.uptimeAfter}`);
  return results;
}

/** Loads the peer module, or records why it cannot run. */
async function loadPeer(results: BenchResults) {
  try {
    const peer = await import("./peer_tfjs.ts");
    await peer.initTfjs();
    return peer;
  } catch (error) {
    results.skipped.peer = `TensorFlow.js did not start (${(error as Error).message})`;
    return null;
  }
}

/** MNIST as `[n, 1, 28, 28]` float32 images and class indices, as train_convnet.py loads it. */
function loadData(): Mnist {
  progress("loading MNIST");
  return loadMnist({ flatten: false, dtype: "float32" });
}

/** Progress every 50 iterations (and at the end) of a training run. */
function reporter(name: string, total: number) {
  let last = performance.now();
  return (i: number, loss: number) => {
    if ((i + 1) % 50 !== 0 && i + 1 !== total) return;
    const now = performance.now();
    const per = (now - last) / 1000 / ((i % 50) + 1);
    progress(`${name} ${i + 1}/${total} loss ${fmt(loss, 3)} (${fmt(per * 1000, 1)} ms/iteration)`);
    last = now;
  };
}

/** Reduces a timed run to the table's figures. */
function summarize(
  net: string,
  contestant: string,
  run: TrainRun,
  threads: number,
  testAccuracy?: number,
): NetResult {
  const epoch = TRAIN_CONVNET.iterationsPerEpoch;
  const iterations = run.iterationSeconds.length;
  const sorted = [...run.iterationSeconds].sort((a, b) => a - b);
  const median = sorted[Math.floor(iterations / 2)];
  const extrapolated = iterations < epoch;
  const secondsPerEpoch = extrapolated
    ? median * epoch
    : run.iterationSeconds.reduce((a, b) => a + b, 0) * (epoch / iterations);
  const tail = run.losses.slice(-10);
  return {
    net,
    contestant,
    iterations,
    epochIterations: epoch,
    extrapolated,
    secondsPerEpoch,
    cpuSecondsPerEpoch: run.cpuSeconds * (epoch / iterations),
    imagesPerSecond: (epoch * TRAIN_CONVNET.batchSize) / secondsPerEpoch,
    medianIterationSeconds: median,
    testAccuracy,
    firstLoss: run.losses[0],
    lastLoss: tail.reduce((a, b) => a + b, 0) / tail.length,
    threads,
  };
}

/**
 * Warms up on a throw-away network, then trains a fresh one and measures it. With two threads
 * and `dataParallel` (the network's key in `MODELS`), each batch is split between the threads
 * as `deno task train` does (`lib/train_command/data_parallel.ts`); otherwise the threads share the
 * matrix products.
 */
async function workbookRun(
  name: string,
  make: () => TrainableNet & SplittableNet,
  mnist: Mnist,
  batches: Int32Array[],
  warmupIterations: number,
  options: { threads: number; dataParallel?: string },
): Promise<NetResult> {
  const data = { x: mnist.xTrain, t: mnist.tTrain };
  const split = options.threads > 1 && options.dataParallel !== undefined;
  type Trainee = Pick<TrainableNet, "params" | "gradient" | "lastLayer">;
  const wrap = async (net: TrainableNet & SplittableNet): Promise<Trainee> =>
    split
      ? await DataParallelNet.start(net, {
        model: options.dataParallel as string,
        batchSize: Math.max(...batches.map((b) => b.length)),
        sample: mnist.xTrain.slice(0),
        label: mnist.tTrain.slice(0),
      })
      : net;
  const trainees: Trainee[] = [];
  try {
    if (warmupIterations > 0) {
      progress(`${name} workbook: ${warmupIterations} warm-up iterations`);
      trainees.push(await wrap(make()));
      trainNet(trainees[0], data, { batches: batches.slice(0, warmupIterations) });
    }
    const net = make();
    const trainee = await wrap(net);
    trainees.push(trainee);
    const how = split ? ", batch split" : "";
    const label = `${name} workbook (${options.threads} thread${
      options.threads > 1 ? "s" : ""
    }${how})`;
    const run = trainNet(trainee, data, {
      batches,
      lr: TRAIN_CONVNET.lr,
      onIteration: reporter(label, batches.length),
    });
    let accuracy: number | undefined;
    if (batches.length >= TRAIN_CONVNET.iterationsPerEpoch) {
      progress(`${name} workbook: test accuracy on ${mnist.xTest.shape[0]} images`);
      accuracy = net.accuracy(mnist.xTest, mnist.tTest, { batchSize: 100 });
    }
    return summarize(name, "workbook", run, options.threads, accuracy);
  } finally {
    for (const trainee of trainees) if (trainee instanceof DataParallelNet) trainee.close();
  }
}

/** The tfjs SimpleConvNet: same initial weights and mini-batches as the workbook's. */
function peerRun(
  tfjs: typeof import("./peer_tfjs.ts"),
  label: string,
  mnist: Mnist,
  seed: number,
  init: InitScheme,
  iterations: number,
  warmupIterations: number,
): NetResult {
  const data = tfjs.tfData({
    xTrain: mnist.xTrain.data,
    tTrain: mnist.tTrain.data,
    xTest: mnist.xTest.data,
    tTest: mnist.tTest.data,
  });
  const batches = batchSchedule(seed + 1, { iterations, trainSize: mnist.xTrain.shape[0] });
  try {
    if (warmupIterations > 0) {
      progress(`SimpleConvNet ${label}: ${warmupIterations} warm-up iterations`);
      const warm = tfjs.tfSimpleConvNet(bookSimpleConvNetParams(seed, { init }));
      tfjs.trainTfSimpleConvNet(warm, data, { batches: batches.slice(0, warmupIterations) });
      tfjs.tf.dispose(Object.values(warm));
    }
    const net = tfjs.tfSimpleConvNet(bookSimpleConvNetParams(seed, { init }));
    const run = tfjs.trainTfSimpleConvNet(net, data, {
      batches,
      lr: TRAIN_CONVNET.lr,
      onIteration: reporter(`SimpleConvNet ${label}`, iterations),
    });
    let accuracy: number | undefined;
    if (iterations >= TRAIN_CONVNET.iterationsPerEpoch) {
      progress(`SimpleConvNet ${label}: test accuracy`);
      accuracy = tfjs.tfAccuracy(net, data.xTest, data.tTest);
    }
    tfjs.tf.dispose(Object.values(net));
    return summarize("SimpleConvNet", label, run, 1, accuracy);
  } finally {
    tfjs.tf.dispose(Object.values(data));
  }
}

/** The ratios the issue asks for, with their targets. */
function ratioRows(r: BenchResults): string[][] {
  const rows: string[][] = [];
  const find = (net: string, by: (x: NetResult) => boolean) =>
    r.nets.find((x) => x.net === net && by(x));
  const workbook = (threads: number) =>
    find("SimpleConvNet", (x) => x.contestant === "workbook" && x.threads === threads);
  for (const who of ["torch", "numpy", "tfjs"]) {
    for (const threads of [1, 2]) {
      const mine = workbook(threads);
      const peer = find(
        "SimpleConvNet",
        (x) => x.contestant.startsWith(who) && (who === "tfjs" || x.threads === threads),
      );
      if (!mine || !peer) continue;
      const thr = (n: number) => `${n} thr`;
      rows.push([
        `SimpleConvNet epoch: ${peer.contestant} (${thr(peer.threads)}) s / workbook (${
          thr(threads)
        }) s`,
        `${fmt(peer.secondsPerEpoch / mine.secondsPerEpoch, 2)}×`,
        who === "torch" ? "> 1×" : who === "tfjs" && threads === 2 ? "≥ 10×" : "",
      ]);
      if (threads === 1) {
        // CPU time of one thread is what the other processes of a busy machine inflate least.
        rows.push([
          `  the same in CPU time`,
          `${fmt(peer.cpuSecondsPerEpoch / mine.cpuSecondsPerEpoch, 2)}×`,
          "",
        ]);
      }
    }
  }
  const m = r.matmul;
  const peerGemm = m?.tfjs["512³"];
  if (m && peerGemm) {
    const f32 = m.cases.findIndex((c) => c.label === "512³" && c.dtype === "float32");
    rows.push(
      [
        "512³ f32: gemm 1 thread / tfjs matMul",
        `${fmt(m.one[f32].gflops / peerGemm.gflops)}×`,
        "≥ 1×",
      ],
      [
        "512³ f32: gemm 2 threads / tfjs matMul",
        `${fmt(m.two[f32].gflops / peerGemm.gflops)}×`,
        "≥ 1.7×",
      ],
      [
        "512³ f32, CPU time: gemm 1 thread / tfjs matMul",
        `${fmt(m.one[f32].cpuGflops / peerGemm.cpuGflops)}×`,
        "",
      ],
    );
  }
  return rows;
}
