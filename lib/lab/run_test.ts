import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadLabRun, SHIPPED_PARAMS_PATH } from "./run.ts";
import { SHIPPED_DIR, SHIPPED_HISTORY } from "./make_weights.ts";
import { setLang } from "../command/lang.ts";

// The messages read below are the English ones, whatever the machine's locale.
setLang("en");

Deno.test("loadLabRun() takes the latest deno task train run when there is one, else the shipped network", () => {
  const dir = mkdtempSync(join(tmpdir(), "lab-run-"));
  try {
    const shipped = loadLabRun(undefined, { cwd: dir });
    assert.equal(shipped.kind, "shipped");
    assert.equal(shipped.given, false);
    assert.equal(shipped.history.length, 2);

    mkdirSync(join(dir, "out", "train"), { recursive: true });
    copyFileSync(SHIPPED_PARAMS_PATH, join(dir, "out", "train", "params.safetensors"));
    copyFileSync(join(SHIPPED_DIR, SHIPPED_HISTORY), join(dir, "out", "train", "history.csv"));
    const trained = loadLabRun(undefined, { cwd: dir });
    assert.equal(trained.kind, "trained");
    assert.equal(trained.params, join("out", "train", "params.safetensors"));
    assert.equal(trained.historyPath, join("out", "train", "history.csv"));
    assert.equal(trained.className, "FinalConvNet");

    const given = loadLabRun(SHIPPED_PARAMS_PATH, { cwd: dir });
    assert.equal(
      given.kind,
      "shipped",
      "the shipped file named with --params is still the shipped one",
    );
    assert.equal(given.given, true);
    assert.throws(
      () => loadLabRun(join(dir, "missing.safetensors"), { cwd: dir }),
      /No parameters file/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
