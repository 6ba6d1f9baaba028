import assert from "node:assert/strict";
import * as np from "../../lib/np/mod.ts";
import { assertAllClose, assertGradientsClose } from "../../lib/testing/mod.ts";
import { Pooling } from "./pooling.ts";

/** Max pooling written as its definition (§7.3), to compare with the im2col version. */
function directMaxPool(x: np.NDArray, size: number, stride: number): np.NDArray {
  const [N, C, H, W] = x.shape;
  const OH = Math.floor((H - size) / stride) + 1, OW = Math.floor((W - size) / stride) + 1;
  const out = np.zeros([N, C, OH, OW]);
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      for (let oy = 0; oy < OH; oy++) {
        for (let ox = 0; ox < OW; ox++) {
          let m = -Infinity;
          for (let i = 0; i < size; i++) {
            for (let j = 0; j < size; j++) {
              m = Math.max(m, x.get(n, c, oy * stride + i, ox * stride + j));
            }
          }
          out.set([n, c, oy, ox], m);
        }
      }
    }
  }
  return out;
}

Deno.test("Pooling.forward() takes the maximum of each window (the book's example, §7.3)", () => {
  const pool = new Pooling(2, 2, { stride: 2 });
  const x = np.array([[[[1, 2, 1, 0], [0, 1, 2, 3], [3, 0, 1, 2], [2, 4, 0, 1]]]]);
  assert.deepEqual(pool.forward(x).toArray(), [[[[2, 3], [4, 2]]]]);
});

Deno.test("Pooling.forward() works channel by channel and matches the definition", () => {
  for (const [size, stride] of [[2, 2], [3, 1], [3, 2], [2, 1]]) {
    const x = np.rng(40 + size * 3 + stride).standardNormal([2, 3, 7, 6]);
    const out = new Pooling(size, size, { stride }).forward(x);
    assertAllClose(out, directMaxPool(x, size, stride));
  }
});

Deno.test("Pooling.backward() sends each gradient to its window's maximum (worked by hand)", () => {
  const pool = new Pooling(2, 2, { stride: 2 });
  pool.forward(np.array([[[[1, 2, 0, 1], [3, 0, 2, 4], [4, 2, 3, 0], [1, 5, 1, 2]]]]));
  const dx = pool.backward(np.array([[[[1, 2], [3, 4]]]]));
  assert.deepEqual(dx.toArray(), [[[[0, 0, 0, 0], [1, 0, 0, 2], [0, 0, 4, 0], [0, 3, 0, 0]]]]);
});

Deno.test("Pooling.backward() matches the numerical gradient", () => {
  for (
    const { size, stride, pad } of [
      { size: 2, stride: 2, pad: 0 },
      { size: 3, stride: 1, pad: 0 },
      { size: 3, stride: 2, pad: 0 },
      { size: 2, stride: 2, pad: 1 },
    ]
  ) {
    const random = np.rng(50 + size + stride + pad);
    // Values far from 0 and from each other, so no window has a tie or a max near the padding.
    const x = np.add(random.permutation(2 * 2 * 5 * 5).reshape(2, 2, 5, 5), 1);
    const layer = new Pooling(size, size, { stride, pad });
    const dout = random.standardNormal(layer.forward(x).shape);
    const dx = layer.backward(dout);
    assert.deepEqual(dx.shape, x.shape);
    const f = () => np.sum(np.mul(layer.forward(x), dout));
    assertGradientsClose(dx, f, x);
  }
});
