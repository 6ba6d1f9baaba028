import assert from "node:assert/strict";
import * as np from "../np/mod.ts";
import { assertAllClose } from "../testing/mod.ts";
import { gradientDescent, numericalDiff, numericalGradient } from "./numerical.ts";

Deno.test("numericalDiff() is the central difference with h = 1e-4 (§4.3.2)", () => {
  const f = (x: number) => 0.01 * x ** 2 + 0.1 * x;
  assert.equal(numericalDiff(f, 5), 0.1999999999990898);
  assert.equal(numericalDiff(f, 10), 0.2999999999986347);
});

Deno.test("numericalDiff() and numericalGradient() reject a step that is not positive", () => {
  assert.throws(() => numericalDiff((x) => x, 1, { h: 0 }), RangeError);
  assert.throws(() => numericalGradient(() => 0, np.zeros([2]), { h: -1 }), /positive/);
});

Deno.test("numericalGradient() keeps x's shape and dtype and restores x", () => {
  const x = np.array([[1, 2, 3], [4, 5, 6]], { dtype: "float32" });
  const grad = numericalGradient((v) => np.sum(v), x, { h: 1e-2 });
  assert.equal(grad.dtype, "float32");
  assert.deepEqual(grad.shape, [2, 3]);
  assertAllClose(grad, np.ones([2, 3]), { rtol: 1e-3 });
  assert.deepEqual(x.toArray(), [[1, 2, 3], [4, 5, 6]]);
});

Deno.test("gradientDescent() copies initX, records the path and checks its options", () => {
  const initX = np.array([-3, 4]);
  const f = (x: np.NDArray) => np.sum(np.square(x));
  const { x, history } = gradientDescent(f, initX, { lr: 0.1, stepNum: 3 });
  assert.deepEqual(initX.toArray(), [-3, 4]);
  assertAllClose(np.stack(history), [[-3, 4], [-2.4, 3.2], [-1.92, 2.56]], { rtol: 1e-9 });
  assertAllClose(x, [-1.536, 2.048], { rtol: 1e-9 });
  assert.equal(gradientDescent(f, initX, { stepNum: 0 }).history.length, 0);
  assert.throws(() => gradientDescent(f, initX, { stepNum: -1 }), RangeError);
  assert.throws(() => gradientDescent(f, initX, { lr: NaN }), RangeError);
});
