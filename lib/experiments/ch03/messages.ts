/**
 * What the chapter 03 commands (`ch03:activations`, `ch03:predict`, `ch03:make-weights`) say
 * and draw, in both languages.
 *
 * @module
 */

import { defineMessages } from "../../command/lang.ts";

/**
 * A training recipe as the weights file records it (English: `SGD lr=0.5, batch 100,
 * 10 epochs, Xavier init, float32`), in Japanese.
 *
 * @example
 * ```ts
 * import { japaneseRecipe } from "./messages.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(
 *   japaneseRecipe("SGD lr=0.5, batch 100, 10 epochs, Xavier init, float32"),
 *   "SGD lr=0.5、バッチサイズ 100、10 エポック、Xavierの初期値、float32",
 * );
 * ```
 *
 * @param recipe The recipe.
 * @returns It in Japanese (words it does not know stay as they are).
 */
export function japaneseRecipe(recipe: string): string {
  return recipe
    .replace(/\bbatch (\d+)/g, "バッチサイズ $1")
    .replace(/\b(\d+) epochs?\b/g, "$1 エポック")
    .replace(/\b(Xavier|He) init\b/g, "$1の初期値")
    .replace(/, /g, "、");
}

/** The chapter 03 commands' messages and chart texts. */
export const CH03 = defineMessages("ch03", {
  activationsSummary:
    "Chapter 03: draws the step function, sigmoid and ReLU (§3.2) to out/ch03/activations.png.",
  stepFunction: "step function",
  sigmoid: "sigmoid",
  stepAndSigmoidTitle: "step function and sigmoid (figure 3-8)",
  reluTitle: "ReLU (figure 3-9)",
  activationsTitle: "Activation functions (§3.2)",
  predictSummary: "Chapter 03: batched MNIST inference with the shipped weights " +
    "(data/ch03/sample_weight.safetensors), as the book's neuralnet_mnist_batch.py (§3.6.3);\n" +
    "prints the accuracy.",
  batchSizeHelp: "images per batch",
  loaded: (shapes: string, ms: string) => `${shapes} (loaded in ${ms} ms)`,
  weights: (training: string, seed: string) => `weights: ${training}, seed ${seed}`,
  right: (right: number, total: number, batch: number, ms: string) =>
    `(${right} of ${total} test images right; batches of ${batch}, ${ms} ms)`,
  firstPredictions: (values: string) => `first 10 predictions: ${values}`,
  firstLabels: (values: string) => `first 10 labels:      ${values}`,
  makeWeightsSummary: (path: string) =>
    "Chapter 03: trains the 784-50-100-10 sigmoid network (seeded SGD, 10 epochs, a few " +
    "minutes) as the\nshipped data/ch03/sample_weight.safetensors was made, and writes it to " +
    `${path}.\nThe shipped file is never overwritten.`,
  outHelp: "where to write the weights (not inside data/)",
  epochLine: (epoch: number, loss: string, seconds: string) =>
    `epoch ${epoch}: mean loss ${loss} (${seconds} s)`,
  wroteBytes: (path: string, bytes: number) => `Wrote ${path} (${bytes} bytes)`,
  training: (recipe: string) => `Training the 784-50-100-10 sigmoid network: ${recipe}`,
  accuracies: (train: string, test: string, seconds: string) =>
    `Train accuracy ${train}, test accuracy ${test} (${seconds} s)`,
}, {
  activationsSummary:
    "3章: ステップ関数、シグモイド関数、ReLU関数（§3.2）を out/ch03/activations.png に描きます。",
  stepFunction: "ステップ関数",
  sigmoid: "シグモイド関数",
  stepAndSigmoidTitle: "ステップ関数とシグモイド関数（図3-8）",
  reluTitle: "ReLU関数（図3-9）",
  activationsTitle: "活性化関数（§3.2）",
  predictSummary:
    "3章: 同梱の重み（data/ch03/sample_weight.safetensors）で MNIST をバッチ処理で推論し、" +
    "\n本書の neuralnet_mnist_batch.py（§3.6.3）と同じく認識精度を表示します。",
  batchSizeHelp: "1バッチの画像数",
  loaded: (shapes: string, ms: string) => `${shapes}（読み込み ${ms} ms）`,
  weights: (training: string, seed: string) => `重み: ${japaneseRecipe(training)}、seed ${seed}`,
  right: (right: number, total: number, batch: number, ms: string) =>
    `（テスト画像 ${total} 枚中 ${right} 枚が正解、バッチサイズ ${batch}、${ms} ms）`,
  firstPredictions: (values: string) => `最初の10枚の予測: ${values}`,
  firstLabels: (values: string) => `最初の10枚の正解: ${values}`,
  makeWeightsSummary: (path: string) =>
    "3章: 784-50-100-10 のシグモイド関数のネットワークを、同梱の\n" +
    "data/ch03/sample_weight.safetensors を作ったときと同じく学習し（seed 固定の SGD、" +
    `10 エポック、数分）、\n${path} に書き出します。同梱のファイルは上書きしません。`,
  outHelp: "重みの書き出し先（data/ の中は不可）",
  epochLine: (epoch: number, loss: string, seconds: string) =>
    `エポック ${epoch}: 損失の平均 ${loss}（${seconds} 秒）`,
  wroteBytes: (path: string, bytes: number) => `書き出しました: ${path}（${bytes} バイト）`,
  training: (recipe: string) =>
    `784-50-100-10 のシグモイド関数のネットワークを学習: ${japaneseRecipe(recipe)}`,
  accuracies: (train: string, test: string, seconds: string) =>
    `訓練データの認識精度 ${train}、テストデータの認識精度 ${test}（${seconds} 秒）`,
});
