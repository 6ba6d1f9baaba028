// The answer key reads like the book: the layers, networks and numerical gradient call lib/np
// as the book calls NumPy, never the kernels or the engine, and pass no performance options.

import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

const FOLDERS = ["../layers/", "../nets/", "../gradient/"];

Deno.test("answer-key modules import no kernels or engine and pass no trans/out options", () => {
  const offences: string[] = [];
  for (const folder of FOLDERS) {
    const dir = fileURLToPath(new URL(folder, import.meta.url));
    for (const entry of Deno.readDirSync(dir)) {
      if (!entry.name.endsWith(".ts") || entry.name.endsWith("_test.ts")) continue;
      const text = Deno.readTextFileSync(`${dir}${entry.name}`);
      const rules: [RegExp, string][] = [
        [/from "[^"]*\/kernels\//, "imports a kernel"],
        [/from "[^"]*\/engine\//, "imports the engine"],
        [/\btrans[AB]\s*:/, "passes transA/transB"],
        [/[{,]\s*out\s*[:},]/, "passes an out option"],
      ];
      for (const [pattern, what] of rules) {
        if (pattern.test(text)) offences.push(`${folder}${entry.name} ${what}`);
      }
    }
  }
  assert.deepEqual(
    offences,
    [],
    `the answer key should read like the book:\n${offences.join("\n")}`,
  );
});
