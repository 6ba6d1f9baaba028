import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hintCommand, readHintLevels } from "./hint.ts";
import { setLang } from "../command/lang.ts";

// The messages read below are the English ones, whatever the machine's locale.
setLang("en");

function workbook(): string {
  const root = mkdtempSync(join(tmpdir(), "zerokara-hint-"));
  mkdirSync(join(root, "chapters", "04"), { recursive: true });
  writeFileSync(
    join(root, "chapters", "04", "HINTS.md"),
    "# Hints\n\n## crossEntropyError\n\n### 1\n\nNUDGE\n\n### 2\n\nIDEA\n\n### 3\n\nCODE\n\n" +
      "## sumSquaredError\n\n### 1\n\nA\n\n### 2\n\nB\n\n### 3\n\nC\n",
  );
  return root;
}

Deno.test("hint shows tier 1, then one more tier per --more, remembered per exercise", () => {
  const root = workbook();
  try {
    const first = hintCommand(root, ["04", "crossEntropyError"]);
    assert.equal(first.code, 0);
    assert.ok(first.text.includes("NUDGE") && !first.text.includes("IDEA"));
    assert.ok(first.text.includes("deno task hint 04 crossEntropyError --more"));

    const again = hintCommand(root, ["04", "crossEntropyError"]);
    assert.ok(again.text.includes("NUDGE") && !again.text.includes("IDEA"));

    const second = hintCommand(root, ["04", "crossEntropyError", "--more"]);
    assert.ok(second.text.includes("NUDGE") && second.text.includes("IDEA"));
    assert.ok(!second.text.includes("CODE"));

    const third = hintCommand(root, ["4", "crossEntropyError", "--more"]);
    assert.ok(third.text.includes("CODE"));
    assert.ok(third.text.includes("deno task solution 04 crossEntropyError"));
    const beyond = hintCommand(root, ["04", "crossEntropyError", "--more"]);
    assert.ok(beyond.text.includes("tier 3 of 3"));

    assert.deepEqual(readHintLevels(root), { "04/crossEntropyError": 3 });
    const other = hintCommand(root, ["04", "sumSquaredError", "--more", "--more"]);
    assert.ok(other.text.includes("A") && other.text.includes("B") && !other.text.includes("C\n"));
    hintCommand(root, ["04", "crossEntropyError", "--reset"]);
    assert.deepEqual(readHintLevels(root), { "04/sumSquaredError": 2 });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

Deno.test("hint lists the valid names for an unknown chapter or exercise", () => {
  const root = workbook();
  try {
    const typo = hintCommand(root, ["04", "crossEntropy"]);
    assert.equal(typo.code, 1);
    assert.match(typo.text, /Did you mean crossEntropyError\?/);
    assert.ok(typo.text.includes("deno task hint 04 sumSquaredError"));
    const method = hintCommand(root, ["04", "crossentropyerror.forward"]);
    assert.equal(method.code, 0, "a method or a wrong case finds the exercise");
    const chapter = hintCommand(root, ["09", "x"]);
    assert.equal(chapter.code, 1);
    assert.match(chapter.text, /Chapters with hints: 04/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

Deno.test("hint sets an unreadable .kata/hints.json aside and says so", () => {
  const root = workbook();
  try {
    mkdirSync(join(root, ".kata"));
    const broken = '{ "04/crossEntropyError": 2, }\n'; // a trailing comma
    writeFileSync(join(root, ".kata", "hints.json"), broken);
    const outcome = hintCommand(root, ["04", "crossEntropyError"]);
    assert.equal(outcome.code, 0);
    assert.match(outcome.text, /^note: \.kata\/hints\.json is not a JSON object of tiers/);
    const aside = readdirSync(join(root, ".kata")).find((f) => f.startsWith("hints.json.unread"));
    assert.ok(aside, "the old file is kept");
    assert.match(outcome.text, new RegExp(`set aside as \\.kata/${aside.replace(/\./g, "\\.")}`));
    assert.equal(readFileSync(join(root, ".kata", aside), "utf8"), broken);
    assert.deepEqual(readHintLevels(root), { "04/crossEntropyError": 1 });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

Deno.test("hint ignores stored tiers that are not whole numbers from 0 to 3", () => {
  const root = workbook();
  try {
    mkdirSync(join(root, ".kata"));
    writeFileSync(
      join(root, ".kata", "hints.json"),
      JSON.stringify({ "04/crossEntropyError": "1", "04/sumSquaredError": 2.5, "04/x": [] }),
    );
    const outcome = hintCommand(root, ["04", "crossEntropyError"]);
    assert.match(outcome.text, /tiers that are not whole numbers from 0 to 3/);
    assert.match(outcome.text, /tier 1 of 3/);
    assert.ok(!outcome.text.includes("NaN"));
    assert.deepEqual(readHintLevels(root), { "04/crossEntropyError": 1 });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

Deno.test("hint refuses an unknown option or a stray argument in one line with exit 2", () => {
  const root = workbook();
  try {
    const unknown = hintCommand(root, ["04", "crossEntropyError", "--mroe"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.text, /^error: Unknown option "--mroe"/);
    const extra = hintCommand(root, ["04", "crossEntropyError", "more"]);
    assert.equal(extra.code, 2);
    assert.match(extra.text, /^error: Unexpected argument "more"/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
