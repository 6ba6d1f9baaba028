import assert from "node:assert/strict";
import * as np from "../../lib/np/mod.ts";
import {
  assertAllClose,
  assertGradientMatches,
  numericalGradientOf,
  say,
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
      msg: say(
        "out of the image 1…9 with a 2×2 filter of ones and a bias of 0.5",
        "画像 1…9 に、要素がすべて 1 の 2×2 フィルターとバイアス 0.5 を適用した out",
      ),
    });
    // The book's example (§7.2.3): a 4×4 input and a 3×3 filter give 15 16 / 6 15, plus 3.
    const x = np.array([[[[1, 2, 3, 0], [0, 1, 2, 3], [3, 0, 1, 2], [2, 3, 0, 1]]]]);
    const W = np.array([[[[2, 0, 1], [0, 1, 2], [1, 0, 2]]]]);
    assertAllClose(new Convolution(W, np.array([3])).forward(x), [[[[18, 19], [9, 18]]]], {
      ...EXACT,
      msg: say(
        "out of the book's example of §7.2.3 (15 16 / 6 15) with a bias of 3",
        "§7.2.3 の書籍の例 (15 16 / 6 15) にバイアス 3 を加えた out",
      ),
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
        say(
          `out's shape for x [2, 3, 7, 6], W [4, 3, 3, 2], stride ${stride}, pad ${pad}: ` +
            `[${out.shape}], expected [2, 4, ${OH}, ${OW}]`,
          `x [2, 3, 7, 6], W [4, 3, 3, 2], stride ${stride}, pad ${pad} のときの out の形状が ` +
            `[${out.shape}] です。[2, 4, ${OH}, ${OW}] になるはずです`,
        ),
      );
      assertAllClose(out, directConvolution(x, W, b, stride, pad), {
        rtol: 1e-10,
        atol: 1e-12,
        msg: say(
          `out against the convolution's definition, stride ${stride}, pad ${pad}`,
          `out と、畳み込み演算を定義どおりに計算した結果の比較 (stride ${stride}, pad ${pad})`,
        ),
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
    assert.equal(
      out.dtype,
      "float32",
      say(
        `out of a float32 layer and input: dtype ${out.dtype}`,
        `float32 のレイヤと入力に対する out の dtype が ${out.dtype} です`,
      ),
    );
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
        const of = say(
          `${name}, stride ${stride}, pad ${pad}`,
          `${name} (stride ${stride}、pad ${pad})`,
        );
        assert.ok(
          grad,
          say(
            `${of}: not set by backward (got ${grad})`,
            `${of}: backward で設定されていません (${grad})`,
          ),
        );
        assert.deepEqual(
          grad.shape,
          wrt[name].shape,
          say(
            `${of}: shape [${grad.shape}], expected [${wrt[name].shape}]`,
            `${of}: 形状が [${grad.shape}] です。[${wrt[name].shape}] になるはずです`,
          ),
        );
        assertGradientMatches(grad, numericalGradientOf(f, wrt[name], { h: 1e-6 }), {
          rtol: 1e-5,
          atol: 1e-7,
          msg: say(`${of}: against the numerical gradient`, `${of}: 数値微分で求めた勾配との比較`),
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
      assert.equal(
        grad?.dtype,
        "float32",
        say(
          `${name} of a float32 layer: dtype ${grad?.dtype}`,
          `float32 のレイヤの ${name} の dtype が ${grad?.dtype} です`,
        ),
      );
    }
  }),
);

// The book's own code: chapters/07/testdata/book_ch07.json, written by tools/book/ch07.py, holds
// the book's Convolution (common/layers.py) run in NumPy on fixed inputs.

const CLOSE = { rtol: 1e-10, atol: 1e-12 };

Deno.test(
  "Convolution.forward() and backward() agree with the book's NumPy code",
  named({ Convolution }, ({ Convolution }) => {
    assert.ok(
      fixture.convolution.length > 0,
      say("the fixture has Convolution cases", "フィクスチャに Convolution のケースがあるはず"),
    );
    for (const c of fixture.convolution) {
      const layer = new Convolution(arrayOf(c.W), arrayOf(c.b), { stride: c.stride, pad: c.pad });
      const of = say(
        `x [${c.x.shape}], W [${c.W.shape}], stride ${c.stride}, pad ${c.pad}`,
        `x [${c.x.shape}]、W [${c.W.shape}]、stride ${c.stride}、pad ${c.pad}`,
      );
      assertAllClose(layer.forward(arrayOf(c.x)), arrayOf(c.out), {
        ...CLOSE,
        msg: say(`out, ${of}`, `${of} での out`),
      });
      assertAllClose(layer.backward(arrayOf(c.dout)), arrayOf(c.dx), {
        ...CLOSE,
        msg: say(`dx, ${of}`, `${of} での dx`),
      });
      assertAllClose(layer.dW ?? [], arrayOf(c.dW), {
        ...CLOSE,
        msg: say(`dW, ${of}`, `${of} での dW`),
      });
      assertAllClose(layer.db ?? [], arrayOf(c.db), {
        ...CLOSE,
        msg: say(`db, ${of}`, `${of} での db`),
      });
    }
  }),
);
