/**
 * `deno task ch08:half [--params FILE] [--mine]`: the book's half-precision experiment (§8.3.4,
 * `ch08/half_float_network.py`): round the trained network's weights (and the test images) to
 * 16-bit floats and compare the test accuracy with the 32-bit original. Deep learning needs
 * little numerical precision, so the accuracy barely moves while the weights take half the
 * memory.
 *
 * The rounding goes through JavaScript's `Float16Array` (Deno 2.9 has it); the products are
 * then computed in float32 on the rounded values, since `np` has no float16 arithmetic. The
 * book's NumPy computes in float16 throughout, so its accumulation is coarser than ours.
 *
 * @module
 */

import * as np from "../../np/mod.ts";
import { accuracyOf, predictClasses } from "../../train_command/loop.ts";
import { runTrainedCommand } from "./trained.ts";
import { langFromArgs } from "../messages.ts";
import { CH08 } from "./messages.ts";

/**
 * Rounds every value to the nearest float16 (IEEE 754 binary16), in place: what
 * `x.astype(np.float16)` keeps of each number.
 *
 * @example
 * ```ts
 * import { roundToHalf } from "./half_float.ts";
 * import * as np from "../../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const x = np.array([0.1, 1, 65504, 1e5], { dtype: "float32" });
 * roundToHalf(x);
 * assert.deepEqual([...x.data], [0.0999755859375, 1, 65504, Infinity]);
 * ```
 *
 * @param x The array to round.
 * @returns The largest absolute change.
 */
export function roundToHalf(x: np.NDArray): number {
  const half = Float16Array.from(x.data);
  let change = 0;
  for (let i = 0; i < half.length; i++) {
    change = Math.max(change, Math.abs(half[i] - x.data[i]));
    x.data[i] = half[i];
  }
  return change;
}

if (import.meta.main) {
  langFromArgs(Deno.args);
  await runTrainedCommand(import.meta.url, {
    name: "ch08:half",
    summary: CH08().halfSummary,
  }, ({ model, spec, params, xTest, tTest }) => {
    const count = Object.values(model.params).reduce((n, p) => n + p.size, 0);
    const full = accuracyOf(predictClasses(model, xTest), tTest);
    let change = 0;
    for (const param of Object.values(model.params)) change = Math.max(change, roundToHalf(param));
    const x16 = xTest.clone();
    roundToHalf(x16);
    const half = accuracyOf(predictClasses(model, x16), tTest);
    const kb = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;
    const m = CH08();
    console.log(m.parameters(spec.className, params, count.toLocaleString("en-US")));
    console.log(m.halfLine("float32", (100 * full).toFixed(2), kb(4 * count)));
    console.log(m.halfLine("float16", (100 * half).toFixed(2), kb(2 * count)));
    console.log(m.largestChange(change.toExponential(2)));
  });
}
