/**
 * The types of the numerical gradient's options and results (chapter 4), apart from the
 * functions: the stub `chapters/04/gradient.ts` imports them from here, so that going to a
 * type's definition never opens an answer. Types only; `./numerical.ts` re-exports them.
 *
 * @module
 */

import type * as np from "../np/mod.ts";

/** Options of the numerical derivatives. */
export interface NumericalOptions {
  /** The step h of the central difference (1e-4 by default, the book's choice in §4.3.1). */
  h?: number;
}

/** Options of `gradientDescent`. */
export interface GradientDescentOptions {
  /** The learning rate η (0.01 by default, as the book's `gradient_descent`). */
  lr?: number;
  /** The number of steps (100 by default). */
  stepNum?: number;
}

/** What `gradientDescent` returns. */
export interface GradientDescentResult {
  /** The point after the last step. */
  x: np.NDArray;
  /** The point before each step (`stepNum` arrays), for drawing the path (§4.4.1, Figure 4-10). */
  history: np.NDArray[];
}
