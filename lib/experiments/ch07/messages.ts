/**
 * What the chapter 07 commands (`ch07:train`, `ch07:filters`) say and draw, in both languages.
 *
 * @module
 */

import { defineMessages } from "../../command/lang.ts";

/** The chapter 07 commands' messages and chart texts. */
export const CH07 = defineMessages("ch07", {
  filtersSummary: "Chapter 07: draws SimpleConvNet's first-layer filters before and after " +
    "training (§7.6.1) to\nout/ch07/filters_before.png and filters_after.png (after deno task " +
    "ch07:train).",
  noParams: (path: string) =>
    `No trained SimpleConvNet at ${path}. Train it first: deno task ch07:train (the book's 20 ` +
    `epochs), or deno task ch07:train --epochs 1 (a quick one; the filters already change)`,
  filtersBefore: "SimpleConvNet: first-layer filters before training",
  filtersAfter: "SimpleConvNet: first-layer filters after training",
  wrote: (path: string) => `wrote ${path}`,
  usage: `deno task ch07:train [--epochs N] [--limit N] [--seed N] [--resume | --force] [--mine]

Trains the book's SimpleConvNet (conv 30×5×5 - relu - pool - affine 100 - relu - affine 10)
on MNIST with Adam (lr 0.001), batches of 100, 20 epochs, as the book's train_convnet.py.
  --epochs N   epochs in total (20)
  --limit N    use the first N training and test images (a quick run: --limit 5000)
  --seed N     seed of the initial weights and the shuffling (0)
  --resume     continue an interrupted run from out/ch07/checkpoint.safetensors
  --force      replace the run already in out/ch07 (without it, a new run there is refused)
  --mine       train with your chapter 5–7 code instead of the reference
Writes out/ch07/params.safetensors (for deno task ch07:filters), history.csv and charts.
deno task train --help lists the other options (--lr, --optimizer, --batch-size).`,
  fixedOption: (out: string, option: string) =>
    `error: ch07:train always trains SimpleConvNet into ${out}, so ${option} is not ` +
    `an option here: use deno task train --model … --out … for that`,
}, {
  filtersSummary: "7章: SimpleConvNet の1層目のフィルターを学習の前と後で（§7.6.1）\n" +
    "out/ch07/filters_before.png と filters_after.png に描きます（deno task ch07:train の後で）。",
  noParams: (path: string) =>
    `${path} に学習済みの SimpleConvNet がありません。先に学習してください: ` +
    `deno task ch07:train（本書の 20 エポック）、または deno task ch07:train --epochs 1` +
    `（短時間。それでもフィルターは変わります）`,
  filtersBefore: "SimpleConvNet: 学習前の1層目のフィルター",
  filtersAfter: "SimpleConvNet: 学習後の1層目のフィルター",
  wrote: (path: string) => `書き出しました: ${path}`,
  usage: `deno task ch07:train [--epochs N] [--limit N] [--seed N] [--resume | --force] [--mine]

本書の SimpleConvNet（conv 30×5×5 - relu - pool - affine 100 - relu - affine 10）を
MNIST で学習します。本書の train_convnet.py と同じく Adam（学習率 0.001）、バッチサイズ 100、20 エポック。
  --epochs N   エポック数の合計（20）
  --limit N    訓練データとテストデータの最初の N 枚だけを使う（短時間で試すなら --limit 5000）
  --seed N     重みの初期値とシャッフルの seed（0）
  --resume     中断した学習を out/ch07/checkpoint.safetensors から再開
  --force      out/ch07 にある学習結果を置き換える（指定がなければ新しい学習は断ります）
  --mine       解答例ではなく、5〜7章の自分のコードで学習
out/ch07/params.safetensors（deno task ch07:filters 用）、history.csv とグラフを書き出します。
ほかのオプション（--lr、--optimizer、--batch-size）は deno task train --help で確認できます。`,
  fixedOption: (out: string, option: string) =>
    `エラー: ch07:train はいつも SimpleConvNet を ${out} に学習するので、${option} は使えません。` +
    `指定したいときは deno task train --model … --out … を使ってください`,
});
