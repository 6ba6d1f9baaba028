import assert from "node:assert/strict";
import * as np from "../np/mod.ts";
import { col2im, im2col } from "./im2col.ts";
import { Convolution } from "./convolution.ts";

Deno.test("im2col() rejects images that are not [n, c, h, w]", () => {
  assert.throws(
    () => im2col(np.zeros([28, 28]), { filterH: 3, filterW: 3 }),
    (e: Error) => e instanceof TypeError && /\[n, c, h, w\].*\[28, 28\]/.test(e.message),
  );
});

Deno.test("im2col() rejects bad sizes and filters that do not fit", () => {
  const x = np.zeros([1, 1, 4, 4]);
  assert.throws(() => im2col(x, { filterH: 0, filterW: 3 }), RangeError);
  assert.throws(() => im2col(x, { filterH: 2, filterW: 2, stride: 0 }), /stride must be/);
  assert.throws(() => im2col(x, { filterH: 2, filterW: 2, pad: -1 }), /pad must be/);
  assert.throws(() => im2col(x, { filterH: 2, filterW: 1.5 }), /filterW must be/);
  assert.throws(
    () => im2col(x, { filterH: 5, filterW: 5 }),
    (e: Error) => e instanceof RangeError && /5×5 filter does not fit a 4×4 image/.test(e.message),
  );
});

Deno.test("col2im() says which shape col should have", () => {
  assert.throws(
    () => col2im(np.zeros([4, 5]), { inputShape: [1, 1, 3, 3], filterH: 2, filterW: 2 }),
    (e: Error) => e instanceof TypeError && /needs \[4, 4\]/.test(e.message),
  );
});

Deno.test("im2col() and col2im() keep float32", () => {
  const x = np.rng(0).random([2, 3, 5, 4], { dtype: "float32" });
  const col = im2col(x, { filterH: 3, filterW: 2, stride: 2, pad: 1 });
  assert.equal(col.dtype, "float32");
  const dx = col2im(col, { inputShape: x.shape, filterH: 3, filterW: 2, stride: 2, pad: 1 });
  assert.equal(dx.dtype, "float32");
  assert.deepEqual(dx.shape, [2, 3, 5, 4]);
});

Deno.test("im2col() handles a filter that lies entirely in the padding", () => {
  // pad 2 with a 1×1 filter: the corner outputs read only padding.
  const col = im2col(np.ones([1, 1, 1, 1]), { filterH: 1, filterW: 1, pad: 2 });
  assert.deepEqual(col.shape, [25, 1]);
  assert.equal(np.sum(col), 1);
  assert.equal(col.get(12, 0), 1);
  const dx = col2im(np.ones([25, 1]), { inputShape: [1, 1, 1, 1], filterH: 1, filterW: 1, pad: 2 });
  assert.deepEqual(dx.toArray(), [[[[1]]]]);
});

Deno.test("Convolution rejects mismatched parameters and inputs", () => {
  assert.throws(() => new Convolution(np.zeros([2, 1, 3, 3]), np.zeros([3])), TypeError);
  const conv = new Convolution(np.zeros([2, 1, 3, 3]), np.zeros([2]));
  assert.throws(() => conv.forward(np.zeros([1, 2, 5, 5])), /needs x of shape \[N, 1, H, W\]/);
  assert.throws(() => conv.backward(np.zeros([1, 2, 3, 3])), /before forward/);
});
