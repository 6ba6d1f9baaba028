import assert from "node:assert/strict";
import { loadMnist } from "../mnist/mod.ts";
import { FinalConvNet } from "../nets/final_conv_net.ts";
import { copyParams } from "../nets/network.ts";
import * as np from "../np/mod.ts";
import { SGD } from "../optimizers/mod.ts";
import { inspect } from "./network.ts";
import { labHandler, racePath } from "./server.ts";
import { loadLabRun, SHIPPED_PARAMS_PATH } from "./run.ts";
import { labParts } from "./sources.ts";

const run = loadLabRun(SHIPPED_PARAMS_PATH);
const { handler } = labHandler({ run, mine: false, parts: labParts(false) }, { loadTests: false });

// deno-lint-ignore no-explicit-any
type Json = any;

async function call(path: string, body?: unknown): Promise<{ status: number; value: Json }> {
  const response = await handler(
    new Request(
      `http://127.0.0.1${path}`,
      body === undefined ? {} : {
        method: "POST",
        body: JSON.stringify(body),
      },
    ),
  );
  return { status: response.status, value: await response.json() };
}

function decode(encoded: { f32: string }): Float32Array {
  const bytes = Uint8Array.from(atob(encoded.f32), (c) => c.charCodeAt(0));
  return new Float32Array(bytes.buffer);
}

Deno.test("lab API: the state names the shipped network and whose code each part is", async () => {
  const { value } = await call("/api/state");
  assert.equal(value.network.kind, "shipped");
  assert.equal(value.network.className, "FinalConvNet");
  assert.ok(value.network.finalTestAccuracy >= 0.985, `${value.network.finalTestAccuracy}`);
  const source = (name: string) =>
    value.parts.find((p: { name: string }) => p.name === name).source;
  assert.equal(source("Convolution"), "engine");
  assert.equal(source("im2col"), "answer key");
  assert.equal(source("Adam"), "answer key");
});

Deno.test("lab API: /api/predict classifies MNIST test images right", async () => {
  const { xTest, tTest } = loadMnist({ flatten: true });
  let right = 0;
  for (let i = 0; i < 20; i++) {
    const pixels = [...xTest.data.subarray(i * 784, (i + 1) * 784)];
    const { value } = await call("/api/predict", { pixels });
    assert.equal(value.probabilities.length, 10);
    assert.ok(Math.abs(value.probabilities.reduce((a: number, b: number) => a + b) - 1) < 1e-6);
    if (value.predicted === tTest.data[i]) right++;
  }
  assert.ok(right >= 19, `${right} of 20 right`);
});

Deno.test("lab API: /api/inspect gives every layer, the filters and the saliency", async () => {
  const { value } = await call("/api/inspect", { pixels: new Array(784).fill(0.2) });
  assert.deepEqual(
    value.layers.map((l: { name: string }) => l.name),
    ["Conv1", "Pool1", "Relu1", "Conv2", "Pool2", "Relu2", "Affine1", "Relu3", "Affine2"],
  );
  assert.deepEqual(value.layers[0].shape, [16, 28, 28]);
  assert.equal(decode(value.layers[0]).length, 16 * 28 * 28);
  assert.deepEqual(value.filters.shape, [16, 1, 5, 5]);
  const saliency = decode(value.saliency);
  assert.equal(saliency.length, 784);
  assert.ok(saliency.some((v) => v !== 0), "the saliency is not all zero");
});

Deno.test("lab: the saliency is the winning score's gradient (numerical check, float64)", () => {
  const net = new FinalConvNet();
  copyParams(run.model.params, net.params, "the shipped network");
  const { xTest } = loadMnist({ flatten: true, dtype: "float64" });
  // A little noise, so that no two values tie in a max pooling window (where the score has no
  // derivative: backward picks one of them, finite differences average them).
  const noise = np.rng(3).random([784]).data;
  const pixels = Float64Array.from(xTest.data.subarray(0, 784), (v, i) => v + 0.01 * noise[i]);
  const result = inspect(net, pixels, { saliency: true, dtype: "float64" });
  const score = (p: Float64Array) =>
    net.predict(new np.NDArray(Float64Array.from(p), [1, 1, 28, 28])).data[result.predicted];
  const order = [...result.saliency!.keys()].sort((a, b) =>
    Math.abs(result.saliency![b]) - Math.abs(result.saliency![a])
  );
  const h = 1e-4;
  for (const i of order.slice(0, 5)) {
    const up = Float64Array.from(pixels), down = Float64Array.from(pixels);
    up[i] += h;
    down[i] -= h;
    const numerical = (score(up) - score(down)) / (2 * h);
    assert.ok(
      Math.abs(numerical - result.saliency![i]) <= 1e-3 * Math.abs(numerical) + 1e-5,
      `pixel ${i}: backward ${result.saliency![i]}, numerical ${numerical}`,
    );
  }
});

Deno.test("lab API: /api/im2col gives col and col2im's overlap counts", async () => {
  const { value } = await call("/api/im2col", {
    pixels: new Array(784).fill(1),
    filter: 3,
    stride: 1,
    pad: 1,
  });
  assert.equal(value.outH, 28);
  assert.deepEqual(value.col.shape, [784, 9]);
  const counts = decode(value.counts);
  assert.deepEqual([counts[0], counts[1], counts[29]], [4, 6, 9]);
  const strided = await call("/api/im2col", {
    pixels: new Array(784).fill(0),
    filter: 5,
    stride: 2,
    pad: 0,
  });
  assert.equal(strided.value.outW, 12);
});

Deno.test("lab API: /api/race returns lib's optimizers' paths", async () => {
  const { value } = await call("/api/race", { steps: 5, lr: { SGD: 0.5 } });
  assert.deepEqual(Object.keys(value.paths), [
    "SGD",
    "Momentum",
    "Nesterov",
    "AdaGrad",
    "RMSprop",
    "Adam",
  ]);
  assert.deepEqual(value.paths.SGD, racePath(new SGD({ lr: 0.5 }), 5));
  assert.equal(value.paths.Adam.length, 6);
});

Deno.test("lab API: bad requests get 400 with a message", async () => {
  const { status, value } = await call("/api/predict", { pixels: [1, 2, 3] });
  assert.equal(status, 400);
  assert.match(value.error, /784 numbers/);
  assert.equal(
    (await call("/api/im2col", { pixels: new Array(784).fill(0), filter: 0, stride: 1, pad: 0 }))
      .status,
    400,
  );
});

Deno.test("lab: the page's files are served, others are not", async () => {
  for (const path of ["/", "/app.js", "/preprocess.js", "/style.css"]) {
    const response = await handler(new Request(`http://127.0.0.1${path}`));
    assert.equal(response.status, 200, path);
    await response.body?.cancel();
  }
  const response = await handler(new Request("http://127.0.0.1/../main.ts"));
  assert.equal(response.status, 404);
  await response.body?.cancel();
});
