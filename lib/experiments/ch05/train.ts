/**
 * `deno task ch05:train [--mine] [--iters N | --epochs N] [--seed N]`: trains the chapter 5
 * TwoLayerNet (784-50-10, ReLU, built from layers, gradients by backpropagation) on MNIST with
 * mini-batch SGD as the book's `ch05/train_neuralnet.py` (§5.7.4): batches of 100, lr 0.1,
 * 10000 iterations (16.7 epochs). Writes `out/ch05/accuracy.png` and `out/ch05/loss.png`.
 *
 * @module
 */

import { TwoLayerNet } from "../../nets/two_layer_net.ts";
import { trainingCommand } from "../../book_trainer/mnist_command.ts";
import { langFromArgs } from "../messages.ts";
import { CH05 } from "./messages.ts";

if (import.meta.main) {
  langFromArgs(Deno.args);
  await trainingCommand(import.meta.url, {
    chapter: "05",
    summary: CH05().trainSummary,
    createNet: (seed) =>
      new TwoLayerNet({ inputSize: 784, hiddenSize: 50, outputSize: 10, seed, dtype: "float32" }),
  });
}
