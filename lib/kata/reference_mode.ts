/**
 * `deno task test:reference chapters/05`: runs chapter tests against the answer key (the
 * reference modules of `chapters/stubs.ts`) instead of the stubs, as the self-check's reference
 * mode does. For contributors writing tests; extra arguments go to `deno test`.
 *
 * @module
 */

import { dirname } from "node:path";
import { rmSync } from "node:fs";
import { REPO_ROOT } from "./cli.ts";
import { referenceImportMap, writeImportMap } from "./import_map.ts";
import { readWorkbook } from "./manifest.ts";

if (import.meta.main) {
  const args = Deno.args.length > 0 ? Deno.args : ["chapters/"];
  const map = writeImportMap(referenceImportMap(REPO_ROOT, readWorkbook(REPO_ROOT).pairs));
  try {
    const { code } = await new Deno.Command(Deno.execPath(), {
      args: ["test", `--import-map=${map}`, ...args],
      cwd: REPO_ROOT,
      stdin: "inherit",
      stdout: "inherit",
      stderr: "inherit",
    }).output();
    Deno.exitCode = code;
  } finally {
    rmSync(dirname(map), { recursive: true, force: true });
  }
}
