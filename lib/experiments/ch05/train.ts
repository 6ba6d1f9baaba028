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

const SUMMARY =
  `Trains the chapter 5 TwoLayerNet (784-50-10, ReLU, backpropagation) on MNIST with SGD:
batches of 100, lr 0.1, 10000 iterations by default (the book's train_neuralnet.py).`;

if (import.meta.main) {
  await trainingCommand(import.meta.url, {
    chapter: "05",
    summary: SUMMARY,
    createNet: (seed) =>
      new TwoLayerNet({ inputSize: 784, hiddenSize: 50, outputSize: 10, seed, dtype: "float32" }),
  });
}
