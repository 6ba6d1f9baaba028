import assert from "node:assert/strict";
import { compileWat, moduleText, SOURCES } from "./build.ts";

Deno.test("build:wasm: the committed modules are the build of their sources", async () => {
  for (const { wat, module, name } of SOURCES) {
    const text = await Deno.readTextFile(new URL(wat, import.meta.url));
    const fresh = moduleText(wat, name, await compileWat(wat, text));
    const committed = await Deno.readTextFile(new URL(module, import.meta.url));
    assert.ok(committed === fresh, `${module} is stale: run deno task build:wasm and commit it`);
  }
});
