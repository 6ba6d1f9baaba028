/**
 * Chapter 01, exercise 1: NumPy's broadcasting rule (the book's §1.5.5).
 *
 * Your `broadcastShapes` is the one the whole `np` core uses when you run a command with
 * `--mine`: every `np.add`, `np.mul`, … asks it what shape the result has.
 *
 * @module
 */

import { todo } from "../../lib/kata/todo.ts";
import type { Shape } from "../../lib/np/mod.ts";

/**
 * The shape two arrays broadcast to (§1.5.5). Align the shapes at their last axes (a shorter
 * shape gets missing axes of size 1 in front); along each axis the two sizes must be equal
 * or one of them 1, and the result takes the larger.
 *
 * `[2, 3]` and `[3]` give `[2, 3]`; `[4, 1]` and `[1, 5]` give `[4, 5]`; `[2, 2]` and `[]`
 * (a scalar) give `[2, 2]`.
 *
 * @param a The first shape.
 * @param b The second shape.
 * @returns The broadcast shape, a new array.
 * @throws {TypeError} when an axis has two different sizes, neither 1. The message names
 * both shapes, like NumPy's: "operands could not be broadcast together with shapes [2, 3]
 * and [4]".
 */
export function broadcastShapes(a: Shape, b: Shape): number[] {
  // TODO: walk the axes from the last one; a missing axis counts as size 1.
  return todo("broadcastShapes", "01", a, b);
}
