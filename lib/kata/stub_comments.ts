/**
 * The rule that keeps stubs asking instead of answering: a stub module's comments say what an
 * exercise computes (shapes, the book section, the formula in math notation, what the tests
 * check) but carry no code. The self-check runs it on every stub module;
 * `deno run -A lib/kata/stub_comments.ts chapters/05` runs it on one folder.
 *
 * What counts as code in a comment:
 * - a `TODO` comment: the `todo()` call marks the exercise, and recipes lived in those comments;
 * - `np.` followed by a name, a fenced code block, an `@example`;
 * - a method call or property code (`.reshape(`, `.T`, `.data[`), an assignment (`this.x =`,
 *   `+=`);
 * - inside a `code span`: a call of a function with arguments (`dot(col, W)`; naming a method
 *   as `gradient()` is fine), a `;`, `=>` or `return`.
 * Math outside code spans, such as `max(0, x)` or `1 / (1 + exp(−x))`, is the book's notation
 * and is allowed.
 *
 * @module
 */

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** One comment of a source file. */
export interface Comment {
  /** The comment's text, delimiters included. */
  text: string;
  /** The 1-based line where it starts. */
  line: number;
}

/** A piece of code found in a stub's comment. */
export interface CodeInComment {
  /** The 1-based line. */
  line: number;
  /** What was found, for the learner's maintainer: `"an np call (np.dot)"`. */
  what: string;
}

/**
 * The comments of a TypeScript source, skipping strings, template literals and regular
 * expressions' common forms.
 *
 * @example
 * ```ts
 * import { commentsOf } from "./stub_comments.ts";
 * import assert from "node:assert/strict";
 *
 * const comments = commentsOf('const s = "// not a comment";\n// one\n/** two *\/');
 * assert.deepEqual(comments.map((c) => c.line), [2, 3]);
 * ```
 *
 * @param source The source text.
 * @returns The comments in order.
 */
export function commentsOf(source: string): Comment[] {
  const comments: Comment[] = [];
  let line = 1;
  let i = 0;
  const advance = (to: number) => {
    for (let k = i; k < to; k++) if (source[k] === "\n") line++;
    i = to;
  };
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === "/" && next === "/") {
      const end = source.indexOf("\n", i);
      const stop = end === -1 ? source.length : end;
      comments.push({ text: source.slice(i, stop), line });
      advance(stop);
    } else if (c === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end === -1 ? source.length : end + 2;
      comments.push({ text: source.slice(i, stop), line });
      advance(stop);
    } else if (c === '"' || c === "'" || c === "`") {
      let k = i + 1;
      while (k < source.length && source[k] !== c) k += source[k] === "\\" ? 2 : 1;
      advance(Math.min(k + 1, source.length));
    } else {
      advance(i + 1);
    }
  }
  return comments;
}

/** Patterns that are code wherever they appear in a comment. */
const CODE_ANYWHERE: [RegExp, string][] = [
  [/\bTODO\b/, "a TODO comment (the todo() call is the marker: say what, not how)"],
  [/\bnp\.[A-Za-z_]\w*/, "an np function named in code (np.…)"],
  [/```/, "a fenced code block"],
  [/@example\b/, "an @example"],
  [
    /[\w\])]\.(?:T\b|data\s*\[|[A-Za-z_$][\w$]*\s*\()/,
    "a method call or property code (x.f(…), x.T, x.data[…])",
  ],
  [/\bthis\.\w+\s*=(?!=)/, "an assignment to this.…"],
  [/[\w\])]\s*(?:\+=|-=|\*=|\/=)/, "a compound assignment (+=, -=, …)"],
];

/** Patterns that are code inside a `code span`. */
const CODE_IN_SPAN: [RegExp, string][] = [
  [/\b[A-Za-z_$][\w$]*\s*\([^)]/, "a function call with arguments in a code span"],
  [/;|=>|\breturn\b/, "a statement in a code span"],
];

/**
 * The code in a stub module's comments.
 *
 * @example
 * ```ts
 * import { codeInComments } from "./stub_comments.ts";
 * import assert from "node:assert/strict";
 *
 * const answering = [
 *   "forward(x) {",
 *   "  // TODO: this.mask = np.lessEqual(x, 0); return np.where(this.mask, 0, x)",
 *   "}",
 * ].join("\n");
 * assert.ok(codeInComments(answering).length > 0);
 * const asking = "/** ReLU, §5.5.1: out = max(0, x); `backward` passes dout where x > 0. *\/";
 * assert.deepEqual(codeInComments(asking), []);
 * ```
 *
 * @param source The stub module's text.
 * @returns One finding per comment line with code (the first pattern that matched).
 */
export function codeInComments(source: string): CodeInComment[] {
  const found: CodeInComment[] = [];
  for (const comment of commentsOf(source)) {
    comment.text.split("\n").forEach((text, offset) => {
      const spans = [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
      const hit = CODE_ANYWHERE.find(([pattern]) => pattern.test(text)) ??
        CODE_IN_SPAN.find(([pattern]) => spans.some((span) => pattern.test(span)));
      if (hit) found.push({ line: comment.line + offset, what: hit[1] });
    });
  }
  return found;
}

/** The non-test `.ts` files under a folder, recursively. */
function stubFiles(dir: string): string[] {
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "testdata" ? [] : stubFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith("_test.ts") ? [path] : [];
  });
}

if (import.meta.main) {
  const targets = Deno.args.length > 0 ? Deno.args : ["chapters"];
  let count = 0;
  for (const target of targets) {
    for (const file of stubFiles(target)) {
      if (/chapters\/stubs\.ts$/.test(file)) continue;
      for (const { line, what } of codeInComments(readFileSync(file, "utf8"))) {
        console.log(`${relative(Deno.cwd(), file)}:${line}: ${what}`);
        count++;
      }
    }
  }
  console.log(
    count === 0 ? "No code in the stubs' comments." : `${count} comment lines carry code.`,
  );
  Deno.exitCode = count === 0 ? 0 : 1;
}
