import assert from "node:assert/strict";
import * as np from "../../lib/np/mod.ts";
import { assertAllClose, assertGradientsClose } from "../../lib/testing/mod.ts";
import { Convolution } from "./convolution.ts";

/** A convolution written as its definition (§7.2.3), to compare with the im2col version. */
function directConvolution(
  x: np.NDArray,
  W: np.NDArray,
  b: np.NDArray,
  stride: number,
  pad: number,
): np.NDArray {
  const [N, C, H, Wd] = x.shape;
  const [FN, , FH, FW] = W.shape;
  const OH = Math.floor((H + 2 * pad - FH) / stride) + 1;
  const OW = Math.floor((Wd + 2 * pad - FW) / stride) + 1;
  const out = np.zeros([N, FN, OH, OW]);
  for (let n = 0; n < N; n++) {
    for (let f = 0; f < FN; f++) {
      for (let oy = 0; oy < OH; oy++) {
        for (let ox = 0; ox < OW; ox++) {
          let s = b.get(f);
          for (let c = 0; c < C; c++) {
            for (let i = 0; i < FH; i++) {
              for (let j = 0; j < FW; j++) {
                const y = oy * stride + i - pad, xx = ox * stride + j - pad;
                if (y >= 0 && y < H && xx >= 0 && xx < Wd) {
                  s += x.get(n, c, y, xx) * W.get(f, c, i, j);
                }
              }
            }
          }
          out.set([n, f, oy, ox], s);
        }
      }
    }
  }
  return out;
}

const COMBOS = [
  { stride: 1, pad: 0 },
  { stride: 1, pad: 1 },
  { stride: 2, pad: 0 },
  { stride: 2, pad: 1 },
  { stride: 3, pad: 2 },
];

Deno.test("Convolution.forward() sums each patch times the filter, plus the bias (worked by hand)", () => {
  const conv = new Convolution(np.ones([1, 1, 2, 2]), np.array([0.5]));
  const out = conv.forward(np.arange(1, 10).reshape(1, 1, 3, 3));
  assert.deepEqual(out.toArray(), [[[[12.5, 16.5], [24.5, 28.5]]]]);
  // The book's example (§7.2.3): a 4×4 input and a 3×3 filter give 15 16 / 6 15, plus 3.
  const x = np.array([[[[1, 2, 3, 0], [0, 1, 2, 3], [3, 0, 1, 2], [2, 3, 0, 1]]]]);
  const W = np.array([[[[2, 0, 1], [0, 1, 2], [1, 0, 2]]]]);
  const withBias = new Convolution(W, np.array([3])).forward(x);
  assert.deepEqual(withBias.toArray(), [[[[18, 19], [9, 18]]]]);
});

Deno.test("Convolution.forward() gives [N, FN, OH, OW] and matches the definition", () => {
  for (const { stride, pad } of COMBOS) {
    const random = np.rng(10 + stride * 3 + pad);
    const x = random.standardNormal([2, 3, 7, 6]);
    const W = random.standardNormal([4, 3, 3, 2]);
    const b = random.standardNormal([4]);
    const out = new Convolution(W, b, { stride, pad }).forward(x);
    const OH = Math.floor((7 + 2 * pad - 3) / stride) + 1;
    const OW = Math.floor((6 + 2 * pad - 2) / stride) + 1;
    assert.deepEqual(out.shape, [2, 4, OH, OW], `stride ${stride}, pad ${pad}`);
    assertAllClose(out, directConvolution(x, W, b, stride, pad), { rtol: 1e-10, atol: 1e-12 });
  }
});

Deno.test("Convolution.backward() matches the numerical gradient (dx, dW, db)", () => {
  for (const { stride, pad } of COMBOS) {
    const random = np.rng(20 + stride * 3 + pad);
    const x = random.standardNormal([2, 2, 5, 6]);
    const W = random.standardNormal([3, 2, 3, 3]);
    const b = random.standardNormal([3]);
    const layer = new Convolution(W, b, { stride, pad });
    const dout = random.standardNormal(layer.forward(x).shape);
    const dx = layer.backward(dout);
    const dW = layer.dW!, db = layer.db!;
    assert.deepEqual(dx.shape, x.shape);
    assert.deepEqual(dW.shape, W.shape);
    assert.deepEqual(db.shape, b.shape);
    // L = Σ out · dout has ∂L/∂out = dout, so its gradients are what backward returns.
    const f = () => np.sum(np.mul(layer.forward(x), dout));
    assertGradientsClose(dx, f, x);
    assertGradientsClose(dW, f, W);
    assertGradientsClose(db, f, b);
  }
});

Deno.test("Convolution.backward() of a first layer keeps dW and db (and may skip dx)", () => {
  const random = np.rng(30);
  const x = random.standardNormal([2, 1, 6, 6]);
  const W = random.standardNormal([2, 1, 3, 3]);
  const b = random.standardNormal([2]);
  const full = new Convolution(W, b, { pad: 1 });
  const first = new Convolution(W, b, { pad: 1, firstLayer: true });
  const dout = random.standardNormal(full.forward(x).shape);
  first.forward(x);
  const dx = full.backward(dout);
  // An empty array (nothing needs the input's gradient), or the full dx if you compute it.
  const firstDx = first.backward(dout);
  if (firstDx.size !== 0) assertAllClose(firstDx, dx);
  assertAllClose(first.dW!, full.dW!);
  assertAllClose(first.db!, full.db!);
});

Deno.test("Convolution.forward() keeps float32 inputs in float32", () => {
  const random = np.rng(31);
  const W = random.normal([2, 1, 3, 3], { dtype: "float32" });
  const conv = new Convolution(W, np.zeros([2], { dtype: "float32" }));
  const out = conv.forward(random.random([2, 1, 5, 5], { dtype: "float32" }));
  assert.equal(out.dtype, "float32");
  assert.equal(conv.backward(np.onesLike(out)).dtype, "float32");
});
