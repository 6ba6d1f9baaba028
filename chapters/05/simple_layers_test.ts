import assert from "node:assert/strict";
import fc from "fast-check";
import { AddLayer, MulLayer } from "./simple_layers.ts";

Deno.test("MulLayer.forward() and backward() give the book's apple example (§5.4.1)", () => {
  const apple = 100, appleNum = 2, tax = 1.1;
  const mulAppleLayer = new MulLayer(), mulTaxLayer = new MulLayer();
  const applePrice = mulAppleLayer.forward(apple, appleNum);
  const price = mulTaxLayer.forward(applePrice, tax);
  // The book prints 220; Python and JavaScript both compute 220.00000000000003.
  assert.equal(price, 220.00000000000003);
  const [dApplePrice, dTax] = mulTaxLayer.backward(1);
  const [dApple, dAppleNum] = mulAppleLayer.backward(dApplePrice);
  // The book prints 2.2 110 200 (110 is 110.00000000000001 in both languages).
  assert.deepEqual([dApple, dAppleNum, dTax], [2.2, 110.00000000000001, 200]);
});

Deno.test("MulLayer.backward() gives each input dout times the other input", () => {
  const layer = new MulLayer();
  assert.equal(layer.forward(3, -4), -12);
  assert.deepEqual(layer.backward(2), [-8, 6]);
  assert.deepEqual([layer.x, layer.y], [3, -4]);
});

Deno.test("MulLayer.backward() matches the numerical derivatives of x · y", () => {
  const check = (x: number, y: number, dout: number) => {
    const layer = new MulLayer();
    layer.forward(x, y);
    const [dx, dy] = layer.backward(dout);
    const h = 1e-4;
    const numX = dout * ((x + h) * y - (x - h) * y) / (2 * h);
    const numY = dout * (x * (y + h) - x * (y - h)) / (2 * h);
    assert.ok(Math.abs(dx - numX) < 1e-6 && Math.abs(dy - numY) < 1e-6);
  };
  // One direct call first, so that an unwritten stub fails with its own error.
  check(1.5, -2, 0.5);
  const value = (range: number) => fc.double({ min: -range, max: range, noNaN: true });
  fc.assert(fc.property(value(10), value(10), value(3), check), { seed: 1, numRuns: 100 });
});

Deno.test("AddLayer.forward() and backward() add, and pass dout to both inputs", () => {
  const layer = new AddLayer();
  assert.equal(layer.forward(200, 450), 650);
  assert.deepEqual(layer.backward(1.1), [1.1, 1.1]);
  assert.deepEqual(layer.backward(-3), [-3, -3]);
});

Deno.test("AddLayer and MulLayer give the book's apple and orange example (§5.4.2)", () => {
  const apple = 100, appleNum = 2, orange = 150, orangeNum = 3, tax = 1.1;
  const mulAppleLayer = new MulLayer(), mulOrangeLayer = new MulLayer();
  const addAppleOrangeLayer = new AddLayer(), mulTaxLayer = new MulLayer();
  const applePrice = mulAppleLayer.forward(apple, appleNum);
  const orangePrice = mulOrangeLayer.forward(orange, orangeNum);
  const allPrice = addAppleOrangeLayer.forward(applePrice, orangePrice);
  const price = mulTaxLayer.forward(allPrice, tax);
  const [dAllPrice, dTax] = mulTaxLayer.backward(1);
  const [dApplePrice, dOrangePrice] = addAppleOrangeLayer.backward(dAllPrice);
  const [dOrange, dOrangeNum] = mulOrangeLayer.backward(dOrangePrice);
  const [dApple, dAppleNum] = mulAppleLayer.backward(dApplePrice);
  // The book prints 715 and 110 2.2 3.3 165 650.
  assert.equal(price, 715.0000000000001);
  assert.deepEqual(
    [dAppleNum, dApple, dOrange, dOrangeNum, dTax],
    [110.00000000000001, 2.2, 3.3000000000000003, 165, 650],
  );
});
