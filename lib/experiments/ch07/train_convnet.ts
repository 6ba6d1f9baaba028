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
import { langFromArgs } from "../messages.ts";
import { CH07 } from "./messages.ts";

/** Where the chapter 7 network and its charts go. */
export const CH07_OUT = "out/ch07";

if (import.meta.main) {
  langFromArgs(Deno.args);
  if (Deno.args.includes("--help") || Deno.args.includes("-h")) {
    console.log(CH07().usage);
    Deno.exit(0);
  }
  const fixed = Deno.args.find((a) => /^--(model|out)(=|$)/.test(a));
  if (fixed) {
    console.error(CH07().fixedOption(CH07_OUT, fixed));
    Deno.exit(2);
  }
  await runCommand(
    () => main(["--model", "simple", "--out", CH07_OUT, ...Deno.args], "ch07:train"),
    {
      dieWithParent: false,
    },
  );
}
