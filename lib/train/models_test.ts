import assert from "node:assert/strict";
import { join } from "node:path";
import { saveSafetensors } from "../io/safetensors.ts";
import { saveParams } from "../nets/network.ts";
import * as np from "../np/mod.ts";
import { loadTrainedModel, MODELS } from "./models.ts";

Deno.test("loadTrainedModel() rebuilds the network named in the file", async () => {
  const dir = await Deno.makeTempDir();
  const net = MODELS.final.create(7);
  const path = saveParams(join(dir, "p.safetensors"), net.params, "FinalConvNet");
  const { model, name } = loadTrainedModel(path);
  assert.equal(name, "final");
  const x = np.rng(0).random([2, 1, 28, 28], { dtype: "float32" });
  assert.deepEqual([...model.predict(x).data], [...net.predict(x).data]);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("loadTrainedModel() says when the file holds another network", async () => {
  const dir = await Deno.makeTempDir();
  const path = saveSafetensors(join(dir, "p.safetensors"), { W: np.ones([1]) }, {
    network: "TwoLayerNet",
  });
  assert.throws(() => loadTrainedModel(path), /"TwoLayerNet", not one of FinalConvNet/);
  await Deno.remove(dir, { recursive: true });
});
