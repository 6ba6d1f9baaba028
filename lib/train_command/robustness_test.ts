import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSafetensors, saveSafetensors } from "../io/safetensors.ts";
import * as np from "../np/mod.ts";
import { Adam } from "../optimizers/mod.ts";
import { CheckpointError, readCheckpoint, writeCheckpoint } from "./checkpoint.ts";
import { restoreOptimizer } from "./optimizers.ts";

const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

async function train(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", MAIN, ...args],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
    // English, whatever the locale of the machine running the tests.
    env: { NO_COLOR: "1", ZEROKARA_LANG: "en" },
  }).output();
  const text = new TextDecoder();
  return { code, stdout: text.decode(stdout), stderr: text.decode(stderr) };
}

const SETTINGS = {
  model: "simple",
  optimizer: "adam",
  lr: 0.001,
  lrDecay: 1,
  batchSize: 50,
  augment: 0,
  seed: 0,
  trainSize: 100,
};
const RECORD = {
  epoch: 1,
  loss: 2,
  trainAccuracy: 0.3,
  testAccuracy: 0.3,
  seconds: 1,
  imagesPerSecond: 100,
};

/** A valid checkpoint, then one metadata field or tensor replaced. */
function damaged(
  metadata: Record<string, string>,
  tensors: Record<string, np.NDArray> = {},
): string {
  const path = join(Deno.makeTempDirSync(), "checkpoint.safetensors");
  writeCheckpoint(path, {
    settings: SETTINGS,
    epoch: 1,
    epochs: 2,
    history: [RECORD],
    params: { W1: np.ones([2]) },
    optimizer: { tensors: { "optimizer.m.W1": np.zeros([2]) }, iter: 2 },
    shuffleRng: np.rng(1).getState(),
    netRng: null,
  });
  const file = loadSafetensors(path);
  saveSafetensors(path, { ...file.tensors, ...tensors }, { ...file.metadata, ...metadata });
  return path;
}

Deno.test("readCheckpoint() checks the values, not only the structure", () => {
  const cases: [Record<string, string>, Record<string, np.NDArray>, RegExp][] = [
    [{ epoch: "abc" }, {}, /"epoch" is not valid JSON/],
    [{ epoch: "-5" }, {}, /its epoch "-5" is not a whole number from 1 to 2/],
    [{ epoch: "3" }, {}, /its epoch "3" is not a whole number from 1 to 2/],
    [{ epochs: "1.5" }, {}, /planned epochs/],
    [{ settings: JSON.stringify({ ...SETTINGS, lr: -1 }) }, {}, /learning rate is lr -1/],
    [{ settings: JSON.stringify({ ...SETTINGS, lr: null }) }, {}, /learning rate is lr null/],
    [{ settings: JSON.stringify({ ...SETTINGS, optimizer: "lion" }) }, {}, /optimizer "lion"/],
    [{ settings: JSON.stringify({ ...SETTINGS, batchSize: 0 }) }, {}, /batchSize is 0/],
    [{ history: "[]" }, {}, /history is not one record/],
    [{ shuffleRng: JSON.stringify({ words: [0, 0, 0, 0] }) }, {}, /generator state/],
    [{ shuffleRng: "null" }, {}, /generator state/],
    [{ optimizerIter: '"x"' }, {}, /update count/],
    [{}, { "param.W1": np.array([1, NaN]) }, /tensor param.W1 holds NaN/],
    [{ format: "other" }, {}, /not a checkpoint of deno task train/],
  ];
  for (const [metadata, tensors, message] of cases) {
    const path = damaged(metadata, tensors);
    assert.throws(() => readCheckpoint(path), (error: unknown) => {
      assert.ok(error instanceof CheckpointError, `${JSON.stringify(metadata)}: ${error}`);
      assert.match(error.message, message);
      assert.match(error.message, /start a new run without --resume/);
      assert.equal(error.exitCode, 2);
      return true;
    });
  }
  assert.equal(readCheckpoint(damaged({})).epoch, 1, "the undamaged one reads");
});

Deno.test("restoreOptimizer() refuses a checkpoint without the optimizer's arrays", () => {
  const params = { W1: np.ones([2]) };
  assert.throws(
    () => restoreOptimizer(new Adam(), { tensors: {}, iter: 3 }, params, "adam"),
    /no [mv] arrays of adam .*silently restart adam/,
  );
  assert.throws(
    () =>
      restoreOptimizer(
        new Adam(),
        { tensors: { "optimizer.m.W1": np.zeros([3]), "optimizer.v.W1": np.zeros([2]) }, iter: 3 },
        params,
        "adam",
      ),
    /no m for parameter W1 of shape \[2\]/,
  );
  assert.throws(
    () =>
      restoreOptimizer(
        new Adam(),
        {
          tensors: { "optimizer.m.W1": np.zeros([2]), "optimizer.v.W1": np.zeros([2]) },
          iter: null,
        },
        params,
        "adam",
      ),
    /no update count of adam/,
  );
});

Deno.test("train: a new run into a folder holding a run is refused; --force replaces it", async () => {
  const out = await Deno.makeTempDir();
  const quick = [
    ...["--model", "simple", "--limit", "100", "--batch-size", "50", "--epochs", "1"],
    ...["--out", out],
  ];
  const first = await train(quick);
  assert.equal(first.code, 0, first.stderr);
  const before = Deno.readFileSync(join(out, "params.safetensors"));

  const again = await train([...quick, "--seed", "1"]);
  assert.equal(again.code, 2);
  assert.match(
    again.stderr,
    /already holds a simple run at epoch 1 of 1, test accuracy [\d.]+%, which a new run would overwrite: continue it with --resume, keep it and train into another --out DIR, or replace it with --force/,
  );
  assert.deepEqual(Deno.readFileSync(join(out, "params.safetensors")), before, "nothing lost");

  const both = await train([...quick, "--resume", "--force"]);
  assert.equal(both.code, 2);
  assert.match(both.stderr, /give one/);

  const forced = await train([...quick, "--seed", "1", "--force"]);
  assert.equal(forced.code, 0, forced.stderr);
  assert.notDeepEqual(Deno.readFileSync(join(out, "params.safetensors")), before);
  assert.deepEqual(readdirSync(out).filter((f) => f.endsWith(".tmp")), [], "no temp files left");
  await Deno.remove(out, { recursive: true });
});

Deno.test("train: --resume of a damaged checkpoint is one line with exit 2, no stack", async () => {
  const out = await Deno.makeTempDir();
  const first = await train([
    "--model",
    "simple",
    "--limit",
    "100",
    "--batch-size",
    "50",
    "--epochs",
    "1",
    "--out",
    out,
  ]);
  assert.equal(first.code, 0, first.stderr);
  const path = join(out, "checkpoint.safetensors");
  const file = loadSafetensors(path);
  // The optimizer's state removed: resuming would silently restart Adam.
  const tensors = Object.fromEntries(
    Object.entries(file.tensors).filter(([key]) => !key.startsWith("optimizer.")),
  );
  saveSafetensors(path, tensors, file.metadata);
  const resumed = await train(["--resume", "--epochs", "2", "--out", out]);
  assert.equal(resumed.code, 2);
  assert.match(resumed.stderr, /^error: The checkpoint has no [mv] arrays of adam/);
  assert.ok(!/\n\s+at /.test(resumed.stderr), "no stack trace");
  saveSafetensors(path, file.tensors, { ...file.metadata, epoch: "-5" });
  const negative = await train(["--resume", "--epochs", "2", "--out", out]);
  assert.equal(negative.code, 2);
  assert.match(negative.stderr, /its epoch "-5" is not a whole number/);
  await Deno.remove(out, { recursive: true });
});

Deno.test("train: a run that ends near chance accuracy is a failure", async () => {
  const out = await Deno.makeTempDir();
  const run = await train([
    ...["--model", "simple", "--limit", "1000", "--batch-size", "10", "--epochs", "1"],
    ...["--optimizer", "adam", "--lr", "10", "--out", out],
  ]);
  assert.equal(run.code, 1, run.stdout + run.stderr);
  assert.match(run.stderr, /near chance|the loss became/);
  assert.ok(existsSync(join(out, "checkpoint.safetensors")) || /no checkpoint/.test(run.stderr));
  await Deno.remove(out, { recursive: true });
});
