import assert from "node:assert/strict";
import fc from "fast-check";
import * as np from "../mod.ts";
import { gemm, gemmBatch, kernelConfig } from "./matmul.ts";
import { type Gemm, type GemmBatch, gemmBatchTs, gemmTs } from "./matmul_ts.ts";
import {
  gemmBatchWasm,
  gemmInPlace,
  gemmWasm,
  reserveWasmMemory,
  wasmRuntime,
} from "./matmul_wasm.ts";
import type { TypedArray } from "../ndarray.ts";

// Property tests draw their cases from a fixed seed: a run repeats exactly.
fc.configureGlobal({ seed: 20261204 });

interface Case {
  m: number;
  n: number;
  k: number;
  transA: boolean;
  transB: boolean;
  accumulate: boolean;
  f64: boolean;
  seed: number;
}

/** Seeded operands of one case, C filled too (what `accumulate` adds to). */
function operands({ m, n, k, f64, seed }: Case): { a: TypedArray; b: TypedArray; c: TypedArray } {
  const rng = np.rng(seed);
  const dtype = f64 ? "float64" : "float32";
  const draw = (size: number) => rng.uniform([size], { low: -1, high: 1, dtype }).data;
  return { a: draw(m * k), b: draw(k * n), c: draw(m * n) };
}

/**
 * Checks `actual` against the TypeScript kernel's result within the rounding a sum of k
 * products can gather: |Δ| ≤ 2·(k + 1)·ε·(Σ|a||b| + |c|), with ε of the dtype.
 */
function assertMatchesTs(g: Case, actual: TypedArray, ops: ReturnType<typeof operands>): void {
  const { m, n, k, transA, transB, accumulate } = g;
  const expected = ops.c.slice();
  gemmTs({ m, n, k, a: ops.a, b: ops.b, c: expected, transA, transB, accumulate });
  const bound = new Float64Array(m * n);
  if (accumulate) { for (let i = 0; i < bound.length; i++) bound[i] = Math.abs(ops.c[i]); }
  const abs = (x: TypedArray) => Float64Array.from(x, Math.abs);
  gemmTs({ m, n, k, a: abs(ops.a), b: abs(ops.b), c: bound, transA, transB, accumulate: true });
  const eps = g.f64 ? 2 ** -52 : 2 ** -23;
  for (let i = 0; i < m * n; i++) {
    const tolerance = 2 * (k + 1) * eps * bound[i];
    if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) {
      assert.fail(
        `C[${Math.floor(i / n)}][${i % n}] = ${actual[i]}, the TypeScript kernel gives ` +
          `${expected[i]} (tolerance ${tolerance}) for ${JSON.stringify(g)}`,
      );
    }
  }
}

function runWasm(g: Case, threads: number): TypedArray {
  const ops = operands(g);
  const c = ops.c.slice();
  const { m, n, k, transA, transB, accumulate } = g;
  const product: Gemm = { m, n, k, a: ops.a, b: ops.b, c, transA, transB, accumulate };
  assert.ok(
    gemmWasm(product, { threads, parallelMinMacs: 0, parallelMinSide: 0 }),
    "WebAssembly is unavailable",
  );
  return c;
}

/** Sizes that end mid-tile (6×8, 6×4), mid-slice (KC = 256) and mid-block (MC = 96). */
const dim = fc.oneof(
  fc.integer({ min: 1, max: 40 }),
  fc.constantFrom(1, 2, 3, 5, 7, 11, 13, 31, 97, 101, 193),
);
const cases = fc.record({
  m: dim,
  n: dim,
  k: fc.oneof(dim, fc.constantFrom(255, 256, 257, 300, 521)),
  transA: fc.boolean(),
  transB: fc.boolean(),
  accumulate: fc.boolean(),
  f64: fc.boolean(),
  seed: fc.nat(),
});

Deno.test("gemmWasm() matches the TypeScript kernel on one thread", () => {
  fc.assert(
    fc.property(cases, (g) => assertMatchesTs(g, runWasm(g, 1), operands(g))),
    { seed: 1, numRuns: 150 },
  );
});

Deno.test("gemmWasm() matches the TypeScript kernel on two threads", () => {
  fc.assert(
    fc.property(cases, (g) => assertMatchesTs(g, runWasm(g, 2), operands(g))),
    { seed: 2, numRuns: 150 },
  );
});

Deno.test("gemmWasm() gives the same bits on one and two threads", () => {
  // Tall (split by rows), wide (split by columns), a wide B past one NC block, both dtypes.
  const shapes = [[200, 30, 70], [25, 301, 200], [7, 2100, 3], [100, 100, 600]];
  for (const [m, n, k] of shapes) {
    for (const f64 of [false, true]) {
      for (const transA of [false, true]) {
        const g = { m, n, k, transA, transB: !transA, accumulate: transA, f64, seed: m + n };
        assert.deepEqual(runWasm(g, 2), runWasm(g, 1), JSON.stringify(g));
      }
    }
  }
});

Deno.test("gemmWasm() handles empty products like NumPy", () => {
  for (const [m, n, k] of [[0, 3, 2], [3, 0, 2], [2, 3, 0]]) {
    const c = new Float32Array(m * n).fill(7);
    assert.ok(gemmWasm({ m, n, k, a: new Float32Array(m * k), b: new Float32Array(k * n), c }));
    assert.deepEqual([...c], new Array(m * n).fill(0));
    c.fill(7);
    const b = new Float32Array(k * n);
    assert.ok(gemmWasm({ m, n, k, a: new Float32Array(m * k), b, c, accumulate: true }));
    assert.deepEqual([...c], new Array(m * n).fill(7));
  }
});

Deno.test("gemmWasm() lets the worker run its part of big products", async () => {
  const g = { m: 120, n: 64, k: 64, transA: false, transB: false, accumulate: false };
  const expected = runWasm({ ...g, f64: false, seed: 3 }, 1);
  // The worker starts asynchronously; until it runs, the main thread takes its parts back.
  for (let attempt = 0; attempt < 100; attempt++) {
    assert.deepEqual(runWasm({ ...g, f64: false, seed: 3 }, 2), expected);
    if ((wasmRuntime()?.helper?.workerRuns ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.fail("The worker never ran a part of a product");
});

Deno.test("gemm() follows kernelConfig.backend", () => {
  const g = { m: 9, n: 10, k: 11, transA: true, transB: false, accumulate: true, f64: false };
  const ops = operands({ ...g, seed: 4 });
  const product = (c: TypedArray) => ({ ...g, a: ops.a, b: ops.b, c });
  const saved = kernelConfig.backend;
  try {
    kernelConfig.backend = "ts";
    const viaGemm = ops.c.slice(), viaTs = ops.c.slice();
    gemm(product(viaGemm));
    gemmTs(product(viaTs));
    assert.deepEqual(viaGemm, viaTs);
    kernelConfig.backend = "wasm";
    const viaWasm = ops.c.slice(), direct = ops.c.slice();
    gemm(product(viaWasm));
    gemmWasm(product(direct), { threads: kernelConfig.threads });
    assert.deepEqual(viaWasm, direct);
  } finally {
    kernelConfig.backend = saved;
  }
});

Deno.test("np.dot() with the worker lets a script exit on its own", async () => {
  // A product big enough for two threads; the script must end without an explicit exit.
  const np = new URL("../mod.ts", import.meta.url).href;
  const code = `import * as np from "${np}";
    const x = np.ones([300, 300], { dtype: "float32" });
    console.log(np.sum(np.dot(x, x)));`;
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["eval", "--no-check", code],
    env: { ZEROKARA_THREADS: "2" },
    stdout: "piped",
    stderr: "piped",
    // A hang would be the bug: give up after a generous minute.
    signal: AbortSignal.timeout(60_000),
  }).output();
  const stderr = new TextDecoder().decode(output.stderr);
  assert.equal(output.code, 0, stderr);
  assert.equal(new TextDecoder().decode(output.stdout).trim(), String(300 * 300 * 300));
});

Deno.test("gemmWasm() gives the same bits under V8's baseline and optimizing compilers", async () => {
  // relaxed_madd may be fused or not depending on the CPU; on one machine both of V8's wasm
  // compilers (Liftoff, TurboFan) must choose alike, or results would change as code tiers up.
  const kernels = new URL("./matmul_wasm.ts", import.meta.url).href;
  const code = `import { gemmWasm } from "${kernels}";
    let state = 1, text = "";
    for (const Array of [Float32Array, Float64Array]) {
      const draw = (n) => Array.from({ length: n }, () => {
        state = (state * 1103515245 + 12345) >>> 0;
        return state / 2 ** 32 - 0.5;
      });
      const c = new Array(61 * 53);
      gemmWasm({ m: 61, n: 53, k: 300, a: draw(61 * 300), b: draw(300 * 53), c });
      text += [...new Uint8Array(c.buffer)].join(",");
    }
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
    console.log([...new Uint8Array(digest)].join(","));`;
  const run = async (flag: string) => {
    const output = await new Deno.Command(Deno.execPath(), {
      args: ["eval", "--no-check", `--v8-flags=${flag}`, code],
      stdout: "piped",
      stderr: "piped",
      signal: AbortSignal.timeout(60_000),
    }).output();
    assert.equal(output.code, 0, new TextDecoder().decode(output.stderr));
    return new TextDecoder().decode(output.stdout).trim();
  };
  const [liftoff, turbofan] = await Promise.all([run("--liftoff-only"), run("--no-liftoff")]);
  assert.equal(liftoff, turbofan);
});

/** A batch of products: `count` of one shape, A and/or B shared by all (stride 0) or not. */
const batchCases = fc.record({
  m: fc.integer({ min: 1, max: 30 }),
  n: fc.integer({ min: 1, max: 30 }),
  k: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.constantFrom(255, 257)),
  count: fc.integer({ min: 1, max: 7 }),
  sharedA: fc.boolean(),
  sharedB: fc.boolean(),
  transA: fc.boolean(),
  transB: fc.boolean(),
  accumulate: fc.boolean(),
  f64: fc.boolean(),
  seed: fc.nat(),
});
type BatchCase = typeof batchCases extends fc.Arbitrary<infer T> ? T : never;

/** Seeded operands of a batch, and the batch for gemmBatch* on a copy of C. */
function batchOperands(g: BatchCase) {
  const { m, n, k, count, sharedA, sharedB, f64, seed } = g;
  const rng = np.rng(seed);
  const draw = (size: number) =>
    rng.uniform([size], { low: -1, high: 1, dtype: f64 ? "float64" : "float32" }).data;
  const a = draw((sharedA ? 1 : count) * m * k), b = draw((sharedB ? 1 : count) * k * n);
  const c = draw(count * m * n);
  const batch = (out: TypedArray): GemmBatch => ({
    ...g,
    a,
    b,
    c: out,
    strideA: sharedA ? 0 : m * k,
    strideB: sharedB ? 0 : k * n,
  });
  return { a, b, c, batch };
}

Deno.test("gemmBatchWasm() computes each product of a batch as gemmTs, on one and two threads", () => {
  fc.assert(
    fc.property(batchCases, (g) => {
      const { a, b, c, batch } = batchOperands(g);
      const one = c.slice(), two = c.slice();
      assert.ok(gemmBatchWasm(batch(one), { threads: 1 }), "WebAssembly is unavailable");
      assert.ok(gemmBatchWasm(batch(two), { threads: 2, parallelMinMacs: 0 }));
      // Every product is computed whole by one thread: the same bits either way.
      assert.deepEqual(two, one);
      const { m, n, k } = g;
      for (let i = 0; i < g.count; i++) {
        const ops = {
          a: g.sharedA ? a : a.subarray(i * m * k, (i + 1) * m * k),
          b: g.sharedB ? b : b.subarray(i * k * n, (i + 1) * k * n),
          c: c.subarray(i * m * n, (i + 1) * m * n),
        };
        assertMatchesTs(g, one.subarray(i * m * n, (i + 1) * m * n), ops);
      }
    }),
    { seed: 5, numRuns: 150 },
  );
});

Deno.test("gemmBatch() with the TypeScript backend gives gemmBatchTs", () => {
  const g = { m: 5, n: 6, k: 7, count: 3, sharedA: true, sharedB: false, seed: 6 };
  const { c, batch } = batchOperands({
    ...g,
    transA: true,
    transB: false,
    accumulate: true,
    f64: false,
  });
  const saved = kernelConfig.backend;
  try {
    kernelConfig.backend = "ts";
    const viaGemm = c.slice(), direct = c.slice();
    gemmBatch(batch(viaGemm));
    gemmBatchTs(batch(direct));
    assert.deepEqual(viaGemm, direct);
  } finally {
    kernelConfig.backend = saved;
  }
});

Deno.test("gemmBatchWasm() declines strides other than 0 or one matrix", () => {
  const c = new Float32Array(4);
  const a = new Float32Array(8), b = new Float32Array(2);
  assert.equal(
    gemmBatchWasm({ m: 1, n: 2, k: 1, a, b, c, count: 2, strideA: 3, strideB: 0 }),
    false,
  );
});

Deno.test("gemmBatchWasm() lets the worker run its share of a batch", async () => {
  const g = {
    m: 16,
    n: 40,
    k: 30,
    count: 6,
    sharedA: true,
    sharedB: false,
    transA: false,
    transB: true,
    accumulate: false,
    f64: false,
    seed: 7,
  };
  const { c, batch } = batchOperands(g);
  const expected = c.slice();
  gemmBatchWasm(batch(expected), { threads: 1 });
  const before = wasmRuntime()?.helper?.workerRuns ?? 0;
  for (let attempt = 0; attempt < 100; attempt++) {
    const out = c.slice();
    gemmBatchWasm(batch(out), { threads: 2, parallelMinMacs: 0 });
    assert.deepEqual(out, expected);
    if ((wasmRuntime()?.helper?.workerRuns ?? 0) > before) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.fail("The worker never ran its share of a batch");
});

Deno.test("gemmInPlace() on reserved memory gives gemmWasm's bits, on one and two threads", () => {
  const rt = wasmRuntime();
  if (rt === null) return;
  // Big enough to be split: C is 300×64, k = 200 (3.8M multiply-adds), B read transposed.
  const m = 300, n = 64, k = 200;
  const rng = np.rng(7);
  const a = rng.random([m * k], { dtype: "float32" }).data as Float32Array;
  const b = rng.random([n * k], { dtype: "float32" }).data as Float32Array;
  const expected = new Float32Array(m * n);
  gemmWasm({ m, n, k, a, b, c: expected, transB: true }, { threads: 1 });
  const aAt = reserveWasmMemory(a.byteLength)!, bAt = reserveWasmMemory(b.byteLength)!;
  const cAt = reserveWasmMemory(expected.byteLength)!;
  new Float32Array(rt.memory.buffer, aAt, a.length).set(a);
  new Float32Array(rt.memory.buffer, bAt, b.length).set(b);
  for (const threads of [1, 2]) {
    gemmInPlace([0, m, n, k, aAt, k, 1, bAt, 1, k, cAt, n, 0], threads);
    // A product of gemmWasm afterwards puts its operands above the reservations.
    gemmWasm({ m: 2, n: 2, k: 2, a: a.slice(0, 4), b: b.slice(0, 4), c: new Float32Array(4) });
    assert.deepEqual(new Float32Array(rt.memory.buffer, cAt, m * n), expected, `${threads}`);
  }
});
