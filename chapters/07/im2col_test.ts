import assert from "node:assert/strict";
import fc from "fast-check";
import * as np from "../../lib/np/mod.ts";
import { assertAllClose } from "../../lib/testing/mod.ts";
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

Deno.test(
  "im2col() gives the book's shapes (§7.4.3)",
  named({ im2col }, ({ im2col }) => {
    const x1 = np.rng(0).random([1, 3, 7, 7]);
    const col1 = im2col(x1, { filterH: 5, filterW: 5, stride: 1, pad: 0 });
    assert.deepEqual(
      col1.shape,
      [9, 75],
      `col of x [1, 3, 7, 7]: shape [${col1.shape}], expected [9, 75]`,
    );
    const x2 = np.rng(1).random([10, 3, 7, 7]);
    const col2 = im2col(x2, { filterH: 5, filterW: 5, stride: 1, pad: 0 });
    assert.deepEqual(
      col2.shape,
      [90, 75],
      `col of x [10, 3, 7, 7]: shape [${col2.shape}], expected [90, 75]`,
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
      { ...EXACT, msg: `col of the image 1…9 with a 2×2 filter (${ROWS})` },
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
      { ...EXACT, msg: `col of [[1, 2, 3], [4, 5, 6]] with a 1×2 window (${ROWS})` },
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
      { ...EXACT, msg: "col of the image 1…9, 2×2 filter, stride 2, pad 1 (0 from the padding)" },
    );
  }),
);

Deno.test(
  "im2col() puts channels side by side and images one after another",
  named({ im2col }, ({ im2col }) => {
    const channels = np.array([[[[1, 2], [3, 4]], [[10, 20], [30, 40]]]]);
    assertAllClose(im2col(channels, { filterH: 2, filterW: 2 }), [[1, 2, 3, 4, 10, 20, 30, 40]], {
      ...EXACT,
      msg: "col of one image of two channels: channel 0's window, then channel 1's",
    });
    const images = np.array([[[[1, 2], [3, 4]]], [[[5, 6], [7, 8]]]]);
    assertAllClose(im2col(images, { filterH: 1, filterW: 2 }), [[1, 2], [3, 4], [5, 6], [7, 8]], {
      ...EXACT,
      msg: "col of two images: image 0's rows, then image 1's",
    });
  }),
);

Deno.test(
  "im2col() keeps the dtype of its input",
  named({ im2col }, ({ im2col }) => {
    const x = np.rng(2).random([2, 1, 4, 4], { dtype: "float32" });
    const col = im2col(x, { filterH: 3, filterW: 3 });
    assert.equal(col.dtype, "float32", `col of a float32 x: dtype ${col.dtype}`);
  }),
);

Deno.test(
  "col2im() adds overlapping patches back onto their pixels (worked by hand)",
  named({ col2im }, ({ col2im }) => {
    const dx = col2im(np.ones([4, 4]), { inputShape: [1, 1, 3, 3], filterH: 2, filterW: 2 });
    assertAllClose(dx, [[[[1, 2, 1], [2, 4, 2], [1, 2, 1]]]], {
      ...EXACT,
      msg: "col2im of ones, 3×3 image, 2×2 filter: each pixel gets the SUM of its copies " +
        "(the middle one is in four windows)",
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
      msg: "col2im, 3×3 image, 2×2 filter, stride 2, pad 1: the entries of the padding (100) " +
        "must be dropped",
    });
    // 2×2 windows with stride 2 tile a 4×6 image exactly: every pixel is in one window.
    const x = np.rng(3).random([2, 3, 4, 6]);
    const window = { filterH: 2, filterW: 2, stride: 2, pad: 0 };
    assertAllClose(col2im(referenceIm2col(x, window), { ...window, inputShape: x.shape }), x, {
      msg: "col2im of the unrolled [2, 3, 4, 6] images, windows tiling them: the images",
    });
  }),
);

Deno.test(
  "col2im() keeps the dtype of its input",
  named({ col2im }, ({ col2im }) => {
    const col = np.rng(4).random([9, 4], { dtype: "float32" });
    const dx = col2im(col, { inputShape: [1, 1, 4, 4], filterH: 2, filterW: 2 });
    assert.equal(dx.dtype, "float32", `col2im of a float32 col: dtype ${dx.dtype}`);
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
        msg: `<x, col2im(y)> against <unroll(x), y> for x [${shape}], ` +
          `filter ${window.filterH}×${window.filterW}, stride ${window.stride}, pad ${window.pad}`,
      });
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
  }),
);

// The book's own code: chapters/07/testdata/book_ch07.json, written by tools/book/ch07.py, holds
// the book's im2col and col2im (common/util.py) run in NumPy on fixed inputs.

const CLOSE = { rtol: 1e-10, atol: 1e-12 };

Deno.test(
  "im2col() agrees with the book's NumPy code",
  named({ im2col }, ({ im2col }) => {
    assert.ok(fixture.im2col.length > 0, "the fixture has im2col cases");
    for (const c of fixture.im2col) {
      const window = { filterH: c.filterH, filterW: c.filterW, stride: c.stride, pad: c.pad };
      assertAllClose(im2col(arrayOf(c.x), window), arrayOf(c.col), {
        ...CLOSE,
        msg: `col of x [${c.x.shape}], filter ${c.filterH}×${c.filterW}, stride ${c.stride}, ` +
          `pad ${c.pad}, against the book's`,
      });
    }
  }),
);

Deno.test(
  "col2im() agrees with the book's NumPy code",
  named({ col2im }, ({ col2im }) => {
    assert.ok(fixture.im2col.length > 0, "the fixture has col2im cases");
    for (const c of fixture.im2col) {
      const window = { filterH: c.filterH, filterW: c.filterW, stride: c.stride, pad: c.pad };
      assertAllClose(col2im(arrayOf(c.dcol), { ...window, inputShape: c.x.shape }), arrayOf(c.dx), {
        ...CLOSE,
        msg:
          `dx for images [${c.x.shape}], filter ${c.filterH}×${c.filterW}, stride ${c.stride}, ` +
          `pad ${c.pad}, against the book's`,
      });
    }
  }),
);
