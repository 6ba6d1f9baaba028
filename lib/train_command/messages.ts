/**
 * What `deno task train` (and `deno task ch07:train`, which runs it) says and draws, in both
 * languages: the run's header, the epoch lines, the summary, the errors, and the report's
 * charts (titles, axes, legends).
 *
 * @module
 */

import { defineMessages } from "../command/lang.ts";

/** The training command's messages and chart texts. */
export const TRAIN = defineMessages("train", {
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
  resumeAndForce: "--resume continues the run in the output folder and --force replaces it: give one",
  noCheckpoint: (path: string) =>
    `--resume found no checkpoint at ${path}: start without --resume (or point --out at the ` +
    `folder of an interrupted run)`,
  cannotRead: (path: string, reason: string) => `--resume cannot read ${path}: ${reason}`,
  batchTooLarge: (batch: number, size: number) =>
    `--batch-size ${batch} is larger than the ${size} training images: use a smaller batch ` +
    `or a larger --limit`,
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
  status: (loss: string, acc: string, rate: number) =>
    `loss ${loss} | acc ${acc}% | ${rate} img/s`,
  epochLabel: (epoch: number, epochs: number) => `epoch ${epoch}/${epochs}`,
}, {
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
    `${out} にはすでに ${run} があり、新しい学習で上書きされます: --resume で続けるか、` +
    `残して ${other} に学習するか、--force で置き換えてください`,
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
  resumeAndForce: "--resume は出力フォルダの学習を続け、--force は置き換えます: どちらか一方を指定してください",
  noCheckpoint: (path: string) =>
    `--resume: ${path} にチェックポイントがありません: --resume なしで始めるか、` +
    `--out で中断した学習のフォルダを指定してください`,
  cannotRead: (path: string, reason: string) => `--resume: ${path} を読めません: ${reason}`,
  batchTooLarge: (batch: number, size: number) =>
    `--batch-size ${batch} が訓練データの ${size} 枚より大きいです: バッチを小さくするか、` +
    `--limit を大きくしてください`,
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
    `エポックごとにチェックポイントを保存します。止まったら（Ctrl-C）次で続けられます: ${resume}`,
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
