import assert from "node:assert/strict";
import * as np from "../np/mod.ts";
import { assertAllClose } from "../testing/mod.ts";
import { DataParallelNet } from "./data_parallel.ts";
import { MODELS } from "./models.ts";

/** A seeded batch of n random images and labels. */
function batch(n: number, seed: number) {
  const rng = np.rng(seed);
  const x = rng.random([n, 1, 28, 28], { dtype: "float32" });
  const t = np.array(Array.from({ length: n }, (_, i) => (i * 7 + seed) % 10), {
    dtype: "float32",
  });
  return { x, t };
}

for (const model of ["final", "simple", "deep"]) {
  Deno.test(`DataParallelNet (${model}): the halves' gradients average to the batch's`, async () => {
    const reference = MODELS[model].create(3);
    const parallel = await DataParallelNet.start(MODELS[model].create(3), {
      model,
      batchSize: 6,
      sample: np.zeros([1, 28, 28], { dtype: "float32" }),
      label: np.zeros([], { dtype: "float32" }),
    });
    try {
      // Odd and even batches: the halves are weighted by their sizes (3 + 2 for 5); 1 stays here.
      for (const [n, seed] of [[6, 1], [5, 2], [1, 3]]) {
        const { x, t } = batch(n, seed);
        const want = reference.gradient(x, t);
        const got = parallel.gradient(x, t);
        for (const name of Object.keys(want)) {
          assertAllClose(got[name], want[name], { rtol: 1e-3, atol: 1e-6 });
        }
        assertAllClose(parallel.lastLayer.loss, reference.lastLayer.loss, { rtol: 1e-5 });
        assertAllClose(parallel.lastLayer.y!, reference.lastLayer.y!, { rtol: 1e-4, atol: 1e-6 });
        // DeepConvNet's dropout masks: drawn as one thread draws them, so its generator is
        // where one thread's is (a checkpoint saves it).
        const rng = (net: unknown) => (net as { rng: np.Generator }).rng.getState();
        assert.deepEqual(rng(parallel.net), rng(reference), `generator after a batch of ${n}`);
      }
    } finally {
      parallel.close();
    }
  });
}

Deno.test("DataParallelNet: the worker sees every update of the parameters", async () => {
  const parallel = await DataParallelNet.start(MODELS.final.create(0), {
    model: "final",
    batchSize: 4,
    sample: np.zeros([1, 28, 28], { dtype: "float32" }),
    label: np.zeros([], { dtype: "float32" }),
  });
  try {
    const { x, t } = batch(4, 5);
    const before = parallel.gradient(x, t).W1.clone();
    for (const p of Object.values(parallel.params)) np.mul(p, 0.5, { out: p });
    const reference = MODELS.final.create(0);
    for (const p of Object.values(reference.params)) np.mul(p, 0.5, { out: p });
    const after = parallel.gradient(x, t).W1;
    assertAllClose(after, reference.gradient(x, t).W1, { rtol: 1e-3, atol: 1e-6 });
    assert.notDeepEqual([...after.data], [...before.data]);
  } finally {
    parallel.close();
  }
});

Deno.test("DataParallelNet: the same batches give the same bits", async () => {
  const runs: number[][] = [];
  for (let run = 0; run < 2; run++) {
    const parallel = await DataParallelNet.start(MODELS.final.create(0), {
      model: "final",
      batchSize: 4,
      sample: np.zeros([1, 28, 28], { dtype: "float32" }),
      label: np.zeros([], { dtype: "float32" }),
    });
    const { x, t } = batch(4, 9);
    runs.push([...parallel.gradient(x, t).W2.data]);
    parallel.close();
  }
  assert.deepEqual(runs[0], runs[1]);
});

Deno.test("DataParallelNet.start() says when the worker cannot build the network", async () => {
  await assert.rejects(
    DataParallelNet.start(MODELS.final.create(0), {
      model: "no_such_model",
      batchSize: 4,
      sample: np.zeros([1, 28, 28], { dtype: "float32" }),
      label: np.zeros([], { dtype: "float32" }),
    }),
    /The training worker could not start: No network "no_such_model" in MODELS/,
  );
});

Deno.test("DataParallelNet: predict splits test-mode batches and gives one thread's bits", async () => {
  const reference = MODELS.final.create(4);
  const parallel = await DataParallelNet.start(MODELS.final.create(4), {
    model: "final",
    batchSize: 4,
    sample: np.zeros([1, 28, 28], { dtype: "float32" }),
    label: np.zeros([], { dtype: "float32" }),
  });
  try {
    // 100 is larger than a training half (2): the evaluation buffers hold 50 per half.
    for (const n of [100, 7, 1]) {
      const { x, t } = batch(n, n);
      const want = reference.predict(x, { train: false });
      assert.deepEqual([...parallel.predict(x, { train: false }).data], [...want.data]);
      // After an update, the worker scores with the new parameters.
      parallel.gradient(firstFour(x), firstFour(t));
      for (const [name, p] of Object.entries(parallel.params)) {
        np.mul(p, 0.9, { out: p });
        np.mul(reference.params[name], 0.9, { out: reference.params[name] });
      }
      assert.deepEqual(
        [...parallel.predict(x, { train: false }).data],
        [...reference.predict(x, { train: false }).data],
      );
    }
  } finally {
    parallel.close();
  }
});

/** The first (up to) four rows. */
function firstFour(a: np.NDArray): np.NDArray {
  return a.slice(`0:${Math.min(4, a.shape[0])}`);
}
