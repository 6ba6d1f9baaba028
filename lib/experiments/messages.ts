/**
 * What every chapter command says, in both languages: the file it wrote. Each chapter's own
 * texts (its `--help` summary, its lines, its charts' titles and axes) are in the catalogue
 * beside it, `chNN/messages.ts`.
 *
 * @module
 */

import { langArg } from "../command/args.ts";
import { defineMessages, setLang } from "../command/lang.ts";

/** The chapter commands' shared messages. */
export const EXPERIMENTS = defineMessages("experiments", {
  wrote: (path: string) => `Wrote ${path}`,
  yourCode: "your code",
}, {
  wrote: (path: string) => `書き出しました: ${path}`,
  yourCode: "自分のコード",
});

/**
 * Takes `--lang` from the command line before the command's texts are built (its `--help`
 * summary is one of them); `commandLine()` reports a wrong value later.
 *
 * @param argv The arguments (`Deno.args`).
 */
export function langFromArgs(argv: string[]): void {
  try {
    const chosen = langArg(argv);
    if (chosen !== undefined) setLang(chosen);
  } catch {
    // commandLine() says what is wrong with it.
  }
}
