import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { workbookProgress } from "./progress.ts";

const MINE_URL = new URL("./mine.ts", import.meta.url).href;
const HINT = "\n### 1\n\na\n\n### 2\n\nb\n\n### 3\n\nc\n\n";

/** A workbook where the learner has solved double() their own way and not yet triple(). */
function workbook(): string {
  const root = mkdtempSync(join(tmpdir(), "zerokara-mine-"));
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write("deno.json", '{ "lock": false }\n');
  write(
    "chapters/stubs.ts",
    'type X = [SameExports<typeof import("./01/math.ts"), typeof import("../lib/math.ts")>];\n',
  );
  write(
    "chapters/01/math.ts",
    "export function double(x: number): number {\n  return x + x; // mine\n}\n" +
      "export function triple(x: number): number {\n" +
      '  throw new Error("NotImplementedError-like: not written");\n}\n',
  );
  write(
    "chapters/01/math_test.ts",
    'import { double, triple } from "./math.ts";\n' +
      'Deno.test("double() doubles", () => {\n  if (double(2) !== 4) throw new Error("no");\n});\n' +
      'Deno.test("triple() triples", () => {\n  if (triple(2) !== 6) throw new Error("no");\n});\n',
  );
  write("chapters/01/HINTS.md", `# Hints\n\n## double\n${HINT}## triple\n${HINT}`);
  write(
    "lib/math.ts",
    "export function double(x: number): number {\n  return 2 * x; // reference\n}\n" +
      "export function triple(x: number): number {\n  return 3 * x;\n}\n",
  );
  write(
    "lib/run.ts",
    `import { useMineIfAsked } from "${MINE_URL}";\n` +
      'import { double } from "./math.ts";\n' +
      `await useMineIfAsked(import.meta.url, { chapters: ["01"], root: ${
        JSON.stringify(root)
      } });\n` +
      "console.log(double.toString());\n",
  );
  return root;
}

async function run(root: string, args: string[]): Promise<{ code: number; out: string }> {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "lib/run.ts", ...args],
    cwd: root,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const d = new TextDecoder();
  return { code, out: d.decode(stdout) + d.decode(stderr) };
}

Deno.test("progress counts a solved exercise (no todo() left) as done", async () => {
  const root = workbook();
  try {
    const [chapter] = await workbookProgress(root);
    assert.deepEqual(chapter.exercises.map((e) => [e.exercise.name, e.done]), [
      ["double", true],
      ["triple", false],
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

Deno.test("--mine lists the unsolved exercises and exits 1; solved, it runs the learner's code", async () => {
  const root = workbook();
  try {
    const reference = await run(root, []);
    assert.equal(reference.code, 0, reference.out);
    assert.match(reference.out, /reference/);

    const blocked = await run(root, ["--mine"]);
    assert.equal(blocked.code, 1);
    assert.match(blocked.out, /not done yet/);
    assert.match(blocked.out, /triple {2}chapters\/01\/math\.ts:4 {2}deno task hint 01 triple/);

    writeFileSync(
      join(root, "chapters/01/math.ts"),
      "export function double(x: number): number {\n  return x + x; // mine\n}\n" +
        "export function triple(x: number): number {\n  return x + x + x;\n}\n",
    );
    const mine = await run(root, ["--mine"]);
    assert.equal(mine.code, 0, mine.out);
    assert.match(mine.out, /\/\/ mine/);
    assert.doesNotMatch(mine.out, /reference/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
