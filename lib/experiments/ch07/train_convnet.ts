/**
 * `deno task ch07:train [--epochs N] [--limit N] [--seed N] [--resume] [--mine]`: trains the
 * chapter 7 SimpleConvNet on MNIST as the book's `ch07/train_convnet.py` (§7.5): Adam with
 * lr 0.001, batches of 100, 20 epochs. It is `deno task train --model simple --out out/ch07`,
 * so it shows the same progress bars and writes the same files to `out/ch07/`: the trained
 * parameters (`params.safetensors`, which `deno task ch07:filters` reads), a checkpoint,
 * `history.csv` and the charts.
 *
 * @module
 */

import { runCommand } from "../../command/run.ts";
import { main } from "../../train_command/main.ts";

/** Where the chapter 7 network and its charts go. */
export const CH07_OUT = "out/ch07";

const USAGE =
  `deno task ch07:train [--epochs N] [--limit N] [--seed N] [--resume | --force] [--mine]

Trains the book's SimpleConvNet (conv 30×5×5 - relu - pool - affine 100 - relu - affine 10)
on MNIST with Adam (lr 0.001), batches of 100, 20 epochs, as the book's train_convnet.py.
  --epochs N   epochs in total (20)
  --limit N    use the first N training and test images (a quick run: --limit 5000)
  --seed N     seed of the initial weights and the shuffling (0)
  --resume     continue an interrupted run from out/ch07/checkpoint.safetensors
  --force      replace the run already in out/ch07 (without it, a new run there is refused)
  --mine       train with your chapter 5–7 code instead of the reference
Writes out/ch07/params.safetensors (for deno task ch07:filters), history.csv and charts.
deno task train --help lists the other options (--lr, --optimizer, --batch-size).`;

if (import.meta.main) {
  if (Deno.args.includes("--help") || Deno.args.includes("-h")) {
    console.log(USAGE);
    Deno.exit(0);
  }
  const fixed = Deno.args.find((a) => /^--(model|out)(=|$)/.test(a));
  if (fixed) {
    console.error(
      `error: ch07:train always trains SimpleConvNet into ${CH07_OUT}, so ${fixed} is not ` +
        `an option here: use deno task train --model … --out … for that`,
    );
    Deno.exit(2);
  }
  await runCommand(
    () => main(["--model", "simple", "--out", CH07_OUT, ...Deno.args], "ch07:train"),
    {
      dieWithParent: false,
    },
  );
}
