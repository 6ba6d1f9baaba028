/**
 * Checks that chapter 8's two networks share: the layer list in order, and Dropout acting only
 * in training.
 *
 * @module
 */

import assert from "node:assert/strict";
import * as np from "../../../lib/np/mod.ts";
import { say } from "../../../lib/testing/mod.ts";

/**
 * Asserts that `net.layers` are instances of `kinds`, in that order and no more, naming the
 * first layer that differs and listing them all.
 */
export function assertLayerKinds(
  net: { layers: object[] },
  // deno-lint-ignore no-explicit-any
  kinds: (abstract new (...args: any[]) => object)[],
): void {
  const names = net.layers.map((l) => l.constructor.name).join(" ");
  assert.equal(
    net.layers.length,
    kinds.length,
    say(
      `layers: ${names} (${net.layers.length} of ${kinds.length})`,
      `layers: ${
        names.replaceAll(" ", " → ")
      } (${kinds.length} 層のはずが ${net.layers.length} 層)`,
    ),
  );
  net.layers.forEach((layer, i) =>
    assert.ok(
      layer instanceof kinds[i],
      say(
        `layer ${i}: a ${layer.constructor.name}, expected a ${kinds[i].name} (layers: ${names})`,
        `レイヤ ${i} が ${layer.constructor.name} です。${kinds[i].name} になるはずです (layers: ${
          names.replaceAll(" ", " → ")
        })`,
      ),
    )
  );
}

/** Asserts that `net.predict(x, { train: true })` differs from `notTraining`, its scores without. */
export function assertDropsInTraining(
  net: { predict(x: np.NDArray, options?: { train?: boolean }): np.NDArray },
  x: np.NDArray,
  notTraining: np.NDArray,
): void {
  const train = net.predict(x, { train: true });
  assert.ok(
    np.sum(np.abs(np.sub(train, notTraining))) > 0,
    say(
      `scores with { train: true }: ${train}, the same as without (Dropout should drop units)`,
      `{ train: true } での scores が ${train} で、指定なしと同じです (Dropout でニューロンを消去するはず)`,
    ),
  );
}
