import assert from "node:assert/strict";
import * as np from "../../lib/np/mod.ts";
import {
  assertAllClose,
  assertGradientMatches,
  numericalGradientOf,
} from "../../lib/testing/mod.ts";
import { arrayOf, book as fixture } from "./testdata/book_fixture.ts";
import { Convolution } from "./convolution.ts";
import { MISTAKES } from "../../lib/mistakes/ch07.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";

const named = mistakeNamer("07", MISTAKES);

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

const EXACT = { rtol: 0, atol: 0 };

Deno.test(
  "Convolution.forward() sums each patch times the filter, plus the bias (worked by hand)",
  named({ Convolution }, ({ Convolution }) => {
    const conv = new Convolution(np.ones([1, 1, 2, 2]), np.array([0.5]));
    assertAllClose(conv.forward(np.arange(1, 10).reshape(1, 1, 3, 3)), [[[[12.5, 16.5], [
      24.5,
      28.5,
    ]]]], {
      ...EXACT,
      msg: "out of the image 1…9 with a 2×2 filter of ones and a bias of 0.5",
    });
    // The book's example (§7.2.3): a 4×4 input and a 3×3 filter give 15 16 / 6 15, plus 3.
    const x = np.array([[[[1, 2, 3, 0], [0, 1, 2, 3], [3, 0, 1, 2], [2, 3, 0, 1]]]]);
    const W = np.array([[[[2, 0, 1], [0, 1, 2], [1, 0, 2]]]]);
    assertAllClose(new Convolution(W, np.array([3])).forward(x), [[[[18, 19], [9, 18]]]], {
      ...EXACT,
      msg: "out of the book's example of §7.2.3 (15 16 / 6 15) with a bias of 3",
    });
  }),
);

Deno.test(
  "Convolution.forward() gives [N, FN, OH, OW] and matches the definition",
  named({ Convolution }, ({ Convolution }) => {
    for (const { stride, pad } of COMBOS) {
      const random = np.rng(10 + stride * 3 + pad);
      const x = random.standardNormal([2, 3, 7, 6]);
      const W = random.standardNormal([4, 3, 3, 2]);
      const b = random.standardNormal([4]);
      const out = new Convolution(W, b, { stride, pad }).forward(x);
      const OH = Math.floor((7 + 2 * pad - 3) / stride) + 1;
      const OW = Math.floor((6 + 2 * pad - 2) / stride) + 1;
      assert.deepEqual(
        out.shape,
        [2, 4, OH, OW],
        `out's shape for x [2, 3, 7, 6], W [4, 3, 3, 2], stride ${stride}, pad ${pad}: ` +
          `[${out.shape}], expected [2, 4, ${OH}, ${OW}]`,
      );
      assertAllClose(out, directConvolution(x, W, b, stride, pad), {
        rtol: 1e-10,
        atol: 1e-12,
        msg: `out against the convolution's definition, stride ${stride}, pad ${pad}`,
      });
    }
  }),
);

Deno.test(
  "Convolution.forward() keeps float32 inputs in float32",
  named({ Convolution }, ({ Convolution }) => {
    const random = np.rng(31);
    const W = random.normal([2, 1, 3, 3], { dtype: "float32" });
    const conv = new Convolution(W, np.zeros([2], { dtype: "float32" }));
    const out = conv.forward(random.random([2, 1, 5, 5], { dtype: "float32" }));
    assert.equal(out.dtype, "float32", `out of a float32 layer and input: dtype ${out.dtype}`);
  }),
);

Deno.test(
  "Convolution.backward() matches the numerical gradient (dx, dW, db)",
  named({ Convolution }, ({ Convolution }) => {
    for (const { stride, pad } of COMBOS) {
      const random = np.rng(20 + stride * 3 + pad);
      const x = random.standardNormal([2, 2, 5, 6]);
      const W = random.standardNormal([3, 2, 3, 3]);
      const b = random.standardNormal([3]);
      const layer = new Convolution(W, b, { stride, pad });
      const dout = random.standardNormal(layer.forward(x).shape);
      const dx = layer.backward(dout);
      const grads = { dx, dW: layer.dW, db: layer.db };
      // L = Σ out · dout has ∂L/∂out = dout, so its gradients are what backward gives.
      const f = () => np.sum(np.mul(layer.forward(x), dout));
      const wrt = { dx: x, dW: W, db: b };
      for (const name of ["dx", "dW", "db"] as const) {
        const grad = grads[name];
        const of = `${name}, stride ${stride}, pad ${pad}`;
        assert.ok(grad, `${of}: not set by backward (got ${grad})`);
        assert.deepEqual(
          grad.shape,
          wrt[name].shape,
          `${of}: shape [${grad.shape}], expected [${wrt[name].shape}]`,
        );
        assertGradientMatches(grad, numericalGradientOf(f, wrt[name], { h: 1e-6 }), {
          rtol: 1e-5,
          atol: 1e-7,
          msg: `${of}: against the numerical gradient`,
        });
      }
    }
  }),
);

Deno.test(
  "Convolution.backward() keeps float32 in float32 (dx, dW, db)",
  named({ Convolution }, ({ Convolution }) => {
    const random = np.rng(32);
    const W = random.normal([2, 1, 3, 3], { dtype: "float32" });
    const conv = new Convolution(W, np.zeros([2], { dtype: "float32" }), { pad: 1 });
    const out = conv.forward(random.random([2, 1, 5, 5], { dtype: "float32" }));
    const dx = conv.backward(np.onesLike(out));
    for (const [name, grad] of [["dx", dx], ["dW", conv.dW], ["db", conv.db]] as const) {
      assert.equal(grad?.dtype, "float32", `${name} of a float32 layer: dtype ${grad?.dtype}`);
    }
  }),
);

// The book's own code: chapters/07/testdata/book_ch07.json, written by tools/book/ch07.py, holds
// the book's Convolution (common/layers.py) run in NumPy on fixed inputs.

const CLOSE = { rtol: 1e-10, atol: 1e-12 };

Deno.test(
  "Convolution.forward() and backward() agree with the book's NumPy code",
  named({ Convolution }, ({ Convolution }) => {
    assert.ok(fixture.convolution.length > 0, "the fixture has Convolution cases");
    for (const c of fixture.convolution) {
      const layer = new Convolution(arrayOf(c.W), arrayOf(c.b), { stride: c.stride, pad: c.pad });
      const of = `x [${c.x.shape}], W [${c.W.shape}], stride ${c.stride}, pad ${c.pad}`;
      assertAllClose(layer.forward(arrayOf(c.x)), arrayOf(c.out), { ...CLOSE, msg: `out, ${of}` });
      assertAllClose(layer.backward(arrayOf(c.dout)), arrayOf(c.dx), {
        ...CLOSE,
        msg: `dx, ${of}`,
      });
      assertAllClose(layer.dW ?? [], arrayOf(c.dW), { ...CLOSE, msg: `dW, ${of}` });
      assertAllClose(layer.db ?? [], arrayOf(c.db), { ...CLOSE, msg: `db, ${of}` });
    }
  }),
);
