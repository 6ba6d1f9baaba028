import assert from "node:assert/strict";
import fc from "fast-check";
import { kernelConfig } from "./config.ts";
import { type Arithmetic, binaryLoop, whereLoop } from "./elementwise.ts";
import { reduceAxis } from "./reduce.ts";
import { drawValues } from "./test_inputs.ts";
import type { TypedArray } from "../ndarray.ts";

// Property tests draw their cases from a fixed seed: a run repeats exactly.
fc.configureGlobal({ seed: 20261204 });

/** Seeded values, a share of them NaN, ±0, ±∞ or ties. */
function draw(size: number, f64: boolean, seed: number, edgeShare: number): TypedArray {
  return drawValues(size, { f64, seed, edgeShare });
}

/**
 * Checks two results element by element with `Object.is`: -0 differs from 0 and NaN equals NaN
 * (whatever its payload bits, which V8's compilers do not all keep alike).
 */
function assertSameValues(actual: TypedArray, expected: TypedArray, what: string): void {
  assert.equal(actual.length, expected.length, what);
  for (let i = 0; i < actual.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      assert.fail(`${what}: element ${i} is ${actual[i]}, expected ${expected[i]}`);
    }
  }
}

/** Runs `f` with the TypeScript loops, then with WebAssembly, and returns both results. */
function bothBackends(f: () => TypedArray): [TypedArray, TypedArray] {
  const saved = kernelConfig.backend;
  try {
    kernelConfig.backend = "ts";
    const ts = f();
    kernelConfig.backend = "wasm";
    return [ts, f()];
  } finally {
    kernelConfig.backend = saved;
  }
}

Deno.test("whereLoop() gives the same values in WebAssembly and TypeScript", () => {
  const cases = fc.record({
    n: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 2040, max: 2100 })),
    f64: fc.boolean(),
    scalarA: fc.boolean(),
    scalarB: fc.boolean(),
    seed: fc.nat(),
  });
  fc.assert(
    fc.property(cases, ({ n, f64, scalarA, scalarB, seed }) => {
      const cond = draw(n, f64, seed, 0.3);
      const a = draw(scalarA ? 1 : n, f64, seed + 1, 0.3);
      const b = draw(scalarB ? 1 : n, f64, seed + 2, 0.3);
      const operand = (x: TypedArray) => ({ data: x, strides: [x.length === 1 ? 0 : 1] });
      const [ts, wasm] = bothBackends(() => {
        const out = f64 ? new Float64Array(n) : new Float32Array(n);
        whereLoop(operand(cond), operand(a), operand(b), out, [n]);
        return out;
      });
      assertSameValues(wasm, ts, "where");
      // And the meaning, element by element: NaN is true, -0 is false.
      for (let i = 0; i < n; i++) {
        const expected = cond[i] !== 0 ? a[a.length === 1 ? 0 : i] : b[b.length === 1 ? 0 : i];
        assert.ok(Object.is(ts[i], expected), `where at ${i}`);
      }
    }),
    { seed: 5, numRuns: 120 },
  );
});

Deno.test("reduceAxis() max/min/argmax/argmin of runs agree in WebAssembly and TypeScript", () => {
  const cases = fc.record({
    kind: fc.constantFrom("max", "min", "argmax", "argmin" as const),
    outer: fc.oneof(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 500, max: 1100 })),
    n: fc.integer({ min: 1, max: 9 }),
    f64: fc.boolean(),
    seed: fc.nat(),
  });
  fc.assert(
    fc.property(cases, ({ kind, outer, n, f64, seed }) => {
      const x = draw(outer * n, f64, seed, 0.2);
      const [ts, wasm] = bothBackends(() => {
        const out = f64 ? new Float64Array(outer) : new Float32Array(outer);
        reduceAxis(kind, x, outer, n, 1, out);
        return out;
      });
      assertSameValues(wasm, ts, kind);
      // NumPy's rules on each run: NaN wins (its first position), ties keep the first.
      for (let o = 0; o < outer; o++) {
        const run = [...x.subarray(o * n, (o + 1) * n)];
        const nan = run.findIndex(Number.isNaN);
        const best = kind.endsWith("max") ? Math.max(...run) : Math.min(...run);
        const at = nan >= 0 ? nan : run.findIndex((v) => v === best);
        if (kind.startsWith("arg")) assert.equal(ts[o], at, `${kind} of run ${o}`);
        else assert.ok(nan >= 0 ? Number.isNaN(ts[o]) : ts[o] === best, `${kind} of run ${o}`);
      }
    }),
    { seed: 6, numRuns: 120 },
  );
});

Deno.test("binaryLoop() named operations give the values of the plain functions", () => {
  const functions: Record<Arithmetic, (x: number, y: number) => number> = {
    add: (x, y) => x + y,
    sub: (x, y) => x - y,
    mul: (x, y) => x * y,
    div: (x, y) => x / y,
    maximum: Math.max,
    minimum: Math.min,
    equal: (x, y) => (x === y ? 1 : 0),
    notEqual: (x, y) => (x !== y ? 1 : 0),
    greater: (x, y) => (x > y ? 1 : 0),
    greaterEqual: (x, y) => (x >= y ? 1 : 0),
    less: (x, y) => (x < y ? 1 : 0),
    lessEqual: (x, y) => (x <= y ? 1 : 0),
  };
  const ops = Object.keys(functions) as Arithmetic[];
  const cases = fc.record({
    op: fc.constantFrom(...ops),
    rows: fc.integer({ min: 1, max: 7 }),
    cols: fc.integer({ min: 1, max: 9 }),
    broadcast: fc.constantFrom("none", "row", "scalar"),
    f64: fc.boolean(),
    seed: fc.nat(),
  });
  fc.assert(
    fc.property(cases, ({ op, rows, cols, broadcast, f64, seed }) => {
      const a = draw(rows * cols, f64, seed, 0.4);
      const bSize = broadcast === "none" ? rows * cols : broadcast === "row" ? cols : 1;
      const b = draw(bSize, f64, seed + 1, 0.4);
      const bStrides = broadcast === "none" ? [cols, 1] : broadcast === "row" ? [0, 1] : [0, 0];
      const run = (how: Arithmetic | ((x: number, y: number) => number)) => {
        const out = f64 ? new Float64Array(rows * cols) : new Float32Array(rows * cols);
        binaryLoop(how, { data: a, strides: [cols, 1] }, { data: b, strides: bStrides }, out, [
          rows,
          cols,
        ]);
        return out;
      };
      assertSameValues(run(op), run(functions[op]), op);
    }),
    { seed: 9, numRuns: 200 },
  );
});
