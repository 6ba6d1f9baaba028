/**
 * The reference solution as `deno task solution` shows it to a Japanese reader: the answer
 * key's code, each of its English doc comments replaced by the Japanese part of the stub's doc
 * comment on the same declaration (the stubs are bilingual), and its English line comments
 * left out. The code itself is unchanged.
 *
 * @module
 */

import { hasJapanese } from "../command/width.ts";

/**
 * What a line declares, as a key shared by the stub and the answer key: `class Affine`,
 * `function softmax`, or a member's name (`forward`, `W`, `get size`); undefined for other lines.
 */
function declarationKey(line: string): string | undefined {
  const text = line.trim()
    .replace(/^(?:export\s+)?(?:default\s+)?(?:declare\s+)?/, "")
    .replace(/^(?:(?:public|private|protected|static|readonly|async|override)\s+)+/, "");
  const top = text.match(/^(class|function\*?|interface|type|const|let|enum)\s+([\w$]+)/);
  if (top) return `${top[1].replace("*", "")} ${top[2]}`;
  const member = text.match(/^((?:get|set)\s+)?(#?[\w$]+)\s*[(:=<?!;]/);
  return member ? `${member[1] ?? ""}${member[2]}` : undefined;
}

/** The doc comments of a source, by the key of the declaration each one precedes. */
function docComments(source: string): Map<string, string[]> {
  const docs = new Map<string, string[]>();
  const lines = source.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim().startsWith("/**")) continue;
    const start = i;
    while (i < lines.length && !lines[i].includes("*/")) i++;
    const next = lines.slice(i + 1).find((l) => l.trim() !== "");
    const key = next === undefined ? undefined : declarationKey(next);
    if (key !== undefined && !docs.has(key)) docs.set(key, lines.slice(start, i + 1));
  }
  return docs;
}

/**
 * The Japanese lines of a bilingual doc comment, tags included: a tag's Japanese continuation
 * line becomes the tag's text (`@param x 入力`); English lines and examples are left out.
 */
function japaneseLines(doc: string[]): string[] {
  const out: string[] = [];
  let tag = "", inExample = false;
  for (const raw of doc) {
    const line = raw.trim().replace(/^\/\*\*/, "").replace(/\*\/$/, "").replace(/^\*\s?/, "");
    const tagMatch = line.match(/^(@param\s+[\w$.[\]]+|@\w+(?:\s+\{[^}]*\})?)/);
    if (tagMatch) {
      inExample = line.startsWith("@example");
      tag = /^@(?:param|returns?|throws)\b/.test(line) ? tagMatch[1] : "";
      if (hasJapanese(line)) out.push(line);
      continue;
    }
    if (inExample || !hasJapanese(line)) {
      if (line.trim() === "" && out.length > 0 && out.at(-1) !== "" && tag === "") out.push("");
      continue;
    }
    out.push(tag ? `${tag} ${line.trim()}` : line.trim());
    tag = "";
  }
  while (out.at(-1) === "") out.pop();
  return out;
}

/** Removes a trailing `// …` comment from a line of code (not inside a string). */
function withoutTrailingComment(line: string): string {
  const at = line.search(/\s\/\/\s/);
  if (at < 0) return line;
  const before = line.slice(0, at);
  const quotes = (before.match(/["'`]/g) ?? []).length;
  return quotes % 2 === 0 ? before.trimEnd() : line;
}

/**
 * The answer key's block for a Japanese reader.
 *
 * @example
 * ```ts
 * import { inJapanese } from "./solution_ja.ts";
 * import assert from "node:assert/strict";
 *
 * const reference = [
 *   "/** Adds one. *\/",
 *   "export function inc(x: number): number {",
 *   "  // The book's way.",
 *   "  return x + 1; // one more",
 *   "}",
 * ].join("\n");
 * const stub = [
 *   "/**",
 *   " * Adds one.",
 *   " *",
 *   " * 1 を足します。",
 *   " *",
 *   " * @param x A number.",
 *   " *   数。",
 *   " *\/",
 *   "export function inc(x: number): number {",
 * ].join("\n");
 * assert.equal(
 *   inJapanese(reference, stub),
 *   "/**\n * 1 を足します。\n *\n * @param x 数。\n *\/\nexport function inc(x: number): number {\n" +
 *     "  return x + 1;\n}",
 * );
 * ```
 *
 * @param reference The answer key's block (from `findExport`), or a helper's.
 * @param stub The stub module's source ("" when there is none: every comment is left out).
 * @returns The block with Japanese doc comments and no English comments.
 */
export function inJapanese(reference: string, stub: string): string {
  const stubDocs = docComments(stub);
  const lines = reference.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.trim();
    if (trimmed.startsWith("/**")) {
      let end = i;
      while (end < lines.length && !lines[end].includes("*/")) end++;
      const next = lines.slice(end + 1).find((l) => l.trim() !== "");
      const key = next === undefined ? undefined : declarationKey(next);
      const japanese = japaneseLines(stubDocs.get(key ?? "") ?? []);
      if (japanese.length > 0) {
        const indent = line.slice(0, line.indexOf("/**"));
        out.push(`${indent}/**`);
        for (const text of japanese) out.push(text ? `${indent} * ${text}` : `${indent} *`);
        out.push(`${indent} */`);
      }
      i = end;
      continue;
    }
    if (trimmed.startsWith("//")) continue;
    out.push(withoutTrailingComment(line));
  }
  return out.join("\n");
}
