/**
 * What the activation and loss functions say when called wrongly, in both languages. The
 * English texts are compared by tests: change them only with those.
 *
 * @module
 */

import { defineMessages } from "../command/lang.ts";

/** The functions' errors. */
export const FUNCTION_MESSAGES = defineMessages("functions", {
  labels: (t: readonly number[], y: readonly number[], batchSize: number) =>
    `crossEntropyError: labels of shape [${t}] fit neither one-hot [${y}] ` +
    `nor one index per sample [${batchSize}]`,
}, {
  labels: (t: readonly number[], y: readonly number[], batchSize: number) =>
    `crossEntropyError: 形状 [${t}] の正解ラベルは、one-hot 表現 [${y}] にも、` +
    `サンプルごとに1つのインデックス [${batchSize}] にも合いません`,
});
