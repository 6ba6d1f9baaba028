import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setLang } from "../command/lang.ts";
import { decodeXml, parseJunit, parseRunErrors, runTests } from "./test_run.ts";

// The messages read below are the English ones, whatever the machine's locale.
setLang("en");

Deno.test("decodeXml() decodes entities", () => {
  assert.equal(
    decodeXml("&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &#955; &#x3bb;"),
    `<a> & "b" 'c' λ λ`,
  );
});

Deno.test("parseJunit() folds steps into their test, with the step's error", () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="deno test" tests="3" failures="2" errors="0" time="0.068">
    <testsuite name="./a_test.ts" tests="3" disabled="1" errors="0" failures="2">
        <testcase name="steps" classname="./a_test.ts" time="0.001" line="6" col="6">
            <failure message="1 test step failed">1 test step failed.</failure>
        </testcase>
        <testcase name="ignored" classname="./a_test.ts" time="0.000" line="7" col="6">
            <skipped/>
        </testcase>
        <testcase name="steps &gt; inner" classname="./a_test.ts" time="0.000" line="6" col="43">
            <failure message="Uncaught RangeError: bad&#10;second">RangeError: bad
second
    at file:///tmp/jt/a_test.ts:6:71</failure>
        </testcase>
        <testcase name="file:///repo/lib/x.ts#3-9.ts" classname="./lib/x.ts#3-9.ts" line="4" col="6">
        </testcase>
    </testsuite>
</testsuites>`;
  assert.deepEqual(parseJunit(xml, { rootUrl: "file:///repo/" }), [
    {
      file: "a_test.ts",
      name: "steps",
      line: 6,
      status: "failed",
      error: "RangeError: bad\nsecond\n    at file:///tmp/jt/a_test.ts:6:71",
    },
    { file: "a_test.ts", name: "ignored", line: 7, status: "skipped" },
    { file: "lib/x.ts#3-9.ts", name: "lib/x.ts#3-9.ts", line: 4, status: "passed" },
  ]);
});

Deno.test("parseRunErrors() keeps the module error, not the summary's repeat", () => {
  const output = `ERRORS

./b_test.ts (uncaught error)
error: (in promise) Error: module level boom
throw new Error("module level boom");
      ^
    at file:///tmp/jt/b_test.ts:1:7
This error was not caught from a test and caused the test runner to fail on the referenced module.

FAILURES

./b_test.ts (uncaught error)

FAILED | 1 passed | 4 failed`;
  assert.deepEqual(parseRunErrors(output), [{
    file: "b_test.ts",
    error: 'Error: module level boom\nthrow new Error("module level boom");\n      ^\n' +
      "    at file:///tmp/jt/b_test.ts:1:7",
  }]);
});

Deno.test("runTests() reports tests, module errors and runs that stop early", async () => {
  const root = mkdtempSync(join(tmpdir(), "zerokara-run-"));
  try {
    writeFileSync(join(root, "deno.json"), '{ "lock": false }\n');
    writeFileSync(
      join(root, "a_test.ts"),
      'Deno.test("ok", () => {});\nDeno.test("bad", () => { throw new TypeError("no"); });\n',
    );
    writeFileSync(join(root, "b_test.ts"), 'throw new Error("boom");\n');
    const run = await runTests(["."], { root });
    assert.deepEqual(run.tests.map((t) => [t.file, t.name, t.status]), [
      ["a_test.ts", "ok", "passed"],
      ["a_test.ts", "bad", "failed"],
    ]);
    assert.match(run.tests[1].error ?? "", /^TypeError: no/);
    assert.equal(run.errors.length, 1);
    assert.equal(run.errors[0].file, "b_test.ts");
    assert.match(run.errors[0].error, /^Error: boom/);

    writeFileSync(join(root, "b_test.ts"), 'import "./missing.ts";\n');
    const broken = await runTests(["b_test.ts"], { root });
    assert.deepEqual(broken.tests, []);
    assert.equal(broken.errors.length, 1);
    assert.match(broken.errors[0].error, /^deno test exited with code 1: .*[Mm]odule not found/s);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

Deno.test("runTests() stops a hung chapter at its time limit and names the test", async () => {
  const root = mkdtempSync(join(tmpdir(), "zerokara-hang-"));
  try {
    writeFileSync(join(root, "deno.json"), '{ "lock": false }\n');
    mkdirSync(join(root, "chapters", "04"), { recursive: true });
    writeFileSync(
      join(root, "chapters", "04", "loss_test.ts"),
      'Deno.test("sumSquaredError() ends", () => {});\n' +
        'Deno.test("crossEntropyError() loops", () => { while (true) { /* forever */ } });\n',
    );
    const run = await runTests(["chapters/04/"], { root, timeoutMs: 3000 });
    assert.equal(run.timedOut, true);
    assert.notEqual(run.code, 0);
    assert.equal(run.errors.length, 1);
    assert.equal(run.errors[0].file, "chapters/04/loss_test.ts");
    assert.match(
      run.errors[0].error,
      /^Timed out: the test "crossEntropyError\(\) loops" \(chapters\/04\/loss_test\.ts\) did not finish within 3 s/,
    );
    assert.match(run.errors[0].error, /ZEROKARA_TEST_TIMEOUT/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
