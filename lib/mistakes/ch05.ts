/**
 * Chapter 05's catalogue of learners' mistakes: small variants of the answer key, each named
 * for the learner (see `lib/testing/mistakes.ts`). The self-check proves that a test of each
 * exercise catches each one and names it.
 *
 * @module
 */

import { Relu } from "../layers/relu.ts";
import * as np from "../np/mod.ts";
import type { Mistake } from "../testing/mistakes.ts";

/** The mistakes, exercise by exercise. */
export const MISTAKES: Mistake[] = [
  {
    exercise: "Relu",
    name: "mask as x < 0 instead of x <= 0 (at exactly 0 the output and gradient are 0)",
    code: class extends Relu {
      override forward(x: np.NDArray): np.NDArray {
        this.mask = np.less(x, 0);
        return np.where(this.mask, 0, x);
      }
    },
  },
  {
    exercise: "Relu",
    name: "backward passes dout everywhere: the mask from forward is not applied",
    code: class extends Relu {
      override backward(dout: np.NDArray): np.NDArray {
        return dout;
      }
    },
  },
];
