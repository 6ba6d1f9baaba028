/**
 * What `deno task train` (and `deno task ch07:train`, which runs it) says and draws, in both
 * languages: the run's header, the epoch lines, the summary, the errors, and the report's
 * charts (titles, axes, legends).
 *
 * @module
 */

import { defineMessages } from "../command/lang.ts";

/** What `--help` says about the defaults (from the models' table). */
export interface UsageFacts {
  /** The models' names, `final, simple, deep`. */
  modelNames: string;
  /** One line per model (from `modelLine`). */
  models: string;
  /** The default model's name and settings. */
  name: string;
  epochs: number;
  batchSize: number;
  lr: number;
  lrDecay: number;
  optimizer: string;
  augment: number;
  /** The optimizers' names. */
  optimizers: string;
  /** The default output folder. */
  out: string;
}

/** The models' descriptions in Japanese. */
const MODEL_JA: Record<string, string> = {
  final: "5×5 の畳み込み層が2つの LeNet 風（8章の最後のネットワーク。テストで 99% 以上）",
  simple: "本書の SimpleConvNet（§7.5。train_convnet.py: Adam、学習率 0.001、20 エポック）",
  deep: "本書の DeepConvNet（§8.1。train_deepnet.py: Adam、学習率 0.001、20 エポック）",
};

/** The training command's messages and chart texts. */
export const TRAIN = defineMessages("train", {
  // --help and the arguments.
  usage: (o: UsageFacts) =>
    [
      "Train a convolutional network on MNIST (60,000 training images, 10,000 test images).",
      "",
      "Usage: deno task train [options]",
      "",
      "Options:",
      `  --model NAME       the network (${o.modelNames}):`,
      o.models,
      `  --epochs N         epochs to train in total (${o.epochs} for ${o.name}, 20 for simple and deep)`,
      `  --batch-size N     images per mini-batch (${o.batchSize})`,
      `  --lr X             learning rate of the first epoch (${o.lr})`,
      `  --lr-decay X       the learning rate's factor per epoch (${o.lrDecay} for ${o.name}, 1 for simple and deep)`,
      `  --optimizer NAME   ${o.optimizers} (${o.optimizer})`,
      `  --augment N        shift each training image by up to N pixels, a new random shift`,
      `                     every time (${o.augment} for ${o.name}, 0 for simple and deep)`,
      "  --seed N           seed of the initial weights, the shuffling and dropout (0)",
      "  --limit N          train on the first N training images and test on the first N test",
      "                     images: a quick run (deno task train --limit 2000 --epochs 1 --out out/quick)",
      "  --mine             train with your own chapter code (chapters/05 to 08) instead of lib/",
      "  --resume           continue from the checkpoint in the output folder after an",
      "                     interruption; the result is the same as an uninterrupted run",
      `  --out DIR          output folder (${o.out}): checkpoint, history.csv, charts`,
      "  --force            replace the run already in the output folder (without it, a new run",
      "                     there is refused, so no trained network is lost by accident)",
      "  --lang ja|en       the language of the messages and charts",
      "  -h, --help         show this help",
      "",
      "Both cores train (each takes half of every batch, with one thread's dropout masks);",
      "ZEROKARA_THREADS=1 keeps to one. A run repeats exactly for a given seed and number of threads.",
    ].join("\n"),
  modelLine: (name: string, description: string, isDefault: boolean) =>
    `    ${name.padEnd(8)}${description}${isDefault ? " (default)" : ""}`,
  unknownModelArg: (model: string, models: string) =>
    `Unknown model "${model}": choose one of ${models}`,
  unknownOptimizer: (optimizer: string, optimizers: string) =>
    `Unknown optimizer "${optimizer}": choose one of ${optimizers}`,
  needsNumber: (option: string, text: string) => `${option} needs a number, got "${text}"`,
  range: (option: string, max: number, text: string) =>
    `${option} must be greater than 0 and at most ${max}, got ${text}`,
  wholeNumber: (option: string, min: number, max: number, text: string) =>
    `${option} must be a whole number from ${min} to ${max}, got ${text}`,
  outEmpty: "--out needs a folder name, got an empty string",
  // The report's charts.
  lossTitle: (net: string) => `${net}: loss`,
  accuracyTitle: (net: string) => `${net}: accuracy`,
  confusionTitle: (net: string) => `${net}: confusion matrix (test)`,
  misclassifiedTitle: (wrong: number, total: number, shown: number) =>
    `${wrong} of ${total} test images misclassified (label→predicted, first ${shown})`,
  trainLoss: "train loss",
  train: "train",
  test: "test",
  epoch: "epoch",
  loss: "loss",
  accuracy: "accuracy",
  predictedClass: "predicted class",
  trueLabel: "true label",
  images: "images",
  // The run.
  runIn: (model: string, epoch: number, epochs: number, acc: string) =>
    `a ${model} run at epoch ${epoch} of ${epochs}${acc}`,
  runAcc: (acc: string) => `, test accuracy ${acc}%`,
  aRun: "a run",
  anotherOut: "another --out DIR",
  wouldOverwrite: (out: string, run: string, other: string) =>
    `${out} already holds ${run}, which a new run would overwrite: continue it with --resume, ` +
    `keep it and train into ${other}, or replace it with --force`,
  wouldOverwriteHere: (out: string, run: string) =>
    `${out} already holds ${run}, which a new run would overwrite: continue it with --resume, ` +
    `or replace it with --force (copy the folder first to keep it)`,
  cannotWrite: (out: string, reason: string) =>
    `Cannot write to the output folder "${out}" (${reason}): choose another with --out DIR`,
  unknownModel: (model: string, models: string) =>
    `The checkpoint is of a model named "${model}", which this command does not know ` +
    `(${models}): start a new run without --resume`,
  resumeDiffers: (flag: string, saved: string, given: string) =>
    `--resume continues the run in the checkpoint, which used ${flag} ${saved}, but this ` +
    `command says ${flag} ${given}: leave ${flag} out, or start a new run without --resume ` +
    `(or with another --out)`,
  usageError: (message: string, task: string) =>
    `error: ${message}\nRun "deno task ${task} --help" for the options.`,
  error: (message: string) => `error: ${message}`,
  resumeAndForce:
    "--resume continues the run in the output folder and --force replaces it: give one",
  noCheckpoint: (path: string) =>
    `--resume found no checkpoint at ${path}: start without --resume (or point --out at the ` +
    `folder of an interrupted run)`,
  cannotRead: (path: string, reason: string) => `--resume cannot read ${path}: ${reason}`,
  batchTooLarge: (batch: number, size: number) =>
    `--batch-size ${batch} is larger than the ${size} training images: use a smaller batch ` +
    `or a larger --limit`,
  limitTooSmall: (batch: number, size: number) =>
    `--limit ${size} leaves fewer training images than one batch of ${batch}: give --limit ` +
    `${batch} or more`,
  doesNotFit: (message: string, model: string) =>
    `${message} The checkpoint does not fit the ${model} network: start a new run without ` +
    `--resume`,
  mineNote: " (--mine: your finished exercises, the reference for the rest)",
  header: (net: string, mine: string, params: string, optimizer: string, rest: string) =>
    `${net}${mine}: ${params} parameters, ${optimizer}${rest}`,
  lrDecay: (decay: number) => ` (×${decay} per epoch)`,
  shifts: (px: number) => `, shifts of up to ${px} px`,
  batchSeed: (batch: number, shifts: string, seed: number) =>
    `, batch ${batch}${shifts}, seed ${seed}`,
  data: (train: number, test: number, limit: string) =>
    `MNIST: ${train} training images, ${test} test images${limit}`,
  resuming: (path: string, epoch: number) => `Resuming from ${path} after epoch ${epoch}`,
  checkpointNote: (resume: string) =>
    `A checkpoint is saved after each epoch; if the run stops (Ctrl-C), continue it with: ${resume}`,
  threadsNote: (message: string) =>
    `note: ${message}; the two threads will share only the matrix products`,
  damaged: (loss: number, path: string) =>
    `error: the loss was already ${loss} on the first batch after resuming from ${path}: its ` +
    `values are probably damaged (not the learning rate). Start a new run with --force, or ` +
    `resume another run.`,
  keptDiverge: (epoch: number, path: string) =>
    `The checkpoint of epoch ${epoch} is kept in ${path}, but --resume would repeat the same ` +
    `steps and diverge again: `,
  noneDiverge: "No epoch finished, so there is no checkpoint: ",
  diverged: (
    loss: number,
    epoch: number,
    batch: number,
    lr: string,
    defaults: string,
    kept: string,
    command: string,
  ) =>
    `error: the loss became ${loss} at epoch ${epoch}, batch ${batch}: the learning rate is ` +
    `probably too high (${lr}; the default is ${defaults}). ${kept}start again with a smaller ` +
    `rate, e.g. ${command} (and your other options).`,
  withOptimizer: (lr: string, optimizer: string) => `${lr} with ${optimizer}`,
  epochLine: (
    epoch: string,
    loss: string,
    train: string,
    test: string,
    time: string,
    rate: number,
    evalTime: string,
  ) =>
    `epoch ${epoch}: loss ${loss}, train acc ${train}%, test acc ${test}% | ${time} ` +
    `(${rate} img/s), eval ${evalTime}`,
  keptInterrupted: (epoch: number, path: string, resume: string) =>
    `the checkpoint of epoch ${epoch} is whole in ${path}; continue with: ${resume}`,
  noneInterrupted: "no epoch finished, so there is no checkpoint yet",
  interrupted: (message: string, epoch: number, kept: string) =>
    `${message} during epoch ${epoch}: ${kept}`,
  nothingToTrain: (epoch: string, epochs: number) =>
    `The checkpoint is already at epoch ${epoch} of ${epochs}: nothing to train (raise ` +
    `--epochs to train more).`,
  summary: (acc: string, test: number, epochs: number, trainTime: string, runTime: string) =>
    `Test accuracy ${acc}% on ${test} test images after ${epochs} ` +
    `${epochs === 1 ? "epoch" : "epochs"} (${trainTime} of training over all epochs; ` +
    `${runTime} for this run)`,
  wrote: (path: string) => `wrote ${path}`,
  nearChance: (acc: string, updates: number, lr: string, defaults: string) =>
    `error: the test accuracy ${acc}% is near chance (10% for ten digits) after ${updates} ` +
    `updates: the network did not learn. The learning rate is probably too high or too low ` +
    `(${lr}; the default is ${defaults}): start again with --force and another --lr.`,
  // The progress display.
  status: (loss: string, acc: string, rate: number) => `loss ${loss} | acc ${acc}% | ${rate} img/s`,
  epochLabel: (epoch: number, epochs: number) => `epoch ${epoch}/${epochs}`,
}, {
  usage: (o: UsageFacts) =>
    [
      "MNIST（訓練データ 60,000 枚、テストデータ 10,000 枚）で畳み込みニューラルネットワークを学習します。",
      "",
      "使い方: deno task train [オプション]",
      "",
      "オプション:",
      `  --model NAME       ネットワーク（${o.modelNames}）:`,
      o.models,
      `  --epochs N         学習するエポック数の合計（${o.name} は ${o.epochs}、simple と deep は 20）`,
      `  --batch-size N     ミニバッチの画像数（${o.batchSize}）`,
      `  --lr X             最初のエポックの学習率（${o.lr}）`,
      `  --lr-decay X       エポックごとに学習率に掛ける係数（${o.name} は ${o.lrDecay}、simple と deep は 1）`,
      `  --optimizer NAME   ${o.optimizers}（${o.optimizer}）`,
      `  --augment N        訓練画像を毎回ランダムに最大 N 画素ずらす`,
      `                     （${o.name} は ${o.augment}、simple と deep は 0）`,
      "  --seed N           重みの初期値、シャッフル、Dropout の seed（0）",
      "  --limit N          訓練データとテストデータの最初の N 枚だけを使う: 短時間で試す",
      "                     （deno task train --limit 2000 --epochs 1 --out out/quick）",
      "  --mine             lib/ ではなく自分の章のコード（chapters/05〜08）で学習",
      "  --resume           中断した学習を出力フォルダのチェックポイントから再開",
      "                     （結果は中断しなかった場合と同じ）",
      `  --out DIR          出力フォルダ（${o.out}）: チェックポイント、history.csv、グラフ`,
      "  --force            出力フォルダにある学習結果を置き換える（指定がなければ新しい学習は",
      "                     断るので、学習済みのネットワークをうっかり失うことはありません）",
      "  --lang ja|en       メッセージとグラフの言語",
      "  -h, --help         このヘルプを表示",
      "",
      "2つのコアで学習します（バッチを半分ずつ。Dropout のマスクは1スレッドのときと同じ）。",
      "ZEROKARA_THREADS=1 なら1つだけ。同じ seed とスレッド数なら、学習は毎回同じ結果になります。",
    ].join("\n"),
  modelLine: (name: string, description: string, isDefault: boolean) =>
    `    ${name.padEnd(8)}${MODEL_JA[name] ?? description}${isDefault ? "（既定）" : ""}`,
  unknownModelArg: (model: string, models: string) =>
    `不明なモデル "${model}": ${models} から選んでください`,
  unknownOptimizer: (optimizer: string, optimizers: string) =>
    `不明な最適化手法 "${optimizer}": ${optimizers} から選んでください`,
  needsNumber: (option: string, text: string) => `${option} には数値が必要です（"${text}" でした）`,
  range: (option: string, max: number, text: string) =>
    `${option} は 0 より大きく ${max} 以下です（${text} でした）`,
  wholeNumber: (option: string, min: number, max: number, text: string) =>
    `${option} は ${min} から ${max} までの整数です（${text} でした）`,
  outEmpty: "--out にはフォルダ名が必要です（空の文字列でした）",
  lossTitle: (net: string) => `${net}: 損失関数の値`,
  accuracyTitle: (net: string) => `${net}: 認識精度`,
  confusionTitle: (net: string) => `${net}: 混同行列（テストデータ）`,
  misclassifiedTitle: (wrong: number, total: number, shown: number) =>
    `テスト画像 ${total} 枚中 ${wrong} 枚を誤認識（正解→予測、最初の ${shown} 枚）`,
  trainLoss: "訓練データの損失",
  train: "訓練データ",
  test: "テストデータ",
  epoch: "エポック",
  loss: "損失",
  accuracy: "認識精度",
  predictedClass: "予測したクラス",
  trueLabel: "正解ラベル",
  images: "枚数",
  runIn: (model: string, epoch: number, epochs: number, acc: string) =>
    `${model} の学習（${epochs} エポック中 ${epoch} エポック目${acc}）`,
  runAcc: (acc: string) => `、テストデータの認識精度 ${acc}%`,
  aRun: "学習結果",
  anotherOut: "別の --out DIR",
  wouldOverwrite: (out: string, run: string, other: string) =>
    `${out} にはすでに ${run}があり、新しい学習で上書きされます: --resume で続けるか、` +
    `残したまま ${other} に学習するか、--force で置き換えてください`,
  wouldOverwriteHere: (out: string, run: string) =>
    `${out} にはすでに ${run}があり、新しい学習で上書きされます: --resume で続けるか、` +
    `--force で置き換えてください（残すなら先にフォルダをコピーしてください）`,
  cannotWrite: (out: string, reason: string) =>
    `出力フォルダ "${out}" に書き込めません（${reason}）: --out DIR で別のフォルダを指定してください`,
  unknownModel: (model: string, models: string) =>
    `チェックポイントのモデル名 "${model}" はこのコマンドにありません（${models}）: ` +
    `--resume なしで新しく学習してください`,
  resumeDiffers: (flag: string, saved: string, given: string) =>
    `--resume はチェックポイントの学習を続けます。その学習は ${flag} ${saved} でしたが、` +
    `このコマンドは ${flag} ${given} です: ${flag} を外すか、--resume なしで（または別の --out で）` +
    `新しく学習してください`,
  usageError: (message: string, task: string) =>
    `エラー: ${message}\nオプションは "deno task ${task} --help" で確認できます。`,
  error: (message: string) => `エラー: ${message}`,
  resumeAndForce:
    "--resume は出力フォルダの学習を続け、--force は置き換えます: どちらか一方を指定してください",
  noCheckpoint: (path: string) =>
    `--resume: ${path} にチェックポイントがありません: --resume なしで始めるか、` +
    `--out で中断した学習のフォルダを指定してください`,
  cannotRead: (path: string, reason: string) => `--resume: ${path} を読めません: ${reason}`,
  batchTooLarge: (batch: number, size: number) =>
    `--batch-size ${batch} が訓練データの ${size} 枚より大きいです: バッチを小さくするか、` +
    `--limit を大きくしてください`,
  limitTooSmall: (batch: number, size: number) =>
    `--limit ${size} では訓練データが1バッチ（${batch} 枚）に足りません: --limit は ${batch} ` +
    `以上にしてください`,
  doesNotFit: (message: string, model: string) =>
    `${message} チェックポイントが ${model} のネットワークに合いません: --resume なしで新しく` +
    `学習してください`,
  mineNote: "（--mine: できた演習は自分のコード、残りは解答例）",
  header: (net: string, mine: string, params: string, optimizer: string, rest: string) =>
    `${net}${mine}: パラメータ ${params} 個、${optimizer}${rest}`,
  lrDecay: (decay: number) => `（エポックごとに ×${decay}）`,
  shifts: (px: number) => `、最大 ${px} px ずらす`,
  batchSeed: (batch: number, shifts: string, seed: number) =>
    `、バッチサイズ ${batch}${shifts}、seed ${seed}`,
  data: (train: number, test: number, limit: string) =>
    `MNIST: 訓練データ ${train} 枚、テストデータ ${test} 枚${limit}`,
  resuming: (path: string, epoch: number) => `${path} から再開します（${epoch} エポック目の後）`,
  checkpointNote: (resume: string) =>
    `エポックごとにチェックポイントを保存します。中断しても（Ctrl-C）、次のコマンドで再開できます: ${resume}`,
  threadsNote: (message: string) => `注意: ${message}。2つのスレッドは行列の積だけを分担します`,
  damaged: (loss: number, path: string) =>
    `エラー: ${path} から再開した最初のバッチで損失がすでに ${loss} でした: 学習率ではなく、` +
    `チェックポイントの値が壊れているようです。--force で新しく学習するか、別の学習を再開してください。`,
  keptDiverge: (epoch: number, path: string) =>
    `${epoch} エポック目のチェックポイントは ${path} に残っていますが、--resume では同じ手順を` +
    `繰り返して再び発散します: `,
  noneDiverge: "終わったエポックがないので、チェックポイントはありません: ",
  diverged: (
    loss: number,
    epoch: number,
    batch: number,
    lr: string,
    defaults: string,
    kept: string,
    command: string,
  ) =>
    `エラー: ${epoch} エポック目のバッチ ${batch} で損失が ${loss} になりました: 学習率が` +
    `大きすぎるようです（${lr}。既定は ${defaults}）。${kept}小さい学習率でやり直してください。` +
    `例: ${command}（ほかのオプションはそのまま）。`,
  withOptimizer: (lr: string, optimizer: string) => `${optimizer} で ${lr}`,
  epochLine: (
    epoch: string,
    loss: string,
    train: string,
    test: string,
    time: string,
    rate: number,
    evalTime: string,
  ) =>
    `エポック ${epoch}: 損失 ${loss}、訓練 ${train}%、テスト ${test}% | ${time}` +
    `（毎秒 ${rate} 枚）、評価 ${evalTime}`,
  keptInterrupted: (epoch: number, path: string, resume: string) =>
    `${epoch} エポック目のチェックポイントは ${path} に無事です。続けるには: ${resume}`,
  noneInterrupted: "終わったエポックがないので、チェックポイントはまだありません",
  interrupted: (message: string, epoch: number, kept: string) =>
    `${message}（${epoch} エポック目）: ${kept}`,
  nothingToTrain: (epoch: string, epochs: number) =>
    `チェックポイントはすでに ${epochs} エポック中 ${epoch} エポック目です: 学習することはありません` +
    `（さらに学習するには --epochs を増やしてください）。`,
  summary: (acc: string, test: number, epochs: number, trainTime: string, runTime: string) =>
    `${epochs} エポック後、テスト画像 ${test} 枚での認識精度 ${acc}%` +
    `（学習は全エポックで ${trainTime}、今回の実行は ${runTime}）`,
  wrote: (path: string) => `書き出しました: ${path}`,
  nearChance: (acc: string, updates: number, lr: string, defaults: string) =>
    `エラー: ${updates} 回の更新の後でもテストデータの認識精度 ${acc}% は当てずっぽう` +
    `（10 種類の数字なら 10%）に近く、ネットワークは学習できていません。学習率が大きすぎるか` +
    `小さすぎるようです（${lr}。既定は ${defaults}）: --force と別の --lr でやり直してください。`,
  status: (loss: string, acc: string, rate: number) =>
    `損失 ${loss} | 精度 ${acc}% | 毎秒 ${rate} 枚`,
  epochLabel: (epoch: number, epochs: number) => `エポック ${epoch}/${epochs}`,
});
