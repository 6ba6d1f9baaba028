import assert from "node:assert/strict";
import { CATALOGUES, type Messages } from "../command/lang.ts";
import "../command/args.ts";
import "./status.ts";
import "./hint.ts";
import "./watch.ts";
import "./reset.ts";
import "./solution.ts";
import "./todo.ts";
import "../testing/mistakes.ts";

/** A message as text, with identifier-like placeholders for its parameters. */
function render(message: Messages[string]): string {
  if (typeof message === "string") return message;
  return message(...Array.from({ length: message.length }, (_, i) => `arg${i}`));
}

/**
 * The English left in a Japanese text: runs of 4 or more ASCII words, once code spans,
 * commands (`deno …`, `git …`), file paths, options and identifiers are taken out.
 */
export function englishRuns(text: string): string[] {
  const stripped = text
    .replace(/`[^`]*`/g, " ")
    .replace(/\b(?:deno|git)\s[^\n、。（）()「」]*/g, " ")
    .replace(/[\w.\-]*\/[\w.\-/]*/g, " ")
    .replace(/--?[\w-]+/g, " ")
    .replace(/\b\w*(?:[a-z][A-Z]|_|\d)\w*\b/g, " ");
  return stripped.match(/\b[A-Za-z]+(?:[ ,'’]+[A-Za-z]+){3,}\b/g) ?? [];
}

Deno.test("englishRuns() finds an English sentence, not commands or identifiers", () => {
  assert.deepEqual(englishRuns("続き: deno task hint 04 crossEntropyError --more"), []);
  assert.deepEqual(englishRuns("`Affine.backward` と chapters/04/loss.ts:23"), []);
  assert.equal(englishRuns("これは the tests did not run です").length, 1);
});

Deno.test("every message exists in both languages, and the Japanese ones are Japanese", () => {
  const names = CATALOGUES.map((c) => c.name).sort();
  for (const tool of ["args", "hint", "kata", "mistakes", "reset", "solution", "todo", "watch"]) {
    assert.ok(names.includes(tool), `the ${tool} catalogue is loaded`);
  }
  for (const { name, languages: { en, ja } } of CATALOGUES) {
    assert.deepEqual(Object.keys(ja).sort(), Object.keys(en).sort(), `${name}: the same keys`);
    for (const key of Object.keys(en)) {
      assert.equal(typeof ja[key], typeof en[key], `${name}.${key}: the same kind`);
      if (typeof en[key] === "function") {
        assert.equal(
          (ja[key] as () => string).length,
          (en[key] as () => string).length,
          `${name}.${key}: the same parameters`,
        );
      }
      const text = render(ja[key]);
      assert.ok(/[\u3040-\u30ff\u4e00-\u9fff]/.test(text), `${name}.${key} is Japanese: ${text}`);
      assert.deepEqual(englishRuns(text), [], `${name}.${key} has English in it: ${text}`);
      assert.notEqual(text, render(en[key]), `${name}.${key} is translated`);
    }
  }
});
