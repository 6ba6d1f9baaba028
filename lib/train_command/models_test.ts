import assert from "node:assert/strict";
import { join } from "node:path";
import { saveSafetensors } from "../io/safetensors.ts";
import { saveParams } from "../nets/network.ts";
import * as np from "../np/mod.ts";
import { SimpleConvNet as EngineSimpleConvNet } from "../engine/nets.ts";
import { MINE_ENV } from "../kata/mine_env.ts";
import { DeepConvNet } from "../nets/deep_conv_net.ts";
import { FinalConvNet } from "../nets/final_conv_net.ts";
import { convNets, loadTrainedModel, MODELS } from "./models.ts";
import { setLang } from "../command/lang.ts";

// The messages read below are the English ones, whatever the machine's locale.
setLang("en");

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
  setLang("ja");
  try {
    assert.throws(() => loadTrainedModel(path), /"TwoLayerNet" のもので、FinalConvNet/);
    const other = saveSafetensors(join(dir, "q.safetensors"), { W: np.ones([1]) }, {
      network: "FinalConvNet",
    });
    assert.throws(
      () => loadTrainedModel(other),
      /パラメータの名前か形状がネットワークと合いません/,
    );
  } finally {
    setLang("en");
  }
  await Deno.remove(dir, { recursive: true });
});

Deno.test("convNets() builds the engine's nets, and the answer key's in the --mine child", () => {
  const before = Deno.env.get(MINE_ENV);
  try {
    Deno.env.delete(MINE_ENV);
    assert.equal(convNets().source, "engine");
    assert.ok(new (convNets().SimpleConvNet)() instanceof EngineSimpleConvNet);
    Deno.env.set(MINE_ENV, "1");
    assert.equal(convNets().source, "answer key");
    assert.ok(MODELS.final.create(0) instanceof FinalConvNet);
    assert.ok(new (convNets().DeepConvNet)() instanceof DeepConvNet);
  } finally {
    if (before === undefined) Deno.env.delete(MINE_ENV);
    else Deno.env.set(MINE_ENV, before);
  }
});
