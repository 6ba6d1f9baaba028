import assert from "node:assert/strict";
import * as np from "../../lib/np/mod.ts";
import {
  assertAllClose,
  assertGradientMatches,
  numericalGradientOf,
  say,
} from "../../lib/testing/mod.ts";
import { arrayOf, book as fixture } from "./testdata/book_fixture.ts";
import { Pooling } from "./pooling.ts";
import { MISTAKES } from "../../lib/mistakes/ch07.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";

const named = mistakeNamer("07", MISTAKES);

/** Max pooling written as its definition (§7.3), the padding read as 0, to compare with. */
function directMaxPool(
  x: np.NDArray,
  poolH: number,
  poolW: number,
  stride: number,
  pad = 0,
): np.NDArray {
  const [N, C, H, W] = x.shape;
  const OH = Math.floor((H + 2 * pad - poolH) / stride) + 1;
  const OW = Math.floor((W + 2 * pad - poolW) / stride) + 1;
  const out = np.zeros([N, C, OH, OW]);
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      for (let oy = 0; oy < OH; oy++) {
        for (let ox = 0; ox < OW; ox++) {
          let m = -Infinity;
          for (let i = 0; i < poolH; i++) {
            for (let j = 0; j < poolW; j++) {
              const y = oy * stride + i - pad, xx = ox * stride + j - pad;
              m = Math.max(m, y >= 0 && y < H && xx >= 0 && xx < W ? x.get(n, c, y, xx) : 0);
            }
          }
          out.set([n, c, oy, ox], m);
        }
      }
    }
  }
  return out;
}

const EXACT = { rtol: 0, atol: 0 };

Deno.test(
  "Pooling.forward() takes the maximum of each window (the book's example, §7.3)",
  named({ Pooling }, ({ Pooling }) => {
    const pool = new Pooling(2, 2, { stride: 2 });
    const x = np.array([[[[1, 2, 1, 0], [0, 1, 2, 3], [3, 0, 1, 2], [2, 4, 0, 1]]]]);
    assertAllClose(pool.forward(x), [[[[2, 3], [4, 2]]]], {
      ...EXACT,
      msg: say(
        "out of the book's 4×4 example, 2×2 windows, stride 2",
        "書籍の 4×4 の例に 2×2 のウィンドウ、stride 2 でプーリングした out",
      ),
    });
  }),
);

Deno.test(
  "Pooling.forward() works channel by channel and matches the definition",
  named({ Pooling }, ({ Pooling }) => {
    for (const [size, stride] of [[2, 2], [3, 1], [3, 2], [2, 1]]) {
      const x = np.rng(40 + size * 3 + stride).standardNormal([2, 3, 7, 6]);
      const out = new Pooling(size, size, { stride }).forward(x);
      assertAllClose(out, directMaxPool(x, size, size, stride), {
        msg: say(
          `out of x [2, 3, 7, 6], ${size}×${size} windows, stride ${stride}, against the ` +
            `definition`,
          `x [2, 3, 7, 6]、${size}×${size} のウィンドウ、stride ${stride} での out と、` +
            `定義どおりに計算した結果の比較`,
        ),
      });
    }
  }),
);

Deno.test(
  "Pooling.forward() takes windows higher than wide, or wider than high",
  named({ Pooling }, ({ Pooling }) => {
    // A window of 2 rows × 3 columns over 5×7 images gives 4×5 outputs; 3×2 windows give 3×6.
    for (const [poolH, poolW, stride, pad] of [[2, 3, 1, 0], [3, 2, 1, 0], [3, 2, 2, 1]]) {
      const x = np.rng(45 + poolH).standardNormal([2, 3, 5, 7]);
      const of = say(
        `x [2, 3, 5, 7], ${poolH}×${poolW} windows (poolH × poolW), stride ${stride}, ` +
          `pad ${pad}`,
        `x [2, 3, 5, 7]、${poolH}×${poolW} のウィンドウ (poolH × poolW)、stride ${stride}, ` +
          `pad ${pad}`,
      );
      const expected = directMaxPool(x, poolH, poolW, stride, pad);
      let out: np.NDArray;
      try {
        out = new Pooling(poolH, poolW, { stride, pad }).forward(x);
      } catch (e) {
        if (!(e instanceof RangeError || e instanceof TypeError)) throw e;
        throw new assert.AssertionError({
          message: say(
            `forward threw for ${of} (out should be [${expected.shape}]: OH from H and ` +
              `poolH, OW from W and poolW):\n${e}`,
            `${of} で forward が例外を投げました (out は [${expected.shape}] になるはず: ` +
              `OH は H と poolH から、OW は W と poolW から求めます):\n${e}`,
          ),
        });
      }
      assert.deepEqual(
        out.shape,
        expected.shape,
        say(
          `out's shape for ${of}: [${out.shape}], expected [${expected.shape}] ` +
            `(OH from H and poolH, OW from W and poolW)`,
          `${of} での out の形状が [${out.shape}] です。[${expected.shape}] になるはずです ` +
            `(OH は H と poolH から、OW は W と poolW から)`,
        ),
      );
      assertAllClose(out, expected, {
        msg: say(
          `out for ${of}, against the definition`,
          `${of} での out と、定義どおりに計算した結果の比較`,
        ),
      });
    }
  }),
);

Deno.test(
  "Pooling.forward() keeps float32 inputs in float32",
  named({ Pooling }, ({ Pooling }) => {
    const x = np.rng(46).random([2, 2, 4, 4], { dtype: "float32" });
    const out = new Pooling(2, 2, { stride: 2 }).forward(x);
    assert.equal(
      out.dtype,
      "float32",
      say(
        `out of a float32 x: dtype ${out.dtype}`,
        `float32 の x に対する out の dtype が ${out.dtype} です`,
      ),
    );
  }),
);

Deno.test(
  "Pooling.backward() sends each gradient to its window's maximum (worked by hand)",
  named({ Pooling }, ({ Pooling }) => {
    const pool = new Pooling(2, 2, { stride: 2 });
    pool.forward(np.array([[[[1, 2, 0, 1], [3, 0, 2, 4], [4, 2, 3, 0], [1, 5, 1, 2]]]]));
    const dx = pool.backward(np.array([[[[1, 2], [3, 4]]]]));
    assertAllClose(dx, [[[[0, 0, 0, 0], [1, 0, 0, 2], [0, 0, 4, 0], [0, 3, 0, 0]]]], {
      ...EXACT,
      msg: say(
        "dx for dout 1 2 / 3 4: each value at its window's maximum (3, 4, 5 and 3 in x), " +
          "0 elsewhere",
        "dout 1 2 / 3 4 のときの dx: 各値はそのウィンドウの最大値の位置 (x の 3, 4, 5, 3) に入り、" +
          "それ以外は 0",
      ),
    });
  }),
);

Deno.test(
  "Pooling.backward() sends each channel's gradient to its own channel (worked by hand)",
  named({ Pooling }, ({ Pooling }) => {
    // Two channels of a 2×4 image, two 2×2 windows each, every maximum 9 in a different corner.
    const pool = new Pooling(2, 2, { stride: 2 });
    pool.forward(np.array([[[[9, 0, 0, 0], [0, 0, 0, 9]], [[0, 0, 9, 0], [0, 9, 0, 0]]]]));
    const dx = pool.backward(np.array([[[[1, 2]], [[3, 4]]]]));
    assertAllClose(dx, [[[[1, 0, 0, 0], [0, 0, 0, 2]], [[0, 0, 4, 0], [0, 3, 0, 0]]]], {
      ...EXACT,
      msg: say(
        "dx for dout 1 2 (channel 0) and 3 4 (channel 1): each value at the 9 of its own " +
          "window and channel (dout's values taken in the order (n, oy, ox, c) of the windows?)",
        "dout 1 2 (チャンネル 0) と 3 4 (チャンネル 1) のときの dx: 各値は自分のウィンドウと" +
          "チャンネルの 9 の位置に入るはず (dout の値をウィンドウの (n, oy, ox, c) の順で取っていませんか?)",
      ),
    });
  }),
);

Deno.test(
  "Pooling.backward() matches the numerical gradient",
  named({ Pooling }, ({ Pooling }) => {
    for (
      const { poolH, poolW, stride, pad } of [
        { poolH: 2, poolW: 2, stride: 2, pad: 0 },
        { poolH: 3, poolW: 3, stride: 1, pad: 0 },
        { poolH: 3, poolW: 3, stride: 2, pad: 0 },
        { poolH: 2, poolW: 2, stride: 2, pad: 1 },
        { poolH: 2, poolW: 3, stride: 1, pad: 0 },
      ]
    ) {
      const random = np.rng(50 + poolH + poolW + stride + pad);
      // Values far from 0 and from each other, so no window has a tie or a max near the padding.
      const x = np.add(random.permutation(2 * 2 * 5 * 6).reshape(2, 2, 5, 6), 1);
      const layer = new Pooling(poolH, poolW, { stride, pad });
      const dout = random.standardNormal(layer.forward(x).shape);
      const dx = layer.backward(dout);
      const of = say(
        `${poolH}×${poolW} windows, stride ${stride}, pad ${pad}`,
        `${poolH}×${poolW} のウィンドウ、stride ${stride}, pad ${pad}`,
      );
      assert.deepEqual(
        dx.shape,
        x.shape,
        say(
          `dx's shape (${of}): [${dx.shape}], expected [${x.shape}]`,
          `dx の形状 (${of}) が [${dx.shape}] です。[${x.shape}] になるはずです`,
        ),
      );
      const f = () => np.sum(np.mul(layer.forward(x), dout));
      assertGradientMatches(dx, numericalGradientOf(f, x, { h: 1e-6 }), {
        rtol: 1e-5,
        atol: 1e-7,
        msg: say(
          `dx (${of}) against the numerical gradient`,
          `dx (${of}) と数値微分で求めた勾配の比較`,
        ),
      });
    }
  }),
);

Deno.test(
  "Pooling.backward() keeps float32 in float32",
  named({ Pooling }, ({ Pooling }) => {
    const pool = new Pooling(2, 2, { stride: 2 });
    const out = pool.forward(np.rng(47).random([2, 2, 4, 4], { dtype: "float32" }));
    const dx = pool.backward(np.onesLike(out));
    assert.equal(
      dx.dtype,
      "float32",
      say(
        `dx of a float32 dout: dtype ${dx.dtype}`,
        `float32 の dout に対する dx の dtype が ${dx.dtype} です`,
      ),
    );
  }),
);

// The book's own code: chapters/07/testdata/book_ch07.json, written by tools/book/ch07.py, holds
// the book's Pooling (common/layers.py) run in NumPy on fixed inputs.

const CLOSE = { rtol: 1e-10, atol: 1e-12 };

Deno.test(
  "Pooling.forward() and backward() agree with the book's NumPy code",
  named({ Pooling }, ({ Pooling }) => {
    assert.ok(
      fixture.pooling.length > 0,
      say("the fixture has Pooling cases", "フィクスチャに Pooling のケースがあるはず"),
    );
    for (const c of fixture.pooling) {
      const layer = new Pooling(c.poolH, c.poolW, { stride: c.stride, pad: c.pad });
      const of = say(
        `x [${c.x.shape}], ${c.poolH}×${c.poolW} windows, stride ${c.stride}, pad ${c.pad}`,
        `x [${c.x.shape}]、${c.poolH}×${c.poolW} のウィンドウ、stride ${c.stride}, pad ${c.pad}`,
      );
      assertAllClose(layer.forward(arrayOf(c.x)), arrayOf(c.out), {
        ...CLOSE,
        msg: say(`out, ${of}`, `${of} での out`),
      });
      assertAllClose(layer.backward(arrayOf(c.dout)), arrayOf(c.dx), {
        ...CLOSE,
        msg: say(`dx, ${of}`, `${of} での dx`),
      });
    }
  }),
);
