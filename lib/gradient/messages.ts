/**
 * What numerical differentiation and gradient descent say when called wrongly, in both
 * languages. The English texts are compared by tests: change them only with those.
 *
 * @module
 */

import { defineMessages } from "../command/lang.ts";

/** The numerical gradient's errors. */
export const GRADIENT_MESSAGES = defineMessages("gradient", {
  learningRate: (lr: number) => `gradientDescent needs a finite learning rate, got ${lr}`,
  steps: (n: number) => `gradientDescent needs a whole number of steps >= 0, got ${n}`,
  step: (h: number) => `The difference step h must be a positive number, got ${h}`,
}, {
  learningRate: (lr: number) =>
    `gradientDescent の学習率は有限の数でなければなりません（渡された値: ${lr}）`,
  steps: (n: number) =>
    `gradientDescent のステップ数は0以上の整数でなければなりません（渡された値: ${n}）`,
  step: (h: number) => `数値微分の微小な差 h は正の数でなければなりません（渡された値: ${h}）`,
});
