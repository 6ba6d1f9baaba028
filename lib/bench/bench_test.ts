import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import * as np from "../np/mod.ts";
import { SimpleConvNet } from "../nets/simple_conv_net.ts";
import { assertAllClose } from "../testing/mod.ts";
import { parseBenchArgs } from "./main.ts";
import { setParams } from "./nets.ts";
import { initTfjs, lossAndGradients, tf, tfSimpleConvNet } from "./peer_tfjs.ts";
import { benchCases, DEEP_CONV_NET, netCases } from "./shapes.ts";
import { bookSimpleConvNetParams } from "./workload.ts";

Deno.test("deno task bench --quick --only matmul prints the machine and the gemm table", async () => {
  // A smoke test that keeps the command from rotting; the numbers it prints are not checked.
  const main = fileURLToPath(new URL("./main.ts", import.meta.url));
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", main, "--quick", "--only", "matmul"],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout);
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  assert.match(text, /machine: \d+ CPUs \(nproc\)/);
  assert.match(text, /uptime: .*load average/);
  for (const c of benchCases()) assert.ok(text.includes(c.label), `missing row ${c.label}`);
  assert.match(text, /512³ f32: gemm 2 threads \/ tfjs matMul/);
  assert.doesNotMatch(text, /NaN/);
});

Deno.test("parseBenchArgs() accepts comma lists and rejects unknown sections", () => {
  assert.deepEqual(parseBenchArgs(["--only", "simple", "--only", "peer,deep"]).only, [
    "simple",
    "peer",
    "deep",
  ]);
  assert.throws(() => parseBenchArgs(["--only", "gpu"]), RangeError);
  assert.throws(() => parseBenchArgs(["--fast"]), TypeError);
});

Deno.test("netCases() gives DeepConvNet's real shapes: conv4 pads to 16 px, affine1 takes 1024", () => {
  const cases = netCases(DEEP_CONV_NET);
  const conv4 = cases.find((c) => c.label.includes("conv4") && c.label.includes("fwd"));
  assert.deepEqual([conv4?.m, conv4?.k, conv4?.n], [100 * 16 * 16, 32 * 9, 32]);
  const affine1 = cases.find((c) => c.label.includes("affine1") && c.label.includes("fwd"));
  assert.deepEqual([affine1?.m, affine1?.k, affine1?.n], [100, 1024, 50]);
});

Deno.test("the tfjs peer computes the workbook SimpleConvNet's loss and gradients", async () => {
  // Same weights, same images: the peer's hand-written backward pass (NHWC layouts, the
  // filter gradient as a convolution) must agree with the reference network's.
  await initTfjs();
  const params = bookSimpleConvNetParams(5);
  for (const name of ["W1", "W2", "W3"]) np.mul(params[name], 10, { out: params[name] });
  const net = new SimpleConvNet({ dtype: "float32" });
  setParams(net, params);
  const x = np.rng(6).random([4, 1, 28, 28], { dtype: "float32" });
  const labels = [3, 1, 4, 1];
  const grads = net.gradient(x, np.array(labels));
  const loss = net.lastLayer.loss;

  const peer = tfSimpleConvNet(params);
  const result = tf.tidy(() => {
    const xs = tf.tensor4d(Float32Array.from(x.data), [4, 28, 28, 1]);
    const t = tf.oneHot(tf.tensor1d(labels, "int32"), 10) as tf.Tensor2D;
    const { loss, grads } = lossAndGradients(peer, xs, t);
    // Back to the book's layouts: filters [30, 1, 5, 5], W2 rows in (channel, row, column).
    return {
      loss,
      W1: tf.transpose(grads.W1, [3, 2, 0, 1]),
      W2: tf.reshape(tf.transpose(tf.reshape(grads.W2, [12, 12, 30, 100]), [2, 0, 1, 3]), [
        4320,
        100,
      ]),
      b1: grads.b1,
      b2: grads.b2,
      W3: grads.W3,
      b3: grads.b3,
    };
  });
  assert.ok(Math.abs(result.loss.dataSync()[0] - loss) < 1e-4);
  for (const name of ["W1", "b1", "W2", "b2", "W3", "b3"] as const) {
    const mine = grads[name];
    const theirs = np.array(Array.from(result[name].dataSync())).reshape(...mine.shape);
    assertAllClose(theirs, mine, { rtol: 1e-3, atol: 1e-5 });
  }
  tf.dispose([...Object.values(result), ...Object.values(peer)]);
});
