/**
 * The import rules of the workbook, checked on the source text: a chapter imports only from
 * `lib/` and its own folder; `lib/` never imports from `chapters/` (except `lib/train_command/` and
 * `lib/kata/`, which load chapter modules on purpose); nothing imports from JSR (see
 * {@linkcode JSR_SCHEME} and {@linkcode STD_SCOPE}).
 *
 * @module
 */

import { posix } from "node:path";
import { stripComments } from "./manifest.ts";

/**
 * The URL scheme of JSR specifiers. Spelled in parts, as {@linkcode STD_SCOPE}, so that a text
 * search of the repository for JSR imports finds real ones, not this checker's own patterns.
 */
export const JSR_SCHEME: string = ["jsr", ""].join(":");

/** The scope of Deno's standard library, which is published only on JSR. */
export const STD_SCOPE: string = ["@std", ""].join("/");

/** Whether a module specifier points at JSR (its scheme, or the standard library's scope). */
function isJsr(specifier: string): boolean {
  return specifier.startsWith(JSR_SCHEME) || specifier.startsWith(STD_SCOPE) ||
    specifier.includes(`/${STD_SCOPE}`);
}

/**
 * The module specifiers a source imports or re-exports, statically or with a literal
 * `import("…")`. Comments (and so JSDoc examples) are ignored.
 *
 * @example
 * ```ts
 * import { importSpecifiers, JSR_SCHEME, STD_SCOPE } from "./imports.ts";
 * import assert from "node:assert/strict";
 *
 * const source = [
 *   'import * as np from "../np/mod.ts";',
 *   'export { todo } from "./todo.ts";',
 *   'import type {',
 *   '  X,',
 *   '} from "./x.ts";',
 *   'const m = await import("../../chapters/04/loss.ts");',
 *   `// import "${JSR_SCHEME}${STD_SCOPE}assert";`,
 * ].join("\n");
 * assert.deepEqual(importSpecifiers(source), [
 *   "../np/mod.ts", "./todo.ts", "./x.ts", "../../chapters/04/loss.ts",
 * ]);
 * ```
 *
 * @param source A module's text.
 * @returns The specifiers in source order.
 */
export function importSpecifiers(source: string): string[] {
  const code = stripComments(source);
  const found: { at: number; specifier: string }[] = [];
  const patterns = [
    /(?:^|[;\n}])\s*(?:import|export)\s[^;'"]*?\bfrom\s*["']([^"']+)["']/g,
    /(?:^|[;\n])\s*import\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*[,)]/g,
  ];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) {
      found.push({ at: match.index + match[0].length, specifier: match[1] });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.specifier);
}

/**
 * What breaks the import rules in one file, as messages (empty when it follows them).
 *
 * @example
 * ```ts
 * import { importProblems, JSR_SCHEME, STD_SCOPE } from "./imports.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(importProblems("chapters/05/net.ts", ["../04/loss.ts", "../../lib/np/mod.ts"]), [
 *   'imports "../04/loss.ts" from another chapter (chapters/04/loss.ts): import it from lib/ instead',
 * ]);
 * const jsr = `${JSR_SCHEME}${STD_SCOPE}assert`;
 * assert.deepEqual(importProblems("lib/nets/net.ts", [jsr]), [
 *   `imports "${jsr}": JSR is unreachable here, use npm packages or node: modules`,
 * ]);
 * ```
 *
 * @param file The file, root-relative POSIX path.
 * @param specifiers What it imports.
 * @returns One message per broken rule.
 */
export function importProblems(file: string, specifiers: string[]): string[] {
  const problems: string[] = [];
  const chapter = file.match(/^chapters\/(\d\d)\//)?.[1];
  const libExempt = /^lib\/(train_command|kata)\//.test(file);
  for (const specifier of specifiers) {
    if (isJsr(specifier)) {
      problems.push(
        `imports "${specifier}": JSR is unreachable here, use npm packages or node: modules`,
      );
      continue;
    }
    if (!specifier.startsWith(".")) continue;
    const target = posix.normalize(posix.join(posix.dirname(file), specifier));
    const targetChapter = target.match(/^chapters\/(\d\d)\//)?.[1];
    if (chapter !== undefined && targetChapter !== undefined && targetChapter !== chapter) {
      problems.push(
        `imports "${specifier}" from another chapter (${target}): import it from lib/ instead`,
      );
    }
    if (file.startsWith("lib/") && !libExempt && target.startsWith("chapters/")) {
      problems.push(
        `imports "${specifier}" from chapters/ (${target}): lib/ must not depend on a learner's code`,
      );
    }
  }
  return problems;
}

/**
 * The JSR entries of a `deno.json` (imports mapped to JSR, or keys in the standard library's
 * scope) or a `deno.lock` (its `jsr` section), as messages.
 *
 * @param name The file's name, for the messages.
 * @param json Its parsed content.
 * @returns One message per offending entry.
 */
export function configProblems(name: string, json: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const imports = (json.imports ?? {}) as Record<string, string>;
  for (const [key, value] of Object.entries(imports)) {
    if (value.startsWith(JSR_SCHEME) || key.startsWith(STD_SCOPE)) {
      problems.push(`${name} maps "${key}" to "${value}": JSR is unreachable here`);
    }
  }
  const jsr = json.jsr as Record<string, unknown> | undefined;
  if (jsr && Object.keys(jsr).length > 0) {
    problems.push(`${name} locks JSR packages (${Object.keys(jsr).join(", ")})`);
  }
  return problems;
}
