import assert from "node:assert/strict";
import { NETWORK_KEYS } from "../../nets/sample_weight.ts";
import { initialParams, trainSampleWeight } from "./make_weights.ts";

Deno.test("initialParams() is seeded Xavier float32 weights and zero biases (§6.2.2)", () => {
  const a = initialParams(3), b = initialParams(3), c = initialParams(4);
  for (const key of NETWORK_KEYS) {
    assert.equal(a[key].dtype, "float32");
    assert.deepEqual(a[key].data, b[key].data, key);
  }
  assert.notDeepEqual(a.W1.data, c.W1.data);
  assert.ok(a.b2.data.every((v) => v === 0));
  // Xavier: standard deviation 1/√n_in (784 inputs for W1).
  const w = a.W1.data;
  let squares = 0;
  for (const v of w) squares += v * v;
  const std = Math.sqrt(squares / w.length);
  assert.ok(Math.abs(std - 1 / Math.sqrt(784)) < 0.002, `std ${std}`);
});

Deno.test("trainSampleWeight() is reproducible from its seed and lowers the loss", () => {
  const losses: number[] = [];
  const options = { epochs: 2, trainSize: 5000, seed: 5 };
  const a = trainSampleWeight({ ...options, onEpoch: (_, loss) => losses.push(loss) });
  const b = trainSampleWeight(options);
  for (const key of NETWORK_KEYS) assert.deepEqual(a[key].data, b[key].data, key);
  assert.equal(losses.length, 2);
  assert.ok(losses[1] < losses[0], `losses ${losses}`);
  assert.ok(losses[1] < Math.log(10), `the second epoch beats guessing: ${losses}`);
});
