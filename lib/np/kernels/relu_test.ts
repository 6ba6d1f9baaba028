import assert from "node:assert/strict";
import fc from "fast-check";
import * as np from "../mod.ts";
import type { DType } from "../ndarray.ts";
import { reluBackwardKernel, reluForwardKernel } from "./relu.ts";

// Property tests draw their cases from a fixed seed: a run repeats exactly.
fc.configureGlobal({ seed: 20261204 });

/** Values that test the edges of x <= 0: both zeros, infinities, NaN, tiny numbers. */
const special = [NaN, -NaN, 0, -0, Infinity, -Infinity, 1e-45, -1e-45, 5e-324, -5e-324, 3, -3];

function values(dtype: DType) {
  const value = fc.oneof(fc.constantFrom(...special), fc.double({ noNaN: true }));
  return fc.array(value, { maxLength: 200 }).map((list) => np.array(list, { dtype }));
}

/** Equal element by element with Object.is: -0 is not 0, NaN is NaN. */
function assertSame(actual: np.NDArray, expected: np.NDArray, what: string): void {
  assert.equal(actual.dtype, expected.dtype, what);
  for (let i = 0; i < expected.size; i++) {
    if (!Object.is(actual.data[i], expected.data[i])) {
      assert.fail(`${what}: element ${i} is ${actual.data[i]}, expected ${expected.data[i]}`);
    }
  }
}

for (const dtype of ["float32", "float64"] as const) {
  Deno.test(`reluForwardKernel() gives lessEqual(x, 0) and where(mask, 0, x) (${dtype})`, () => {
    fc.assert(
      fc.property(values(dtype), (x) => {
        const out = np.zerosLike(x), mask = np.zerosLike(x);
        reluForwardKernel(x.data, out.data, mask.data);
        const want = np.lessEqual(x, 0);
        assertSame(mask, want, "mask");
        assertSame(out, np.where(want, 0, x), "out");
      }),
      { seed: 1, numRuns: 200 },
    );
  });

  Deno.test(`reluBackwardKernel() gives where(mask, 0, dout) (${dtype} dout)`, () => {
    const cases = fc.tuple(values(dtype), fc.boolean(), fc.nat()).map(([dout, f32, seed]) => {
      const mask = np.rng(seed).random(dout.shape, { dtype: f32 ? "float32" : "float64" });
      return { dout, mask: np.lessEqual(mask, 0.5) };
    });
    fc.assert(
      fc.property(cases, ({ dout, mask }) => {
        const dx = np.zerosLike(dout);
        reluBackwardKernel(mask.data, dout.data, dx.data);
        assertSame(dx, np.where(mask, 0, dout), "dx");
      }),
      { seed: 2, numRuns: 200 },
    );
  });
}

Deno.test("relu kernels work on subarrays and reject arrays of other types or lengths", () => {
  const x = new Float32Array([9, -1, 2, 9]).subarray(1, 3);
  const out = new Float32Array(2), mask = new Float32Array(2);
  reluForwardKernel(x, out, mask);
  assert.deepEqual([...out], [0, 2]);
  assert.throws(() => reluForwardKernel(x, new Float64Array(2), mask), /one type and length/);
  assert.throws(() => reluBackwardKernel(mask, new Float32Array(3), new Float32Array(3)), /mask/);
});
