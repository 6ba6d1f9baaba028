import assert from "node:assert/strict";
import { gradientCheck } from "./gradient_check.ts";

Deno.test("ch05:gradient-check: backprop and numerical gradients agree below 1e-6 (§5.7.3)", () => {
  const { diff, size } = gradientCheck({ batch: 3, hiddenSize: 8 });
  assert.deepEqual(Object.keys(diff), ["W1", "b1", "W2", "b2"]);
  for (const key of Object.keys(diff)) {
    assert.ok(diff[key] < 1e-6, `${key}: ${diff[key]}`);
    // The gradients are not all zero, so the agreement means something.
    assert.ok(size[key] > 1e-5, `${key}: mean |gradient| ${size[key]}`);
  }
});
