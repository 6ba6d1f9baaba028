import assert from "node:assert/strict";
import fc from "fast-check";
import * as np from "../../lib/np/mod.ts";
import { assertAllClose } from "../../lib/testing/mod.ts";
import type { Im2colOptions } from "../../lib/layers/im2col.ts";
import { col2im, im2col } from "./im2col.ts";

Deno.test("im2col() gives the book's shapes (§7.4.3)", () => {
  const x1 = np.rng(0).random([1, 3, 7, 7]);
  assert.deepEqual(im2col(x1, { filterH: 5, filterW: 5, stride: 1, pad: 0 }).shape, [9, 75]);
  const x2 = np.rng(1).random([10, 3, 7, 7]);
  assert.deepEqual(im2col(x2, { filterH: 5, filterW: 5, stride: 1, pad: 0 }).shape, [90, 75]);
});

Deno.test("im2col() unrolls the patches of a 3×3 image (worked by hand)", () => {
  const x = np.arange(1, 10).reshape(1, 1, 3, 3);
  assert.deepEqual(im2col(x, { filterH: 2, filterW: 2 }).toArray(), [
    [1, 2, 4, 5],
    [2, 3, 5, 6],
    [4, 5, 7, 8],
    [5, 6, 8, 9],
  ]);
});

Deno.test("im2col() reads zeros in the padding and steps by the stride (worked by hand)", () => {
  // The padded image is 5×5 with the 3×3 image in the middle; a 2×2 window steps by 2.
  const x = np.arange(1, 10).reshape(1, 1, 3, 3);
  assert.deepEqual(im2col(x, { filterH: 2, filterW: 2, stride: 2, pad: 1 }).toArray(), [
    [0, 0, 0, 1],
    [0, 0, 2, 3],
    [0, 4, 0, 7],
    [5, 6, 8, 9],
  ]);
});

Deno.test("im2col() puts channels side by side and images one after another", () => {
  const channels = np.array([[[[1, 2], [3, 4]], [[10, 20], [30, 40]]]]);
  assert.deepEqual(im2col(channels, { filterH: 2, filterW: 2 }).toArray(), [
    [1, 2, 3, 4, 10, 20, 30, 40],
  ]);
  const images = np.array([[[[1, 2], [3, 4]]], [[[5, 6], [7, 8]]]]);
  assert.deepEqual(im2col(images, { filterH: 1, filterW: 2 }).toArray(), [
    [1, 2],
    [3, 4],
    [5, 6],
    [7, 8],
  ]);
});

Deno.test("im2col() keeps the dtype of its input", () => {
  const x = np.rng(2).random([2, 1, 4, 4], { dtype: "float32" });
  assert.equal(im2col(x, { filterH: 3, filterW: 3 }).dtype, "float32");
});

Deno.test("col2im() adds overlapping patches back onto their pixels (worked by hand)", () => {
  const dx = col2im(np.ones([4, 4]), { inputShape: [1, 1, 3, 3], filterH: 2, filterW: 2 });
  assert.deepEqual(dx.toArray(), [[[[1, 2, 1], [2, 4, 2], [1, 2, 1]]]]);
});

Deno.test("col2im() drops the padding and undoes im2col when windows do not overlap", () => {
  const col = np.array([
    [0, 0, 0, 1],
    [0, 0, 2, 3],
    [0, 4, 0, 7],
    [5, 6, 8, 9],
  ]);
  const options = { inputShape: [1, 1, 3, 3], filterH: 2, filterW: 2, stride: 2, pad: 1 };
  assert.deepEqual(col2im(col, options).toArray(), [[[[1, 2, 3], [4, 5, 6], [7, 8, 9]]]]);
  // 2×2 windows with stride 2 tile a 4×6 image exactly: every pixel is in one window.
  const x = np.rng(3).random([2, 3, 4, 6]);
  const window = { filterH: 2, filterW: 2, stride: 2, pad: 0 };
  assertAllClose(col2im(im2col(x, window), { ...window, inputShape: x.shape }), x);
});

Deno.test("col2im() is the adjoint of im2col: <im2col(x), y> = <x, col2im(y)> (property)", () => {
  const sizes = fc.record({
    n: fc.integer({ min: 1, max: 2 }),
    c: fc.integer({ min: 1, max: 3 }),
    h: fc.integer({ min: 1, max: 7 }),
    w: fc.integer({ min: 1, max: 7 }),
    filterH: fc.integer({ min: 1, max: 4 }),
    filterW: fc.integer({ min: 1, max: 4 }),
    stride: fc.integer({ min: 1, max: 3 }),
    pad: fc.integer({ min: 0, max: 2 }),
    seed: fc.nat(1000),
  });
  const adjointHolds = (shape: number[], window: Im2colOptions, seed: number): void => {
    const random = np.rng(seed);
    const x = random.standardNormal(shape);
    const col = im2col(x, window);
    const y = random.standardNormal(col.shape);
    const left = np.sum(np.mul(col, y));
    const right = np.sum(np.mul(x, col2im(y, { ...window, inputShape: x.shape })));
    assertAllClose([left], [right], { rtol: 1e-10, atol: 1e-12 });
  };
  // One fixed case first, so that an unwritten function fails with its own message.
  adjointHolds([2, 3, 5, 5], { filterH: 3, filterW: 2, stride: 2, pad: 1 }, 0);
  fc.assert(
    fc.property(sizes, ({ n, c, h, w, filterH, filterW, stride, pad, seed }) => {
      fc.pre(h + 2 * pad >= filterH && w + 2 * pad >= filterW);
      adjointHolds([n, c, h, w], { filterH, filterW, stride, pad }, seed);
    }),
    { seed: 1, numRuns: 100 },
  );
});
