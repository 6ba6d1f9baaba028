/**
 * Where a training iteration's time goes, layer by layer: wraps each layer's `forward` and
 * `backward` of the engine's SimpleConvNet or DeepConvNet with a timer, trains a few
 * iterations, and prints the median milliseconds of every step of an iteration.
 *
 * ```sh
 * deno run -A lib/bench/layers.ts                 # SimpleConvNet, 30 iterations
 * deno run -A lib/bench/layers.ts deep --iterations 10
 * deno run -A lib/bench/layers.ts final          # deno task train's network, batch 50
 * ZEROKARA_THREADS=1 deno run -A lib/bench/layers.ts
 * ```
 *
 * @module
 */

import { parseArgs } from "node:util";
import type { Layer } from "../layers/layer.ts";
import { loadMnist } from "../mnist/mod.ts";
import { kernelConfig } from "../np/kernels/matmul.ts";
import * as np from "../np/mod.ts";
import { Adam } from "../engine/adam.ts";
import { convNets } from "../train_command/models.ts";
import { median, progress } from "./harness.ts";
import { setParams, type TrainableNet } from "./nets.ts";
import { formatTable } from "./report.ts";
import { batchSchedule, bookSimpleConvNetParams } from "./workload.ts";

/** Milliseconds of each named step, one entry per iteration. */
export type StepTimes = Map<string, number[]>;

/**
 * Replaces every layer's `forward` and `backward` (and the loss layer's) with a timed
 * version that adds its milliseconds to `times` under `"<layer> forward"` / `"… backward"`.
 *
 * @example
 * ```ts
 * import { instrument } from "./layers.ts";
 * import { Relu } from "../layers/relu.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const layers = new Map([["Relu1", new Relu()]]);
 * const times = new Map<string, number[]>();
 * instrument(layers, times);
 * layers.get("Relu1")!.forward(np.array([-1, 2]));
 * assert.equal(times.get("Relu1 forward")?.length, 1);
 * ```
 *
 * @param layers The network's layers by name.
 * @param times Where the timings go.
 */
export function instrument(
  layers: Map<string, Pick<Layer, "forward" | "backward">>,
  times: StepTimes,
): void {
  for (const [name, layer] of layers) {
    for (const method of ["forward", "backward"] as const) {
      const original = layer[method].bind(layer) as (...args: unknown[]) => unknown;
      const key = `${name} ${method}`;
      (layer as Record<string, unknown>)[method] = (...args: unknown[]) => {
        const start = performance.now();
        const out = original(...args);
        const list = times.get(key) ?? [];
        list.push(performance.now() - start);
        times.set(key, list);
        return out;
      };
    }
  }
}

/** Times `fn` and records its milliseconds under `key`. */
function timed<T>(times: StepTimes, key: string, fn: () => T): T {
  const start = performance.now();
  const out = fn();
  const list = times.get(key) ?? [];
  list.push(performance.now() - start);
  times.set(key, list);
  return out;
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    args: Deno.args,
    allowPositionals: true,
    options: { iterations: { type: "string", default: "30" } },
  });
  const which = positionals[0] ?? "simple";
  const iterations = Number(values.iterations);
  progress("loading MNIST");
  const mnist = loadMnist({ flatten: false, dtype: "float32" });
  let net: TrainableNet & { layers: Map<string, Layer> | Layer[]; lastLayer: Layer };
  if (which === "deep") {
    net = new (convNets().DeepConvNet)({ dtype: "float32", seed: 1 }) as unknown as typeof net;
  } else if (which === "final") {
    net = new (convNets().FinalConvNet)({ dtype: "float32", seed: 1 }) as unknown as typeof net;
  } else {
    const simple = new (convNets().SimpleConvNet)({ dtype: "float32", seed: 1 });
    setParams(simple, bookSimpleConvNetParams(1));
    net = simple as unknown as typeof net;
  }
  const times: StepTimes = new Map();
  // The engine's nets name their layers; a list (the answer key's DeepConvNet) is numbered.
  const named = net.layers instanceof Map
    ? net.layers
    : new Map(net.layers.map((layer, i) => [`${i + 1} ${layer.constructor.name}`, layer]));
  instrument(named, times);
  instrument(new Map([["SoftmaxWithLoss", net.lastLayer]]), times);
  const optimizer = new Adam({ lr: 0.001 });
  const warmup = 3;
  // deno task train's batch for FinalConvNet, the book's 100 for the others.
  const batchSize = which === "final" ? 50 : 100;
  const batches = batchSchedule(2, {
    iterations: iterations + warmup,
    trainSize: 60000,
    batchSize,
  });
  batches.forEach((indices, i) => {
    if (i === warmup) times.clear();
    const start = performance.now();
    const x = timed(
      times,
      "batch copy (np.take)",
      () => np.take(mnist.xTrain, indices, { axis: 0 }),
    );
    const t = timed(times, "batch copy (np.take) labels", () => np.take(mnist.tTrain, indices));
    const grads = net.gradient(x, t);
    timed(times, "Adam.update", () => optimizer.update(net.params, grads));
    const list = times.get("iteration") ?? [];
    list.push(performance.now() - start);
    times.set("iteration", list);
  });
  const total = median(times.get("iteration")!);
  const rows = [...times].filter(([key]) => key !== "iteration").map(([key, list]) => {
    const ms = median(list);
    return [key, ms.toFixed(2), `${(100 * ms / total).toFixed(1)}%`];
  });
  const sum = rows.reduce((a, r) => a + Number(r[1]), 0);
  rows.push(["(sum of the steps)", sum.toFixed(2), `${(100 * sum / total).toFixed(1)}%`]);
  // The fused steps of gradient() (ReluPool, ConvReluPool) run no layer's own forward or
  // backward, so their time is what the layers' rows leave of the iteration.
  rows.push([
    "(fused steps: the rest)",
    (total - sum).toFixed(2),
    `${(100 * (total - sum) / total).toFixed(1)}%`,
  ]);
  rows.push(["iteration", total.toFixed(2), "100%"]);
  console.log(
    `${
      which === "deep" ? "DeepConvNet" : which === "final" ? "FinalConvNet" : "SimpleConvNet"
    }, batch ${batchSize}, float32, gemm ${kernelConfig.backend} ` +
      `on ${kernelConfig.threads} thread(s); median ms per iteration over ${iterations} iterations`,
  );
  console.log(formatTable(["step", "ms", "share"], rows, ["l", "r", "r"]));
}
