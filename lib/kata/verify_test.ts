import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { style } from "./cli.ts";
import { checkManifest, formatReport, type GroupResult, judgeStubRun, verify } from "./verify.ts";
import { readWorkbook } from "./manifest.ts";

const FIXTURE = fileURLToPath(new URL("./testdata/fixture/", import.meta.url));

function group(groups: GroupResult[], name: string): GroupResult {
  const found = groups.find((g) => g.name.startsWith(name));
  assert.ok(found, `no group named ${name}: ${groups.map((g) => g.name)}`);
  return found;
}

Deno.test("verify() catches a solved stub, a test failing for the wrong reason and a missing hint", async () => {
  const report = await verify(FIXTURE);
  const lib = group(report.groups, "lib tests");
  assert.deepEqual([lib.passed, lib.failures], [2, []], "the fixture's test and doc example");

  const reference = group(report.groups, "chapter tests, reference");
  assert.deepEqual([reference.passed, reference.failures], [4, []]);

  const stub = group(report.groups, "chapter tests, stub");
  assert.equal(stub.passed, 2, "double() and square() fail with NotImplementedError");
  assert.equal(stub.failures.length, 2);
  assert.match(stub.failures[0], /^chapters\/01\/math_test\.ts:\d+ › half\(\) halves: passes/);
  assert.match(
    stub.failures[1],
    /^chapters\/01\/math_test\.ts:\d+ › triple\(\) triples each number: fails with "TypeError: Cannot read properties of undefined \(reading 'factor'\)" instead of NotImplementedError/,
  );

  const hints = group(report.groups, "hints");
  assert.equal(hints.passed, 2, "double and triple have their three tiers");
  assert.deepEqual(hints.failures, ["square (chapters/01/math.ts:28): no ## square section"]);

  const japanese = group(report.groups, "hints in Japanese");
  assert.equal(japanese.passed, 1, "double has its three tiers in HINTS.ja.md");
  assert.deepEqual(japanese.failures, [
    "triple (chapters/01/math.ts:20): no ## triple section",
    "square (chapters/01/math.ts:28): no ## square section",
  ]);

  const stubsAsk = group(report.groups, "stubs ask");
  assert.deepEqual(stubsAsk.failures, ["chapters/01/math.ts:26: a statement in a code span"]);

  const names = ["fmt", "lint", "types", "exercises have tests", "--filter", "import rules"];
  for (const name of [...names, "stubs.ts"]) {
    assert.deepEqual(group(report.groups, name).failures, [], name);
  }
  assert.equal(report.failed, 6);
  assert.equal(report.passed, report.groups.reduce((n, g) => n + g.passed, 0));

  const lines = formatReport(report, style(false));
  assert.equal(lines.at(-1), `test: ${report.passed} passed, 6 failed`);
  assert.ok(lines.includes("FAIL hints: 2 passed, 1 failed"));
});

Deno.test("verify() works on a workbook with no chapters yet", async () => {
  const root = mkdtempSync(join(tmpdir(), "zerokara-empty-"));
  try {
    mkdirSync(join(root, "chapters"));
    mkdirSync(join(root, "lib"));
    writeFileSync(join(root, "deno.json"), '{ "lock": false }\n');
    writeFileSync(
      join(root, "chapters", "stubs.ts"),
      "/** No stubs yet. */\nexport type StubsMatchTheirReferences = [];\n",
    );
    writeFileSync(join(root, "lib", "one.ts"), "/** One. */\nexport const ONE = 1;\n");
    writeFileSync(
      join(root, "lib", "one_test.ts"),
      'import { ONE } from "./one.ts";\n\nDeno.test("ONE is 1", () => {\n' +
        '  if (ONE !== 1) throw new Error("ONE is not 1");\n});\n',
    );
    const report = await verify(root);
    assert.equal(report.failed, 0, formatReport(report, style(false)).join("\n"));
    assert.equal(group(report.groups, "lib tests").passed, 1);
    assert.equal(group(report.groups, "chapter tests, reference").passed, 0);
    assert.equal(group(report.groups, "chapter tests, stub").passed, 0);
    assert.equal(group(report.groups, "hints").passed, 0);
    assert.equal(
      formatReport(report, style(false)).at(-1),
      `test: ${report.passed} passed, 0 failed`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

Deno.test("checkManifest() reports unlisted stub modules and missing listed files", () => {
  const workbook = readWorkbook(FIXTURE);
  workbook.pairs.push({ chapter: "02", stub: "chapters/02/gone.ts", reference: "lib/gone.ts" });
  workbook.stubModules.push("chapters/01/extra.ts");
  const result = checkManifest(workbook);
  assert.equal(result.passed, 2);
  assert.deepEqual(result.failures.slice(0, 2), [
    "chapters/stubs.ts: stub chapters/02/gone.ts does not exist",
    "chapters/stubs.ts: reference lib/gone.ts does not exist",
  ]);
  assert.match(
    result.failures[2],
    /^chapters\/01\/extra\.ts calls todo\(\) but chapters\/stubs\.ts/,
  );
});

Deno.test("judgeStubRun() accepts a NotImplementedError wrapped by fast-check", () => {
  const wrapped = "Error: Property failed after 1 tests\n{ seed: 1 }\n    at buildError (…)\n" +
    "Caused by: NotImplementedError: f() is not written yet (chapter 04).\n    at todo (…)";
  const other = "Error: Property failed after 1 tests\nCaused by: RangeError: bad axis";
  const result = judgeStubRun({
    code: 1,
    output: "",
    errors: [],
    tests: [
      {
        file: "chapters/04/f_test.ts",
        name: "f() prop",
        line: 3,
        status: "failed",
        error: wrapped,
      },
      { file: "chapters/04/f_test.ts", name: "f() other", line: 9, status: "failed", error: other },
    ],
  });
  assert.equal(result.passed, 1);
  assert.deepEqual(result.failures, [
    'chapters/04/f_test.ts:9 › f() other: fails with "Error: Property failed after 1 tests" ' +
    'caused by "RangeError: bad axis" instead of NotImplementedError ' +
    "(it must call the stub before anything else can fail)",
  ]);
});
