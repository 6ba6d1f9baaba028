import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Buffer } from "node:buffer";
import { REPO_ROOT } from "./cli.ts";
import { resetFile, timestamp } from "./reset.ts";
import {
  buildStubManifest,
  manifestText,
  readStubManifest,
  STUB_MANIFEST,
  stubEntry,
} from "./stub_manifest.ts";
import { setLang } from "../command/lang.ts";

// The messages read below are the English ones, whatever the machine's locale.
setLang("en");

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

/** A clone with a stub manifest, as the workbook ships. */
async function manifestClone(stub: Uint8Array): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), "zerokara-manifest-"));
  mkdirSync(join(root, "chapters", "04"), { recursive: true });
  mkdirSync(join(root, "lib", "kata"), { recursive: true });
  writeFileSync(join(root, "chapters", "04", "f.ts"), stub);
  writeFileSync(
    join(root, STUB_MANIFEST),
    manifestText({ "chapters/04/f.ts": stubEntry(stub) }),
  );
  await git(root, "init", "-q");
  await git(root, "add", ".");
  await git(root, "commit", "-q", "-m", "the workbook as shipped");
  return root;
}

Deno.test("reset restores the manifest's stub, not a committed half solution that calls todo()", async () => {
  const stub = new TextEncoder().encode(STUB);
  const root = await manifestClone(stub);
  const file = join(root, "chapters", "04", "f.ts");
  try {
    // The learner commits a half solution that still calls todo(), as their own origin/HEAD.
    const half = "export function f(x: number): number {\n  if (x > 0) return 2 * x;\n" +
      '  return todo("f", "04", x);\n}\n';
    writeFileSync(file, half);
    await git(root, "commit", "-q", "-am", "half way");
    await git(root, "update-ref", "refs/remotes/origin/HEAD", "HEAD");
    writeFileSync(file, MINE);
    const outcome = await resetFile(root, { chapter: "04", file: "f.ts" }, { yes: true });
    assert.equal(outcome.code, 0, outcome.message);
    assert.deepEqual(readFileSync(file), Buffer.from(stub));
    assert.match(outcome.message, /shipped stub \(blob [0-9a-f]{10}\)/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

Deno.test("reset backs up bytes, not text: a Shift_JIS comment survives", async () => {
  const root = await manifestClone(new TextEncoder().encode(STUB));
  const file = join(root, "chapters", "04", "f.ts");
  try {
    // "// 二乗" in Shift_JIS: invalid UTF-8, which a text round trip would turn into U+FFFD.
    const mine = new Uint8Array([
      ...new TextEncoder().encode("// "),
      0x93,
      0xf1,
      0x8f,
      0xe6,
      0x0a,
      ...new TextEncoder().encode(MINE),
    ]);
    writeFileSync(file, mine);
    const outcome = await resetFile(root, { chapter: "04", file: "f.ts" }, { yes: true });
    assert.equal(outcome.code, 0, outcome.message);
    assert.deepEqual(readFileSync(join(root, outcome.backup as string)), Buffer.from(mine));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

Deno.test("reset changes nothing when the backup cannot be written (.kata in the way)", async () => {
  const root = await manifestClone(new TextEncoder().encode(STUB));
  const file = join(root, "chapters", "04", "f.ts");
  try {
    writeFileSync(file, MINE);
    writeFileSync(join(root, ".kata"), "a file where the folder belongs");
    const outcome = await resetFile(root, { chapter: "04", file: "f.ts" }, { yes: true });
    assert.equal(outcome.code, 1);
    assert.match(
      outcome.message,
      /^Not reset: your version could not be backed up \(cannot write /,
    );
    assert.match(outcome.message, /chapters\/04\/f\.ts is unchanged/);
    assert.equal(readFileSync(file, "utf8"), MINE);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

Deno.test("the stub manifest matches the shipped stubs (deno task stubs:manifest rewrites it)", () => {
  const committed = readStubManifest(REPO_ROOT);
  assert.ok(committed, `${STUB_MANIFEST} is missing: run deno task stubs:manifest`);
  assert.deepEqual(
    committed,
    buildStubManifest(REPO_ROOT),
    `${STUB_MANIFEST} is out of date with the stubs: run deno task stubs:manifest`,
  );
});
