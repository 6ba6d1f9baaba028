import assert from "node:assert/strict";
import { TwoLayerNet } from "../../nets/two_layer_net_ch04.ts";
import { runMnistTraining } from "../../book_trainer/mnist_command.ts";
import { setLang } from "../../command/lang.ts";

// The messages read below are the English ones, whatever the machine's locale.
setLang("en");

Deno.test("ch04:train runs a smoke training on 200 MNIST images", async () => {
  const lines: string[] = [];
  const result = await runMnistTraining({
    label: "ch04:train",
    createNet: (seed) =>
      new TwoLayerNet({ inputSize: 784, hiddenSize: 50, outputSize: 10, seed, dtype: "float32" }),
    iterations: 20,
    batchSize: 20,
    lr: 0.5,
    limit: 200,
    progress: { update() {}, log: (l) => lines.push(l), stop() {} },
    write: (l) => lines.push(l),
  });
  assert.equal(result.iterations, 20);
  assert.deepEqual(result.records.map((r) => r.iteration), [0, 10, 20]);
  assert.ok(result.lossHistory.every(Number.isFinite));
  assert.ok(result.records[2].trainAcc > result.records[0].trainAcc);
  assert.match(lines[0], /200 training images, batches of 20, SGD lr 0.5, 20 iterations/);
  assert.match(lines.at(-1)!, /images\/s/);
});
