/**
 * What the networks say when they are built or loaded wrongly (sizes, activations, saved
 * parameters of another network), in both languages. The English texts are compared by tests:
 * change them only with those.
 *
 * @module
 */

import { defineMessages } from "../command/lang.ts";

/** The networks' errors. */
export const NET_MESSAGES = defineMessages("nets", {
  hiddenSizeList: (name: string) =>
    `${name} needs hiddenSizeList, an array of layer sizes such as [100, 100]`,
  positiveSizes: (
    name: string,
    inputSize: number,
    hiddenSizeList: readonly number[],
    outputSize: number,
  ) =>
    `${name} needs positive whole sizes, got inputSize ${inputSize}, hiddenSizeList ` +
    `[${hiddenSizeList}], outputSize ${outputSize}`,
  positiveSize: (net: string, name: string, n: number) =>
    `${net} needs a positive whole ${name}, got ${n}`,
  unknownActivation: (activation: string) =>
    `Unknown activation "${activation}": use "relu" or "sigmoid"`,
  convolutionCount: (n: number) => `DeepConvNet needs six convolutions, got ${n}`,
  missingParam: (source: string, key: string, keys: string) =>
    `${source} has no parameter ${key} (it has ${keys}): was it saved from another network?`,
  paramShape: (source: string, key: string, shape: string, needed: string) =>
    `${source}: parameter ${key} has shape [${shape}], the network ` +
    `needs [${needed}]: was it saved from a network of other sizes?`,
  sampleWeightShape: (path: string, key: string, expected: readonly number[], found: string) =>
    `${path} should hold ${key} of shape [${expected}], found ${found}: ` +
    "make it again with `deno task ch03:make-weights`",
  none: "none",
  accuracyLabels: (x: readonly number[], t: readonly number[]) =>
    `accuracy needs one class index per image: x has shape [${x}], t has [${t}]`,
  batchSize: (n: number) => `batchSize must be a positive integer, got ${n}`,
}, {
  hiddenSizeList: (name: string) =>
    `${name} には hiddenSizeList（[100, 100] のような、各層のサイズの配列）が必要です`,
  positiveSizes: (
    name: string,
    inputSize: number,
    hiddenSizeList: readonly number[],
    outputSize: number,
  ) =>
    `${name} のサイズは正の整数でなければなりません（inputSize ${inputSize}、hiddenSizeList ` +
    `[${hiddenSizeList}]、outputSize ${outputSize}）`,
  positiveSize: (net: string, name: string, n: number) =>
    `${net} の ${name} は正の整数でなければなりません（渡された値: ${n}）`,
  unknownActivation: (activation: string) =>
    `活性化関数 "${activation}" はありません: "relu" か "sigmoid" を使ってください`,
  convolutionCount: (n: number) =>
    `DeepConvNet には畳み込み層が6つ必要です（渡されたのは ${n} 個）`,
  missingParam: (source: string, key: string, keys: string) =>
    `${source} にパラメータ ${key} がありません（あるのは ${keys}）: ` +
    `別のネットワークから保存したものではありませんか？`,
  paramShape: (source: string, key: string, shape: string, needed: string) =>
    `${source}: パラメータ ${key} の形状は [${shape}] ですが、ネットワークには ` +
    `[${needed}] が必要です: サイズの違うネットワークから保存したものではありませんか？`,
  sampleWeightShape: (path: string, key: string, expected: readonly number[], found: string) =>
    `${path} には形状 [${expected}] の ${key} があるはずですが、${found}でした: ` +
    "`deno task ch03:make-weights` で作り直してください",
  none: "ありません",
  accuracyLabels: (x: readonly number[], t: readonly number[]) =>
    `accuracy には画像1枚につきクラスのインデックスが1つ必要です: ` +
    `x の形状は [${x}]、t の形状は [${t}] です`,
  batchSize: (n: number) => `batchSize は正の整数でなければなりません（渡された値: ${n}）`,
});
