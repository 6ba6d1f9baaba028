/**
 * What the chapter 08 commands (`ch08:misclassified`, `ch08:half`) say and draw, in both
 * languages.
 *
 * @module
 */

import { defineMessages } from "../../command/lang.ts";

/** The chapter 08 commands' messages and chart texts. */
export const CH08 = defineMessages("ch08", {
  paramsHelp: "the trained network's parameters (from deno task train)",
  trainFirst: (epochs: number) =>
    `Train it first: deno task train (${epochs} epochs of the final network; ` +
    `--limit 10000 --epochs 1 for a quick, less accurate one)`,
  checkPath: "Check the path, or train one with deno task train --out DIR",
  noTrained: (path: string, help: string) => `No trained network at ${path}. ${help}`,
  isFolder: (path: string) =>
    `--params ${path} is a folder: give the params.safetensors file inside a training's ` +
    `output folder`,
  misclassifiedSummary: "Chapter 08: draws the test digits that the trained network (deno " +
    "task train) misclassifies\n(label→predicted) to out/ch08/misclassified.png.",
  misclassifiedLine: (net: string, params: string, acc: string, wrong: number, total: number) =>
    `${net} from ${params}: test accuracy ${acc}%, ${wrong} of ${total} test images misclassified`,
  misclassifiedTitle: (net: string, wrong: number, first: string) =>
    `${net}: ${wrong} misclassified test digits (label→predicted${first})`,
  first: (n: number) => `, first ${n}`,
  wrote: (path: string) => `wrote ${path}`,
  halfSummary: "Chapter 08: compares the test accuracy of the trained network (deno task train) " +
    "with float32 weights\nand with weights rounded to float16 (§8.3.4).",
  parameters: (net: string, params: string, count: string) =>
    `${net} from ${params}: ${count} parameters`,
  halfLine: (type: string, acc: string, size: string) =>
    `  ${type}: test accuracy ${acc}%  (${size} of weights)`,
  largestChange: (change: string) => `  largest change of a weight by the rounding: ${change}`,
}, {
  paramsHelp: "学習済みネットワークのパラメータ（deno task train が書き出したもの）",
  trainFirst: (epochs: number) =>
    `先に学習してください: deno task train（最後のネットワークを ${epochs} エポック。` +
    `--limit 10000 --epochs 1 なら短時間、ただし精度は下がります）`,
  checkPath: "パスを確かめるか、deno task train --out DIR で学習してください",
  noTrained: (path: string, help: string) =>
    `${path} に学習済みのネットワークがありません。${help}`,
  isFolder: (path: string) =>
    `--params ${path} はフォルダです: 学習の出力フォルダの中の params.safetensors を指定してください`,
  misclassifiedSummary: "8章: 学習済みのネットワーク（deno task train）が誤認識したテスト画像を" +
    "\n（正解→予測）out/ch08/misclassified.png に描きます。",
  misclassifiedLine: (net: string, params: string, acc: string, wrong: number, total: number) =>
    `${params} の ${net}: テストデータの認識精度 ${acc}%、テスト画像 ${total} 枚中 ${wrong} 枚を誤認識`,
  misclassifiedTitle: (net: string, wrong: number, first: string) =>
    `${net}: 誤認識したテスト画像 ${wrong} 枚（正解→予測${first}）`,
  first: (n: number) => `、最初の ${n} 枚`,
  wrote: (path: string) => `書き出しました: ${path}`,
  halfSummary: "8章: 学習済みのネットワーク（deno task train）のテストデータの認識精度を、" +
    "\nfloat32 の重みと float16 に丸めた重みで比べます（§8.3.4）。",
  parameters: (net: string, params: string, count: string) =>
    `${params} の ${net}: パラメータ ${count} 個`,
  halfLine: (type: string, acc: string, size: string) =>
    `  ${type}: テストデータの認識精度 ${acc}%（重み ${size}）`,
  largestChange: (change: string) => `  丸めによる重みの変化の最大値: ${change}`,
});
