/**
 * What the layers say when they are used wrongly (backward before forward, parameters or
 * inputs of the wrong shape), in both languages. The English texts are compared by tests and
 * by the mistake namer: change them only with those.
 *
 * @module
 */

import { defineMessages } from "../command/lang.ts";

/** The layers' errors. */
export const LAYER_MESSAGES = defineMessages("layers", {
  backwardBeforeForward: (layer: string) => `${layer}.backward called before forward`,
  backwardBeforeTraining: (layer: string) =>
    `${layer}.backward called before a training forward pass`,
  affineParams: (W: readonly number[], b: readonly number[]) =>
    `Affine needs W of shape [inputs, outputs] and b of shape [outputs], got [${W}] and [${b}]`,
  batchNormParams: (gamma: string, beta: string) =>
    `BatchNormalization needs gamma and beta of one shape [features], got ${gamma} and ${beta}`,
  batchNormFeatures: (features: number, shape: string, d: number) =>
    `BatchNormalization has ${features} features but the input of shape ${shape} has ${d}: ` +
    `give gamma and beta one entry per feature`,
  convolutionParams: (W: string, b: string) =>
    `Convolution needs W of shape [FN, C, FH, FW] and b of shape [FN], got [${W}] and [${b}]`,
  convolutionInput: (C: number, W: string, x: string) =>
    `Convolution.forward needs x of shape [N, ${C}, H, W] for filters of shape [${W}], got [${x}]`,
  filterTooBig: (name: string, fh: number, fw: number, h: number, w: number, pad: number) =>
    `${name}: a ${fh}×${fw} filter does not fit a ${h}×${w} image with pad ${pad}: ` +
    `use a smaller filter or more padding`,
  dropoutRatio: (ratio: number) => `Dropout needs a ratio in [0, 1), got ${ratio}`,
  im2colShape: (name: string, shape: string) =>
    `${name} needs images of shape [n, c, h, w], got shape [${shape}]: ` +
    `reshape a flat batch with x.reshape(n, 1, 28, 28)`,
  im2colSize: (name: string, key: string, min: number, value: number) =>
    `${name}: ${key} must be an integer >= ${min}, got ${value}`,
  col2imShape: (col: string, input: string, fh: number, fw: number, rows: number, cols: number) =>
    `col2im: col has shape [${col}] but input shape [${input}] with a ${fh}×${fw} filter needs ` +
    `[${rows}, ${cols}]: pass the shape of the images that went into im2col`,
  poolingInput: (x: string) => `Pooling.forward needs x of shape [N, C, H, W], got [${x}]`,
  windowTooBig: (ph: number, pw: number, h: number, w: number, pad: number) =>
    `Pooling: a ${ph}×${pw} window does not fit a ${h}×${w} image with ` +
    `pad ${pad}: use a smaller window or more padding`,
  poolingDout: (size: number, input: string, dout: string) =>
    `Pooling.backward needs dout of the forward output's shape (${size} ` +
    `values for an input of [${input}]), got [${dout}]`,
  reluDout: (shape: string, dout: string) =>
    `Relu.backward needs dout of the forward output's shape [${shape}], got [${dout}]`,
}, {
  backwardBeforeForward: (layer: string) =>
    `${layer}.backward が forward より先に呼ばれました（逆伝播の前に順伝播が必要です）`,
  backwardBeforeTraining: (layer: string) =>
    `${layer}.backward が、訓練時の forward より先に呼ばれました`,
  affineParams: (W: readonly number[], b: readonly number[]) =>
    `Affine には形状 [inputs, outputs] の W と形状 [outputs] の b が必要ですが、` +
    `渡されたのは [${W}] と [${b}] です`,
  batchNormParams: (gamma: string, beta: string) =>
    `BatchNormalization の gamma と beta は同じ形状 [features] でなければなりませんが、` +
    `${gamma} と ${beta} です`,
  batchNormFeatures: (features: number, shape: string, d: number) =>
    `BatchNormalization の特徴量は ${features} 個ですが、形状 ${shape} の入力では ${d} 個です: ` +
    `gamma と beta には特徴量ごとに1つずつ値を持たせてください`,
  convolutionParams: (W: string, b: string) =>
    `Convolution には形状 [FN, C, FH, FW] の W と形状 [FN] の b が必要ですが、` +
    `渡されたのは [${W}] と [${b}] です`,
  convolutionInput: (C: number, W: string, x: string) =>
    `Convolution.forward には、形状 [${W}] のフィルターに合う形状 [N, ${C}, H, W] の x が` +
    `必要ですが、x の形状は [${x}] です`,
  filterTooBig: (name: string, fh: number, fw: number, h: number, w: number, pad: number) =>
    `${name}: ${fh}×${fw} のフィルターは、パディング ${pad} の ${h}×${w} の画像に収まりません: ` +
    `フィルターを小さくするか、パディングを増やしてください`,
  dropoutRatio: (ratio: number) =>
    `Dropout の比率は [0, 1) の範囲でなければなりません（渡された値: ${ratio}）`,
  im2colShape: (name: string, shape: string) =>
    `${name} には形状 [n, c, h, w] の画像が必要ですが、形状は [${shape}] です: ` +
    `平らなバッチは x.reshape(n, 1, 28, 28) で形を変えてください`,
  im2colSize: (name: string, key: string, min: number, value: number) =>
    `${name}: ${key} は ${min} 以上の整数でなければなりません（渡された値: ${value}）`,
  col2imShape: (col: string, input: string, fh: number, fw: number, rows: number, cols: number) =>
    `col2im: col の形状は [${col}] ですが、入力の形状 [${input}] と ${fh}×${fw} のフィルターでは ` +
    `[${rows}, ${cols}] のはずです: im2col に渡した画像の形状を渡してください`,
  poolingInput: (x: string) =>
    `Pooling.forward には形状 [N, C, H, W] の x が必要ですが、x の形状は [${x}] です`,
  windowTooBig: (ph: number, pw: number, h: number, w: number, pad: number) =>
    `Pooling: ${ph}×${pw} のウィンドウは、パディング ${pad} の ${h}×${w} の画像に収まりません: ` +
    `ウィンドウを小さくするか、パディングを増やしてください`,
  poolingDout: (size: number, input: string, dout: string) =>
    `Pooling.backward の dout は順伝播の出力と同じ形状（入力 [${input}] に対して値 ` +
    `${size} 個）でなければなりませんが、dout の形状は [${dout}] です`,
  reluDout: (shape: string, dout: string) =>
    `Relu.backward の dout は順伝播の出力と同じ形状 [${shape}] でなければなりませんが、` +
    `dout の形状は [${dout}] です`,
});
