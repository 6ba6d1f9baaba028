/**
 * Chapter 03's catalogue of learners' mistakes: small variants of the answer key, each named
 * for the learner (see `lib/testing/mistakes.ts`). The self-check proves that a test of each
 * exercise catches each one and names it.
 *
 * @module
 */

import { identity, relu, sigmoid, softmax } from "../functions/activation.ts";
import { type AccuracyOptions, forward, type Network, predict } from "../nets/three_layer_net.ts";
import * as np from "../np/mod.ts";
import type { Mistake } from "../testing/mistakes.ts";

/** The answer key's forward pass with other activations (the forward and predict mistakes). */
function threeLayers(
  network: Network,
  x: np.NDArray,
  h: (a: np.NDArray) => np.NDArray,
  output: (a: np.NDArray) => np.NDArray,
): np.NDArray {
  const { W1, W2, W3, b1, b2, b3 } = network;
  const z1 = h(np.add(np.dot(x, W1), b1));
  const z2 = h(np.add(np.dot(z1, W2), b2));
  return output(np.add(np.dot(z2, W3), b3));
}

/** The answer key's accuracy loop, with the count of one batch and the final division given. */
function accuracyLoop(
  network: Network,
  options: AccuracyOptions,
  count: (y: np.NDArray, t: np.NDArray) => number,
  last: (i: number, n: number, batchSize: number) => boolean = (i, n) => i < n,
  divide: (correct: number, n: number, batchSize: number) => number = (c, n) => c / n,
): number {
  const { x, t, batchSize = 100 } = options;
  const n = x.shape[0];
  let accuracyCnt = 0;
  for (let i = 0; last(i, n, batchSize); i += batchSize) {
    const yBatch = predict(network, x.slice(`${i}:${i + batchSize}`));
    accuracyCnt += count(yBatch, t.slice(`${i}:${i + batchSize}`));
  }
  return divide(accuracyCnt, n, batchSize);
}

const correct = (y: np.NDArray, t: np.NDArray) =>
  np.sum(np.equal(np.argmax(y, { axis: 1 }), t)) as number;

/** The mistakes, exercise by exercise. */
export const MISTAKES: Mistake[] = [
  // stepFunction ----------------------------------------------------------------------------
  {
    exercise: "stepFunction",
    name: "x >= 0 instead of x > 0: the step gives 1 at exactly 0",
    code: (x: np.NDArray) => np.greaterEqual(x, 0),
  },
  {
    exercise: "stepFunction",
    name: "returns x where x > 0 (that is ReLU): the step's output is 1, not x",
    code: (x: np.NDArray) => np.where(np.greater(x, 0), x, 0),
  },
  {
    exercise: "stepFunction",
    name: "the comparison turned around (x < 0): 1 for negative x, 0 for positive",
    code: (x: np.NDArray) => np.less(x, 0),
  },

  // sigmoid ---------------------------------------------------------------------------------
  {
    exercise: "sigmoid",
    name: "exp(x) instead of exp(−x): that is 1 / (1 + eˣ) = σ(−x), the sigmoid mirrored",
    code: (x: np.NDArray) => np.div(1, np.add(1, np.exp(x))),
  },
  {
    exercise: "sigmoid",
    name: "the parentheses lost: 1 / 1 + exp(−x) instead of 1 / (1 + exp(−x))",
    code: (x: np.NDArray) => np.add(np.div(1, 1), np.exp(np.neg(x))),
  },
  {
    exercise: "sigmoid",
    name: "σ written as eˣ / (1 + eˣ): right for small x, but eˣ overflows to ∞ / ∞ = NaN for " +
      "large x",
    code: (x: np.NDArray) => np.div(np.exp(x), np.add(1, np.exp(x))),
  },

  // relu ------------------------------------------------------------------------------------
  {
    exercise: "relu",
    name: "returns 1 where x > 0 (the step function) instead of x itself",
    code: (x: np.NDArray) => np.where(np.greater(x, 0), 1, 0),
  },
  {
    exercise: "relu",
    name: "np.minimum instead of np.maximum: keeps the negative part and zeroes the positive",
    code: (x: np.NDArray) => np.minimum(0, x),
  },
  {
    exercise: "relu",
    name: "zeroes the negative entries of x in place: the caller's array changes",
    code: (x: np.NDArray) => {
      for (let i = 0; i < x.size; i++) if (x.data[i] < 0) x.data[i] = 0;
      return x;
    },
  },

  // identity --------------------------------------------------------------------------------
  {
    exercise: "identity",
    name: "identity applies the sigmoid (copied from the hidden layers): it must return x as it is",
    code: (x: np.NDArray) => sigmoid(x),
  },
  {
    exercise: "identity",
    name: "identity applies the softmax (that is the classifier's output, §3.5): it must " +
      "return x as it is",
    code: (x: np.NDArray) => softmax(x),
  },
  {
    exercise: "identity",
    name: "identity flattens x: it must keep x's shape",
    code: (x: np.NDArray) => x.flatten(),
  },

  // softmax ---------------------------------------------------------------------------------
  {
    exercise: "softmax",
    name: "exp(a) without subtracting the max first: exp(1010) overflows and gives NaN (§3.5.2)",
    code: (x: np.NDArray) => {
      const e = np.exp(x);
      return np.div(e, np.sum(e, { axis: -1, keepdims: true }));
    },
  },
  {
    exercise: "softmax",
    name: "sums over the whole batch (the 1-D code of §3.5.2) instead of along each row",
    code: (x: np.NDArray) => {
      const e = np.exp(np.sub(x, np.max(x, { axis: -1, keepdims: true })));
      return np.div(e, np.sum(e));
    },
  },
  {
    exercise: "softmax",
    name: "max and sum over axis 0 (down the columns of a batch) instead of the last axis",
    code: (x: np.NDArray) => {
      const e = np.exp(np.sub(x, np.max(x, { axis: 0, keepdims: true })));
      return np.div(e, np.sum(e, { axis: 0, keepdims: true }));
    },
  },
  {
    exercise: "softmax",
    name: "subtracts the max of the whole batch instead of each row's max: a row far below it " +
      "underflows to 0 / 0",
    code: (x: np.NDArray) => {
      const e = np.exp(np.sub(x, np.max(x)));
      return np.div(e, np.sum(e, { axis: -1, keepdims: true }));
    },
  },
  {
    exercise: "softmax",
    name: "row sums without keepdims: the [n] sums broadcast along the columns, not the rows",
    code: (x: np.NDArray) => {
      const e = np.exp(np.sub(x, np.max(x, { axis: -1, keepdims: true })));
      return np.div(e, np.sum(e, { axis: -1 }));
    },
  },

  // initNetwork -----------------------------------------------------------------------------
  {
    exercise: "initNetwork",
    name: "W1 written one row per neuron, [3, 2], instead of one row per input, [2, 3]",
    code: (): Network => ({
      W1: np.array([[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]]),
      b1: np.array([0.1, 0.2, 0.3]),
      W2: np.array([[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]),
      b2: np.array([0.1, 0.2]),
      W3: np.array([[0.1, 0.3], [0.2, 0.4]]),
      b3: np.array([0.1, 0.2]),
    }),
  },
  {
    exercise: "initNetwork",
    name: "W3 transposed: [[0.1, 0.2], [0.3, 0.4]] instead of the book's [[0.1, 0.3], [0.2, 0.4]]",
    code: (): Network => ({
      W1: np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]),
      b1: np.array([0.1, 0.2, 0.3]),
      W2: np.array([[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]),
      b2: np.array([0.1, 0.2]),
      W3: np.array([[0.1, 0.2], [0.3, 0.4]]),
      b3: np.array([0.1, 0.2]),
    }),
  },
  {
    exercise: "initNetwork",
    name: "b3 left out: the output layer has a bias too",
    code: (): Network =>
      ({
        W1: np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]),
        b1: np.array([0.1, 0.2, 0.3]),
        W2: np.array([[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]),
        b2: np.array([0.1, 0.2]),
        W3: np.array([[0.1, 0.3], [0.2, 0.4]]),
      }) as unknown as Network,
  },

  // forward ---------------------------------------------------------------------------------
  {
    exercise: "forward",
    name: "a sigmoid on the output layer too: the toy network's output is identity(a3)",
    code: (network: Network, x: np.NDArray) => threeLayers(network, x, sigmoid, sigmoid),
  },
  {
    exercise: "forward",
    name: "a softmax on the output (that is predict, §3.6): forward's output is identity(a3)",
    code: (network: Network, x: np.NDArray) => threeLayers(network, x, sigmoid, softmax),
  },
  {
    exercise: "forward",
    name: "no sigmoid after the second layer: z2 = a2 instead of h(a2)",
    code: (network: Network, x: np.NDArray) => {
      const { W1, W2, W3, b1, b2, b3 } = network;
      const z1 = sigmoid(np.add(np.dot(x, W1), b1));
      const a2 = np.add(np.dot(z1, W2), b2);
      return identity(np.add(np.dot(a2, W3), b3));
    },
  },
  {
    exercise: "forward",
    name: "np.dot(W, z) instead of np.dot(z, W): the input is a row, multiplied from the left",
    code: (network: Network, x: np.NDArray) => {
      const { W1, W2, W3, b1, b2, b3 } = network;
      const z1 = sigmoid(np.add(np.dot(W1, x), b1));
      const z2 = sigmoid(np.add(np.dot(W2, z1), b2));
      return identity(np.add(np.dot(W3, z2), b3));
    },
  },
  {
    exercise: "forward",
    name: "b2 not added: every layer adds its bias, a = z·W + b",
    code: (network: Network, x: np.NDArray) =>
      threeLayers({ ...network, b2: np.zeros([1]) }, x, sigmoid, identity),
  },

  // predict ---------------------------------------------------------------------------------
  {
    exercise: "predict",
    name: "no softmax at the end (forward's identity output): the scores are no probabilities",
    code: (network: Network, x: np.NDArray) => forward(network, x),
  },
  {
    exercise: "predict",
    name: "softmax over the whole batch instead of row by row: each row must sum to 1",
    code: (network: Network, x: np.NDArray) =>
      threeLayers(network, x, sigmoid, (a) => {
        const e = np.exp(np.sub(a, np.max(a)));
        return np.div(e, np.sum(e));
      }),
  },
  {
    exercise: "predict",
    name: "a sigmoid before the softmax: the output layer's scores go to softmax as they are",
    code: (network: Network, x: np.NDArray) =>
      threeLayers(network, x, sigmoid, (a) => softmax(sigmoid(a))),
  },
  {
    exercise: "predict",
    name: "ReLU in the hidden layers: the book's MNIST network uses the sigmoid (§3.6.2)",
    code: (network: Network, x: np.NDArray) => threeLayers(network, x, relu, softmax),
  },

  // accuracy --------------------------------------------------------------------------------
  {
    exercise: "accuracy",
    name: "divides the count by batchSize instead of by the number of images",
    code: (network: Network, options: AccuracyOptions) =>
      accuracyLoop(network, options, correct, undefined, (c, _n, batchSize) => c / batchSize),
  },
  {
    exercise: "accuracy",
    name: "the loop stops before a last, smaller batch: its images are never counted",
    code: (network: Network, options: AccuracyOptions) =>
      accuracyLoop(network, options, correct, (i, n, batchSize) => i + batchSize <= n),
  },
  {
    exercise: "accuracy",
    name: "argmax down the batch (axis 0) instead of along each row (axis 1)",
    code: (network: Network, options: AccuracyOptions) =>
      accuracyLoop(
        network,
        options,
        (y, t) => np.sum(np.equal(np.argmax(y, { axis: 0 }), t)) as number,
      ),
  },
  {
    exercise: "accuracy",
    name: "adds up each batch's mean instead of its count of right answers",
    code: (network: Network, options: AccuracyOptions) =>
      accuracyLoop(
        network,
        options,
        (y, t) => np.mean(np.equal(np.argmax(y, { axis: 1 }), t)) as number,
      ),
  },
];
