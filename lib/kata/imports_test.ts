import assert from "node:assert/strict";
import {
  configProblems,
  importProblems,
  importSpecifiers,
  JSR_SCHEME,
  STD_SCOPE,
} from "./imports.ts";

const STD_ASSERT = `${STD_SCOPE}assert`;

Deno.test("importSpecifiers() ignores imports inside JSDoc examples", () => {
  const source = `/**
 * @example
 * \`\`\`ts
 * import { x } from "../../chapters/04/loss.ts";
 * \`\`\`
 */
import "./side_effect.ts";
export * from "./mod.ts";
import type { A } from "./a.ts"; import { B } from "./b.ts";
`;
  assert.deepEqual(importSpecifiers(source), ["./side_effect.ts", "./mod.ts", "./a.ts", "./b.ts"]);
});

Deno.test("importProblems() applies the house rules", () => {
  assert.deepEqual(importProblems("chapters/04/net.ts", ["./loss.ts", "../../lib/np/mod.ts"]), []);
  assert.equal(importProblems("chapters/05/net.ts", ["../04/loss.ts"]).length, 1);
  assert.equal(importProblems("lib/nets/net.ts", ["../../chapters/05/layers.ts"]).length, 1);
  assert.deepEqual(importProblems("lib/train_command/main.ts", ["../../chapters/08/net.ts"]), []);
  assert.deepEqual(importProblems("lib/kata/mine.ts", ["../../chapters/stubs.ts"]), []);
  assert.equal(importProblems("lib/x.ts", [STD_ASSERT]).length, 1);
  assert.equal(importProblems("lib/x.ts", [`${JSR_SCHEME}${STD_ASSERT}`]).length, 1);
  assert.equal(importProblems("lib/x.ts", [`https://jsr.io/${STD_ASSERT}/mod.ts`]).length, 1);
  assert.equal(importProblems("lib/x.ts", ["npm:fast-check@4"]).length, 0);
});

Deno.test("configProblems() finds imports mapped to JSR and locked JSR packages", () => {
  assert.deepEqual(configProblems("deno.json", { imports: { a: "npm:a@1" } }), []);
  assert.equal(
    configProblems("deno.json", { imports: { [STD_ASSERT]: `${JSR_SCHEME}${STD_ASSERT}@1` } })
      .length,
    1,
  );
  assert.equal(configProblems("deno.lock", { "jsr": { [`${STD_ASSERT}@1.0.0`]: {} } }).length, 1);
});
