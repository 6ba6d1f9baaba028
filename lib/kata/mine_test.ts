import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { workbookProgress } from "./progress.ts";

const MINE_URL = new URL("./mine.ts", import.meta.url).href;
const TODO_URL = new URL("./todo.ts", import.meta.url).href;
const STUB = `import { todo } from "${TODO_URL}";\n` +
  'export function double(x: number): number {\n  return todo("double", "01", x);\n}\n' +
  'export function triple(x: number): number {\n  return todo("triple", "01", x);\n}\n';
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
    STUB,
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
      'import { double, triple } from "./math.ts";\n' +
      `await useMineIfAsked(import.meta.url, { chapters: ["01"], root: ${
        JSON.stringify(root)
      } });\n` +
      "console.log(double.toString(), triple.toString());\n",
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

/** Writes the learner's math.ts: double() solved their way, and triple() if asked. */
function solve(root: string, both: boolean): void {
  writeFileSync(
    join(root, "chapters/01/math.ts"),
    STUB.replace('return todo("double", "01", x);', "return x + x; // mine")
      .replace('return todo("triple", "01", x);', both ? "return x + x + x; // mine" : "$&"),
  );
}

Deno.test("progress counts a solved exercise (no todo() left) as done", async () => {
  const root = workbook();
  try {
    solve(root, false);
    const [chapter] = await workbookProgress(root);
    assert.deepEqual(chapter.exercises.map((e) => [e.exercise.name, e.done]), [
      ["double", true],
      ["triple", false],
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

Deno.test("--mine refuses when nothing is finished, then runs each finished exercise as soon as it is", async () => {
  const root = workbook();
  try {
    const reference = await run(root, []);
    assert.equal(reference.code, 0, reference.out);
    assert.match(reference.out, /2 \* x; \/\/ reference/);

    const blocked = await run(root, ["--mine"]);
    assert.equal(blocked.code, 1, blocked.out);
    assert.match(blocked.out, /none is yet/);
    assert.match(blocked.out, /reference {2}chapter 01: double, triple \(not finished\)/);

    solve(root, false);
    const half = await run(root, ["--mine"]);
    assert.equal(half.code, 0, half.out);
    assert.match(half.out, /yours {6}chapter 01: double\n/);
    assert.match(half.out, /reference {2}chapter 01: triple \(not finished\)/);
    assert.match(half.out, /x \+ x; \/\/ mine/, "double() is the learner's");
    assert.match(half.out, /3 \* x/, "triple() is the reference's");

    solve(root, true);
    const mine = await run(root, ["--mine"]);
    assert.equal(mine.code, 0, mine.out);
    assert.match(mine.out, /yours {6}chapter 01: double, triple\n/);
    assert.doesNotMatch(mine.out, /reference {2}chapter/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
