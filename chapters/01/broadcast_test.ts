import assert from "node:assert/strict";
import fc from "fast-check";
import { MISTAKES } from "../../lib/mistakes/ch01.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";
import { say } from "../../lib/testing/mod.ts";
import { assertProperty } from "../../lib/testing/property.ts";
import { broadcastShapes } from "./broadcast.ts";

const named = mistakeNamer("01", MISTAKES);

Deno.test(
  "broadcastShapes() matches the book's examples (§1.5.5)",
  named({ broadcastShapes }, ({ broadcastShapes }) => {
    // A 2×2 matrix times a vector [10, 20], and times a scalar 10.
    assert.deepEqual(
      broadcastShapes([2, 2], [2]),
      [2, 2],
      say("broadcastShapes([2, 2], [2])", "broadcastShapes([2, 2], [2]) の結果"),
    );
    assert.deepEqual(
      broadcastShapes([2, 2], []),
      [2, 2],
      say("broadcastShapes([2, 2], [])", "broadcastShapes([2, 2], []) の結果"),
    );
    assert.deepEqual(
      broadcastShapes([], [2, 2]),
      [2, 2],
      say("broadcastShapes([], [2, 2])", "broadcastShapes([], [2, 2]) の結果"),
    );
  }),
);

Deno.test(
  "broadcastShapes() stretches axes of size 1 on both sides",
  named({ broadcastShapes }, ({ broadcastShapes }) => {
    assert.deepEqual(
      broadcastShapes([4, 1], [1, 5]),
      [4, 5],
      say("broadcastShapes([4, 1], [1, 5])", "broadcastShapes([4, 1], [1, 5]) の結果"),
    );
    assert.deepEqual(
      broadcastShapes([3, 1], [4]),
      [3, 4],
      say("broadcastShapes([3, 1], [4])", "broadcastShapes([3, 1], [4]) の結果"),
    );
    // NumPy's user guide: an 8×1×6×1 and a 7×1×5 array.
    assert.deepEqual(
      broadcastShapes([8, 1, 6, 1], [7, 1, 5]),
      [8, 7, 6, 5],
      say(
        "broadcastShapes([8, 1, 6, 1], [7, 1, 5])",
        "broadcastShapes([8, 1, 6, 1], [7, 1, 5]) の結果",
      ),
    );
    assert.deepEqual(
      broadcastShapes([5, 0], [1]),
      [5, 0],
      say("broadcastShapes([5, 0], [1])", "broadcastShapes([5, 0], [1]) の結果"),
    );
    assert.deepEqual(
      broadcastShapes([], []),
      [],
      say("broadcastShapes([], [])", "broadcastShapes([], []) の結果"),
    );
  }),
);

Deno.test(
  "broadcastShapes() does not change its arguments",
  named({ broadcastShapes }, ({ broadcastShapes }) => {
    const a = [3, 1], b = [1, 4];
    const out = broadcastShapes(a, b);
    assert.deepEqual(
      a,
      [3, 1],
      say(
        "a after the call: the arguments must not change",
        "呼び出し後の a: 引数は変わってはいけません",
      ),
    );
    assert.deepEqual(
      b,
      [1, 4],
      say(
        "b after the call: the arguments must not change",
        "呼び出し後の b: 引数は変わってはいけません",
      ),
    );
    assert.notEqual(
      out,
      a,
      say("the result must be a new array, not a", "結果は a ではなく新しい配列のはずです"),
    );
    assert.notEqual(
      out,
      b,
      say("the result must be a new array, not b", "結果は b ではなく新しい配列のはずです"),
    );
  }),
);

/** A shape with some sizes replaced by 1 and some leading axes dropped. */
function derivedFrom(target: number[]) {
  return fc.tuple(
    fc.integer({ min: 0, max: target.length }),
    fc.array(fc.boolean(), { minLength: target.length, maxLength: target.length }),
  ).map(([drop, ones]) => target.map((n, i) => (ones[i] ? 1 : n)).slice(drop));
}

const shapePairs = fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 5 }).chain((target) =>
  fc.tuple(derivedFrom(target), derivedFrom(target))
);

Deno.test(
  "broadcastShapes() takes the larger size per axis on random compatible shapes",
  named({ broadcastShapes }, ({ broadcastShapes }) => {
    broadcastShapes([2], [2]);
    assertProperty(
      fc.property(shapePairs, ([a, b]) => {
        const ndim = Math.max(a.length, b.length);
        const sizeAt = (
          s: number[],
          i: number,
        ) => (i < ndim - s.length ? 1 : s[i - (ndim - s.length)]);
        const expected = Array.from(
          { length: ndim },
          (_, i) => Math.max(sizeAt(a, i), sizeAt(b, i)),
        );
        assert.deepEqual(
          broadcastShapes(a, b),
          expected,
          say(`broadcastShapes([${a}], [${b}])`, `broadcastShapes([${a}], [${b}]) の結果`),
        );
        assert.deepEqual(
          broadcastShapes(b, a),
          expected,
          say(`broadcastShapes([${b}], [${a}])`, `broadcastShapes([${b}], [${a}]) の結果`),
        );
      }),
      { seed: 1, numRuns: 200 },
    );
  }),
);

Deno.test(
  "broadcastShapes() names both shapes when they do not broadcast",
  named({ broadcastShapes }, ({ broadcastShapes }) => {
    broadcastShapes([1], [1]);
    const cases: [number[], number[]][] = [[[2, 3], [4]], [[2, 1], [8, 4, 3]], [[3], [0]]];
    for (const [a, b] of cases) {
      assert.throws(
        () => broadcastShapes(a, b),
        (e: Error) =>
          e instanceof TypeError && e.message.includes(`[${a.join(", ")}]`) &&
          e.message.includes(`[${b.join(", ")}]`),
        say(
          `shapes [${a}] and [${b}] must throw a TypeError naming both`,
          `形状 [${a}] と [${b}] では、両方の形状を挙げた TypeError を投げるはずです`,
        ),
      );
    }
  }),
);
