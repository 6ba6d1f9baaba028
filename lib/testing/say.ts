/**
 * What a chapter test says to the learner, in the learner's language: every assertion label
 * and failure message of `chapters/NN/*_test.ts` is written twice, English then Japanese, and
 * {@linkcode say} picks one by `lang()` (`lib/command/lang.ts`). Test names stay English: they
 * are the exercises' identifiers.
 *
 * @module
 */

import { lang } from "../command/lang.ts";

/**
 * The label in the learner's language.
 *
 * @example
 * ```ts
 * import { say } from "./say.ts";
 * import { setLang } from "../command/lang.ts";
 * import assert from "node:assert/strict";
 *
 * setLang("ja");
 * assert.equal(say("dx for x = [1, 2]", "x = [1, 2] のときの dx"), "x = [1, 2] のときの dx");
 * setLang("en");
 * assert.equal(say("dx for x = [1, 2]", "x = [1, 2] のときの dx"), "dx for x = [1, 2]");
 * setLang(undefined);
 * ```
 *
 * @param en The English text.
 * @param ja The same in Japanese (code, shapes and numbers as in the English).
 * @returns `ja` when the learner's language is Japanese, else `en`.
 */
export function say(en: string, ja: string): string {
  return lang() === "ja" ? ja : en;
}
