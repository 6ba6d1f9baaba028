import assert from "node:assert/strict";
import { englishRuns } from "../command/bilingual.ts";
import { setLang } from "../command/lang.ts";
import { type Mistake, runExerciseTest } from "../testing/mistakes.ts";
import { MISTAKES as ch01 } from "./ch01.ts";
import { MISTAKES as ch02 } from "./ch02.ts";
import { MISTAKES as ch03 } from "./ch03.ts";
import { MISTAKES as ch04 } from "./ch04.ts";
import { MISTAKES as ch05 } from "./ch05.ts";
import { MISTAKES as ch06 } from "./ch06.ts";
import { MISTAKES as ch07 } from "./ch07.ts";
import { MISTAKES as ch08 } from "./ch08.ts";

const CATALOGUES: Record<string, Mistake[]> = { ch01, ch02, ch03, ch04, ch05, ch06, ch07, ch08 };

Deno.test("englishRuns() finds an English sentence, not formulas or identifiers", () => {
  assert.deepEqual(englishRuns("dW を xᵀ·dout ではなく doutᵀ·x で計算している"), []);
  assert.deepEqual(englishRuns("書籍の plt.title('sin & cos') が抜けている"), []);
  assert.deepEqual(englishRuns("[N, C, H, W] に戻す、(n, oy, ox, c) の順"), []);
  assert.equal(englishRuns("backward で dout forgets to multiply by dout").length, 1);
  assert.equal(englishRuns("既定に戻る（training, as the book's）").length, 1);
});

Deno.test("every catalogued mistake has a Japanese name, and it is Japanese", () => {
  let count = 0;
  for (const [chapter, mistakes] of Object.entries(CATALOGUES)) {
    assert.ok(mistakes.length > 0, `${chapter} has mistakes`);
    for (const { exercise, name, ja } of mistakes) {
      const where = `${chapter} ${exercise}: "${name}"`;
      assert.equal(typeof ja, "string", `${where} has a Japanese name`);
      const text = (ja as string).trim();
      assert.ok(text.length > 0, `${where}: the Japanese name is not empty`);
      assert.ok(/[\u3040-\u30ff\u4e00-\u9fff]/.test(text), `${where}: ${text} is Japanese`);
      assert.deepEqual(englishRuns(text), [], `${where}: English left in ${text}`);
      assert.ok(!text.includes("\n"), `${where}: one line`);
      count++;
    }
  }
  assert.equal(count, 245, "all 245 mistakes");
});

Deno.test("within an exercise, the names (the Japanese ones too) are distinct", () => {
  // runExerciseTest finds a matched mistake's Japanese name by its English one.
  for (const [chapter, mistakes] of Object.entries(CATALOGUES)) {
    const seen = new Set<string>();
    for (const { exercise, name } of mistakes) {
      const key = `${exercise}\u0000${name}`;
      assert.ok(!seen.has(key), `${chapter} ${exercise}: "${name}" twice`);
      seen.add(key);
    }
  }
});

Deno.test("a failure names the mistake in the learner's language", async () => {
  const mistakes: Mistake[] = [{
    exercise: "double",
    name: "x + 1 instead of 2x",
    ja: "2x ではなく x + 1 を返している",
    code: (x: number) => x + 1,
  }, {
    exercise: "double",
    name: "x·x instead of 2x",
    code: (x: number) => x * x,
  }];
  const body = ({ double }: { double: (x: number) => number }) => {
    assert.equal(double(3), 6, "double(3)");
  };
  const wrong = { double: (x: number) => x + 1 };
  try {
    setLang("ja");
    await assert.rejects(
      runExerciseTest("01", mistakes, wrong, body),
      (error: Error) =>
        error.message.includes(
          "よくある間違い: 2x ではなく x + 1 を返している\n  次の一歩: deno task hint 01 double --more",
        ) && !error.message.includes("x + 1 instead of 2x"),
    );
    // A mistake without a Japanese name keeps its English one.
    await assert.rejects(
      runExerciseTest("01", mistakes, { double: (x: number) => x * x }, body),
      /よくある間違い: x·x instead of 2x\n/,
    );
    setLang("en");
    await assert.rejects(
      runExerciseTest("01", mistakes, wrong, body),
      /This looks like: x \+ 1 instead of 2x\n {2}Next step: deno task hint 01 double --more/,
    );
  } finally {
    setLang(undefined);
  }
});
