/**
 * The numeric option of the chapter 6 commands (`--iterations N`, `--trials N`, `--scales N`).
 *
 * @module
 */

/**
 * Reads a whole-number option such as `--iterations N` from the command line.
 *
 * @example
 * ```ts
 * import { wholeNumberArg } from "./whole_number_arg.ts";
 * import assert from "node:assert/strict";
 *
 * const options = { fallback: 2000, min: 11 };
 * assert.equal(wholeNumberArg(["--iterations", "500"], "--iterations", options), 500);
 * assert.equal(wholeNumberArg(["--mine"], "--iterations", options), 2000);
 * assert.throws(() => wholeNumberArg(["--iterations", "5"], "--iterations", options), RangeError);
 * ```
 *
 * @param args The arguments.
 * @param name The option, with its dashes.
 * @param options `fallback` when the option is absent, and the smallest value allowed (`min`).
 * @returns The number.
 */
export function wholeNumberArg(
  args: readonly string[],
  name: string,
  options: { fallback: number; min: number },
): number {
  const i = args.indexOf(name);
  if (i === -1) return options.fallback;
  const n = Number(args[i + 1]);
  if (!Number.isInteger(n) || n < options.min) {
    throw new RangeError(
      `${name} needs a whole number of at least ${options.min}, got ${args[i + 1]}`,
    );
  }
  return n;
}

/**
 * {@linkcode wholeNumberArg} for a command's `main`: a bad value prints the message as one line
 * and exits with code 2, instead of an uncaught error with its stack.
 *
 * @param args The arguments.
 * @param name The option, with its dashes.
 * @param options `fallback` when the option is absent, and the smallest value allowed (`min`).
 * @returns The number.
 */
export function wholeNumberArgOrExit(
  args: readonly string[],
  name: string,
  options: { fallback: number; min: number },
): number {
  try {
    return wholeNumberArg(args, name, options);
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    Deno.exit(2);
  }
}
