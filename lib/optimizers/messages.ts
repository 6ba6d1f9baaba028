/**
 * What the optimizers say when the gradients do not match the parameters, in both languages.
 * The English texts are compared by tests: change them only with those.
 *
 * @module
 */

import { defineMessages } from "../command/lang.ts";

/** The optimizers' errors. */
export const OPTIMIZER_MESSAGES = defineMessages("optimizers", {
  noGradient: (name: string, key: string, keys: string) =>
    `${name}.update: no gradient for parameter "${key}"; grads has ` +
    `[${keys}]: pass the gradients of every parameter`,
  gradientShape: (name: string, key: string, grad: string, param: string) =>
    `${name}.update: the gradient of "${key}" has shape ${grad} but the ` +
    `parameter has shape ${param}`,
}, {
  noGradient: (name: string, key: string, keys: string) =>
    `${name}.update: パラメータ "${key}" の勾配がありません（grads にあるのは ` +
    `[${keys}]）: すべてのパラメータの勾配を渡してください`,
  gradientShape: (name: string, key: string, grad: string, param: string) =>
    `${name}.update: "${key}" の勾配の形状は ${grad} ですが、パラメータの形状は ${param} です`,
});
