/**
 * Chapter 5, §5.3–5.4: the multiplication and addition nodes of the book's shopping example,
 * as layers on plain numbers. `forward` computes the node's output; `backward` takes ∂L/∂out
 * and gives the gradients of both inputs. Run `deno test chapters/05/simple_layers_test.ts`.
 *
 * @module
 */

import { todo } from "../../lib/kata/todo.ts";

/**
 * A multiplication node (§5.3.2, §5.4.1): out = x · y.
 *
 * Tested: the book's apple example (§5.4.1: 220; 2.2, 110, 200), the apple and orange
 * example (§5.4.2), the fields `x` and `y` after forward, and backward against the numerical
 * derivatives of x · y on random numbers.
 */
export class MulLayer {
  /** The first input of the last forward pass. */
  x = 0;
  /** The second input of the last forward pass. */
  y = 0;

  /** out = x · y. */
  forward(x: number, y: number): number {
    return todo("MulLayer.forward", "05", x, y);
  }

  /** From dout = ∂L/∂out: the pair [∂L/∂x, ∂L/∂y] (§5.3.2). */
  backward(dout: number): [number, number] {
    return todo("MulLayer.backward", "05", dout);
  }
}

/**
 * An addition node (§5.3.1, §5.4.2): out = x + y.
 *
 * Tested: a hand-sized case and the book's apple and orange example (§5.4.2: 715; 110, 2.2,
 * 3.3, 165, 650).
 */
export class AddLayer {
  /** out = x + y. */
  forward(x: number, y: number): number {
    return todo("AddLayer.forward", "05", x, y);
  }

  /** From dout = ∂L/∂out: the pair [∂L/∂x, ∂L/∂y] (§5.3.1). */
  backward(dout: number): [number, number] {
    return todo("AddLayer.backward", "05", dout);
  }
}
