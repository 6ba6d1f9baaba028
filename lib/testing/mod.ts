/**
 * Test helpers: `assertAllClose` (NumPy's `assert_allclose`), numerical gradient checks,
 * `assertProperty` (fast-check's `fc.assert`, failing with the assertion itself) and `say`
 * (a label in the learner's language).
 *
 * @module
 */

export { type AllCloseOptions, assertAllClose } from "./all_close.ts";
export {
  assertGradientMatches,
  assertGradientsClose,
  assertNetGradients,
  type GradientCheckOptions,
  numericalGradientOf,
} from "./gradient_check.ts";
export { assertProperty } from "./property.ts";
export { say } from "./say.ts";
