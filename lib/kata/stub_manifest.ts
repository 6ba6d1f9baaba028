/**
 * The manifest of the shipped stubs (`lib/kata/stub_manifest.json`): for every stub module,
 * the SHA-256 of its shipped bytes and its git blob id. `deno task reset` restores exactly
 * these bytes, whatever the learner's own history holds (their committed solutions, a fork
 * whose `origin/HEAD` moved). `deno task stubs:manifest` writes it after a stub changes; a lib
 * test checks that it matches the stubs in the tree.
 *
 * @module
 */

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { writeTextAtomicSync } from "../io/atomic.ts";
import { REPO_ROOT } from "./cli.ts";
import { readWorkbook } from "./manifest.ts";

/** The manifest's path, relative to the repo root. */
export const STUB_MANIFEST = "lib/kata/stub_manifest.json";

/** One shipped stub. */
export interface StubEntry {
  /** The SHA-256 of its bytes, hex. */
  sha256: string;
  /** Its git blob id (what `git hash-object` prints), to fetch it from the clone's objects. */
  blob: string;
}

/** Stub modules (`chapters/04/loss.ts`) → their shipped bytes' hashes. */
export type StubManifest = Record<string, StubEntry>;

/** The hex SHA-256 of some bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The git blob id of some bytes (`git hash-object`).
 *
 * @example
 * ```ts
 * import { gitBlobId } from "./stub_manifest.ts";
 * import assert from "node:assert/strict";
 *
 * // git hash-object of an empty file
 * assert.equal(gitBlobId(new Uint8Array()), "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
 * ```
 *
 * @param bytes The content.
 * @returns 40 hex digits.
 */
export function gitBlobId(bytes: Uint8Array): string {
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

/** The entry of some bytes. */
export function stubEntry(bytes: Uint8Array): StubEntry {
  return { sha256: sha256Hex(bytes), blob: gitBlobId(bytes) };
}

/**
 * The manifest of the stub modules in a tree (the modules whose code calls `todo(`).
 *
 * @param root The repo root.
 * @returns Path → entry, sorted by path.
 */
export function buildStubManifest(root: string): StubManifest {
  const manifest: StubManifest = {};
  for (const file of [...readWorkbook(root).stubModules].sort()) {
    manifest[file] = stubEntry(readFileSync(join(root, file)));
  }
  return manifest;
}

/** The manifest as its file's text. */
export function manifestText(manifest: StubManifest): string {
  return JSON.stringify(manifest, null, 2) + "\n";
}

/**
 * Reads the committed manifest, or `undefined` when the workbook has none.
 *
 * @param root The repo root.
 * @returns The manifest.
 * @throws {SyntaxError} when the file is not JSON.
 */
export function readStubManifest(root: string): StubManifest | undefined {
  let text: string;
  try {
    text = readFileSync(join(root, STUB_MANIFEST), "utf8");
  } catch {
    return undefined;
  }
  return JSON.parse(text) as StubManifest;
}

if (import.meta.main) {
  const { runCommand } = await import("../command/run.ts");
  const { commandLine } = await import("../command/args.ts");
  commandLine(Deno.args, {
    name: "stubs:manifest",
    summary: `Contributors: writes ${STUB_MANIFEST}, the SHA-256 and git blob id of every ` +
      "shipped stub,\nwhich deno task reset restores. Run it after changing a stub.",
  });
  await runCommand(() => {
    const manifest = buildStubManifest(REPO_ROOT);
    writeTextAtomicSync(join(REPO_ROOT, STUB_MANIFEST), manifestText(manifest));
    console.log(`Wrote ${STUB_MANIFEST} (${Object.keys(manifest).length} stub modules)`);
  });
}
