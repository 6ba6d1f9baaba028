/**
 * The multiplication and addition layers of the book's apple example (§5.4), on plain
 * numbers.
 *
 * @module
 */

/**
 * A multiplication node: out = x · y; the gradient of each input is dout times the other.
 *
 * @example The price of two apples with tax (§5.4.1)
 * ```ts
 * import { MulLayer } from "./simple.ts";
 * import assert from "node:assert/strict";
 *
 * const appleLayer = new MulLayer(), taxLayer = new MulLayer();
 * const price = taxLayer.forward(appleLayer.forward(100, 2), 1.1);
 * assert.equal(Math.round(price), 220);
 * const [dApplePrice, dTax] = taxLayer.backward(1);
 * const [dApple, dAppleNum] = appleLayer.backward(dApplePrice);
 * assert.deepEqual([dApple, Math.round(dAppleNum), dTax], [2.2, 110, 200]);
 * ```
 */
export class MulLayer {
  /** The first input of the last forward pass. */
  x = 0;
  /** The second input of the last forward pass. */
  y = 0;

  /** Multiplies and remembers both inputs. */
  forward(x: number, y: number): number {
    this.x = x;
    this.y = y;
    return x * y;
  }

  /** Returns [∂L/∂x, ∂L/∂y]: each input's gradient is dout times the other input. */
  backward(dout: number): [number, number] {
    return [dout * this.y, dout * this.x];
  }
}

/**
 * An addition node: out = x + y; the gradient passes through unchanged to both inputs.
 *
 * @example
 * ```ts
 * import { AddLayer } from "./simple.ts";
 * import assert from "node:assert/strict";
 *
 * const add = new AddLayer();
 * assert.equal(add.forward(200, 450), 650);
 * assert.deepEqual(add.backward(1.1), [1.1, 1.1]);
 * ```
 */
export class AddLayer {
  /** Adds; nothing needs remembering. */
  forward(x: number, y: number): number {
    return x + y;
  }

  /** Returns [∂L/∂x, ∂L/∂y], both equal to dout. */
  backward(dout: number): [number, number] {
    return [dout, dout];
  }
}
