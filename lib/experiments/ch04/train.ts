/**
 * `deno task ch04:train [--mine] [--iters N | --epochs N] [--seed N]`: trains the chapter 4
 * TwoLayerNet (784-50-10, sigmoid) on MNIST with mini-batch SGD as the book's
 * `ch04/train_neuralnet.py` (§4.5.2–4.5.3): batches of 100, lr 0.1, 10000 iterations (16.7
 * epochs), accuracy on the training and test sets once per epoch. Writes
 * `out/ch04/accuracy.png` and `out/ch04/loss.png`.
 *
 * Like the book, it trains with the fast `gradient()`: `numericalGradient()` would need two
 * forward passes per weight, about 80,000 per batch.
 *
 * @module
 */

import { TwoLayerNet } from "../../nets/two_layer_net_ch04.ts";
import { trainingCommand } from "../../book_trainer/mnist_command.ts";
import { langFromArgs } from "../messages.ts";
import { CH04 } from "./messages.ts";

if (import.meta.main) {
  langFromArgs(Deno.args);
  await trainingCommand(import.meta.url, {
    chapter: "04",
    summary: CH04().trainSummary,
    createNet: (seed) =>
      new TwoLayerNet({ inputSize: 784, hiddenSize: 50, outputSize: 10, seed, dtype: "float32" }),
  });
}
