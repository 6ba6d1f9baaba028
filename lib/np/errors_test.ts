/**
 * Bad inputs: every one must fail with the right error class and a message that says what
 * failed, with the values (the conventions of CONTRIBUTING.md).
 */

import assert from "node:assert/strict";
import * as np from "./mod.ts";

type ErrorClass = typeof TypeError | typeof RangeError;

/** [what, the failing call, the error class, fragments the message must contain]. */
const CASES: [string, () => unknown, ErrorClass, string[]][] = [
  // Broadcasting
  ["add of [2, 3] and [4]", () => np.add(np.zeros([2, 3]), np.zeros([4])), TypeError, [
    "could not be broadcast",
    "[2, 3]",
    "[4]",
  ]],
  ["mul of [3, 2] and [2, 3]", () => np.mul(np.zeros([3, 2]), np.zeros([2, 3])), TypeError, [
    "[3, 2]",
    "[2, 3]",
  ]],
  [
    "broadcastShapes of [2, 5, 3] and [4, 3]",
    () => np.broadcastShapes([2, 5, 3], [4, 3]),
    TypeError,
    [
      "[2, 5, 3]",
      "[4, 3]",
      "axis -2",
    ],
  ],
  [
    "where with a condition that does not broadcast",
    () => np.where(np.zeros([3]), np.zeros([2]), 0),
    TypeError,
    [
      "[3]",
      "[2]",
    ],
  ],
  [
    "add into an out array of the wrong shape",
    () => np.add([1, 2], [3, 4], { out: np.zeros([3]) }),
    TypeError,
    [
      "out has shape [3]",
      "[2]",
    ],
  ],
  ["broadcastTo a smaller shape", () => np.broadcastTo(np.zeros([2, 3]), [3]), TypeError, [
    "[2, 3]",
    "[3]",
  ]],
  // Matrix products
  ["dot of [2, 3] and [2, 2]", () => np.dot(np.zeros([2, 3]), np.zeros([2, 2])), TypeError, [
    "[2, 3]",
    "[2, 2]",
    "3 (dim 1) != 2 (dim 0)",
  ]],
  ["dot of [2, 3, 4] and [5, 6]", () => np.dot(np.zeros([2, 3, 4]), np.zeros([5, 6])), TypeError, [
    "[2, 3, 4]",
    "[5, 6]",
    "4 (dim 2) != 5 (dim 0)",
  ]],
  ["dot of [3] and [4]", () => np.dot(np.zeros([3]), np.zeros([4])), TypeError, [
    "[3]",
    "[4]",
    "dim 0",
  ]],
  ["dot of [4, 5] and [2, 6, 3]", () => np.dot(np.zeros([4, 5]), np.zeros([2, 6, 3])), TypeError, [
    "[4, 5]",
    "[2, 6, 3]",
    "5 (dim 1) != 6 (dim 1)",
  ]],
  ["matmul of [2, 3] and [4, 5]", () => np.matmul(np.zeros([2, 3]), np.zeros([4, 5])), TypeError, [
    "[2, 3]",
    "[4, 5]",
  ]],
  [
    "matmul with batches [2] and [3]",
    () => np.matmul(np.zeros([2, 2, 3]), np.zeros([3, 3, 4])),
    TypeError,
    [
      "[2]",
      "[3]",
    ],
  ],
  ["matmul of a 0-d array", () => np.matmul(np.array(2), np.zeros([2])), TypeError, ["0-d"]],
  // Shapes and sizes
  ["reshape 6 elements into [4]", () => np.arange(6).reshape(4), RangeError, ["size 6", "[4]"]],
  ["reshape with two -1", () => np.arange(6).reshape(-1, -1), RangeError, ["only one"]],
  ["reshape 7 elements into [-1, 2]", () => np.arange(7).reshape(-1, 2), RangeError, [
    "7",
    "[-1, 2]",
  ]],
  ["reshape into a negative size", () => np.arange(6).reshape(-2, -3), RangeError, ["-2"]],
  ["zeros with a fractional size", () => np.zeros([2.5]), TypeError, ["2.5", "not an integer"]],
  ["zeros with a negative size", () => np.zeros([3, -1]), RangeError, ["[3, -1]", "negative"]],
  // deno-lint-ignore no-explicit-any
  ["zeros with a number for a shape", () => np.zeros(3 as any), TypeError, [
    "array of integers",
    "3",
  ]],
  [
    "wrapping data of the wrong size",
    () => new np.NDArray(new Float64Array(5), [2, 3]),
    RangeError,
    [
      "5 elements",
      "[2, 3]",
    ],
  ],
  // deno-lint-ignore no-explicit-any
  ["wrapping a plain array", () => new np.NDArray([1, 2] as any, [2]), TypeError, ["Float64Array"]],
  ["item() of two elements", () => np.zeros([2]).item(), RangeError, ["one element", "[2]"]],
  // dtypes
  // deno-lint-ignore no-explicit-any
  ["zeros with dtype int32", () => np.zeros([2], { dtype: "int32" as any }), TypeError, [
    '"int32"',
    "float32",
  ]],
  // deno-lint-ignore no-explicit-any
  ["astype float16", () => np.zeros([2]).astype("float16" as any), TypeError, ['"float16"']],
  // deno-lint-ignore no-explicit-any
  ["array with dtype uint8", () => np.array([1], { dtype: "uint8" as any }), TypeError, [
    '"uint8"',
  ]],
  // Nested arrays
  ["a ragged nested array", () => np.array([[1, 2], [3]]), TypeError, [
    "ragged",
    "[1]",
    "length 2",
  ]],
  ["a nested array with a string", () => np.array([[1, "2" as unknown as number]]), TypeError, [
    "[0][1]",
    '"2"',
  ]],
  ["a nested array deeper in one place", () => np.array([[1], [[2]]]), TypeError, [
    "[1][0]",
    "nested",
  ]],
  // Axes
  ["sum over axis 2 of a 2-D array", () => np.sum(np.zeros([2, 3]), { axis: 2 }), RangeError, [
    "Axis 2",
    "dimension 2",
  ]],
  ["mean over axis -3 of a 2-D array", () => np.mean(np.zeros([2, 3]), { axis: -3 }), RangeError, [
    "Axis -3",
  ]],
  ["sum over a repeated axis", () => np.sum(np.zeros([2, 3]), { axis: [1, -1] }), RangeError, [
    "repeats",
  ]],
  ["sum over a fractional axis", () => np.sum(np.zeros([2, 3]), { axis: 0.5 }), TypeError, ["0.5"]],
  ["max of an empty axis", () => np.max(np.zeros([2, 0]), { axis: 1 }), RangeError, [
    "empty",
    "[2, 0]",
  ]],
  ["argmax of an empty array", () => np.argmax(np.zeros([0])), RangeError, ["empty"]],
  // deno-lint-ignore no-explicit-any
  ["argmax over two axes", () => np.argmax(np.zeros([2, 3]), { axis: [0, 1] as any }), TypeError, [
    "single axis",
  ]],
  ["transpose with a repeated axis", () => np.zeros([2, 3]).transpose(0, 0), RangeError, [
    "permutation",
    "[0, 0]",
  ]],
  ["transpose with too few axes", () => np.transpose(np.zeros([2, 3, 4]), [1, 0]), RangeError, [
    "[2, 3, 4]",
  ]],
  [
    "concatenate along axis 2 of 2-D arrays",
    () => np.concatenate([np.zeros([2, 2])], { axis: 2 }),
    RangeError,
    [
      "Axis 2",
    ],
  ],
  ["squeeze an axis of size 3", () => np.squeeze(np.zeros([1, 3]), { axis: 1 }), RangeError, [
    "axis 1",
    "[1, 3]",
  ]],
  // Indices
  ["get index 3 of size 3", () => np.zeros([3]).get(3), RangeError, ["Index 3", "size 3"]],
  ["get index -4 of size 3", () => np.zeros([2, 3]).get(0, -4), RangeError, ["Index -4", "axis 1"]],
  ["get a fractional index", () => np.zeros([3]).get(1.5), TypeError, ["1.5", "not an integer"]],
  ["get with one index for a 2-D array", () => np.zeros([2, 2]).get(0), RangeError, [
    "2 indices",
    "got 1",
  ]],
  ["slice with too many indices", () => np.zeros([2]).slice(0, 0), RangeError, ["Too many", "[2]"]],
  ["slice index 5 of size 2", () => np.zeros([2, 2]).slice(null, 5), RangeError, [
    "Index 5",
    "axis 1",
  ]],
  ["slice with a step of 0", () => np.zeros([4]).slice("::0"), RangeError, ["step of 0"]],
  ["slice with words", () => np.zeros([4]).slice("a:b"), TypeError, ['"a"']],
  [
    "assign a [3] value to a [2] slice",
    () => np.zeros([2, 2]).assign([0], np.zeros([3])),
    TypeError,
    [
      "[3]",
      "[2]",
    ],
  ],
  ["take index 3 of 3 rows", () => np.take(np.zeros([3, 2]), [0, 3], { axis: 0 }), RangeError, [
    "index 3",
    "size 3",
  ]],
  // Joining and padding
  [
    "concatenate arrays that differ off the axis",
    () => np.concatenate([np.zeros([2, 3]), np.zeros([2, 4])]),
    TypeError,
    [
      "array 1",
      "[2, 4]",
      "[2, 3]",
    ],
  ],
  ["concatenate nothing", () => np.concatenate([]), RangeError, ["at least one"]],
  ["stack arrays of two shapes", () => np.stack([np.zeros([2]), np.zeros([3])]), TypeError, [
    "array 1",
    "[3]",
  ]],
  ["pad with a negative width", () => np.pad(np.zeros([2]), [[-1, 0]]), RangeError, ["[-1, 0]"]],
  [
    "pad with one pair for a 2-D array given as a list",
    () => np.pad(np.zeros([2, 2]), [[1, 1]]),
    TypeError,
    [
      "1 pairs",
      "[2, 2]",
    ],
  ],
  // Ranges and values
  ["arange with a step of 0", () => np.arange(0, 1, { step: 0 }), RangeError, ["step", "0"]],
  ["arange to infinity", () => np.arange(0, Infinity), TypeError, ["finite", "Infinity"]],
  ["linspace with num -1", () => np.linspace(0, 1, { num: -1 }), RangeError, ["-1"]],
  ["clip with min > max", () => np.clip([1], { min: 2, max: 1 }), RangeError, [
    "min 2 > max 1",
    "NumPy would return 1",
  ]],
  // Random numbers
  ["a negative seed", () => np.rng(-1), RangeError, ["seed", "-1"]],
  ["integers with low >= high", () => np.rng(0).integers(3, 3, { size: [2] }), RangeError, [
    "3 and 3",
  ]],
  ["normal with a negative scale", () => np.rng(0).normal([2], { scale: -1 }), RangeError, ["-1"]],
  [
    "choice of 5 out of 3 without replacement",
    () => np.rng(0).choice(3, 5, { replace: false }),
    RangeError,
    [
      "5 of 3",
    ],
  ],
];

Deno.test("the error table covers at least 25 bad inputs", () => {
  assert.ok(CASES.length >= 25, `${CASES.length} cases`);
});

for (const [what, call, kind, fragments] of CASES) {
  Deno.test(`${what} fails with a ${kind.name} naming the values`, () => {
    assert.throws(call, (e: Error) => {
      assert.ok(e instanceof kind, `expected a ${kind.name}, got ${e.name}: ${e.message}`);
      for (const f of fragments) {
        assert.ok(e.message.includes(f), `the message lacks ${JSON.stringify(f)}: ${e.message}`);
      }
      return true;
    });
  });
}
