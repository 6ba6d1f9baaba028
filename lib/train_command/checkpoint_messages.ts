/**
 * What `deno task train --resume` says about a checkpoint it cannot resume, in both languages.
 *
 * @module
 */

import { defineMessages } from "../command/lang.ts";

/** The checkpoint's problems. */
export const CHECKPOINT = defineMessages("checkpoint", {
  cannotResume: (path: string, problem: string) =>
    `${path} cannot be resumed: ${problem}. The file is damaged or was not written by deno ` +
    `task train: start a new run without --resume (--force replaces this folder, or choose ` +
    `another --out)`,
  noField: (name: string) => `its metadata has no "${name}"`,
  notJson: (name: string) => `its "${name}" is not valid JSON`,
  badRng: (name: string) =>
    `its random generator state "${name}" is not four 32-bit words (not all 0)`,
  notObject: "its settings are not an object",
  noModel: "its settings name no model",
  unknownOptimizer: (name: string, known: string) =>
    `its settings name an unknown optimizer ${name} (known: ${known})`,
  badLr: (lr: string) => `its learning rate is lr ${lr}, not a number above 0 and at most 10`,
  badLrDecay: (decay: string) => `its lrDecay is ${decay}, not a number above 0 and at most 1`,
  notWhole: (key: string, value: string, min: number, max: number) =>
    `its ${key} is ${value}, not a whole number from ${min} to ${max}`,
  notOurs: (format: string) => `it is not a checkpoint of deno task train (format ${format})`,
  badEpochs: (epochs: string) =>
    `its planned epochs ${epochs} are not a whole number from 1 to 1000`,
  badEpoch: (epoch: string, epochs: number) =>
    `its epoch ${epoch} is not a whole number from 1 to ${epochs}`,
  badHistory: (epoch: number) => `its history is not one record of numbers per epoch 1 to ${epoch}`,
  badIter: (iter: string) => `its optimizer's update count ${iter} is not a positive whole number`,
  notFinite: (key: string) => `its tensor ${key} holds NaN or infinite values`,
  notANetwork: (path: string, network: string, known: string) =>
    `${path} holds parameters of ${network}, not one of ${known}: give the ` +
    `params.safetensors that deno task train wrote`,
  unnamedNetwork: "an unnamed network",
  paramsMismatch: (message: string) => message,
  paramNaN: (path: string, key: string) =>
    `${path}: parameter ${key} holds NaN or infinite values: train again`,
}, {
  cannotResume: (path: string, problem: string) =>
    `${path} からは再開できません: ${problem}。ファイルが壊れているか、deno task train が書いた` +
    `ものではありません: --resume なしで新しく学習してください（--force でこのフォルダを置き換えるか、` +
    `別の --out を指定）`,
  noField: (name: string) => `メタデータに "${name}" がありません`,
  notJson: (name: string) => `"${name}" が正しい JSON ではありません`,
  badRng: (name: string) =>
    `乱数生成器の状態 "${name}" が 32 ビットの値4つ（すべて 0 ではない）になっていません`,
  notObject: "設定がオブジェクトではありません",
  noModel: "設定にモデル名がありません",
  unknownOptimizer: (name: string, known: string) =>
    `設定の最適化手法 ${name} は不明です（既知のもの: ${known}）`,
  badLr: (lr: string) => `学習率 lr ${lr} が 0 より大きく 10 以下の数値ではありません`,
  badLrDecay: (decay: string) => `lrDecay ${decay} が 0 より大きく 1 以下の数値ではありません`,
  notWhole: (key: string, value: string, min: number, max: number) =>
    `${key} の値 ${value} が ${min} から ${max} までの整数ではありません`,
  notOurs: (format: string) => `deno task train のチェックポイントではありません（形式 ${format}）`,
  badEpochs: (epochs: string) =>
    `予定のエポック数 ${epochs} が 1 から 1000 までの整数ではありません`,
  badEpoch: (epoch: string, epochs: number) =>
    `エポック ${epoch} が 1 から ${epochs} までの整数ではありません`,
  badHistory: (epoch: number) => `履歴が、エポック 1〜${epoch} の数値の記録1件ずつになっていません`,
  badIter: (iter: string) => `最適化手法の更新回数 ${iter} が正の整数ではありません`,
  notFinite: (key: string) => `テンソル ${key} に NaN か無限大の値があります`,
  notANetwork: (path: string, network: string, known: string) =>
    `${path} のパラメータは ${network} のもので、${known} のどれでもありません: ` +
    `deno task train が書き出した params.safetensors を指定してください`,
  unnamedNetwork: "名前のないネットワーク",
  paramsMismatch: (_message: string) =>
    `パラメータの名前か形状がネットワークと合いません（別のネットワーク、または大きさの違う` +
    `ネットワークから保存されたファイルです）: deno task train が書き出した params.safetensors ` +
    `を指定してください`,
  paramNaN: (path: string, key: string) =>
    `${path}: パラメータ ${key} に NaN か無限大の値があります: 学習し直してください`,
});
