/**
 * Chapter 5, §5.4: the multiplication and addition layers of the book's shopping example, on
 * plain numbers. Each layer's `forward` computes its output and remembers what `backward`
 * needs; `backward` turns the gradient of the output into the gradients of both inputs.
 * Run `deno test chapters/05/simple_layers_test.ts`.
 *
 * @module
 */

import { todo } from "../../lib/kata/todo.ts";

/**
 * A multiplication node: out = x · y; the gradient of each input is dout times the other.
 */
export class MulLayer {
  /** The first input of the last forward pass. */
  x = 0;
  /** The second input of the last forward pass. */
  y = 0;

  /** Multiplies and remembers both inputs. */
  forward(x: number, y: number): number {
    // TODO: remember x and y in this.x and this.y, return their product (§5.4.1).
    return todo("MulLayer.forward", "05", x, y);
  }

  /** Returns [∂L/∂x, ∂L/∂y]: each input's gradient is dout times the other input. */
  backward(dout: number): [number, number] {
    // TODO: "swap" the inputs: [dout · y, dout · x] (§5.3.2, §5.4.1).
    return todo("MulLayer.backward", "05", dout);
  }
}

/**
 * An addition node: out = x + y; the gradient passes through unchanged to both inputs.
 */
export class AddLayer {
  /** Adds; nothing needs remembering. */
  forward(x: number, y: number): number {
    // TODO: return the sum (§5.4.2).
    return todo("AddLayer.forward", "05", x, y);
  }

  /** Returns [∂L/∂x, ∂L/∂y], both equal to dout. */
  backward(dout: number): [number, number] {
    // TODO: both inputs get dout as it is (§5.3.1).
    return todo("AddLayer.backward", "05", dout);
  }
}
