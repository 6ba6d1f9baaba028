import assert from "node:assert/strict";
import { join } from "node:path";
import { saveSafetensors } from "../io/safetensors.ts";
import * as np from "../np/mod.ts";
import {
  loadSampleWeight,
  NETWORK_KEYS,
  SAMPLE_WEIGHT_PATH,
  SAMPLE_WEIGHT_SHAPES,
  saveSampleWeight,
} from "./sample_weight.ts";

Deno.test("loadSampleWeight() loads the shipped 784-50-100-10 float32 network", () => {
  const { network, metadata } = loadSampleWeight();
  for (const key of NETWORK_KEYS) {
    assert.deepEqual(network[key].shape, SAMPLE_WEIGHT_SHAPES[key]);
    assert.equal(network[key].dtype, "float32");
    assert.ok(network[key].data.every(Number.isFinite));
  }
  assert.match(metadata.made_by, /deno task ch03:make-weights/);
  assert.ok(Deno.statSync(SAMPLE_WEIGHT_PATH).size < 1_000_000);
});

Deno.test("saveSampleWeight() and loadSampleWeight() round-trip a network", () => {
  const { network } = loadSampleWeight();
  const path = join(Deno.makeTempDirSync(), "w.safetensors");
  saveSampleWeight(path, network, { metadata: { note: "copy" } });
  const loaded = loadSampleWeight(path);
  assert.deepEqual(loaded.metadata, { note: "copy" });
  for (const key of NETWORK_KEYS) assert.deepEqual(loaded.network[key].data, network[key].data);
});

Deno.test("loadSampleWeight() names a missing or misshapen parameter and the fix", () => {
  const { network } = loadSampleWeight();
  const path = join(Deno.makeTempDirSync(), "w.safetensors");
  saveSafetensors(path, { ...network, W2: np.zeros([50, 99], { dtype: "float32" }) });
  assert.throws(() => loadSampleWeight(path), {
    name: "TypeError",
    message: /should hold W2 of shape \[50,100\], found \[50,99\]: .*ch03:make-weights/,
  });
  const { b3: _, ...withoutB3 } = network;
  saveSafetensors(path, withoutB3);
  assert.throws(() => loadSampleWeight(path), { message: /should hold b3 .* found none/ });
  assert.throws(() => loadSampleWeight(path + ".missing"), { name: "SafetensorsError" });
});
