/**
 * Chapter 04's catalogue of learners' mistakes: small variants of the answer key
 * (`lib/functions/loss.ts`, `lib/gradient/numerical.ts`, `lib/nets/two_layer_net_ch04.ts`), each
 * named for the learner (see `lib/testing/mistakes.ts`). The self-check proves that a test of
 * each exercise catches each one and names it.
 *
 * @module
 */

import { sigmoid, softmax } from "../functions/activation.ts";
import { crossEntropyError } from "../functions/loss.ts";
import { numericalGradient } from "../gradient/numerical.ts";
import type {
  GradientDescentOptions,
  GradientDescentResult,
  NumericalOptions,
} from "../gradient/types.ts";
import { TwoLayerNet } from "../nets/two_layer_net_ch04.ts";
import * as np from "../np/mod.ts";
import type { Mistake } from "../testing/mistakes.ts";

type Loss = (y: np.NDArray, t: np.NDArray) => number;
type Gradient = (
  f: (x: np.NDArray) => number,
  x: np.NDArray,
  options?: NumericalOptions,
) => np.NDArray;
type Descent = (
  f: (x: np.NDArray) => number,
  initX: np.NDArray,
  options?: GradientDescentOptions,
) => GradientDescentResult;

/** The book's δ (§4.2.2). */
const DELTA = 1e-7;

/** A single sample as a batch of one, as the answer key does (§4.2.4). */
function asBatch(y: np.NDArray, t: np.NDArray): [np.NDArray, np.NDArray] {
  if (y.ndim === 1) return [y.reshape(1, y.size), t.reshape(1, t.size)];
  return [y, t];
}

/** Index labels for a batch: one-hot rows become their argmax, as the answer key does. */
function indices(yb: np.NDArray, tb: np.NDArray): np.NDArray {
  return tb.size === yb.size ? np.argmax(tb, { axis: 1 }) : tb.reshape(tb.size);
}

/** The answer key's cross-entropy with the term of each sample and the divisor as parameters. */
function crossEntropyWith(
  y: np.NDArray,
  t: np.NDArray,
  change: {
    term?: (p: number) => number;
    at?: (i: number, label: number, classes: number) => number;
    divisor?: (batchSize: number) => number;
  } = {},
): number {
  const [yb, tb] = asBatch(y, t);
  const labels = indices(yb, tb);
  const batchSize = yb.shape[0], classes = yb.shape[1];
  const term = change.term ?? ((p: number) => Math.log(p + DELTA));
  const at = change.at ?? ((i: number, label: number, k: number) => i * k + label);
  let total = 0;
  for (let i = 0; i < labels.size; i++) total += term(yb.data[at(i, labels.data[i], classes)]);
  return -total / (change.divisor ?? ((n: number) => n))(batchSize);
}

/** The answer key's numerical gradient with the slip given as options. */
function numericalGradientWith(
  f: (x: np.NDArray) => number,
  x: np.NDArray,
  options: NumericalOptions,
  change: {
    count?: (x: np.NDArray) => number;
    restore?: boolean;
    grad?: (x: np.NDArray) => np.NDArray;
    copy?: boolean;
    forward?: boolean;
  } = {},
): np.NDArray {
  const h = options.h ?? 1e-4;
  const grad = (change.grad ?? np.zerosLike)(x);
  const moved = change.copy ? x.clone() : x;
  const count = (change.count ?? ((v: np.NDArray) => v.size))(x);
  for (let i = 0; i < count; i++) {
    const original = moved.data[i];
    moved.data[i] = original + h;
    const plus = f(moved);
    if (change.forward) {
      moved.data[i] = original;
      grad.data[i] = (plus - f(moved)) / h;
      continue;
    }
    moved.data[i] = original - h;
    const minus = f(moved);
    if (change.restore ?? true) moved.data[i] = original;
    grad.data[i] = (plus - minus) / (2 * h);
  }
  return grad;
}

/** The answer key's gradient descent with the slip given as options. */
function gradientDescentWith(
  f: (x: np.NDArray) => number,
  initX: np.NDArray,
  options: GradientDescentOptions,
  change: {
    lr?: number;
    recordAfter?: boolean;
    sign?: number;
    inPlace?: "initX" | "x";
    extra?: boolean;
  } = {},
): GradientDescentResult {
  const lr = options.lr ?? change.lr ?? 0.01, stepNum = options.stepNum ?? 100;
  let x = change.inPlace === "initX" ? initX : initX.clone();
  const history: np.NDArray[] = [];
  for (let i = 0; i < stepNum; i++) {
    if (!change.recordAfter) history.push(change.inPlace === "x" ? x : x.clone());
    const grad = numericalGradient(f, x);
    const step = np.mul(lr * (change.sign ?? -1), grad);
    if (change.inPlace) np.add(x, step, { out: x });
    else x = np.add(x, step);
    if (change.recordAfter) history.push(x.clone());
  }
  if (change.extra) history.push(x.clone());
  return { x, history };
}

/** The mistakes, exercise by exercise. */
export const MISTAKES: Mistake[] = [
  // sumSquaredError ------------------------------------------------------------------------
  {
    exercise: "sumSquaredError",
    name: "the ½ of E = ½ Σ (y − t)² left out",
    ja: "E = ½ Σ (y − t)² の ½ が抜けている",
    code: ((y, t) => {
      const [yb, tb] = asBatch(y, t);
      return np.sum(np.square(np.sub(yb, tb))) / yb.shape[0];
    }) as Loss,
  },
  {
    exercise: "sumSquaredError",
    name: "a batch summed, not averaged: the division by the batch size is missing",
    ja: "バッチを平均せずに合計している: バッチサイズでの割り算が抜けている",
    code: ((y, t) => 0.5 * np.sum(np.square(np.sub(y, t)))) as Loss,
  },
  {
    exercise: "sumSquaredError",
    name: "the batch-size division done twice (÷ n², e.g. a mean over samples and then ÷ n)",
    ja: "バッチサイズで 2 回割っている（÷ n²。サンプルの平均を取ってから、さらに ÷ n など）",
    code: ((y, t) => {
      const [yb, tb] = asBatch(y, t);
      const n = yb.shape[0];
      return 0.5 * np.sum(np.square(np.sub(yb, tb))) / n / n;
    }) as Loss,
  },
  {
    exercise: "sumSquaredError",
    name: "a mean over every element (÷ n·classes) instead of a sum over the classes ÷ n",
    ja: "クラス方向の和 ÷ n ではなく、全要素の平均（÷ n·classes）を取っている",
    code: ((y, t) => 0.5 * np.mean(np.square(np.sub(y, t)))) as Loss,
  },
  {
    exercise: "sumSquaredError",
    name: "the square of the sum, ½ (Σ (y − t))², instead of the sum of the squares",
    ja: "2 乗の和ではなく、和の 2 乗 ½ (Σ (y − t))² を計算している",
    code: ((y, t) => {
      const [yb, tb] = asBatch(y, t);
      return 0.5 * np.sum(np.sub(yb, tb)) ** 2 / yb.shape[0];
    }) as Loss,
  },
  // crossEntropyError ----------------------------------------------------------------------
  {
    exercise: "crossEntropyError",
    name: "no δ: ln y instead of ln(y + δ) with δ = 1e-7 (§4.2.2)",
    ja: "δ がない: ln(y + δ)（δ = 1e-7）ではなく ln y（§4.2.2）",
    code: ((y, t) => crossEntropyWith(y, t, { term: (p) => Math.log(p) })) as Loss,
  },
  {
    exercise: "crossEntropyError",
    name: "δ added outside the log, ln y + δ, instead of inside, ln(y + δ)",
    ja: "δ を log の中ではなく外に足している: ln(y + δ) ではなく ln y + δ",
    code: ((y, t) => crossEntropyWith(y, t, { term: (p) => Math.log(p) + DELTA })) as Loss,
  },
  {
    exercise: "crossEntropyError",
    name: "a batch summed, not averaged: the division by the batch size is missing",
    ja: "バッチを平均せずに合計している: バッチサイズでの割り算が抜けている",
    code: ((y, t) => crossEntropyWith(y, t, { divisor: () => 1 })) as Loss,
  },
  {
    exercise: "crossEntropyError",
    name: "the batch-size division done twice (÷ n²)",
    ja: "バッチサイズで 2 回割っている（÷ n²）",
    code: ((y, t) => crossEntropyWith(y, t, { divisor: (n) => n * n })) as Loss,
  },
  {
    exercise: "crossEntropyError",
    name: "a single sample not reshaped to a batch of one: divided by y.shape[0], its 10 classes",
    ja:
      "1 つのサンプルをバッチサイズ 1 に reshape していない: y.shape[0]、つまり 10 クラスで割っている",
    code:
      ((y, t) =>
        y.ndim === 1 ? crossEntropyWith(y, t) / y.shape[0] : crossEntropyWith(y, t)) as Loss,
  },
  {
    exercise: "crossEntropyError",
    name: "y[t] read from the first row for every sample (the row offset i·classes is missing)",
    ja: "どのサンプルでも y[t] を最初の行から読んでいる（行のオフセット i·classes が抜けている）",
    code: ((y, t) => crossEntropyWith(y, t, { at: (_i, label) => label })) as Loss,
  },
  {
    exercise: "crossEntropyError",
    name: "index labels used as if one-hot: Σ t·ln(y + δ) multiplies by the class numbers",
    ja:
      "正解ラベルのインデックスを one-hot 表現として扱っている: Σ t·ln(y + δ) がクラス番号を掛けてしまう",
    code: ((y, t) => {
      const [yb, tb] = asBatch(y, t);
      return -np.sum(np.mul(tb, np.log(np.add(yb, DELTA)))) / yb.shape[0];
    }) as Loss,
  },
  // numericalDiff --------------------------------------------------------------------------
  {
    exercise: "numericalDiff",
    name:
      "forward difference (f(x + h) − f(x)) / h instead of the central (f(x + h) − f(x − h)) / 2h",
    ja: "中心差分 (f(x + h) − f(x − h)) / 2h ではなく前方差分 (f(x + h) − f(x)) / h",
    code: (f: (x: number) => number, x: number, options: NumericalOptions = {}): number => {
      const h = options.h ?? 1e-4;
      return (f(x + h) - f(x)) / h;
    },
  },
  {
    exercise: "numericalDiff",
    name: "the central difference divided by h instead of 2h (twice the derivative)",
    ja: "中心差分を 2h ではなく h で割っている（微分の 2 倍になる）",
    code: (f: (x: number) => number, x: number, options: NumericalOptions = {}): number => {
      const h = options.h ?? 1e-4;
      return (f(x + h) - f(x - h)) / h;
    },
  },
  {
    exercise: "numericalDiff",
    name: "h = 1e-50, the book's bad example: x + h rounds to x and the difference is 0 (§4.3.1)",
    ja: "h = 1e-50（書籍の悪い例）: x + h が丸められて x になり、差が 0 になる（§4.3.1）",
    code: (f: (x: number) => number, x: number, options: NumericalOptions = {}): number => {
      const h = options.h ?? 1e-50;
      return (f(x + h) - f(x - h)) / (2 * h);
    },
  },
  {
    exercise: "numericalDiff",
    name: "options.h ignored: always h = 1e-4",
    ja: "options.h を無視して、常に h = 1e-4 にしている",
    code: (f: (x: number) => number, x: number): number => {
      const h = 1e-4;
      return (f(x + h) - f(x - h)) / (2 * h);
    },
  },
  // numericalGradient ----------------------------------------------------------------------
  {
    exercise: "numericalGradient",
    name: "loops only over the outer axis (x.shape[0]) instead of every element (x.size)",
    ja: "全要素（x.size）ではなく外側の軸（x.shape[0]）だけをループしている",
    code:
      ((f, x, options = {}) =>
        numericalGradientWith(f, x, options, { count: (v) => v.shape[0] })) as Gradient,
  },
  {
    exercise: "numericalGradient",
    name: "x not restored after each element: it keeps x − h where the loop has been",
    ja: "要素ごとに x を元に戻していない: ループが通った箇所が x − h のまま残る",
    code:
      ((f, x, options = {}) =>
        numericalGradientWith(f, x, options, { restore: false })) as Gradient,
  },
  {
    exercise: "numericalGradient",
    name: "the gradient made with zeros(x.shape), always float64, instead of x's dtype",
    ja: "勾配を x の dtype ではなく、常に float64 の zeros(x.shape) で作っている",
    code:
      ((f, x, options = {}) =>
        numericalGradientWith(f, x, options, { grad: (v) => np.zeros(v.shape) })) as Gradient,
  },
  {
    exercise: "numericalGradient",
    name:
      "a copy of x perturbed: an f that reads x itself (a network's loss) never sees the change",
    ja:
      "x のコピーに h を足し引きしている: x そのものを読む f（ネットワークの損失関数）には変化が伝わらない",
    code:
      ((f, x, options = {}) => numericalGradientWith(f, x, options, { copy: true })) as Gradient,
  },
  {
    exercise: "numericalGradient",
    name: "forward difference (f(x + h) − f(x)) / h instead of the central difference",
    ja: "中心差分ではなく前方差分 (f(x + h) − f(x)) / h",
    code:
      ((f, x, options = {}) => numericalGradientWith(f, x, options, { forward: true })) as Gradient,
  },
  // gradientDescent ------------------------------------------------------------------------
  {
    exercise: "gradientDescent",
    name: "history records the point AFTER each step instead of before it",
    ja: "history に各ステップの前ではなく後の点を記録している",
    code:
      ((f, initX, options = {}) =>
        gradientDescentWith(f, initX, options, { recordAfter: true })) as Descent,
  },
  {
    exercise: "gradientDescent",
    name: "x + η·∇f instead of x − η·∇f: gradient ascent, away from the minimum",
    ja: "x − η·∇f ではなく x + η·∇f: 最小値から離れていく勾配上昇法になっている",
    code:
      ((f, initX, options = {}) => gradientDescentWith(f, initX, options, { sign: 1 })) as Descent,
  },
  {
    exercise: "gradientDescent",
    name: "initX updated in place (the book's x -= lr * grad on the caller's array)",
    ja: "initX をその場で更新している（書籍の x -= lr * grad を呼び出し側の配列に適用している）",
    code:
      ((f, initX, options = {}) =>
        gradientDescentWith(f, initX, options, { inPlace: "initX" })) as Descent,
  },
  {
    exercise: "gradientDescent",
    name:
      "history keeps x itself, not a copy, and x changes in place: every entry is the last point",
    ja:
      "history に x のコピーではなく x そのものを入れ、x をその場で変えている: どの要素も最後の点になる",
    code:
      ((f, initX, options = {}) =>
        gradientDescentWith(f, initX, options, { inPlace: "x" })) as Descent,
  },
  {
    exercise: "gradientDescent",
    name: "the default learning rate 0.1 instead of the book's lr=0.01",
    ja: "学習率の既定値が書籍の lr=0.01 ではなく 0.1",
    code:
      ((f, initX, options = {}) => gradientDescentWith(f, initX, options, { lr: 0.1 })) as Descent,
  },
  {
    exercise: "gradientDescent",
    name: "the final point appended to history too: stepNum + 1 entries",
    ja: "最後の点も history に追加している: 要素が stepNum + 1 個になる",
    code:
      ((f, initX, options = {}) =>
        gradientDescentWith(f, initX, options, { extra: true })) as Descent,
  },
  // TwoLayerNet ----------------------------------------------------------------------------
  {
    exercise: "TwoLayerNet",
    name: "predict without the sigmoid: the hidden layer is x·W1 + b1 itself",
    ja: "predict にシグモイド関数がない: 隠れ層が x·W1 + b1 のまま",
    code: class extends TwoLayerNet {
      override predict(x: np.NDArray): np.NDArray {
        const { W1, b1, W2, b2 } = this.params;
        const a1 = np.add(np.dot(x, W1), b1);
        return softmax(np.add(np.dot(a1, W2), b2));
      }
    },
  },
  {
    exercise: "TwoLayerNet",
    name: "predict without the softmax: it returns the scores z1·W2 + b2, not probabilities",
    ja: "predict にソフトマックス関数がない: 確率ではなくスコア z1·W2 + b2 を返している",
    code: class extends TwoLayerNet {
      override predict(x: np.NDArray): np.NDArray {
        const { W1, b1, W2, b2 } = this.params;
        const z1 = sigmoid(np.add(np.dot(x, W1), b1));
        return np.add(np.dot(z1, W2), b2);
      }
    },
  },
  {
    exercise: "TwoLayerNet",
    name: "b1 added after the sigmoid, sigmoid(x·W1) + b1, instead of inside it",
    ja: "b1 をシグモイド関数の中ではなく後に足している: sigmoid(x·W1) + b1",
    code: class extends TwoLayerNet {
      override predict(x: np.NDArray): np.NDArray {
        const { W1, b1, W2, b2 } = this.params;
        const z1 = np.add(sigmoid(np.dot(x, W1)), b1);
        return softmax(np.add(np.dot(z1, W2), b2));
      }
    },
  },
  {
    exercise: "TwoLayerNet",
    name: "loss with the arguments swapped: crossEntropyError(t, y) instead of (y, t)",
    ja: "loss で引数が逆: crossEntropyError(y, t) ではなく (t, y)",
    code: class extends TwoLayerNet {
      override loss(x: np.NDArray, t: np.NDArray): number {
        const y = this.predict(x);
        return crossEntropyError(t.ndim === 1 ? np.take(np.eye(y.shape[1]), t, { axis: 0 }) : t, y);
      }
    },
  },
  {
    exercise: "TwoLayerNet",
    name: "accuracy compares with one-hot t without taking its argmax",
    ja: "accuracy で one-hot 表現の t を argmax せずに比べている",
    code: class extends TwoLayerNet {
      override accuracy(x: np.NDArray, t: np.NDArray): number {
        const y = np.argmax(this.predict(x), { axis: 1 });
        let right = 0;
        for (let i = 0; i < y.size; i++) right += y.data[i] === t.data[i] ? 1 : 0;
        return right / x.shape[0];
      }
    },
  },
  {
    exercise: "TwoLayerNet",
    name: "accuracy as a count of right answers, not divided by the batch size",
    ja: "accuracy を正解数のまま返し、バッチサイズで割っていない",
    code: class extends TwoLayerNet {
      override accuracy(x: np.NDArray, t: np.NDArray): number {
        const y = np.argmax(this.predict(x), { axis: 1 });
        const labels = t.ndim === 1 ? t : np.argmax(t, { axis: 1 });
        return np.sum(np.equal(y, labels));
      }
    },
  },
  {
    exercise: "TwoLayerNet",
    name: "each parameter's copy perturbed: the loss reads this.params and never sees the change",
    ja:
      "各パラメータのコピーに h を足し引きしている: 損失関数は this.params を読むので変化が伝わらない",
    code: class extends TwoLayerNet {
      override numericalGradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
        const lossW = () => this.loss(x, t);
        const grads: Record<string, np.NDArray> = {};
        for (const key of ["W1", "b1", "W2", "b2"]) {
          grads[key] = numericalGradient(lossW, this.params[key].clone());
        }
        return grads;
      }
    },
  },
  {
    exercise: "TwoLayerNet",
    name: "grads.b1 taken by W1 (a copy-paste slip: numericalGradient(lossW, params.W1))",
    ja:
      "grads.b1 を W1 で計算している（コピー＆ペーストの誤り: numericalGradient(lossW, params.W1)）",
    code: class extends TwoLayerNet {
      override numericalGradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
        const lossW = () => this.loss(x, t);
        return {
          W1: numericalGradient(lossW, this.params.W1),
          b1: numericalGradient(lossW, this.params.W1),
          W2: numericalGradient(lossW, this.params.W2),
          b2: numericalGradient(lossW, this.params.b2),
        };
      }
    },
  },
  {
    exercise: "TwoLayerNet",
    name: "the biases left out: gradients of W1 and W2 only",
    ja: "バイアスが抜けている: W1 と W2 の勾配しかない",
    code: class extends TwoLayerNet {
      override numericalGradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
        const lossW = () => this.loss(x, t);
        return {
          W1: numericalGradient(lossW, this.params.W1),
          W2: numericalGradient(lossW, this.params.W2),
        };
      }
    },
  },
];
