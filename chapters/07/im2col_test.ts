import assert from "node:assert/strict";
import fc from "fast-check";
import * as np from "../../lib/np/mod.ts";
import { assertAllClose, assertProperty, say } from "../../lib/testing/mod.ts";
import { im2col as referenceIm2col, type Im2colOptions } from "../../lib/layers/im2col.ts";
import { arrayOf, book as fixture } from "./testdata/book_fixture.ts";
import { col2im, im2col } from "./im2col.ts";
import { MISTAKES } from "../../lib/mistakes/ch07.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";

const named = mistakeNamer("07", MISTAKES);

// The col2im tests take their unrolled matrices from the reference im2col in lib/, so that
// each function is tested on its own.

const EXACT = { rtol: 0, atol: 0 };
const ROWS = "rows in the order (n, oy, ox), columns (c, fy, fx)";
const ROWS_JA = "行は (n, oy, ox)、列は (c, fy, fx) の順";

Deno.test(
  "im2col() gives the book's shapes (§7.4.3)",
  named({ im2col }, ({ im2col }) => {
    const x1 = np.rng(0).random([1, 3, 7, 7]);
    const col1 = im2col(x1, { filterH: 5, filterW: 5, stride: 1, pad: 0 });
    assert.deepEqual(
      col1.shape,
      [9, 75],
      say(
        `col of x [1, 3, 7, 7]: shape [${col1.shape}], expected [9, 75]`,
        `x [1, 3, 7, 7] の col の形状が [${col1.shape}] です。[9, 75] になるはずです`,
      ),
    );
    const x2 = np.rng(1).random([10, 3, 7, 7]);
    const col2 = im2col(x2, { filterH: 5, filterW: 5, stride: 1, pad: 0 });
    assert.deepEqual(
      col2.shape,
      [90, 75],
      say(
        `col of x [10, 3, 7, 7]: shape [${col2.shape}], expected [90, 75]`,
        `x [10, 3, 7, 7] の col の形状が [${col2.shape}] です。[90, 75] になるはずです`,
      ),
    );
  }),
);

Deno.test(
  "im2col() unrolls the patches of a 3×3 image (worked by hand)",
  named({ im2col }, ({ im2col }) => {
    const x = np.arange(1, 10).reshape(1, 1, 3, 3);
    assertAllClose(
      im2col(x, { filterH: 2, filterW: 2 }),
      [
        [1, 2, 4, 5],
        [2, 3, 5, 6],
        [4, 5, 7, 8],
        [5, 6, 8, 9],
      ],
      {
        ...EXACT,
        msg: say(
          `col of the image 1…9 with a 2×2 filter (${ROWS})`,
          `画像 1…9 を 2×2 フィルターで展開した col (${ROWS_JA})`,
        ),
      },
    );
  }),
);

Deno.test(
  "im2col() unrolls a window wider than high in reading order (worked by hand)",
  named({ im2col }, ({ im2col }) => {
    // A 1×2 window over a 2×3 image: 2 rows × 2 columns of positions.
    const x = np.arange(1, 7).reshape(1, 1, 2, 3);
    assertAllClose(
      im2col(x, { filterH: 1, filterW: 2 }),
      [
        [1, 2],
        [2, 3],
        [4, 5],
        [5, 6],
      ],
      {
        ...EXACT,
        msg: say(
          `col of [[1, 2, 3], [4, 5, 6]] with a 1×2 window (${ROWS})`,
          `[[1, 2, 3], [4, 5, 6]] を 1×2 のウィンドウで展開した col (${ROWS_JA})`,
        ),
      },
    );
  }),
);

Deno.test(
  "im2col() reads zeros in the padding and steps by the stride (worked by hand)",
  named({ im2col }, ({ im2col }) => {
    // The padded image is 5×5 with the 3×3 image in the middle; a 2×2 window steps by 2.
    const x = np.arange(1, 10).reshape(1, 1, 3, 3);
    assertAllClose(
      im2col(x, { filterH: 2, filterW: 2, stride: 2, pad: 1 }),
      [
        [0, 0, 0, 1],
        [0, 0, 2, 3],
        [0, 4, 0, 7],
        [5, 6, 8, 9],
      ],
      {
        ...EXACT,
        msg: say(
          "col of the image 1…9, 2×2 filter, stride 2, pad 1 (0 from the padding)",
          "画像 1…9 を 2×2 フィルター、stride 2, pad 1 で展開した col (パディング部分は 0)",
        ),
      },
    );
  }),
);

Deno.test(
  "im2col() puts channels side by side and images one after another",
  named({ im2col }, ({ im2col }) => {
    const channels = np.array([[[[1, 2], [3, 4]], [[10, 20], [30, 40]]]]);
    assertAllClose(im2col(channels, { filterH: 2, filterW: 2 }), [[1, 2, 3, 4, 10, 20, 30, 40]], {
      ...EXACT,
      msg: say(
        "col of one image of two channels: channel 0's window, then channel 1's",
        "2 チャンネルの画像 1 枚の col: チャンネル 0 のウィンドウ、続いてチャンネル 1 のウィンドウ",
      ),
    });
    const images = np.array([[[[1, 2], [3, 4]]], [[[5, 6], [7, 8]]]]);
    assertAllClose(im2col(images, { filterH: 1, filterW: 2 }), [[1, 2], [3, 4], [5, 6], [7, 8]], {
      ...EXACT,
      msg: say(
        "col of two images: image 0's rows, then image 1's",
        "画像 2 枚の col: 画像 0 の行、続いて画像 1 の行",
      ),
    });
  }),
);

Deno.test(
  "im2col() keeps the dtype of its input",
  named({ im2col }, ({ im2col }) => {
    const x = np.rng(2).random([2, 1, 4, 4], { dtype: "float32" });
    const col = im2col(x, { filterH: 3, filterW: 3 });
    assert.equal(
      col.dtype,
      "float32",
      say(
        `col of a float32 x: dtype ${col.dtype}`,
        `float32 の x に対する col の dtype が ${col.dtype} です`,
      ),
    );
  }),
);

Deno.test(
  "col2im() adds overlapping patches back onto their pixels (worked by hand)",
  named({ col2im }, ({ col2im }) => {
    const dx = col2im(np.ones([4, 4]), { inputShape: [1, 1, 3, 3], filterH: 2, filterW: 2 });
    assertAllClose(dx, [[[[1, 2, 1], [2, 4, 2], [1, 2, 1]]]], {
      ...EXACT,
      msg: say(
        "col2im of ones, 3×3 image, 2×2 filter: each pixel gets the SUM of its copies " +
          "(the middle one is in four windows)",
        "要素がすべて 1 の col の col2im (3×3 画像、2×2 フィルター): 各画素には複製の総和が入るはず " +
          "(中央の画素は 4 つのウィンドウに含まれる)",
      ),
    });
  }),
);

Deno.test(
  "col2im() drops the padding and gives the image back when windows do not overlap",
  named({ col2im }, ({ col2im }) => {
    // The entries where im2col read the padding hold 100 here: they belong to no pixel.
    const col = np.array([
      [100, 100, 100, 1],
      [100, 100, 2, 3],
      [100, 4, 100, 7],
      [5, 6, 8, 9],
    ]);
    const options = { inputShape: [1, 1, 3, 3], filterH: 2, filterW: 2, stride: 2, pad: 1 };
    assertAllClose(col2im(col, options), [[[[1, 2, 3], [4, 5, 6], [7, 8, 9]]]], {
      ...EXACT,
      msg: say(
        "col2im, 3×3 image, 2×2 filter, stride 2, pad 1: the entries of the padding (100) " +
          "must be dropped",
        "col2im (3×3 画像、2×2 フィルター、stride 2, pad 1): パディング部分の要素 (100) は" +
          "捨てるはず",
      ),
    });
    // 2×2 windows with stride 2 tile a 4×6 image exactly: every pixel is in one window.
    const x = np.rng(3).random([2, 3, 4, 6]);
    const window = { filterH: 2, filterW: 2, stride: 2, pad: 0 };
    assertAllClose(col2im(referenceIm2col(x, window), { ...window, inputShape: x.shape }), x, {
      msg: say(
        "col2im of the unrolled [2, 3, 4, 6] images, windows tiling them: the images",
        "重ならないウィンドウで展開した [2, 3, 4, 6] の画像の col2im: 元の画像に戻るはず",
      ),
    });
  }),
);

Deno.test(
  "col2im() keeps the dtype of its input",
  named({ col2im }, ({ col2im }) => {
    const col = np.rng(4).random([9, 4], { dtype: "float32" });
    const dx = col2im(col, { inputShape: [1, 1, 4, 4], filterH: 2, filterW: 2 });
    assert.equal(
      dx.dtype,
      "float32",
      say(
        `col2im of a float32 col: dtype ${dx.dtype}`,
        `float32 の col に対する col2im の dtype が ${dx.dtype} です`,
      ),
    );
  }),
);

Deno.test(
  "col2im() is the adjoint of the unrolling: <unroll(x), y> = <x, col2im(y)> (property)",
  named({ col2im }, ({ col2im }) => {
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
      const y = random.standardNormal(referenceIm2col(x, window).shape);
      const right = np.sum(np.mul(x, col2im(y, { ...window, inputShape: x.shape })));
      const left = np.sum(np.mul(referenceIm2col(x, window), y));
      assertAllClose([right], [left], {
        rtol: 1e-10,
        atol: 1e-12,
        msg: say(
          `<x, col2im(y)> against <unroll(x), y> for x [${shape}], ` +
            `filter ${window.filterH}×${window.filterW}, stride ${window.stride}, pad ${window.pad}`,
          `x [${shape}]、フィルター ${window.filterH}×${window.filterW}、` +
            `stride ${window.stride}, pad ${window.pad} での <x, col2im(y)> と <unroll(x), y> の比較`,
        ),
      });
    };
    // One fixed case first, so that an unwritten function fails with its own message.
    adjointHolds([2, 3, 5, 5], { filterH: 3, filterW: 2, stride: 2, pad: 1 }, 0);
    assertProperty(
      fc.property(sizes, ({ n, c, h, w, filterH, filterW, stride, pad, seed }) => {
        fc.pre(h + 2 * pad >= filterH && w + 2 * pad >= filterW);
        adjointHolds([n, c, h, w], { filterH, filterW, stride, pad }, seed);
      }),
      { seed: 1, numRuns: 100 },
    );
  }),
);

// The book's own code: chapters/07/testdata/book_ch07.json, written by tools/book/ch07.py, holds
// the book's im2col and col2im (common/util.py) run in NumPy on fixed inputs.

const CLOSE = { rtol: 1e-10, atol: 1e-12 };

Deno.test(
  "im2col() agrees with the book's NumPy code",
  named({ im2col }, ({ im2col }) => {
    assert.ok(
      fixture.im2col.length > 0,
      say("the fixture has im2col cases", "フィクスチャに im2col のケースがあるはず"),
    );
    for (const c of fixture.im2col) {
      const window = { filterH: c.filterH, filterW: c.filterW, stride: c.stride, pad: c.pad };
      assertAllClose(im2col(arrayOf(c.x), window), arrayOf(c.col), {
        ...CLOSE,
        msg: say(
          `col of x [${c.x.shape}], filter ${c.filterH}×${c.filterW}, stride ${c.stride}, ` +
            `pad ${c.pad}, against the book's`,
          `x [${c.x.shape}]、フィルター ${c.filterH}×${c.filterW}、stride ${c.stride}, ` +
            `pad ${c.pad} の col と書籍のコードの結果の比較`,
        ),
      });
    }
  }),
);

Deno.test(
  "col2im() agrees with the book's NumPy code",
  named({ col2im }, ({ col2im }) => {
    assert.ok(
      fixture.im2col.length > 0,
      say("the fixture has col2im cases", "フィクスチャに col2im のケースがあるはず"),
    );
    for (const c of fixture.im2col) {
      const window = { filterH: c.filterH, filterW: c.filterW, stride: c.stride, pad: c.pad };
      assertAllClose(col2im(arrayOf(c.dcol), { ...window, inputShape: c.x.shape }), arrayOf(c.dx), {
        ...CLOSE,
        msg: say(
          `dx for images [${c.x.shape}], filter ${c.filterH}×${c.filterW}, stride ${c.stride}, ` +
            `pad ${c.pad}, against the book's`,
          `画像 [${c.x.shape}]、フィルター ${c.filterH}×${c.filterW}、stride ${c.stride}, ` +
            `pad ${c.pad} の dx と書籍のコードの結果の比較`,
        ),
      });
    }
  }),
);
