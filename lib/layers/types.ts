/**
 * The types of the layers' options (chapter 7), apart from the layers themselves: the stubs in
 * `chapters/` import them from here, so that going to a type's definition never opens an
 * answer. Types only; the layers in `lib/layers/` re-export them. (`Layer` and
 * `ForwardOptions` are in `./layer.ts`, also types only.)
 *
 * @module
 */

/** Options of `Convolution`, the book's `Convolution(W, b, stride=1, pad=0)`. */
export interface ConvolutionOptions {
  /** The step between two filter positions (1 by default). */
  stride?: number;
  /** Zeros added on every side of the input (0 by default). */
  pad?: number;
}

/** Options of `Pooling`, the book's `Pooling(pool_h, pool_w, stride=1, pad=0)`. */
export interface PoolingOptions {
  /** The step between two windows (1 by default, as in the book; networks pass 2). */
  stride?: number;
  /** Zeros added on every side of the input (0 by default). */
  pad?: number;
}

/** The filter window of `im2col`, as the book's `im2col(input_data, filter_h, …)`. */
export interface Im2colOptions {
  /** Filter height. */
  filterH: number;
  /** Filter width. */
  filterW: number;
  /** The step between two filter positions (1 by default). */
  stride?: number;
  /** Zeros added on every side of the image (0 by default). */
  pad?: number;
}

/** The options of `col2im`: the window, and the shape of the images to rebuild. */
export interface Col2imOptions extends Im2colOptions {
  /** The shape `[n, c, h, w]` of the images that went into `im2col`. */
  inputShape: readonly number[];
}
