/**
 * The lab page's text, in both languages. The server hands the current language's texts to
 * the page (`GET /api/state`: `lang` and `text`); the page puts them in the elements marked
 * `data-t="key"` and fills the `{name}` placeholders of the texts it builds itself. Texts may
 * hold HTML markup (`<code>`, `<b>`), as the page's own.
 *
 * @module
 */

import { defineMessages } from "../command/lang.ts";

/** The lab page's texts. */
export const LAB_PAGE = defineMessages("lab", {
  title: "Zerokara lab",
  subtitle: "see inside the network",
  loading: "Loading the network…",
  nav1: "1 Draw a digit",
  nav2: "2 Inside the network",
  nav3: "3 im2col",
  nav4: "4 Optimizer race",
  nav5: "5 The last run",
  drawTitle: "1 Draw a digit",
  padAria: "Draw a digit here",
  clear: "Clear",
  asSeen: "As the network sees it",
  fitted: "fitted into 20×20 by its bounding box,<br>centred by its centre of mass in 28×28",
  probabilities: "Probabilities",
  drawHint: "Draw with a mouse, a pen or a finger; the digit is classified when the stroke ends.",
  insideTitle: "2 Inside the network",
  showing: "Showing",
  yourDrawing: "your drawing",
  pickTest:
    '. Pick a test image instead (the misclassified ones first, <span class="wrong-key">red</span>):',
  classifying: "classifying the test set…",
  classifyingCount: "classifying the test set… {done} of 10000",
  input: "input",
  saliency: "saliency: ∂score/∂pixel",
  byBackward: "by backward(),",
  filters: "first layer's filters (W1)",
  im2colTitle: "3 im2col explorer",
  image: "image",
  filter: "filter",
  stride: "stride",
  pad: "pad",
  paddedInput: "padded input: the patch of the output position",
  outputPositions: "output positions: hover one",
  itsPatch: "its patch",
  itsRow: "its row of col",
  allOfCol: "all of col (rows: positions)",
  countsCaption: "col2im(ones): how many patches cover each pixel",
  im2colExplain: "Each output position takes one patch of the (padded) image and lays it out as " +
    "one row of <code>col</code>; the convolution is then one matrix product, " +
    "<code>col · W</code>. Patches overlap, so one pixel appears in several rows. Going back, " +
    "<code>col2im</code> must <b>add</b> (<code>+=</code>) every row's gradient onto the " +
    "pixels it came from: the numbers on the right are how many contributions each pixel " +
    "receives.",
  raceTitle: "4 Optimizer race on f(x, y) = x²/20 + y²",
  step: "Step",
  play: "Play",
  pause: "Pause",
  reset: "Reset",
  steps: "steps",
  stepWord: "step",
  of: "of",
  optimizer: "optimizer",
  raceNote: "From (−7, 2), the gradient (x/10, 2y) each step, as the book's " +
    "optimizer_compare_naive.py (§6.1.7).",
  runTitle: "5 The last run",
  misclassifiedHeading: "Misclassified test images",
  // Built by the page.
  yours: "your {names}",
  theRest: "the rest",
  fromLib: "{names} from lib ({sources})",
  onTestSet: ", {acc}% on the test set",
  shipped: "Trained by the workbook's shipped weights ({net}, <code>{params}</code>{acc}) — run " +
    "<code>deno task train</code> for your own.",
  givenParams: "given with <code>--params</code>",
  trainedBy: "trained by <code>deno task train</code>",
  trained: "{net} {how} (<code>{params}</code>{acc}).",
  mine: '<b>--mine</b>: <span class="yours">yours</span>: {yours}; from lib (not finished): ' +
    "{rest}",
  none: "none",
  latency: "classified {ms} ms after the stroke ended (network {net} ms)",
  labelIs: " (label {label})",
  testImage: "test image #{index}",
  testShort: "test #{index}",
  values: "{n} values, {w} per row",
  explainConv: "convolution: one map per filter (red +, blue −)",
  explainPool: "2×2 max pooling: half the size (before ReLU here: the same as after)",
  explainRelu: "ReLU: negatives become 0",
  explainAffine: "affine: a weighted sum of everything before",
  explainDropout: "dropout: nothing dropped at test time",
  explainBatchNorm: "batch normalization",
  imShape: "28×28 image → {h}×{w} outputs; col is [{shape}]",
  rowCaption: "row {row} of col (output y {y}, x {x}): {n} values, the patch read row by row",
  countsDetail:
    "col2im(ones): how many rows of col each pixel is in (up to {max}); backward adds that " +
    "many gradients into it",
  noHistory: "no history",
  epoch: "epoch",
  loss: "loss",
  accuracy: "accuracy",
  trainingLoss: "training loss",
  train: "train",
  test: "test",
  shippedRun: "The workbook's shipped network ({params}, made by deno task lab:make-weights): " +
    "no deno task train run yet — run deno task train for your own.",
  runIn: "The run in {params}{history}.",
  historyIn: " (history {path})",
  wrongWaiting: "Misclassified test images (classifying the test set…)",
  wrongTitle: "Misclassified test images: {wrong} of {total} ({acc}% right), label→prediction",
  sourceEngine: "engine",
  sourceAnswerKey: "answer key",
}, {
  title: "Zerokara ラボ",
  subtitle: "ネットワークの中をのぞく",
  loading: "ネットワークを読み込み中…",
  nav1: "1 数字を書く",
  nav2: "2 ネットワークの中",
  nav3: "3 im2col の仕組み",
  nav4: "4 最適化手法の競走",
  nav5: "5 最後の学習",
  drawTitle: "1 数字を書く",
  padAria: "ここに数字を書いてください",
  clear: "消す",
  asSeen: "ネットワークに見えている画像",
  fitted: "外接矩形で 20×20 に収め、<br>28×28 の中で重心を中央に",
  probabilities: "確率",
  drawHint: "マウス、ペン、指で書いてください。線を書き終えると認識します。",
  insideTitle: "2 ネットワークの中",
  showing: "表示中:",
  yourDrawing: "自分で書いた数字",
  pickTest:
    '。代わりにテスト画像も選べます（誤認識したもの<span class="wrong-key">赤</span>が先頭）:',
  classifying: "テストデータを認識中…",
  classifyingCount: "テストデータを認識中… 10000 枚中 {done} 枚",
  input: "入力",
  saliency: "顕著性: ∂スコア/∂画素",
  byBackward: "backward() で計算、",
  filters: "1層目のフィルター（W1）",
  im2colTitle: "3 im2col を見る",
  image: "画像",
  filter: "フィルター",
  stride: "ストライド",
  pad: "パディング",
  paddedInput: "パディングした入力: 出力位置に対応するパッチ",
  outputPositions: "出力位置: マウスを重ねてください",
  itsPatch: "そのパッチ",
  itsRow: "col のその行",
  allOfCol: "col 全体（行: 出力位置）",
  countsCaption: "col2im(ones): 各画素を覆うパッチの数",
  im2colExplain: "出力位置ごとに、（パディングした）画像のパッチを1つ取り、<code>col</code> の" +
    "1行に並べます。畳み込みは1回の行列の積 <code>col · W</code> になります。パッチは重なるので、" +
    "1つの画素がいくつもの行に現れます。逆伝播では <code>col2im</code> が各行の勾配を元の画素に" +
    "<b>足し込む</b>（<code>+=</code>）必要があります: 右の数字は各画素が受け取る勾配の数です。",
  raceTitle: "4 f(x, y) = x²/20 + y² での最適化手法の競走",
  step: "1ステップ",
  play: "再生",
  pause: "一時停止",
  reset: "リセット",
  steps: "ステップ数",
  stepWord: "ステップ",
  of: "/ 全",
  optimizer: "最適化手法",
  raceNote: "(−7, 2) から、各ステップの勾配は (x/10, 2y)。本書の optimizer_compare_naive.py" +
    "（§6.1.7）と同じです。",
  runTitle: "5 最後の学習",
  misclassifiedHeading: "誤認識したテスト画像",
  yours: "自分の {names}",
  theRest: "残り",
  fromLib: "{names} は lib（{sources}）",
  onTestSet: "、テストデータで {acc}%",
  shipped: "ワークブック同梱の重みで学習済み（{net}、<code>{params}</code>{acc}）。" +
    "自分で学習するには <code>deno task train</code> を実行してください。",
  givenParams: "<code>--params</code> で指定",
  trainedBy: "<code>deno task train</code> で学習",
  trained: "ネットワーク {net}、{how}（<code>{params}</code>{acc}）。",
  mine:
    '<b>--mine</b>: <span class="yours">自分のコード</span>: {yours}。lib（未完成のもの）: {rest}',
  none: "なし",
  latency: "線を書き終えてから {ms} ms で認識（ネットワーク {net} ms）",
  labelIs: "（正解 {label}）",
  testImage: "テスト画像 #{index}",
  testShort: "テスト #{index}",
  values: "{n} 個の値、1行に {w} 個",
  explainConv: "畳み込み: フィルターごとに1枚の特徴マップ（赤 +、青 −）",
  explainPool: "2×2 の Max プーリング: 大きさは半分（ここでは ReLU の前。後でも同じ結果）",
  explainRelu: "ReLU: 負の値は 0 に",
  explainAffine: "Affine: それまでのすべての値の重み付き和",
  explainDropout: "Dropout: テスト時には何も消さない",
  explainBatchNorm: "Batch Normalization（バッチ正規化）",
  imShape: "28×28 の画像 → 出力 {h}×{w}。col の形状は [{shape}]",
  rowCaption: "col の {row} 行目（出力 y {y}、x {x}）: {n} 個の値、パッチを行ごとに読んだもの",
  countsDetail: "col2im(ones): 各画素が col の何行に現れるか（最大 {max}）。" +
    "逆伝播ではその数だけ勾配が足し込まれます",
  noHistory: "履歴なし",
  epoch: "エポック",
  loss: "損失",
  accuracy: "認識精度",
  trainingLoss: "訓練データの損失",
  train: "訓練データ",
  test: "テストデータ",
  shippedRun: "ワークブック同梱のネットワーク（{params}、deno task lab:make-weights で作成）: " +
    "deno task train の学習はまだありません。自分で学習するには deno task train を実行してください。",
  runIn: "{params} の学習{history}。",
  historyIn: "（履歴 {path}）",
  wrongWaiting: "誤認識したテスト画像（テストデータを認識中…）",
  wrongTitle: "誤認識したテスト画像: {total} 枚中 {wrong} 枚（正解率 {acc}%）、正解→予測",
  sourceEngine: "エンジン",
  sourceAnswerKey: "解答例",
});

/** What `deno task lab` says in the terminal. */
export const LAB_COMMAND = defineMessages("lab_command", {
  summary: "See inside the network in your browser: draw a digit, every layer's maps, filters " +
    "and saliency, the im2col explorer, the optimizer race and the last training run.",
  portHelp: (port: number) =>
    `the port on 127.0.0.1 (${port}, or a free one if taken; 0: any free one)`,
  paramsHelp: "the network to show (default: the latest deno task train run, else the small " +
    "network the workbook ships in data/lab/)",
  notes: "Your chapters 03 and 05-08 under --mine; the page says which parts are yours. " +
    "Stop it with Ctrl-C.",
  error: (message: string) => `error: ${message}`,
  shipped: (net: string, params: string) =>
    `Network: the workbook's shipped ${net} (${params}); run deno task train for your own`,
  fromParams: "from --params",
  trainedBy: "trained by deno task train",
  trained: (net: string, how: string, params: string) => `Network: ${net} ${how} (${params})`,
  mine: "--mine: the page says which parts run your code",
  at: (url: string) => `The lab is at ${url}  (Ctrl-C stops it)`,
  classified: "Classified the 10,000 test images (the strip and the last-run panel)",
  notClassified: (message: string) => `note: could not classify the test images: ${message}`,
  shippedMissing: (path: string) =>
    `The workbook's shipped network ${path} is missing: restore it (git checkout data/lab) or ` +
    `make it with deno task lab:make-weights`,
  noParams: (path: string) =>
    `No parameters file at ${path}: check the path, or train one with deno task train`,
}, {
  summary: "ブラウザでネットワークの中をのぞきます: 数字を書く、各層の特徴マップ、フィルターと" +
    "顕著性、im2col、最適化手法の競走、最後の学習。",
  portHelp: (port: number) =>
    `127.0.0.1 のポート（${port}。使用中なら空いているもの。0 なら任意の空きポート）`,
  paramsHelp: "表示するネットワーク（既定: 最新の deno task train の学習、なければ data/lab/ に" +
    "同梱の小さなネットワーク）",
  notes: "--mine では 3章と 5〜8章の自分のコードを使います。どの部分が自分のコードかはページに" +
    "表示されます。Ctrl-C で止まります。",
  error: (message: string) => `エラー: ${message}`,
  shipped: (net: string, params: string) =>
    `ネットワーク: ワークブック同梱の ${net}（${params}）。自分で学習するには deno task train`,
  fromParams: "--params で指定",
  trainedBy: "deno task train で学習",
  trained: (net: string, how: string, params: string) =>
    `ネットワーク: ${net}、${how}（${params}）`,
  mine: "--mine: どの部分が自分のコードで動いているかはページに表示されます",
  at: (url: string) => `ラボは ${url} です（Ctrl-C で止まります）`,
  classified: "テスト画像 10,000 枚を認識しました（画像の一覧と最後の学習のパネル）",
  notClassified: (message: string) => `注意: テスト画像を認識できませんでした: ${message}`,
  shippedMissing: (path: string) =>
    `ワークブック同梱のネットワーク ${path} がありません: 元に戻す（git checkout data/lab）か、` +
    `deno task lab:make-weights で作ってください`,
  noParams: (path: string) =>
    `${path} にパラメータのファイルがありません: パスを確かめるか、deno task train で学習してください`,
});

/** What `deno task lab:make-weights` says. */
export const LAB_MAKE_WEIGHTS = defineMessages("lab_make_weights", {
  summary: "Train the small network the lab ships, for learners who have not run deno task " +
    "train yet.",
  outHelp: (params: string, history: string) =>
    `where to write ${params} and ${history} (data/lab)`,
  epochsHelp: "epochs",
  seedHelp: "seed",
  limitHelp: "train on the first N training images (a quick check)",
  forceHelp: "replace files that are already there (the shipped ones, say)",
  notes: "FinalConvNet from the engine, the train command's defaults (Adam, lr 0.001 ×0.7 per " +
    "epoch, batches of 50, shifts of up to 2 px): about 2 minutes of CPU time, 99.00% test " +
    "accuracy.",
  exists: (files: string) =>
    `error: ${files} already exist (the workbook ships them): write elsewhere with --out DIR, ` +
    `or replace them with --force`,
  and: " and ",
  header: (net: string, recipe: string, epochs: number, images: number) =>
    `${net}, ${recipe}, ${epochs} epochs on ${images} images`,
  recipe: (
    optimizer: string,
    lr: number,
    decay: number,
    batch: number,
    shifts: number,
    seed: number,
  ) =>
    `${optimizer} lr ${lr} (×${decay} per epoch), batch ${batch}, shifts of up to ${shifts} px, ` +
    `seed ${seed}`,
  batchLine: (epoch: number, batch: string, loss: string) =>
    `  epoch ${epoch}: batch ${batch}, loss ${loss}`,
  diverged: (loss: number) => `error: the loss became ${loss}; nothing written`,
  epochLine: (epoch: string, loss: string, train: string, test: string, seconds: string) =>
    `epoch ${epoch}: loss ${loss}, train acc ${train}%, test acc ${test}% (${seconds} s)`,
  wrote: (path: string) => `wrote ${path}`,
}, {
  summary: "ラボに同梱する小さなネットワークを学習します（まだ deno task train を実行していない" +
    "人のため）。",
  outHelp: (params: string, history: string) => `${params} と ${history} の書き出し先（data/lab）`,
  epochsHelp: "エポック数",
  seedHelp: "seed の値",
  limitHelp: "訓練データの最初の N 枚だけで学習（短時間の確認）",
  forceHelp: "すでにあるファイル（同梱のものなど）を置き換える",
  notes: "エンジンの FinalConvNet を、train コマンドの既定値（Adam、学習率 0.001、エポックごとに" +
    " ×0.7、バッチサイズ 50、最大 2 px ずらす）で学習: CPU 時間で約2分、テストデータの認識精度 99.00%。",
  exists: (files: string) =>
    `エラー: ${files} はすでにあります（ワークブックに同梱）: --out DIR で別の場所に書くか、` +
    `--force で置き換えてください`,
  and: " と ",
  header: (net: string, recipe: string, epochs: number, images: number) =>
    `${net}、${recipe}、${images} 枚で ${epochs} エポック`,
  recipe: (
    optimizer: string,
    lr: number,
    decay: number,
    batch: number,
    shifts: number,
    seed: number,
  ) =>
    `${optimizer} 学習率 ${lr}（エポックごとに ×${decay}）、バッチサイズ ${batch}、` +
    `最大 ${shifts} px ずらす、seed ${seed}`,
  batchLine: (epoch: number, batch: string, loss: string) =>
    `  エポック ${epoch}: バッチ ${batch}、損失 ${loss}`,
  diverged: (loss: number) => `エラー: 損失が ${loss} になりました。何も書き出していません`,
  epochLine: (epoch: string, loss: string, train: string, test: string, seconds: string) =>
    `エポック ${epoch}: 損失 ${loss}、訓練 ${train}%、テスト ${test}%（${seconds} 秒）`,
  wrote: (path: string) => `書き出しました: ${path}`,
});
