import assert from "node:assert/strict";
import { TwoLayerNet } from "../../nets/two_layer_net.ts";
import { runMnistTraining } from "../../book_trainer/mnist_command.ts";

Deno.test("ch05:train runs a smoke training on 200 MNIST images", async () => {
  const result = await runMnistTraining({
    label: "ch05:train",
    createNet: (seed) =>
      new TwoLayerNet({ inputSize: 784, hiddenSize: 50, outputSize: 10, seed, dtype: "float32" }),
    iterations: 20,
    lr: 0.5,
    batchSize: 20,
    limit: 200,
    progress: { update() {}, log() {}, stop() {} },
    write: () => {},
  });
  assert.deepEqual(result.records.map((r) => r.iteration), [0, 10, 20]);
  assert.ok(result.lossHistory.every(Number.isFinite));
  assert.ok(result.records[2].trainAcc > 0.5, `train accuracy ${result.records[2].trainAcc}`);
});
