/**
 * Benchmarks of the matrix product: 512³ and the products of the workbook's CNNs (batch 100),
 * in float32 and float64, on one and two threads, beside the TypeScript kernel.
 *
 * ```sh
 * deno bench -A lib/np/kernels/matmul_bench.ts          # Deno's bench table (time per product)
 * deno run -A lib/np/kernels/matmul_bench.ts [filter]   # GFLOP/s table, with the machine and its load
 * deno run -A lib/np/kernels/matmul_bench.ts --cpu      # one thread, timed in CPU time
 * ```
 *
 * GFLOP/s counts 2·m·n·k floating-point operations per product. The machine is shared, so the
 * table also prints the load average: two threads only pay when the second core is idle. On a
 * busy machine `--cpu` times one thread by the process's CPU time instead of the wall clock,
 * which other processes do not inflate (it cannot time two threads, so it shows one).
 *
 * @module
 */

import { cpuUsage } from "node:process";
import { gemmTs } from "./matmul_ts.ts";
import { gemmWasm } from "./matmul_wasm.ts";
import type { TypedArray } from "../ndarray.ts";

/** One product to measure: C (m×n) = op(A) (m×k) · op(B) (k×n). */
interface Shape {
  name: string;
  m: number;
  n: number;
  k: number;
  transA?: boolean;
  transB?: boolean;
}

/** The shapes that matter: a square yardstick, then the CNN layers' products at batch 100. */
const SHAPES: Shape[] = [
  { name: "512³", m: 512, n: 512, k: 512 },
  // SimpleConvNet conv1 (30 filters 5×5 on 1×28×28 → 24×24) via im2col: 100·576 rows of 25.
  { name: "conv1 forward col·W", m: 57600, n: 30, k: 25 },
  { name: "conv1 dW colᵀ·dout", m: 25, n: 30, k: 57600, transA: true },
  { name: "conv1 dcol dout·Wᵀ", m: 57600, n: 25, k: 30, transB: true },
  // SimpleConvNet affine 4320 → 100 (30·12·12 pooled features).
  { name: "affine forward x·W", m: 100, n: 100, k: 4320 },
  { name: "affine dW xᵀ·dout", m: 4320, n: 100, k: 100, transA: true },
  { name: "affine dx dout·Wᵀ", m: 100, n: 4320, k: 100, transB: true },
  // DeepConvNet 3×3 convolutions (pad 1): 16 channels at 28 px, 32 at 14, 64 at 7.
  { name: "deep conv 16→16 @28", m: 78400, n: 16, k: 144 },
  { name: "deep conv 32→32 @14", m: 19600, n: 32, k: 288 },
  { name: "deep conv 64→64 @7", m: 4900, n: 64, k: 576 },
  { name: "deep dW 16→16 @28", m: 144, n: 16, k: 78400, transA: true },
];

type Backend = "ts" | "wasm 1 thread" | "wasm 2 threads";

/** Seeded operands (a fixed LCG: the numbers only need to be ordinary floats). */
function operands(shape: Shape, f64: boolean): { a: TypedArray; b: TypedArray; c: TypedArray } {
  let state = 12345;
  const fill = (size: number) => {
    const x = f64 ? new Float64Array(size) : new Float32Array(size);
    for (let i = 0; i < size; i++) {
      state = (state * 1103515245 + 12345) >>> 0;
      x[i] = state / 2 ** 32 - 0.5;
    }
    return x;
  };
  const { m, n, k } = shape;
  return { a: fill(m * k), b: fill(k * n), c: fill(m * n) };
}

/** A function that runs one product with a backend. */
function product(shape: Shape, f64: boolean, backend: Backend): () => void {
  const { a, b, c } = operands(shape, f64);
  const g = { ...shape, a, b, c };
  if (backend === "ts") return () => gemmTs(g);
  const threads = backend === "wasm 2 threads" ? 2 : 1;
  return () => {
    if (!gemmWasm(g, { threads })) throw new Error("WebAssembly kernels are unavailable here");
  };
}

const backends: Backend[] = ["wasm 1 thread", "wasm 2 threads", "ts"];

for (const shape of SHAPES) {
  for (const f64 of [false, true]) {
    const dtype = f64 ? "float64" : "float32";
    const mflop = (2 * shape.m * shape.n * shape.k / 1e6).toFixed(0);
    for (const backend of backends) {
      // The TypeScript kernel only as a yardstick: on 512³ and one CNN shape.
      if (backend === "ts" && !["512³", "conv1 forward col·W"].includes(shape.name)) continue;
      Deno.bench({
        name: `${dtype} ${backend}`,
        group: `${shape.name} ${dtype} (${mflop} MFLOP)`,
        baseline: backend === "wasm 1 thread",
        fn: product(shape, f64, backend),
      });
    }
  }
}

/** The process's CPU time in ms (user + system, all threads). */
function cpuTime(): number {
  const { user, system } = cpuUsage();
  return (user + system) / 1000;
}

/** Best time of one product, in ms, over rounds of at least 100 ms of `clock`. */
function bestTime(run: () => void, clock: () => number): number {
  run();
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    let reps = 0;
    const start = clock();
    let now = start;
    do {
      run();
      reps++;
      now = clock();
    } while (now - start < 100);
    best = Math.min(best, (now - start) / reps);
  }
  return best;
}

if (import.meta.main) {
  const useCpu = Deno.args.includes("--cpu");
  const filter = Deno.args.find((arg) => !arg.startsWith("--")) ?? "";
  const clock = useCpu ? cpuTime : () => performance.now();
  const columns = useCpu ? backends.filter((b) => b !== "wasm 2 threads") : backends;
  const cpu = (() => {
    try {
      return Deno.readTextFileSync("/proc/cpuinfo").match(/model name\s*:\s*(.*)/)?.[1];
    } catch {
      return undefined;
    }
  })();
  const load = () => Deno.loadavg().map((x) => x.toFixed(2)).join(", ");
  console.log(`cpus: ${navigator.hardwareConcurrency}, model: ${cpu ?? "?"}, load: ${load()}`);
  const labels: Record<Backend, string> = {
    "wasm 1 thread": "wasm 1t",
    "wasm 2 threads": "wasm 2t",
    "ts": "ts",
  };
  const header = columns.map((b) => labels[b]);
  console.log(
    `GFLOP/s, best of 5 rounds, ${useCpu ? "CPU time" : "wall time"}`.padEnd(25),
    header.map((h) => h.padStart(8)).join("  "),
  );
  for (const shape of SHAPES.filter((s) => s.name.includes(filter))) {
    for (const f64 of [false, true]) {
      const flop = 2 * shape.m * shape.n * shape.k;
      const cells = columns.map((backend) => {
        if (backend === "ts" && shape.name !== "512³") return "".padStart(8);
        const ms = bestTime(product(shape, f64, backend), clock);
        return (flop / ms / 1e6).toFixed(1).padStart(8);
      });
      console.log(`${shape.name.padEnd(21)} ${f64 ? "f64" : "f32"} ${cells.join("  ")}`);
    }
  }
  console.log(`load at the end: ${load()}`);
}
