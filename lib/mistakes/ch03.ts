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
    ja: "x > 0 ではなく x >= 0: ステップ関数がちょうど 0 で 1 を返す",
    code: (x: np.NDArray) => np.greaterEqual(x, 0),
  },
  {
    exercise: "stepFunction",
    name: "returns x where x > 0 (that is ReLU): the step's output is 1, not x",
    ja: "x > 0 のところで x を返している（それは ReLU関数）: ステップ関数の出力は x ではなく 1",
    code: (x: np.NDArray) => np.where(np.greater(x, 0), x, 0),
  },
  {
    exercise: "stepFunction",
    name: "the comparison turned around (x < 0): 1 for negative x, 0 for positive",
    ja: "比較が逆（x < 0）: 負の x で 1、正の x で 0 になる",
    code: (x: np.NDArray) => np.less(x, 0),
  },

  // sigmoid ---------------------------------------------------------------------------------
  {
    exercise: "sigmoid",
    name: "exp(x) instead of exp(−x): that is 1 / (1 + eˣ) = σ(−x), the sigmoid mirrored",
    ja: "exp(−x) ではなく exp(x): 1 / (1 + eˣ) = σ(−x) で、シグモイド関数を左右反転したものになる",
    code: (x: np.NDArray) => np.div(1, np.add(1, np.exp(x))),
  },
  {
    exercise: "sigmoid",
    name: "the parentheses lost: 1 / 1 + exp(−x) instead of 1 / (1 + exp(−x))",
    ja: "括弧が抜けている: 1 / (1 + exp(−x)) ではなく 1 / 1 + exp(−x)",
    code: (x: np.NDArray) => np.add(np.div(1, 1), np.exp(np.neg(x))),
  },
  {
    exercise: "sigmoid",
    name: "σ written as eˣ / (1 + eˣ): right for small x, but eˣ overflows to ∞ / ∞ = NaN for " +
      "large x",
    ja:
      "σ を eˣ / (1 + eˣ) と書いている: 小さな x では正しいが、大きな x では eˣ がオーバーフローして ∞ / ∞ = NaN",
    code: (x: np.NDArray) => np.div(np.exp(x), np.add(1, np.exp(x))),
  },

  // relu ------------------------------------------------------------------------------------
  {
    exercise: "relu",
    name: "returns 1 where x > 0 (the step function) instead of x itself",
    ja: "x > 0 のところで x そのものではなく 1 を返している（それはステップ関数）",
    code: (x: np.NDArray) => np.where(np.greater(x, 0), 1, 0),
  },
  {
    exercise: "relu",
    name: "np.minimum instead of np.maximum: keeps the negative part and zeroes the positive",
    ja: "np.maximum ではなく np.minimum: 負の部分を残し、正の部分を 0 にしている",
    code: (x: np.NDArray) => np.minimum(0, x),
  },
  {
    exercise: "relu",
    name: "zeroes the negative entries of x in place: the caller's array changes",
    ja: "x の負の要素をその場で 0 にしている: 呼び出し側の配列が変わってしまう",
    code: (x: np.NDArray) => {
      for (let i = 0; i < x.size; i++) if (x.data[i] < 0) x.data[i] = 0;
      return x;
    },
  },

  // identity --------------------------------------------------------------------------------
  {
    exercise: "identity",
    name: "identity applies the sigmoid (copied from the hidden layers): it must return x as it is",
    ja: "恒等関数がシグモイド関数を適用している（隠れ層からのコピー）: x をそのまま返す",
    code: (x: np.NDArray) => sigmoid(x),
  },
  {
    exercise: "identity",
    name: "identity applies the softmax (that is the classifier's output, §3.5): it must " +
      "return x as it is",
    ja: "恒等関数がソフトマックス関数を適用している（それは分類の出力層、§3.5）: x をそのまま返す",
    code: (x: np.NDArray) => softmax(x),
  },
  {
    exercise: "identity",
    name: "identity flattens x: it must keep x's shape",
    ja: "恒等関数が x を平坦化している: x の形状を保つ",
    code: (x: np.NDArray) => x.flatten(),
  },

  // softmax ---------------------------------------------------------------------------------
  {
    exercise: "softmax",
    name: "exp(a) without subtracting the max first: exp(1010) overflows and gives NaN (§3.5.2)",
    ja:
      "最大値を引かずに exp(a) を計算している: exp(1010) がオーバーフローして NaN になる（§3.5.2）",
    code: (x: np.NDArray) => {
      const e = np.exp(x);
      return np.div(e, np.sum(e, { axis: -1, keepdims: true }));
    },
  },
  {
    exercise: "softmax",
    name: "sums over the whole batch (the 1-D code of §3.5.2) instead of along each row",
    ja: "各行ではなくバッチ全体で和を取っている（§3.5.2 の 1 次元のコードのまま）",
    code: (x: np.NDArray) => {
      const e = np.exp(np.sub(x, np.max(x, { axis: -1, keepdims: true })));
      return np.div(e, np.sum(e));
    },
  },
  {
    exercise: "softmax",
    name: "max and sum over axis 0 (down the columns of a batch) instead of the last axis",
    ja: "最大値と和を最後の軸ではなく axis 0（バッチの列方向）で取っている",
    code: (x: np.NDArray) => {
      const e = np.exp(np.sub(x, np.max(x, { axis: 0, keepdims: true })));
      return np.div(e, np.sum(e, { axis: 0, keepdims: true }));
    },
  },
  {
    exercise: "softmax",
    name: "subtracts the max of the whole batch instead of each row's max: a row far below it " +
      "underflows to 0 / 0",
    ja:
      "各行の最大値ではなくバッチ全体の最大値を引いている: それを大きく下回る行がアンダーフローして 0 / 0 になる",
    code: (x: np.NDArray) => {
      const e = np.exp(np.sub(x, np.max(x)));
      return np.div(e, np.sum(e, { axis: -1, keepdims: true }));
    },
  },
  {
    exercise: "softmax",
    name: "row sums without keepdims: the [n] sums broadcast along the columns, not the rows",
    ja:
      "行の和を keepdims なしで取っている: 形状 [n] の和が行ではなく列の方向にブロードキャストされる",
    code: (x: np.NDArray) => {
      const e = np.exp(np.sub(x, np.max(x, { axis: -1, keepdims: true })));
      return np.div(e, np.sum(e, { axis: -1 }));
    },
  },

  // initNetwork -----------------------------------------------------------------------------
  {
    exercise: "initNetwork",
    name: "W1 written one row per neuron, [3, 2], instead of one row per input, [2, 3]",
    ja: "W1 をニューロンごとに 1 行の [3, 2] で書いている: 入力ごとに 1 行の [2, 3] にする",
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
    ja: "W3 が転置になっている: 書籍の [[0.1, 0.3], [0.2, 0.4]] ではなく [[0.1, 0.2], [0.3, 0.4]]",
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
    ja: "b3 が抜けている: 出力層にもバイアスがある",
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
    ja: "出力層にもシグモイド関数を適用している: この小さなネットワークの出力は identity(a3)",
    code: (network: Network, x: np.NDArray) => threeLayers(network, x, sigmoid, sigmoid),
  },
  {
    exercise: "forward",
    name: "a softmax on the output (that is predict, §3.6): forward's output is identity(a3)",
    ja:
      "出力にソフトマックス関数を適用している（それは predict、§3.6）: forward の出力は identity(a3)",
    code: (network: Network, x: np.NDArray) => threeLayers(network, x, sigmoid, softmax),
  },
  {
    exercise: "forward",
    name: "no sigmoid after the second layer: z2 = a2 instead of h(a2)",
    ja: "2 層目の後にシグモイド関数がない: z2 = h(a2) ではなく z2 = a2",
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
    ja: "np.dot(z, W) ではなく np.dot(W, z): 入力は行ベクトルで、左から掛ける",
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
    ja: "b2 を足していない: どの層もバイアスを足す（a = z·W + b）",
    code: (network: Network, x: np.NDArray) =>
      threeLayers({ ...network, b2: np.zeros([1]) }, x, sigmoid, identity),
  },

  // predict ---------------------------------------------------------------------------------
  {
    exercise: "predict",
    name: "no softmax at the end (forward's identity output): the scores are no probabilities",
    ja: "最後にソフトマックス関数がない（forward の恒等関数のまま）: スコアは確率ではない",
    code: (network: Network, x: np.NDArray) => forward(network, x),
  },
  {
    exercise: "predict",
    name: "softmax over the whole batch instead of row by row: each row must sum to 1",
    ja: "ソフトマックス関数を行ごとではなくバッチ全体に適用している: 各行の和が 1 になるようにする",
    code: (network: Network, x: np.NDArray) =>
      threeLayers(network, x, sigmoid, (a) => {
        const e = np.exp(np.sub(a, np.max(a)));
        return np.div(e, np.sum(e));
      }),
  },
  {
    exercise: "predict",
    name: "a sigmoid before the softmax: the output layer's scores go to softmax as they are",
    ja:
      "ソフトマックス関数の前にシグモイド関数を適用している: 出力層のスコアはそのままソフトマックス関数に渡す",
    code: (network: Network, x: np.NDArray) =>
      threeLayers(network, x, sigmoid, (a) => softmax(sigmoid(a))),
  },
  {
    exercise: "predict",
    name: "ReLU in the hidden layers: the book's MNIST network uses the sigmoid (§3.6.2)",
    ja: "隠れ層で ReLU関数を使っている: 書籍の MNIST のネットワークはシグモイド関数（§3.6.2）",
    code: (network: Network, x: np.NDArray) => threeLayers(network, x, relu, softmax),
  },

  // accuracy --------------------------------------------------------------------------------
  {
    exercise: "accuracy",
    name: "divides the count by batchSize instead of by the number of images",
    ja: "正解数を画像の枚数ではなく batchSize で割っている",
    code: (network: Network, options: AccuracyOptions) =>
      accuracyLoop(network, options, correct, undefined, (c, _n, batchSize) => c / batchSize),
  },
  {
    exercise: "accuracy",
    name: "the loop stops before a last, smaller batch: its images are never counted",
    ja: "ループが最後の小さなバッチの手前で止まる: その画像が数えられない",
    code: (network: Network, options: AccuracyOptions) =>
      accuracyLoop(network, options, correct, (i, n, batchSize) => i + batchSize <= n),
  },
  {
    exercise: "accuracy",
    name: "argmax down the batch (axis 0) instead of along each row (axis 1)",
    ja: "argmax を各行（axis 1）ではなくバッチ方向（axis 0）で取っている",
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
    ja: "バッチごとの正解数ではなく平均を足し合わせている",
    code: (network: Network, options: AccuracyOptions) =>
      accuracyLoop(
        network,
        options,
        (y, t) => np.mean(np.equal(np.argmax(y, { axis: 1 }), t)) as number,
      ),
  },
];
