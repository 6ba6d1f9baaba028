/**
 * Replays NumPy's recorded results (`testdata/numpy_fixtures.json`, made by
 * `tools/numpy/make_fixtures.py`) against lib/np, so CI checks agreement without Python.
 */

import assert from "node:assert/strict";
import fixtures from "./testdata/numpy_fixtures.json" with { type: "json" };
import * as np from "./mod.ts";
import { assertAllClose } from "../testing/mod.ts";

type Encoded = { scalar: number } | {
  shape: number[];
  dtype: string;
  data: (number | string)[];
};

interface Case {
  op: string;
  inputs: Encoded[];
  kwargs: { axis?: number | number[]; keepdims?: boolean; axes?: number[] };
  output: Encoded;
}

function decodeNumber(v: number | string): number {
  return typeof v === "number" ? v : v === "nan" ? NaN : v === "inf" ? Infinity : -Infinity;
}

/** An input as lib/np takes it: a number for a Python float, else an NDArray (bools as 0/1). */
function decode(e: Encoded): number | np.NDArray {
  if ("scalar" in e) return e.scalar;
  const dtype = e.dtype === "float32" ? "float32" : "float64";
  const data = dtype === "float32"
    ? new Float32Array(e.data.length)
    : new Float64Array(e.data.length);
  e.data.forEach((v, i) => (data[i] = decodeNumber(v)));
  return new np.NDArray(data, e.shape);
}

const BINARY = {
  add: np.add,
  sub: np.sub,
  mul: np.mul,
  div: np.div,
  maximum: np.maximum,
  minimum: np.minimum,
  pow: np.pow,
  greater: np.greater,
  lessEqual: np.lessEqual,
  equal: np.equal,
} as const;

const REDUCE = {
  sum: np.sum,
  mean: np.mean,
  max: np.max,
  min: np.min,
  argmax: np.argmax,
  argmin: np.argmin,
} as const;

function run(c: Case): number | np.NDArray {
  const inputs = c.inputs.map(decode);
  const array = (i: number) => inputs[i] as np.NDArray;
  if (c.op in BINARY) return BINARY[c.op as keyof typeof BINARY](inputs[0], inputs[1]);
  if (c.op in REDUCE) {
    // deno-lint-ignore no-explicit-any
    return (REDUCE[c.op as keyof typeof REDUCE] as any)(array(0), c.kwargs);
  }
  switch (c.op) {
    case "where":
      return np.where(inputs[0], inputs[1], inputs[2]);
    case "dot":
      return np.dot(inputs[0], inputs[1]);
    case "matmul":
      return np.matmul(inputs[0], inputs[1]);
    case "transpose":
      return np.transpose(array(0), c.kwargs.axes);
    case "concatenate":
      return np.concatenate(inputs as np.NDArray[], { axis: c.kwargs.axis as number });
  }
  throw new Error(`The fixture file has an operation this test does not know: ${c.op}`);
}

function check(c: Case, index: number): void {
  const what = `case ${index}: np.${c.op}(${
    c.inputs.map((e) => ("scalar" in e ? e.scalar : `${e.dtype}[${e.shape}]`)).join(", ")
  }, ${JSON.stringify(c.kwargs)})`;
  const actual = run(c);
  const expected = c.output;
  assert.ok(!("scalar" in expected), `${what}: NumPy's outputs are arrays or NumPy scalars`);
  const isFloat32 = expected.dtype === "float32";
  const desired = expected.data.map(decodeNumber);
  // float32 sums here accumulate in float64, NumPy's pairwise in float32: allow for that.
  const tolerance = isFloat32 ? { rtol: 2e-5, atol: 2e-5 } : { rtol: 1e-12, atol: 1e-12 };
  if (typeof actual === "number") {
    // NumPy returns a scalar where lib/np returns a plain number (a reduction over all axes).
    assert.deepEqual(expected.shape, [], `${what}: NumPy gave shape [${expected.shape}]`);
    assertAllClose([actual], desired, { ...tolerance, msg: what });
    return;
  }
  assert.deepEqual(actual.shape, expected.shape, `${what}: shape`);
  if (expected.dtype === "float32" || expected.dtype === "float64") {
    assert.equal(actual.dtype, expected.dtype, `${what}: dtype`);
  }
  assertAllClose(actual.flatten(), desired, { ...tolerance, msg: what });
}

const cases = fixtures.cases as Case[];
const byOp = Map.groupBy(cases.map((c, i) => [c, i] as const), ([c]) => c.op);

Deno.test("numpy fixtures cover broadcasting ops, reductions and products", () => {
  assert.ok(cases.length >= 200, `${cases.length} cases`);
  for (const op of [...Object.keys(BINARY), ...Object.keys(REDUCE), "where", "dot", "matmul"]) {
    assert.ok((byOp.get(op)?.length ?? 0) >= 5, `fixtures for ${op}`);
  }
});

for (const [op, list] of byOp) {
  Deno.test(`np.${op}() agrees with NumPy ${fixtures.numpy} on ${list.length} recorded cases`, () => {
    for (const [c, i] of list) check(c, i);
  });
}
