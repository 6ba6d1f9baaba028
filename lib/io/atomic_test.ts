import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { cleanStaleTemps, WriteError, writeFileAtomicSync, writeTextAtomicSync } from "./atomic.ts";
import { loadSafetensors, SafetensorsError, saveSafetensors } from "./safetensors.ts";
import * as np from "../np/mod.ts";

Deno.test("writeFileAtomicSync() replaces a file whole and leaves no temporary file", () => {
  const dir = Deno.makeTempDirSync();
  const path = join(dir, "a.txt");
  writeTextAtomicSync(path, "old");
  writeTextAtomicSync(path, "new");
  assert.equal(Deno.readTextFileSync(path), "new");
  assert.deepEqual(readdirSync(dir), ["a.txt"]);
  Deno.removeSync(dir, { recursive: true });
});

Deno.test("writeFileAtomicSync() cleans the temporary files of killed writes, not live ones", () => {
  const dir = Deno.makeTempDirSync();
  const path = join(dir, "history.csv");
  const dead = ".history.csv.999999999.abc123.tmp", legacy = "history.csv.999999998.0a1b2c3d.tmp";
  const live = `.history.csv.${Deno.pid}.zzz.tmp`, other = ".other.csv.999999999.abc.tmp";
  for (const name of [dead, legacy, live, other]) Deno.writeTextFileSync(join(dir, name), "half");
  writeTextAtomicSync(path, "epoch\n");
  assert.deepEqual(readdirSync(dir).sort(), [other, live, "history.csv"].sort());
  assert.deepEqual(cleanStaleTemps(path), []);
  Deno.removeSync(dir, { recursive: true });
});

Deno.test("writeFileAtomicSync() says which file and why, and keeps the old one", () => {
  const dir = Deno.makeTempDirSync();
  Deno.mkdirSync(join(dir, "history.csv"));
  assert.throws(() => writeTextAtomicSync(join(dir, "history.csv"), "x"), (error: unknown) => {
    assert.ok(error instanceof WriteError);
    assert.match(
      error.message,
      /^cannot write .*history\.csv \(.*\): a file or folder is in the way/,
    );
    return true;
  });
  Deno.writeTextFileSync(join(dir, "file"), "keep");
  assert.throws(
    () => writeFileAtomicSync(join(dir, "file", "x.png"), new Uint8Array(1)),
    WriteError,
  );
  assert.equal(Deno.readTextFileSync(join(dir, "file")), "keep");
  Deno.removeSync(dir, { recursive: true });
});

Deno.test("loadSafetensors() of a folder or a text file is a one-line SafetensorsError", () => {
  const dir = Deno.makeTempDirSync();
  assert.throws(() => loadSafetensors(dir), SafetensorsError);
  Deno.writeTextFileSync(join(dir, "notes.txt"), "not a safetensors file at all");
  assert.throws(() => loadSafetensors(join(dir, "notes.txt")), (error: unknown) => {
    assert.ok(error instanceof SafetensorsError);
    assert.equal(error.exitCode, 1);
    assert.ok(!error.message.includes("\n"));
    return true;
  });
  assert.throws(() => saveSafetensors(dir, { W: np.ones([1]) }), WriteError);
  Deno.removeSync(dir, { recursive: true });
});
