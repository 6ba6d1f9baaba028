import assert from "node:assert/strict";
import { englishRuns } from "../command/bilingual.ts";
import { setLang } from "../command/lang.ts";
import * as np from "../np/mod.ts";
import { assertAllClose } from "./all_close.ts";
import { assertGradientMatches, assertNetGradients } from "./gradient_check.ts";
import { heatmapFiles } from "./gradient_report.ts";

/** The message of what `run` throws. */
function failure(run: () => void): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("it did not fail");
}

/** Failures of every kind lib/testing reports: values, shapes, NaN, gradients' patterns. */
const FAILURES: [string, () => void][] = [
  ["values", () => assertAllClose([1, 2, 3], [1, 2, 4], { msg: "x" })],
  ["shapes", () => assertAllClose([1, 2], [[1, 2]])],
  ["NaN and a difference", () => assertAllClose([NaN, 1, 2], [0, 1, 3])],
  [
    "rows",
    () =>
      assertGradientMatches(np.array([[1, 2, 3], [0, 0, 0]]), np.array([[1, 2, 3], [4, 5, 6]]), {
        name: "db",
      }),
  ],
  [
    "columns",
    () =>
      assertGradientMatches(np.array([[1, 0], [3, 0], [5, 0]]), np.array([[1, 2], [3, 4], [5, 6]])),
  ],
  [
    "transpose",
    () =>
      assertGradientMatches(np.array([[1, 3], [2, 4]]), np.array([[1, 2], [3, 4]]), {
        name: "dW",
      }),
  ],
  [
    "reversed shape",
    () => assertGradientMatches(np.zeros([3, 2]), np.ones([2, 3]), { name: "dW" }),
  ],
  ["not finite", () => assertGradientMatches(np.array([[NaN, 1], [2, 3]]), np.ones([2, 2]))],
  ["border", () => {
    const numeric = np.ones([1, 1, 4, 4]), analytic = numeric.clone();
    analytic.data[0] = 5;
    assertGradientMatches(analytic, numeric, { name: "dx" });
  }],
  ["many rows", () => {
    const numeric = np.ones([9, 2]), analytic = numeric.clone();
    for (let i = 0; i < 16; i += 2) analytic.data[i] = analytic.data[i + 1] = 3;
    assertGradientMatches(analytic, numeric);
  }],
  ["net keys", () => assertNetGradients({}, { W: np.ones([2]) }, () => 0)],
  [
    "net gradient missing",
    () => assertNetGradients({ W: undefined }, { W: np.ones([2]) }, () => 0),
  ],
  ["net shape", () => assertNetGradients({ W: np.ones([3]) }, { W: np.ones([2]) }, () => 0)],
  ["net values", () => {
    const params = { W: np.array([1, 2]) };
    assertNetGradients({ W: np.array([0, 0]) }, params, () => np.sum(np.square(params.W)));
  }],
];

Deno.test("lib/testing's failures speak Japanese without English sentences, numbers kept", () => {
  heatmapFiles.enabled = false;
  try {
    for (const [what, run] of FAILURES) {
      setLang("en");
      const english = failure(run);
      setLang("ja");
      const japanese = failure(run);
      assert.ok(/[\u3040-\u30ff\u4e00-\u9fff]/.test(japanese), `${what}: ${japanese}`);
      assert.deepEqual(englishRuns(japanese), [], `${what}: English in ${japanese}`);
      const numbers = (text: string) => (text.match(/\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? []).sort();
      assert.deepEqual(numbers(japanese), numbers(english), `${what}: the same numbers`);
    }
  } finally {
    setLang(undefined);
    heatmapFiles.enabled = true;
  }
});

Deno.test("lib/testing's failures in English keep NumPy's wording", () => {
  setLang("en");
  try {
    const message = failure(() => assertAllClose([1, 2], [1, 3], { msg: "y" }));
    assert.match(message, /^Not equal to tolerance rtol=1e-7, atol=0\ny\nMismatched elements: 1/);
    assert.match(message, /First mismatches:\n {2}at \[1\]: actual 2, desired 3$/);
  } finally {
    setLang(undefined);
  }
});
