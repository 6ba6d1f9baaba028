import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSafetensors } from "../io/safetensors.ts";
import * as np from "../np/mod.ts";
import { readCheckpoint } from "./checkpoint.ts";
import { trainEpoch } from "./loop.ts";
import { main } from "./main.ts";
import { MODELS } from "./models.ts";
import { createOptimizer } from "./optimizers.ts";

const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Runs `deno run -A lib/train_command/main.ts …` and returns its exit code and output. */
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

/** The tensors of a safetensors file as plain arrays, to compare two runs exactly. */
function tensorsOf(path: string): Record<string, number[]> {
  const { tensors } = loadSafetensors(path);
  return Object.fromEntries(Object.entries(tensors).map(([k, v]) => [k, [...v.data]]));
}

// A tiny run: 200 images, batches of 50.
const TINY = ["--limit", "200", "--batch-size", "50", "--seed", "3"];
// For resuming: DeepConvNet has dropout and --augment shifts the images, so the states of both
// generators (the network's masks, the shuffling and shifts) must survive a resume.
const RESUMABLE = [
  ...["--limit", "100", "--batch-size", "50", "--seed", "3"],
  ...["--model", "deep", "--augment", "1"],
];

Deno.test("train: a tiny run writes the checkpoint, parameters, history and charts", async () => {
  const out = await Deno.makeTempDir();
  const { code, stdout, stderr } = await train([...TINY, "--epochs", "1", "--out", out]);
  assert.equal(code, 0, stderr);
  // Piped output gets plain lines, not a progress bar.
  assert.match(stdout, /epoch 1\/1: loss \d\.\d{4}, train acc [\d.]+%, test acc [\d.]+%/);
  assert.match(stdout, /Test accuracy [\d.]+% on 200 test images after 1 epoch /);
  assert.ok(!(stdout + stderr).includes("\x1b["), "no terminal escapes when piped");
  for (
    const file of [
      "checkpoint.safetensors",
      "params.safetensors",
      "history.csv",
      "loss.png",
      "accuracy.png",
      "misclassified.png",
      "confusion_matrix.png",
    ]
  ) {
    assert.ok(existsSync(join(out, file)), `${file} is missing`);
  }
  const csv = (await Deno.readTextFile(join(out, "history.csv"))).trim().split("\n");
  assert.equal(csv[0], "epoch,loss,train_accuracy,test_accuracy,seconds,images_per_second");
  assert.equal(csv.length, 2);
  const checkpoint = readCheckpoint(join(out, "checkpoint.safetensors"));
  assert.equal(checkpoint.epoch, 1);
  assert.deepEqual(checkpoint.settings, {
    model: "final",
    optimizer: "adam",
    lr: 0.0025,
    lrDecay: 0.4,
    batchSize: 50,
    augment: 1,
    seed: 3,
    trainSize: 200,
  });
  assert.deepEqual(Object.keys(checkpoint.optimizer.tensors).length, 16);
  assert.equal(checkpoint.optimizer.iter, 4);
  assert.equal(checkpoint.epochs, 1);
  const png = await Deno.readFile(join(out, "confusion_matrix.png"));
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]);
  await Deno.remove(out, { recursive: true });
});

Deno.test("train: 1 epoch + --resume 1 epoch gives the same parameters as 2 epochs", async () => {
  const [straight, resumed] = [await Deno.makeTempDir(), await Deno.makeTempDir()];
  const runs = await Promise.all([
    train([...RESUMABLE, "--epochs", "2", "--out", straight]),
    train([...RESUMABLE, "--epochs", "1", "--out", resumed]),
  ]);
  for (const run of runs) assert.equal(run.code, 0, run.stderr);
  const again = await train(["--resume", "--epochs", "2", "--out", resumed]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /Resuming from .* after epoch 1/);
  assert.deepEqual(
    tensorsOf(join(resumed, "params.safetensors")),
    tensorsOf(join(straight, "params.safetensors")),
  );
  // The whole checkpoint too: optimizer state, generators and the history (but for timings).
  const a = readCheckpoint(join(straight, "checkpoint.safetensors"));
  const b = readCheckpoint(join(resumed, "checkpoint.safetensors"));
  assert.deepEqual(b.shuffleRng, a.shuffleRng);
  assert.deepEqual(b.netRng, a.netRng);
  assert.notEqual(a.netRng, null);
  assert.equal(b.optimizer.iter, a.optimizer.iter);
  const scores = (c: typeof a) => c.history.map((r) => [r.loss, r.trainAccuracy, r.testAccuracy]);
  assert.deepEqual(scores(b), scores(a));
  for (const dir of [straight, resumed]) await Deno.remove(dir, { recursive: true });
});

Deno.test("train: bad input exits with code 2 and says what to do", async () => {
  const file = await Deno.makeTempFile();
  const cases: [string[], RegExp][] = [
    [["--model", "huge"], /Unknown model "huge": choose one of final, simple, deep/],
    [
      ["--optimizer", "lion"],
      /Unknown optimizer "lion": choose one of sgd, momentum, nesterov, adagrad, rmsprop, adam/,
    ],
    [["--epochs", "many"], /--epochs needs a number, got "many"/],
    [["--epochs", "0"], /--epochs must be a whole number from 1 to 1000, got 0/],
    [["--batch-size", "2.5"], /--batch-size must be a whole number/],
    [["--lr=-0.1"], /--lr must be greater than 0/],
    [["--lr", "fast"], /--lr needs a number, got "fast"/],
    [["--lr-decay", "1.5"], /--lr-decay must be greater than 0 and at most 1/],
    [["--augment", "9"], /--augment must be a whole number from 0 to 4/],
    [["--limit", "70000"], /--limit must be a whole number from 1 to 60000/],
    [
      ["--limit", "100", "--batch-size", "200"],
      /--batch-size 200 is larger than the 100 training images/,
    ],
    [["--frobnicate"], /Unknown option "--frobnicate": the options are --help, --model, /],
    [["--modle", "deep"], /Unknown option "--modle": did you mean --model\?/],
    [["extra"], /Unexpected argument "extra": this command takes only options/],
    [["--lr", "-1"], /--lr needs a value, and the next argument starts with a dash/],
    [["--limit", "100", "--out", join(file, "sub")], /Cannot write to the output folder/],
    [["--resume", "--out", join(file, "none")], /--resume found no checkpoint/],
  ];
  const results = await Promise.all(cases.map(([args]) => train(args)));
  results.forEach((result, i) => {
    const [args, message] = cases[i];
    assert.equal(result.code, 2, `${args.join(" ")}: ${result.stderr}`);
    assert.match(result.stderr, message, args.join(" "));
  });
  await Deno.remove(file);
});

Deno.test("train: --resume refuses settings that differ from the checkpoint's", async () => {
  const out = await Deno.makeTempDir();
  const first = await train(["--limit", "100", "--model", "simple", "--epochs", "1", "--out", out]);
  assert.equal(first.code, 0, first.stderr);
  const { code, stderr } = await train(["--resume", "--model", "deep", "--out", out]);
  assert.equal(code, 2);
  assert.match(stderr, /used --model simple, but this command says --model deep/);
  await Deno.remove(out, { recursive: true });
});

Deno.test("train: --help lists the models and optimizers", async () => {
  const { code, stdout } = await train(["--help"]);
  assert.equal(code, 0);
  assert.match(stdout, /--model NAME/);
  assert.match(stdout, /sgd, momentum, nesterov, adagrad, rmsprop, adam/);
});

Deno.test("trainEpoch() stops at the first NaN loss, before updating", () => {
  let calls = 0;
  const W = np.ones([1]);
  const net = {
    params: { W },
    lastLayer: { loss: 0, y: null },
    predict: (x: np.NDArray) => x,
    gradient() {
      calls++;
      this.lastLayer.loss = calls === 3 ? NaN : 1;
      return { W: np.ones([1]) };
    },
  };
  const x = np.zeros([10, 1]), t = np.zeros([10]);
  const result = trainEpoch(net, x, t, {
    optimizer: createOptimizer("sgd", 0.5),
    batchSize: 2,
    rng: np.rng(0),
  });
  assert.deepEqual(result.diverged, { iteration: 3, loss: NaN });
  assert.equal(result.iterations, 2);
  assert.equal(W.data[0], 0); // two updates of 0.5, none for the NaN batch
});

Deno.test("train: a NaN loss stops the run, blames the learning rate, keeps the checkpoint", async () => {
  // A network whose loss turns NaN in its second epoch (3 batches of 50 per epoch).
  const real = MODELS.final;
  MODELS.nan_test = {
    ...real,
    dataParallel: false, // the worker would build the real network, without the NaN
    create(seed) {
      const net = real.create(seed);
      const gradient = net.gradient.bind(net);
      let batches = 0;
      net.gradient = (x, t) => {
        const grads = gradient(x, t);
        if (++batches === 5) net.lastLayer.loss = NaN;
        return grads;
      };
      return net;
    },
  };
  const out = await Deno.makeTempDir();
  const errors: string[] = [];
  const log = console.log, error = console.error;
  console.log = () => {};
  console.error = (line: string) => errors.push(line);
  let code;
  try {
    code = await main([
      "--model",
      "nan_test",
      "--limit",
      "150",
      "--batch-size",
      "50",
      "--epochs",
      "3",
      "--out",
      out,
    ]);
  } finally {
    console.log = log;
    console.error = error;
    delete MODELS.nan_test;
  }
  assert.equal(code, 1);
  assert.match(
    errors.join("\n"),
    /loss became NaN at epoch 2, batch 2: the learning rate is probably too high/,
  );
  assert.match(errors.join("\n"), /checkpoint of epoch 1 is kept/);
  assert.equal(readCheckpoint(join(out, "checkpoint.safetensors")).epoch, 1);
  await Deno.remove(out, { recursive: true });
});
