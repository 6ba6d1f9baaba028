/**
 * What the chapters' training commands (`deno task ch04:train`, `ch05:train`) say and draw,
 * in both languages: the run's header and summary, the epoch lines, the charts' titles, axes
 * and series, and the command's errors.
 *
 * @module
 */

import { defineMessages } from "../command/lang.ts";

/** The training commands' messages and chart texts. */
export const BOOK_TRAINER = defineMessages("book_trainer", {
  header: (
    label: string,
    images: number,
    batch: number,
    lr: number,
    iterations: number,
    epochs: number,
    seed: number,
  ) =>
    `${label}: ${images} training images, batches of ${batch}, SGD lr ${lr}, ` +
    `${iterations} iterations (${epochs} epochs), seed ${seed}`,
  final: (train: string, test: string, iterations: number, epochs: number) =>
    `final: train acc ${train}, test acc ${test} after ${iterations} iterations (${epochs} epochs)`,
  time: (seconds: string, perEpoch: string, imagesPerSecond: number, evalSeconds: string) =>
    `time: ${seconds} s training (${perEpoch} s per epoch, ${imagesPerSecond} images/s) + ` +
    `${evalSeconds} s measuring accuracy`,
  epochLine: (
    epoch: string,
    iteration: number,
    loss: string,
    train: string,
    test: string,
    seconds: string,
  ) =>
    `epoch ${epoch}  iter ${iteration}  loss ${loss}  train acc ${train}  test acc ${test}  ` +
    `(${seconds} s training)`,
  lossStatus: (loss: string) => `loss ${loss}`,
  accuracyTitle: (label: string, note: string) =>
    `${label}: accuracy per epoch${note ? ` (${note})` : ""}`,
  lossTitle: (label: string, note: string) => `${label}: training loss${note ? ` (${note})` : ""}`,
  yourCode: "your code",
  trainAcc: "train acc",
  testAcc: "test acc",
  loss: "loss",
  epochs: "epochs",
  iteration: "iteration",
  accuracy: "accuracy",
  meanLoss: (window: number) => `loss (mean of ${window} batches)`,
  mine: (chapter: string) => `--mine: training with your code from chapters/${chapter}`,
  wrote: (path: string) => `Wrote ${path}`,
  usage: (message: string, name: string) =>
    `error: ${message}\nRun "deno task ${name} --help" for the options.`,
  itersHelp: "run N iterations (mini-batches of 100; default 10000, as the book)",
  epochsHelp: "run N epochs instead (600 iterations each)",
  seedHelp: "seed of the initial weights and the batches",
  notes: (chapter: string) =>
    `Charts: out/ch${chapter}/accuracy.png and out/ch${chapter}/loss.png.`,
  notBoth: "Give --iters or --epochs, not both",
}, {
  header: (
    label: string,
    images: number,
    batch: number,
    lr: number,
    iterations: number,
    epochs: number,
    seed: number,
  ) =>
    `${label}: 訓練データ ${images} 枚、バッチサイズ ${batch}、SGD 学習率 ${lr}、` +
    `${iterations} 回の反復（${epochs} エポック）、seed ${seed}`,
  final: (train: string, test: string, iterations: number, epochs: number) =>
    `結果: 訓練データの認識精度 ${train}、テストデータの認識精度 ${test}` +
    `（${iterations} 回の反復、${epochs} エポック）`,
  time: (seconds: string, perEpoch: string, imagesPerSecond: number, evalSeconds: string) =>
    `時間: 学習 ${seconds} 秒（1エポック ${perEpoch} 秒、毎秒 ${imagesPerSecond} 枚）` +
    ` + 認識精度の計測 ${evalSeconds} 秒`,
  epochLine: (
    epoch: string,
    iteration: number,
    loss: string,
    train: string,
    test: string,
    seconds: string,
  ) =>
    `エポック ${epoch}  反復 ${iteration}  損失 ${loss}  訓練 ${train}  テスト ${test}  ` +
    `（学習 ${seconds} 秒）`,
  lossStatus: (loss: string) => `損失 ${loss}`,
  accuracyTitle: (label: string, note: string) =>
    `${label}: エポックごとの認識精度${note ? `（${note}）` : ""}`,
  lossTitle: (label: string, note: string) =>
    `${label}: 訓練データの損失関数の値${note ? `（${note}）` : ""}`,
  yourCode: "自分のコード",
  trainAcc: "訓練データ",
  testAcc: "テストデータ",
  loss: "損失",
  epochs: "エポック",
  iteration: "反復回数",
  accuracy: "認識精度",
  meanLoss: (window: number) => `損失（${window} バッチの平均）`,
  mine: (chapter: string) => `--mine: chapters/${chapter} の自分のコードで学習します`,
  wrote: (path: string) => `書き出しました: ${path}`,
  usage: (message: string, name: string) =>
    `エラー: ${message}\nオプションは "deno task ${name} --help" で確認できます。`,
  itersHelp: "N 回の反復（100 枚のミニバッチ。既定は本書と同じ 10000）",
  epochsHelp: "反復回数の代わりに N エポック（1エポック 600 回の反復）",
  seedHelp: "重みの初期値とバッチの seed",
  notes: (chapter: string) =>
    `グラフ: out/ch${chapter}/accuracy.png と out/ch${chapter}/loss.png。`,
  notBoth: "--iters と --epochs はどちらか一方だけ指定してください",
});
