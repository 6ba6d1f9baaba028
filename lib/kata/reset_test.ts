import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resetFile, timestamp } from "./reset.ts";

const STUB = 'export function f(x: number): number {\n  return todo("f", "04", x);\n}\n';
const SOLVED = "export function f(x: number): number {\n  return 2 * x;\n}\n";
const MINE = "export function f(x: number): number {\n  return 3 * x; // my try\n}\n";

async function git(cwd: string, ...args: string[]): Promise<void> {
  const { code, stderr } = await new Deno.Command("git", {
    args: ["-c", "user.name=Test", "-c", "user.email=test@example.com", ...args],
    cwd,
    stdout: "null",
    stderr: "piped",
  }).output();
  assert.equal(code, 0, new TextDecoder().decode(stderr));
}

/** A clone whose history has the stub, then a commit of a solution, then local edits. */
async function clone(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), "zerokara-reset-"));
  mkdirSync(join(root, "chapters", "04"), { recursive: true });
  const file = join(root, "chapters", "04", "f.ts");
  await git(root, "init", "-q");
  writeFileSync(file, STUB);
  await git(root, "add", ".");
  await git(root, "commit", "-q", "-m", "stub");
  writeFileSync(file, SOLVED);
  await git(root, "commit", "-q", "-am", "my solution");
  writeFileSync(file, MINE);
  return root;
}

Deno.test("reset restores the newest version that calls todo() and backs up the learner's file", async () => {
  const root = await clone();
  try {
    const outcome = await resetFile(root, { chapter: "04", file: "f.ts" }, { yes: true });
    assert.equal(outcome.code, 0, outcome.message);
    assert.equal(readFileSync(join(root, "chapters", "04", "f.ts"), "utf8"), STUB);
    assert.match(outcome.backup ?? "", /^\.kata\/backups\/04\/f\.ts\.\d{8}-\d{6}$/);
    assert.equal(readFileSync(join(root, outcome.backup as string), "utf8"), MINE);
    assert.ok(outcome.message.includes(outcome.backup as string), "the backup path is printed");

    const again = await resetFile(root, { chapter: "04", file: "f.ts" }, { yes: true });
    assert.equal(again.code, 0);
    assert.match(again.message, /already the shipped stub/);
    assert.equal(again.backup, undefined);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

Deno.test("reset asks first and refuses without a terminal unless --yes", async () => {
  const root = await clone();
  const file = join(root, "chapters", "04", "f.ts");
  try {
    const noTty = await resetFile(root, { chapter: "04", file: "f.ts" }, { interactive: false });
    assert.equal(noTty.code, 1);
    assert.match(noTty.message, /--yes/);
    const declined = await resetFile(root, { chapter: "04", file: "f.ts" }, {
      interactive: true,
      confirm: () => false,
    });
    assert.equal(declined.code, 1);
    assert.equal(readFileSync(file, "utf8"), MINE, "a refusal changes nothing");
    const accepted = await resetFile(root, { chapter: "04", file: "f.ts" }, {
      interactive: true,
      confirm: () => true,
    });
    assert.equal(accepted.code, 0);
    assert.equal(readFileSync(file, "utf8"), STUB);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

Deno.test("reset explains what is wrong outside a git clone or without a stub", async () => {
  const root = mkdtempSync(join(tmpdir(), "zerokara-nogit-"));
  try {
    mkdirSync(join(root, "chapters", "04"), { recursive: true });
    writeFileSync(join(root, "chapters", "04", "f.ts"), MINE);
    const outcome = await resetFile(root, { chapter: "04", file: "f.ts" }, { yes: true });
    assert.equal(outcome.code, 1);
    assert.match(outcome.message, /is not a git clone/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const repo = await clone();
  try {
    writeFileSync(join(repo, "chapters", "04", "g.ts"), SOLVED);
    await git(repo, "add", ".");
    await git(repo, "commit", "-q", "-m", "not a stub");
    const outcome = await resetFile(repo, { chapter: "04", file: "g.ts" }, { yes: true });
    assert.equal(outcome.code, 1);
    assert.match(outcome.message, /No version of chapters\/04\/g\.ts .* calls todo\(\)/);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});

Deno.test("timestamp() sorts by date", () => {
  assert.equal(timestamp(new Date(2026, 0, 2, 3, 4, 5)), "20260102-030405");
});
