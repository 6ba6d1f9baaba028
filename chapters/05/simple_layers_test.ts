import assert from "node:assert/strict";
import fc from "fast-check";
import * as reference from "../../lib/layers/simple.ts";
import { MISTAKES } from "../../lib/mistakes/ch05.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";
import { AddLayer, MulLayer } from "./simple_layers.ts";
import { assertProperty, say } from "../../lib/testing/mod.ts";

const named = mistakeNamer("05", MISTAKES);

Deno.test(
  "MulLayer.forward() and backward() give the book's apple example (§5.4.1)",
  named({ MulLayer }, ({ MulLayer }) => {
    const apple = 100, appleNum = 2, tax = 1.1;
    const mulAppleLayer = new MulLayer(), mulTaxLayer = new MulLayer();
    const applePrice = mulAppleLayer.forward(apple, appleNum);
    const price = mulTaxLayer.forward(applePrice, tax);
    // The book prints 220; Python and JavaScript both compute 220.00000000000003.
    assert.equal(
      price,
      220.00000000000003,
      say(`price: 100 · 2 · 1.1 gave ${price}`, `price: 100 · 2 · 1.1 の結果が ${price} です`),
    );
    const [dApplePrice, dTax] = mulTaxLayer.backward(1);
    const [dApple, dAppleNum] = mulAppleLayer.backward(dApplePrice);
    // The book prints 2.2 110 200 (110 is 110.00000000000001 in both languages).
    assert.deepEqual(
      { dApple, dAppleNum, dTax },
      { dApple: 2.2, dAppleNum: 110.00000000000001, dTax: 200 },
      say("the gradients of the apple example", "りんごの例の勾配"),
    );
  }),
);

Deno.test(
  "MulLayer.backward() gives the gradients of x · y at the last inputs",
  named({ MulLayer }, ({ MulLayer }) => {
    const layer = new MulLayer();
    const out = layer.forward(3, -4);
    assert.equal(
      out,
      -12,
      say(`forward(3, -4) gave ${out}`, `forward(3, -4) の結果が ${out} です`),
    );
    assert.deepEqual(
      { x: layer.x, y: layer.y },
      { x: 3, y: -4 },
      say("the fields x and y", "フィールド x と y"),
    );
    const [dx, dy] = layer.backward(2);
    assert.deepEqual(
      { dx, dy },
      { dx: -8, dy: 6 },
      say("backward(2) after forward(3, -4)", "forward(3, -4) の後の backward(2)"),
    );
  }),
);

Deno.test(
  "MulLayer.backward() matches the numerical derivatives of x · y",
  named({ MulLayer }, ({ MulLayer }) => {
    const check = (x: number, y: number, dout: number) => {
      const layer = new MulLayer();
      layer.forward(x, y);
      const [dx, dy] = layer.backward(dout);
      const h = 1e-4;
      const numX = dout * ((x + h) * y - (x - h) * y) / (2 * h);
      const numY = dout * (x * (y + h) - x * (y - h)) / (2 * h);
      const at = say(
        `at x = ${x}, y = ${y}, dout = ${dout}`,
        `x = ${x}, y = ${y}, dout = ${dout} のとき`,
      );
      assert.ok(
        Math.abs(dx - numX) < 1e-6,
        say(
          `dx ${at}: got ${dx}, numerical ${numX}`,
          `${at}の dx: 結果は ${dx}、数値微分では ${numX}`,
        ),
      );
      assert.ok(
        Math.abs(dy - numY) < 1e-6,
        say(
          `dy ${at}: got ${dy}, numerical ${numY}`,
          `${at}の dy: 結果は ${dy}、数値微分では ${numY}`,
        ),
      );
    };
    // One direct call first, so that an unwritten stub fails with its own error.
    check(1.5, -2, 0.5);
    const value = (range: number) => fc.double({ min: -range, max: range, noNaN: true });
    assertProperty(fc.property(value(10), value(10), value(3), check), { seed: 1, numRuns: 100 });
  }),
);

Deno.test(
  "AddLayer.forward() and backward() add, and give the gradients of x + y",
  named({ AddLayer }, ({ AddLayer }) => {
    const layer = new AddLayer();
    const out = layer.forward(200, 450);
    assert.equal(
      out,
      650,
      say(`forward(200, 450) gave ${out}`, `forward(200, 450) の結果が ${out} です`),
    );
    const [dx, dy] = layer.backward(1.1);
    assert.deepEqual(
      { dx, dy },
      { dx: 1.1, dy: 1.1 },
      say("backward(1.1)", "backward(1.1) の結果"),
    );
    const [dx2, dy2] = layer.backward(-3);
    assert.deepEqual(
      { dx: dx2, dy: dy2 },
      { dx: -3, dy: -3 },
      say("backward(-3)", "backward(-3) の結果"),
    );
  }),
);

Deno.test(
  "AddLayer.forward() and backward() give the book's apple and orange example (§5.4.2)",
  named({ AddLayer }, ({ AddLayer }) => {
    // The three multiplication nodes are the reference ones from lib/, so this test needs only
    // the addition layer.
    const apple = 100, appleNum = 2, orange = 150, orangeNum = 3, tax = 1.1;
    const mulAppleLayer = new reference.MulLayer(), mulOrangeLayer = new reference.MulLayer();
    const addAppleOrangeLayer = new AddLayer(), mulTaxLayer = new reference.MulLayer();
    const applePrice = mulAppleLayer.forward(apple, appleNum);
    const orangePrice = mulOrangeLayer.forward(orange, orangeNum);
    const allPrice = addAppleOrangeLayer.forward(applePrice, orangePrice);
    const price = mulTaxLayer.forward(allPrice, tax);
    const [dAllPrice, dTax] = mulTaxLayer.backward(1);
    const [dApplePrice, dOrangePrice] = addAppleOrangeLayer.backward(dAllPrice);
    const [dOrange, dOrangeNum] = mulOrangeLayer.backward(dOrangePrice);
    const [dApple, dAppleNum] = mulAppleLayer.backward(dApplePrice);
    // The book prints 715 and 110 2.2 3.3 165 650.
    assert.equal(
      price,
      715.0000000000001,
      say(
        `price: (200 + 450) · 1.1 gave ${price}`,
        `price: (200 + 450) · 1.1 の結果が ${price} です`,
      ),
    );
    assert.deepEqual(
      { dAppleNum, dApple, dOrange, dOrangeNum, dTax },
      {
        dAppleNum: 110.00000000000001,
        dApple: 2.2,
        dOrange: 3.3000000000000003,
        dOrangeNum: 165,
        dTax: 650,
      },
      say("the gradients of the apple and orange example", "りんごとみかんの例の勾配"),
    );
  }),
);

Deno.test(
  "MulLayer.forward() and backward() give the book's apple and orange example (§5.4.2)",
  named({ MulLayer }, ({ MulLayer }) => {
    // The addition node is the reference one from lib/, so this test needs only MulLayer.
    const apple = 100, appleNum = 2, orange = 150, orangeNum = 3, tax = 1.1;
    const mulAppleLayer = new MulLayer(), mulOrangeLayer = new MulLayer();
    const addAppleOrangeLayer = new reference.AddLayer(), mulTaxLayer = new MulLayer();
    const applePrice = mulAppleLayer.forward(apple, appleNum);
    const orangePrice = mulOrangeLayer.forward(orange, orangeNum);
    const allPrice = addAppleOrangeLayer.forward(applePrice, orangePrice);
    const price = mulTaxLayer.forward(allPrice, tax);
    const [dAllPrice, dTax] = mulTaxLayer.backward(1);
    const [dApplePrice, dOrangePrice] = addAppleOrangeLayer.backward(dAllPrice);
    const [dOrange, dOrangeNum] = mulOrangeLayer.backward(dOrangePrice);
    const [dApple, dAppleNum] = mulAppleLayer.backward(dApplePrice);
    assert.equal(
      price,
      715.0000000000001,
      say(
        `price: (200 + 450) · 1.1 gave ${price}`,
        `price: (200 + 450) · 1.1 の結果が ${price} です`,
      ),
    );
    assert.deepEqual(
      { dAppleNum, dApple, dOrange, dOrangeNum, dTax },
      {
        dAppleNum: 110.00000000000001,
        dApple: 2.2,
        dOrange: 3.3000000000000003,
        dOrangeNum: 165,
        dTax: 650,
      },
      say("the gradients of the apple and orange example", "りんごとみかんの例の勾配"),
    );
  }),
);
