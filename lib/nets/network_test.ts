import assert from "node:assert/strict";
import { join } from "node:path";
import * as np from "../np/mod.ts";
import { DeepConvNet } from "./deep_conv_net.ts";
import { FinalConvNet } from "./final_conv_net.ts";
import { copyParams } from "./network.ts";
import { SimpleConvNet } from "./simple_conv_net.ts";

Deno.test("saveParams() and loadParams() round-trip every convolutional network", async () => {
  const dir = await Deno.makeTempDir();
  const x = np.rng(0).random([2, 1, 28, 28], { dtype: "float32" });
  const nets = [
    [
      new SimpleConvNet({ dtype: "float32", seed: 1 }),
      () => new SimpleConvNet({ dtype: "float32", seed: 2 }),
    ],
    [
      new DeepConvNet({ dtype: "float32", seed: 1 }),
      () => new DeepConvNet({ dtype: "float32", seed: 2 }),
    ],
    [
      new FinalConvNet({ dtype: "float32", seed: 1 }),
      () => new FinalConvNet({ dtype: "float32", seed: 2 }),
    ],
  ] as const;
  for (const [net, other] of nets) {
    const path = net.saveParams(join(dir, `${net.constructor.name}.safetensors`));
    const copy = other();
    assert.notDeepEqual([...copy.predict(x).data], [...net.predict(x).data]);
    const W1 = copy.params.W1;
    copy.loadParams(path);
    // Loaded in place: the layers still hold the same arrays.
    assert.equal(copy.params.W1, W1);
    assert.deepEqual([...copy.predict(x).data], [...net.predict(x).data]);
  }
  await Deno.remove(dir, { recursive: true });
});

Deno.test("loadParams() says when the file is of another network", async () => {
  const dir = await Deno.makeTempDir();
  const path = new FinalConvNet().saveParams(join(dir, "final.safetensors"));
  assert.throws(() => new SimpleConvNet().loadParams(path), /has no parameter W2|has shape/);
  const small = new SimpleConvNet({ hiddenSize: 50 });
  const saved = new SimpleConvNet().saveParams(join(dir, "simple.safetensors"));
  assert.throws(
    () => small.loadParams(saved),
    /parameter W2 has shape \[4320, 100\], the network needs \[4320, 50\]/,
  );
  assert.throws(() => copyParams({}, { W: np.zeros([1]) }, "x"), /x has no parameter W/);
  await Deno.remove(dir, { recursive: true });
});
