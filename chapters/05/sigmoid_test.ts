import assert from "node:assert/strict";
import * as np from "../../lib/np/mod.ts";
import { assertAllClose, assertGradientsClose } from "../../lib/testing/mod.ts";
import { Sigmoid } from "./sigmoid.ts";

Deno.test("Sigmoid.forward() is 1 / (1 + exp(-x)) and remembers it (§5.5.2)", () => {
  const layer = new Sigmoid();
  const out = layer.forward(np.array([-1, 0, 1, 2]));
  assertAllClose(out, [0.2689414213699951, 0.5, 0.7310585786300049, 0.8807970779778823], {
    rtol: 1e-12,
  });
  assert.equal(layer.out, out);
});

Deno.test("Sigmoid.backward() is dout · y · (1 − y) (§5.5.2)", () => {
  const layer = new Sigmoid();
  layer.forward(np.array([0, 0]));
  assertAllClose(layer.backward(np.array([1, 2])), [0.25, 0.5]);
  const y = layer.forward(np.array([2]));
  assertAllClose(layer.backward(np.array([3])), np.mul(3, np.mul(y, np.sub(1, y))), {
    rtol: 1e-14,
  });
});

Deno.test("Sigmoid.backward() matches the numerical gradient", () => {
  const layer = new Sigmoid();
  const x = np.rng(1).normal([3, 4], { scale: 2 });
  const w = np.rng(2).normal([3, 4]);
  layer.forward(x);
  const dx = layer.backward(w);
  assertGradientsClose(dx, () => np.sum(np.mul(new Sigmoid().forward(x), w)), x);
});
