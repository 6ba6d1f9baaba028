/**
 * Checks for the message catalogues (`lang.ts`): every message exists in both languages with
 * the same parameters, and the Japanese ones carry no English sentence. Used by the tests of
 * the tools', the commands' and the mistakes' catalogues.
 *
 * @module
 */

import assert from "node:assert/strict";
import { CATALOGUES, type Messages } from "./lang.ts";

/**
 * A message as text, with identifier-like placeholders for its parameters.
 *
 * @param message A catalogue entry.
 * @returns Its text.
 */
export function render(message: Messages[string]): string {
  if (typeof message === "string") return message;
  return message(...Array.from({ length: message.length }, (_, i) => `arg${i}`));
}

/**
 * The English left in a Japanese text: runs of 4 or more ASCII words, three of them in a row
 * without a comma (a list of names is no sentence), once code blocks and spans, quoted names
 * (`"unrolls the patches"`: a test's name, input), shapes and tuples
 * (brackets whose words are one or two letters: `[N, C, H, W]`), commands (`deno …`,
 * `git …`), file paths, options and identifiers are taken out.
 *
 * @example
 * ```ts
 * import { englishRuns } from "./bilingual.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(englishRuns("続き: deno task hint 04 crossEntropyError --more"), []);
 * assert.deepEqual(englishRuns("[N, C, H, W] に戻す"), []);
 * assert.equal(englishRuns("これは the tests did not run です").length, 1);
 * assert.deepEqual(englishRuns("sgd, momentum, nesterov, adam から選んでください"), []);
 * ```
 *
 * @param text A Japanese text.
 * @returns The English runs found.
 */
export function englishRuns(text: string): string[] {
  const stripped = text
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/`[^`]*`/g, " ")
    .replace(/"[^"\u3040-\u30ff\u4e00-\u9fff]*"/g, " ")
    .replace(/[\[(][^\[\]()]*[\])]/g, (group) => /[A-Za-z]{3}/.test(group) ? group : " ")
    .replace(/\b(?:deno|git)\s[^\n、。（）()「」]*/g, " ")
    .replace(/[\w.\-]*\/[\w.\-/]*/g, " ")
    .replace(/--?[\w-]+/g, " ")
    .replace(/\b\w*(?:[a-z][A-Z]|_|\d)\w*\b/g, " ");
  // A list of names (`sgd, momentum, nesterov, adagrad`) is no sentence: a run counts when
  // three of its words follow one another without a comma.
  return (stripped.match(/\b[A-Za-z]+(?:[ ,'’]+[A-Za-z]+){3,}\b/g) ?? [])
    .filter((run) => /[A-Za-z'’]+ +[A-Za-z'’]+ +[A-Za-z]/.test(run));
}

/**
 * Asserts that the named catalogues are loaded and bilingual: the same keys and parameters in
 * both languages, every Japanese message Japanese and without an English sentence.
 *
 * @param names The catalogues to check (they must have been imported).
 * @param options `translated`: also require each Japanese text to differ from the English.
 */
export function assertBilingual(names: string[], options: { translated?: boolean } = {}): void {
  const loaded = CATALOGUES.map((c) => c.name);
  for (const name of names) assert.ok(loaded.includes(name), `the ${name} catalogue is loaded`);
  for (const { name, languages: { en, ja } } of CATALOGUES) {
    if (!names.includes(name)) continue;
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
      if (options.translated) {
        assert.notEqual(text, render(en[key]), `${name}.${key} is translated`);
      }
    }
  }
}
