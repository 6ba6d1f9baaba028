// Replays chapters/07/testdata/book_ch07.json, written by tools/book/ch07.py: the book's
// im2col, col2im, Convolution and Pooling (common/util.py, common/layers.py) in NumPy, run on
// fixed inputs. Your code must give the same numbers.
import assert from "node:assert/strict";
import * as np from "../../lib/np/mod.ts";
import { assertAllClose } from "../../lib/testing/mod.ts";
import { col2im, im2col } from "./im2col.ts";
import { Convolution } from "./convolution.ts";
import { Pooling } from "./pooling.ts";
import fixture from "./testdata/book_ch07.json" with { type: "json" };

interface Tensor {
  shape: number[];
  data: number[];
}

function arrayOf(t: Tensor): np.NDArray {
  return new np.NDArray(Float64Array.from(t.data), t.shape);
}

const CLOSE = { rtol: 1e-10, atol: 1e-12 };

Deno.test("im2col() and col2im() agree with the book's NumPy code", () => {
  assert.ok(fixture.im2col.length > 0);
  for (const c of fixture.im2col) {
    const window = { filterH: c.filterH, filterW: c.filterW, stride: c.stride, pad: c.pad };
    const x = arrayOf(c.x);
    assertAllClose(im2col(x, window), arrayOf(c.col), CLOSE);
    assertAllClose(
      col2im(arrayOf(c.dcol), { ...window, inputShape: x.shape }),
      arrayOf(c.dx),
      CLOSE,
    );
  }
});

Deno.test("Convolution.forward() and backward() agree with the book's NumPy code", () => {
  for (const c of fixture.convolution) {
    const layer = new Convolution(arrayOf(c.W), arrayOf(c.b), { stride: c.stride, pad: c.pad });
    assertAllClose(layer.forward(arrayOf(c.x)), arrayOf(c.out), CLOSE);
    assertAllClose(layer.backward(arrayOf(c.dout)), arrayOf(c.dx), CLOSE);
    assertAllClose(layer.dW!, arrayOf(c.dW), CLOSE);
    assertAllClose(layer.db!, arrayOf(c.db), CLOSE);
  }
});

Deno.test("Pooling.forward() and backward() agree with the book's NumPy code", () => {
  for (const c of fixture.pooling) {
    const layer = new Pooling(c.poolH, c.poolW, { stride: c.stride, pad: c.pad });
    assertAllClose(layer.forward(arrayOf(c.x)), arrayOf(c.out), CLOSE);
    assertAllClose(layer.backward(arrayOf(c.dout)), arrayOf(c.dx), CLOSE);
  }
});
