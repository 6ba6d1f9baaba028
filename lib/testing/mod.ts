/**
 * Test helpers: `assertAllClose` (NumPy's `assert_allclose`) and numerical gradient checks.
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
export { say } from "./say.ts";
