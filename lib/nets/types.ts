/**
 * The types of the networks' options and parameters (chapters 3–8), apart from the networks
 * themselves: the stubs in `chapters/` import them from here, so that going to a type's
 * definition never opens an answer. Types only; the networks in `lib/nets/` re-export them.
 *
 * @module
 */

import type * as np from "../np/mod.ts";

/**
 * The scale of initial weights: a standard deviation, or `"relu"`/`"he"` for He's √(2/n) and
 * `"sigmoid"`/`"xavier"` for Xavier's √(1/n), n the inputs of a neuron (§6.2.2). The same type
 * as `WeightInitStd` of chapter 6's `weight_init.ts`.
 */
export type WeightInitStd = "relu" | "he" | "sigmoid" | "xavier" | number;

/** The sizes and initialisation of a `TwoLayerNet`. */
export interface TwoLayerNetOptions {
  /** Inputs per sample (784 for MNIST). */
  inputSize: number;
  /** Neurons of the hidden layer (50 in the book). */
  hiddenSize: number;
  /** Classes (10 for MNIST). */
  outputSize: number;
  /** The standard deviation of the initial weights (0.01, as the book). */
  weightInitStd?: number;
  /** The seed of the initial weights (0). */
  seed?: number;
  /** The dtype of the parameters: float64 (default) or float32 for fast training. */
  dtype?: np.DType;
}

/** The sizes, activation, initialisation and weight decay of a `MultiLayerNet`. */
export interface MultiLayerNetOptions {
  /** Inputs per sample (784 for MNIST). */
  inputSize: number;
  /** The number of neurons of each hidden layer, e.g. `[100, 100, 100]`. */
  hiddenSizeList: number[];
  /** Classes (10 for MNIST). */
  outputSize: number;
  /** The activation of the hidden layers: `"relu"` (default) or `"sigmoid"`. */
  activation?: "relu" | "sigmoid";
  /** The scale of the initial weights: a number, `"relu"`/`"he"` (default) or `"sigmoid"`/`"xavier"`. */
  weightInitStd?: WeightInitStd;
  /** λ of the L2 weight decay (0: none) (§6.4.2). */
  weightDecayLambda?: number;
  /** The seed of the initial weights (0). */
  seed?: number;
  /** The dtype of the parameters: float64 (default) or float32. */
  dtype?: np.DType;
}

/** A `MultiLayerNetOptions` with Dropout and Batch Normalization (§6.3, §6.4.3). */
export interface MultiLayerNetExtendOptions extends MultiLayerNetOptions {
  /** Put a Dropout layer after each hidden activation (false). */
  useDropout?: boolean;
  /** The Dropout ratio (0.5, as the book's `dropout_ration`). */
  dropoutRatio?: number;
  /** Put a BatchNormalization layer between each hidden Affine and its activation (false). */
  useBatchnorm?: boolean;
}

/** Options of `predict` and `loss`. */
export interface NetForwardOptions {
  /** Training mode (false by default): only Dropout and BatchNormalization care (§6.3–6.4). */
  train?: boolean;
}

/** Options of `accuracy`. */
export interface NetAccuracyOptions {
  /** Samples per forward pass (all at once by default), to bound memory. */
  batchSize?: number;
}

/** Options of `predict` and `loss`. */
export interface PredictOptions {
  /** Training mode (false): Dropout drops units only in training (§6.4.3). */
  train?: boolean;
}

/** Options of `accuracy`. */
export interface AccuracyOptions {
  /** Images per forward pass (100, as the book), to bound memory. */
  batchSize?: number;
}

/** One convolution's hyperparameters, the book's `conv_param` dictionary. */
export interface ConvParam {
  /** The number of filters (30). */
  filterNum: number;
  /** Filter height and width (5). */
  filterSize: number;
  /** Zero padding (0). */
  pad: number;
  /** Stride (1). */
  stride: number;
}

/** The sizes and initialisation of a `SimpleConvNet`; the book's defaults. */
export interface SimpleConvNetOptions {
  /** The shape of one input image `[C, H, W]` (`[1, 28, 28]`). */
  inputDim?: readonly [number, number, number];
  /** The convolution (`{ filterNum: 30, filterSize: 5, pad: 0, stride: 1 }`); missing keys default. */
  convParam?: Partial<ConvParam>;
  /** Neurons of the hidden Affine layer (100). */
  hiddenSize?: number;
  /** Classes (10). */
  outputSize?: number;
  /** The standard deviation of the initial weights (0.01). */
  weightInitStd?: number;
  /** The seed of the initial weights (0). */
  seed?: number;
  /** The dtype of the parameters: float64 (default) or float32 for fast training. */
  dtype?: np.DType;
}

/** The sizes and initialisation of a `DeepConvNet`; the book's defaults. */
export interface DeepConvNetOptions {
  /** The shape of one input image `[C, H, W]` (`[1, 28, 28]`). */
  inputDim?: readonly [number, number, number];
  /**
   * The six convolutions (the book's `conv_param_1` … `conv_param_6`): 3×3 filters, 16, 16,
   * 32, 32, 64, 64 of them, stride 1, pads 1, 1, 1, 2, 1, 1.
   */
  convParams?: readonly ConvParam[];
  /** Neurons of the hidden Affine layer (50). */
  hiddenSize?: number;
  /** Classes (10). */
  outputSize?: number;
  /** The seed of the initial weights and of the dropout masks (0). */
  seed?: number;
  /** The dtype of the parameters: float64 (default) or float32 for fast training. */
  dtype?: np.DType;
}

/** The sizes and initialisation of a `FinalConvNet`. */
export interface FinalConvNetOptions {
  /** The shape of one input image `[C, H, W]` (`[1, 28, 28]`). */
  inputDim?: readonly [number, number, number];
  /** Filters of the two convolutions (`[16, 32]`). */
  filterNums?: readonly [number, number];
  /** Neurons of the hidden Affine layer (100). */
  hiddenSize?: number;
  /** Classes (10). */
  outputSize?: number;
  /**
   * The ratio of a Dropout layer after the hidden layer (0: none). Measured on MNIST, dropout
   * 0.5 slowed learning within the few epochs of `deno task train` more than it helped.
   */
  dropoutRatio?: number;
  /** The seed of the initial weights (and of the dropout masks) (0). */
  seed?: number;
  /** The dtype of the parameters: float64 (default) or float32 for fast training. */
  dtype?: np.DType;
}

/**
 * A three-layer network's parameters, the book's `network` dictionary (§3.4.3):
 * `W1 [inputs, h1]`, `b1 [h1]`, `W2 [h1, h2]`, `b2 [h2]`, `W3 [h2, outputs]`, `b3 [outputs]`.
 */
export interface Network {
  /** The first layer's weights. */
  W1: np.NDArray;
  /** The first layer's bias. */
  b1: np.NDArray;
  /** The second layer's weights. */
  W2: np.NDArray;
  /** The second layer's bias. */
  b2: np.NDArray;
  /** The third layer's weights. */
  W3: np.NDArray;
  /** The third layer's bias. */
  b3: np.NDArray;
}
