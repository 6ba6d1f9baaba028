import assert from "node:assert/strict";
import fc from "fast-check";
import { permuteKernel } from "./permute.ts";

// Property tests draw their cases from a fixed seed: a run repeats exactly.
fc.configureGlobal({ seed: 20261204 });

/** The definition, one element at a time: out[i] = x[Σ index[j]·stride[perm[j]]]. */
function naivePermute(x: Float64Array, shape: number[], perm: number[]): Float64Array {
  const strides = shape.map((_, axis) => shape.slice(axis + 1).reduce((p, n) => p * n, 1));
  const outShape = perm.map((axis) => shape[axis]);
  const out = new Float64Array(x.length);
  for (let i = 0; i < out.length; i++) {
    let rest = i, from = 0;
    for (let j = outShape.length - 1; j >= 0; j--) {
      from += (rest % outShape[j]) * strides[perm[j]];
      rest = Math.floor(rest / outShape[j]);
    }
    out[i] = x[from];
  }
  return out;
}

Deno.test("permuteKernel() matches the definition on random shapes and permutations", () => {
  const cases = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 5 })
    .chain((shape) =>
      fc.tuple(
        fc.constant(shape),
        fc.shuffledSubarray([...shape.keys()], { minLength: shape.length }),
      )
    );
  fc.assert(
    fc.property(cases, ([shape, perm]) => {
      const x = Float64Array.from({ length: shape.reduce((p, n) => p * n, 1) }, (_, i) => i);
      const out = new Float64Array(x.length);
      permuteKernel(x, out, shape, perm);
      assert.deepEqual(out, naivePermute(x, shape, perm));
    }),
    { seed: 7, numRuns: 300 },
  );
});

Deno.test("permuteKernel() transposes NCHW to NHWC and back (the CNN layers' case)", () => {
  const shape = [3, 5, 33, 35]; // past one 32×32 tile in both directions
  const x = Float64Array.from({ length: 3 * 5 * 33 * 35 }, (_, i) => i * 0.5);
  const nhwc = new Float64Array(x.length), back = new Float64Array(x.length);
  permuteKernel(x, nhwc, shape, [0, 2, 3, 1]);
  assert.deepEqual(nhwc, naivePermute(x, shape, [0, 2, 3, 1]));
  permuteKernel(nhwc, back, [3, 33, 35, 5], [0, 3, 1, 2]);
  assert.deepEqual(back, x);
});
