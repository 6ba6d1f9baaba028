import assert from "node:assert/strict";
import * as np from "../np/mod.ts";
import { TwoLayerNet } from "../nets/two_layer_net.ts";
import { TwoLayerNet as TwoLayerNetCh04 } from "../nets/two_layer_net_ch04.ts";
import { SGD } from "../optimizers/mod.ts";
import { createProgress } from "./progress.ts";
import { train } from "./train.ts";

/** Four easy classes: each lifts its own five of twenty inputs. */
function data(seed: number, n: number) {
  const rng = np.rng(seed);
  const labels = rng.integers(0, 4, { size: [n] });
  const x = rng.normal([n, 20], { scale: 0.3 });
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 5; j++) x.data[i * 20 + labels.data[i] * 5 + j] += 1;
  }
  return { x, labels };
}

const silent = { update() {}, log() {}, stop() {} };

Deno.test("train() learns an easy problem and records each epoch", () => {
  const a = data(1, 400), b = data(2, 100);
  const net = new TwoLayerNet({ inputSize: 20, hiddenSize: 10, outputSize: 4, weightInitStd: 0.1 });
  const seen: number[] = [];
  const result = train(net, { xTrain: a.x, tTrain: a.labels, xTest: b.x, tTest: b.labels }, {
    optimizer: new SGD({ lr: 0.5 }),
    batchSize: 50,
    epochs: 5,
    progress: silent,
    onEpoch: (r) => seen.push(r.epoch),
  });
  assert.equal(result.iterPerEpoch, 8);
  assert.equal(result.iterations, 40);
  assert.equal(result.lossHistory.length, 40);
  assert.deepEqual(seen, [0, 1, 2, 3, 4, 5]);
  assert.ok(Number.isNaN(result.records[0].loss));
  const last = result.records.at(-1)!;
  assert.ok(last.testAcc > 0.9, `test accuracy ${last.testAcc}`);
  assert.ok(last.loss < result.records[1].loss);
});

Deno.test("train() ends on a partial epoch and evaluates a sample when asked", () => {
  const a = data(3, 100);
  const net = new TwoLayerNetCh04({ inputSize: 20, hiddenSize: 5, outputSize: 4 });
  const sets = { xTrain: a.x, tTrain: a.labels, xTest: a.x, tTest: a.labels };
  const result = train(net, sets, {
    optimizer: new SGD({ lr: 0.1 }),
    batchSize: 20,
    iterations: 7,
    evalSample: 30,
    evalBatchSize: 7,
    progress: silent,
  });
  assert.deepEqual(result.records.map((r) => r.iteration), [0, 5, 7]);
  assert.equal(result.records[2].epoch, 1.4);
  // Accuracy over 30 samples is a multiple of 1/30.
  for (const r of result.records) {
    assert.ok(Math.abs(r.trainAcc * 30 - Math.round(r.trainAcc * 30)) < 1e-9);
  }
});

Deno.test("train() is reproducible with a seed", () => {
  const a = data(4, 100);
  const sets = { xTrain: a.x, tTrain: a.labels, xTest: a.x, tTest: a.labels };
  const run = () => {
    const net = new TwoLayerNet({ inputSize: 20, hiddenSize: 5, outputSize: 4 });
    return train(net, sets, { optimizer: new SGD(), iterations: 5, seed: 9, progress: silent });
  };
  assert.deepEqual(run().lossHistory, run().lossHistory);
});

Deno.test("train() says what is wrong with its input", () => {
  const a = data(5, 10);
  const net = new TwoLayerNet({ inputSize: 20, hiddenSize: 5, outputSize: 4 });
  const sets = { xTrain: a.x, tTrain: a.labels.slice("0:5"), xTest: a.x, tTest: a.labels };
  assert.throws(
    () => train(net, sets, { optimizer: new SGD(), progress: silent }),
    /differ in length/,
  );
  const ok = { ...sets, tTrain: a.labels };
  assert.throws(
    () => train(net, ok, { optimizer: new SGD(), batchSize: 0, progress: silent }),
    /batchSize must be a whole number >= 1, got 0/,
  );
});

Deno.test("createProgress() prints only the logged lines when not on a terminal", () => {
  const lines: string[] = [];
  const progress = createProgress({
    label: "x",
    total: 3,
    tty: false,
    write: (l) => lines.push(l),
  });
  progress.update(1, "loss 1");
  progress.log("epoch 1");
  progress.stop();
  assert.deepEqual(lines, ["epoch 1"]);
});
