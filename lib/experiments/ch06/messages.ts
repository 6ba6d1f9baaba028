/**
 * What the chapter 06 commands (`ch06:optimizers`, `ch06:optimizers-mnist`,
 * `ch06:init-histograms`, `ch06:init-mnist`, `ch06:batchnorm`, `ch06:overfitting`,
 * `ch06:hyperparameters`) say and draw, in both languages.
 *
 * @module
 */

import { defineMessages } from "../../command/lang.ts";

/** The chapter 06 commands' messages and chart texts. */
export const CH06 = defineMessages("ch06", {
  took: (seconds: string) => `Took ${seconds} s`,
  epochs: "epochs",
  accuracy: "accuracy",
  iterations: "iterations",
  loss: "loss",
  iterationsHelp: "iterations of 128 images, as the book",
  trainingNetworks: (count: number, iterations: number) =>
    `Training ${count} networks for ${iterations} iterations of 128 images each…`,
  iterationLine: (i: string, losses: string) => `iteration ${i}: ${losses}`,
  comparisonLine: (key: string, window: number, loss: string, acc: string) =>
    `${key} mean loss of the last ${window} iterations ${loss}, test accuracy ${acc}%`,
  optimizersSummary: "Chapter 06: SGD, Momentum, AdaGrad and Adam on f(x, y) = x²/20 + y² " +
    "from (-7, 2) (§6.1.7);\ntheir paths over the contours to out/ch06/optimizers.png.",
  optimizersTitle: "Optimizers on f(x, y) = x²/20 + y², 30 steps from (−7, 2) (§6.1.7)",
  endsAt: (name: string, x: string, y: string, f: string) =>
    `${name} ends at (${x}, ${y}), f = ${f}`,
  optimizersMnistSummary: "Chapter 06: SGD, Momentum, AdaGrad and Adam train 4×100-ReLU " +
    "networks on MNIST (§6.1.8); smoothed\nlosses to out/ch06/optimizers_mnist.png.",
  optimizersMnistTitle: "Optimizers on MNIST, 4×100 ReLU layers, batch 128 (§6.1.8)",
  initMnistSummary: "Chapter 06: std 0.01, Xavier and He initial weights on MNIST (§6.2.4); " +
    "smoothed losses to out/ch06/init_mnist.png.",
  initMnistTitle: "Weight initialisation on MNIST, 4×100 ReLU layers, SGD (§6.2.4)",
  histogramsSummary: "Chapter 06: activation histograms of 5 layers for std 1, std 0.01, " +
    "Xavier and He with sigmoid, tanh\nand ReLU (§6.2) to out/ch06/init_histograms.png.",
  histogramsTitle: "Activations of 5 layers of 100 units by weight initialisation (§6.2.2)",
  layer: (n: number) => `${n}-layer`,
  spreads: "standard deviation of the outputs, layers 1 to 5:",
  std: "std",
  batchNormSummary: "Chapter 06: training accuracy with and without Batch Normalization for " +
    "weight scales from 1 to 1e-4\n(§6.3.2) to out/ch06/batchnorm.png.",
  scalesHelp: "weight scales, log-spaced from 1 to 1e-4",
  batchNormLine: (step: string, std: string, bn: string, plain: string) =>
    `${step} W std ${std} after 20 epochs: with batch norm ${bn}%, without ${plain}%`,
  batchNormTitle:
    "Training accuracy with and without Batch Normalization, by weight scale (§6.3.2)",
  without: "without",
  withBatchNorm: "Batch Normalization",
  wStd: (std: string) => `W std ${std}`,
  overfittingSummary: "Chapter 06: a 7-layer net on 300 MNIST images, plain, with weight decay " +
    "0.1 and with Dropout 0.2 (§6.4);\naccuracy curves to out/ch06/overfitting.png.",
  epochsHelp: "epochs of every setup (default 200, and 300 for Dropout, as the book)",
  testSampleHelp: "test images measured after each epoch (default all 10000)",
  noRegularisation: "no regularisation",
  weightDecay: "weight decay λ = 0.1",
  dropout: "Dropout, ratio 0.2",
  setupLine: (title: string, epochs: number) => `— ${title}: ${epochs} epochs of 300 images`,
  overfittingFinal: (train: string, test: string, gap: string) =>
    `  final: train ${train}%, test ${test}%, gap ${gap} points`,
  overfittingTitle:
    "300 training images, 6×100 ReLU layers, SGD lr 0.01: overfitting and its cures (§6.4)",
  train: "train",
  test: "test",
  hyperSummary: "Chapter 06: random search of lr and weight decay on a 400/100 validation " +
    "split (§6.5.3); the best\ntrials to out/ch06/hyperparameters.png and " +
    "hyperparameters_map.png.",
  trialsHelp: "random trials of 50 epochs each",
  split: (train: number, validation: number) =>
    `${train} training and ${validation} validation images`,
  trialLine: (i: string, acc: string, lr: string, decay: string) =>
    `trial ${i}: val acc ${acc} | lr ${lr}, weight decay ${decay}`,
  resultHeading: "=========== Hyper-Parameter Optimization Result ===========",
  bestLine: (i: number, acc: string, lr: string, decay: string) =>
    `Best-${i} (val acc ${acc}) | lr ${lr}, weight decay ${decay}`,
  bestTitle: (i: number, lr: string, decay: string) => `Best-${i}: lr ${lr}, λ ${decay}`,
  bestCurvesTitle: (trials: number) =>
    `The 20 best of ${trials} random trials: train solid, validation dashed (§6.5.3)`,
  validation: "validation",
  mapTitle: (trials: number) =>
    `Random search: final validation accuracy of ${trials} trials (§6.5.3)`,
  learningRate: "learning rate",
  weightDecayAxis: "weight decay λ",
  valAcc: "val acc",
  wroteTwo: (a: string, b: string) => `Wrote ${a} and ${b}`,
}, {
  took: (seconds: string) => `所要時間 ${seconds} 秒`,
  epochs: "エポック",
  accuracy: "認識精度",
  iterations: "反復回数",
  loss: "損失",
  iterationsHelp: "128 枚ずつの反復回数（本書と同じ）",
  trainingNetworks: (count: number, iterations: number) =>
    `${count} つのネットワークを、128 枚ずつ ${iterations} 回の反復で学習します…`,
  iterationLine: (i: string, losses: string) => `反復 ${i}: ${losses}`,
  comparisonLine: (key: string, window: number, loss: string, acc: string) =>
    `${key} 最後の ${window} 回の損失の平均 ${loss}、テストデータの認識精度 ${acc}%`,
  optimizersSummary: "6章: f(x, y) = x²/20 + y² の (-7, 2) からの SGD、Momentum、AdaGrad、" +
    "Adam（§6.1.7）。\n等高線上の経路を out/ch06/optimizers.png に描きます。",
  optimizersTitle: "f(x, y) = x²/20 + y² での最適化手法、(−7, 2) から 30 ステップ（§6.1.7）",
  endsAt: (name: string, x: string, y: string, f: string) => `${name} 終点 (${x}, ${y})、f = ${f}`,
  optimizersMnistSummary: "6章: SGD、Momentum、AdaGrad、Adam で 4×100 の ReLU のネットワークを " +
    "MNIST で学習し（§6.1.8）、\n平滑化した損失を out/ch06/optimizers_mnist.png に描きます。",
  optimizersMnistTitle: "MNIST での最適化手法の比較、ReLU 4×100 層、バッチ 128（§6.1.8）",
  initMnistSummary: "6章: 標準偏差 0.01、Xavier、He の重みの初期値を MNIST で比べ（§6.2.4）、" +
    "\n平滑化した損失を out/ch06/init_mnist.png に描きます。",
  initMnistTitle: "MNIST での重みの初期値の比較、ReLU 4×100 層、SGD（§6.2.4）",
  histogramsSummary: "6章: 標準偏差 1、0.01、Xavier、He の初期値と sigmoid、tanh、ReLU で、" +
    "\n5層のアクティベーションの分布（§6.2）を out/ch06/init_histograms.png に描きます。",
  histogramsTitle: "重みの初期値ごとの、100ユニット5層のアクティベーション分布（§6.2.2）",
  layer: (n: number) => `${n}層目`,
  spreads: "各層の出力の標準偏差（1〜5層）:",
  std: "標準偏差",
  batchNormSummary: "6章: 重みのスケール 1〜1e-4 ごとに、Batch Normalization の有無で" +
    "\n訓練データの認識精度を比べ（§6.3.2）、out/ch06/batchnorm.png に描きます。",
  scalesHelp: "重みのスケールの数（1 から 1e-4 まで対数で等間隔）",
  batchNormLine: (step: string, std: string, bn: string, plain: string) =>
    `${step} W の標準偏差 ${std} で 20 エポック後: Batch Normalization あり ${bn}%、なし ${plain}%`,
  batchNormTitle: "重みのスケールごとの訓練データの認識精度、Batch Normalization の有無（§6.3.2）",
  without: "Batch Normalization なし",
  withBatchNorm: "Batch Normalization あり",
  wStd: (std: string) => `W の標準偏差 ${std}`,
  overfittingSummary: "6章: 300 枚の MNIST 画像で 7 層のネットワークを、そのまま、" +
    "Weight decay 0.1、Dropout 0.2 で学習し（§6.4）、\n認識精度の推移を out/ch06/overfitting.png に描きます。",
  epochsHelp: "各設定のエポック数（既定は 200、Dropout は 300。本書と同じ）",
  testSampleHelp: "エポックごとに測るテスト画像の枚数（既定は全 10000 枚）",
  noRegularisation: "正則化なし",
  weightDecay: "Weight decay（荷重減衰）λ = 0.1",
  dropout: "Dropout、比率 0.2",
  setupLine: (title: string, epochs: number) => `— ${title}: 300 枚で ${epochs} エポック`,
  overfittingFinal: (train: string, test: string, gap: string) =>
    `  結果: 訓練データ ${train}%、テストデータ ${test}%、差 ${gap} ポイント`,
  overfittingTitle: "訓練データ 300 枚、ReLU 6×100 層、SGD 学習率 0.01: 過学習とその対策（§6.4）",
  train: "訓練データ",
  test: "テストデータ",
  hyperSummary: "6章: 400/100 に分けた検証データで学習率と Weight decay をランダムに探索し" +
    "（§6.5.3）、\n上位の試行を out/ch06/hyperparameters.png と hyperparameters_map.png に描きます。",
  trialsHelp: "ランダムな試行の数（各 50 エポック）",
  split: (train: number, validation: number) =>
    `訓練データ ${train} 枚、検証データ ${validation} 枚`,
  trialLine: (i: string, acc: string, lr: string, decay: string) =>
    `試行 ${i}: 検証データの認識精度 ${acc} | 学習率 ${lr}、Weight decay ${decay}`,
  resultHeading: "=========== ハイパーパラメータの最適化の結果 ===========",
  bestLine: (i: number, acc: string, lr: string, decay: string) =>
    `${i}位（検証データの認識精度 ${acc}） | 学習率 ${lr}、Weight decay ${decay}`,
  bestTitle: (i: number, lr: string, decay: string) => `${i}位: 学習率 ${lr}、λ ${decay}`,
  bestCurvesTitle: (trials: number) =>
    `ランダムな試行 ${trials} 回の上位 20: 実線が訓練データ、破線が検証データ（§6.5.3）`,
  validation: "検証データ",
  mapTitle: (trials: number) =>
    `ランダム探索: ${trials} 回の試行の最終的な検証データの認識精度（§6.5.3）`,
  learningRate: "学習率",
  weightDecayAxis: "Weight decay（荷重減衰）λ",
  valAcc: "検証精度",
  wroteTwo: (a: string, b: string) => `書き出しました: ${a} と ${b}`,
});
