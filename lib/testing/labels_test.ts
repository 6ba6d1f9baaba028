/**
 * Every label a chapter test shows the learner goes through `say(english, japanese)`: the
 * message of each `assert.*` call, each `msg:` of `assertAllClose` and the gradient checks,
 * and the label argument (a parameter named `what`, `msg`, `label` or `message`) of the test
 * file's own `assert…` helpers. A bare string or template literal fails, with its file and
 * line; so does an `assert.*` call without a message (Node then prints its own English).
 *
 * @module
 */

import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The chapters whose tests are checked. */
const CHAPTERS = ["01", "02", "03", "04", "05", "06", "07", "08"];

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The argument that holds the message, by `assert` method (`-1`: the last of three). */
const MESSAGE_ARG: Record<string, number> = {
  ok: 1,
  equal: 2,
  notEqual: 2,
  strictEqual: 2,
  notStrictEqual: 2,
  deepEqual: 2,
  notDeepEqual: 2,
  deepStrictEqual: 2,
  notDeepStrictEqual: 2,
  match: 2,
  doesNotMatch: 2,
  throws: 2,
  rejects: 2,
  doesNotThrow: 2,
  doesNotReject: 2,
  fail: 0,
};

/** Parameter names that make a test file's own helper's argument a label. */
const LABEL_PARAMS = new Set(["what", "msg", "label", "message"]);

/**
 * The source with comments and the text of string, template and regular-expression literals
 * blanked (delimiters and newlines kept), so that what is left is code at the same offsets.
 */
export function maskSource(src: string): string {
  const out = src.split("");
  const blank = (from: number, to: number) => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== "\n") out[k] = " ";
  };
  const expressions: number[] = []; // the brace depth at each open `${`
  let depth = 0, last = "", i = 0;
  /** Scans a template's text from j; returns where the code resumes. */
  const template = (j: number): number => {
    while (j < src.length) {
      if (src[j] === "\\") {
        blank(j, j + 2);
        j += 2;
      } else if (src[j] === "`") {
        last = "`";
        return j + 1;
      } else if (src[j] === "$" && src[j + 1] === "{") {
        expressions.push(depth);
        last = "{";
        return j + 2;
      } else {
        blank(j, j + 1);
        j++;
      }
    }
    return j;
  };
  while (i < src.length) {
    const c = src[i], next = src[i + 1];
    if (c === "/" && next === "/") {
      const end = src.indexOf("\n", i);
      const stop = end === -1 ? src.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === "/" && next === "*") {
      const end = src.indexOf("*/", i + 2);
      const stop = end === -1 ? src.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== c && src[j] !== "\n") j += src[j] === "\\" ? 2 : 1;
      blank(i + 1, j);
      last = c;
      i = j + 1;
    } else if (c === "`") {
      i = template(i + 1);
    } else if (c === "}" && expressions.length > 0 && expressions.at(-1) === depth) {
      expressions.pop();
      i = template(i + 1);
    } else if (c === "/" && (last === "" || "(,=:[!&|?{};+-*%<>~^".includes(last))) {
      let j = i + 1, inClass = false;
      while (j < src.length && src[j] !== "\n") {
        if (src[j] === "\\") j++;
        else if (src[j] === "[") inClass = true;
        else if (src[j] === "]") inClass = false;
        else if (src[j] === "/" && !inClass) break;
        j++;
      }
      blank(i + 1, j);
      last = "/";
      i = j + 1;
    } else {
      if (c === "{") depth++;
      else if (c === "}") depth--;
      if (!/\s/.test(c)) last = c;
      i++;
    }
  }
  return out.join("");
}

/** The arguments of the call whose `(` is at `open`: their [start, end) offsets. */
function callArguments(masked: string, open: number): [number, number][] {
  const args: [number, number][] = [];
  let depth = 0, start = open + 1;
  for (let i = open; i < masked.length; i++) {
    const c = masked[i];
    if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) {
      depth--;
      if (depth === 0) {
        if (masked.slice(start, i).trim() !== "") args.push([start, i]);
        return args;
      }
    } else if (c === "," && depth === 1) {
      args.push([start, i]);
      start = i + 1;
    }
  }
  return args;
}

/**
 * Why an argument is not a label the learner can read in their language, or `undefined`: a
 * string or template literal outside any call (`"…"`, `` `…` ``, `"…" + x`, `c ? "…" : x`)
 * is bare; `say(…)`, a variable or a call that computes the label is fine.
 */
function bareLiteral(masked: string, [start, end]: [number, number]): boolean {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = masked[i];
    if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (depth === 0 && (c === '"' || c === "'" || c === "`")) return true;
  }
  return false;
}

/** A label found bare. */
export interface BareLabel {
  /** 1-based line. */
  line: number;
  /** What is wrong, with the code. */
  problem: string;
}

/**
 * The assertion labels of a test file that do not go through `say(…)`.
 *
 * @param src The file's text.
 * @returns One entry per bare label or missing message, in file order.
 */
export function bareLabels(src: string): BareLabel[] {
  const masked = maskSource(src);
  const lineOf = (offset: number) => src.slice(0, offset).split("\n").length;
  const code = ([start, end]: [number, number]) => src.slice(start, end).trim().split("\n")[0];
  const found: BareLabel[] = [];
  const check = (span: [number, number], where: string) => {
    if (bareLiteral(masked, span)) {
      found.push({ line: lineOf(span[0]), problem: `${where}: ${code(span)} is not say(…)` });
    }
  };
  for (const m of masked.matchAll(/\bassert(?:\.(\w+))?\s*\(/g)) {
    const method = m[1] ?? "ok";
    const index = MESSAGE_ARG[method];
    if (index === undefined) continue;
    const args = callArguments(masked, m.index + m[0].length - 1);
    const at = method === "throws" || method === "rejects" || method.startsWith("doesNot")
      ? (args.length >= 3 ? 2 : -1)
      : index;
    const what = `assert.${method}`;
    if (at === -1 || at >= args.length) {
      found.push({ line: lineOf(m.index), problem: `${what} has no message` });
    } else check(args[at], `${what}'s message`);
  }
  for (const m of masked.matchAll(/\bmsg\s*:/g)) {
    const start = m.index + m[0].length;
    const rest = masked.slice(start);
    const end = start + callArguments(`(${rest}`, 0)[0]?.[1] - 1;
    check([start, Number.isFinite(end) ? end : start], "msg");
  }
  // The file's own helpers with a label parameter: `function assertNear(what: string, …)`.
  for (const m of masked.matchAll(/\bfunction\s+(\w+)\s*(?:<[^>]*>)?\s*\(/g)) {
    const params = callArguments(masked, m.index + m[0].length - 1)
      .map(([s, e]) => src.slice(s, e).trim().match(/^\w+/)?.[0] ?? "");
    const index = params.findIndex((p) => LABEL_PARAMS.has(p));
    if (index === -1) continue;
    const name = m[1];
    for (const call of masked.matchAll(new RegExp(`(?<!function\\s+)\\b${name}\\s*\\(`, "g"))) {
      const args = callArguments(masked, call.index + call[0].length - 1);
      if (index < args.length) check(args[index], `${name}'s ${params[index]}`);
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/** The test files of a chapter and their test data modules. */
function chapterFiles(chapter: string): string[] {
  const dir = join(ROOT, "chapters", chapter);
  const files = readdirSync(dir).filter((f) => f.endsWith("_test.ts")).map((f) => join(dir, f));
  const data = join(dir, "testdata");
  if (existsSync(data)) {
    files.push(...readdirSync(data).filter((f) => f.endsWith(".ts")).map((f) => join(data, f)));
  }
  return files.sort();
}

Deno.test("bareLabels() finds bare assertion labels and passes say(…) and variables", () => {
  const src = [
    'assert.equal(f(1), 2, "f(1)");',
    "assert.ok(x > 0, say(`x is ${x}`, `x が ${x}`));",
    "assert.ok(x > 0, `x is ${x}`);",
    "assert.deepEqual(a, b);",
    "assertAllClose(y, [1], { rtol: 1e-6, msg: `row ${i}` });",
    'assertAllClose(y, [1], { msg: say("sum", "和") });',
    "assert.throws(() => f(), TypeError, label);",
    'assert.throws(() => f(), /a "b"/);',
    "function assertNear(what: string, a: number) {",
    "  assert.ok(a < 1, say(`${what}: ${a}`, `${what}: ${a}`));",
    "}",
    'assertNear("the loss", 0.5);',
    'assertNear(say("the loss", "損失"), 0.5);',
    '// assert.ok(x, "in a comment");',
    'const s = "assert.ok(x, \\"in a string\\")";',
    'assert.equal(x, 1, cond ? "one" : other);',
    'Deno.test("names stay English", () => {});',
  ].join("\n");
  assert.deepEqual(bareLabels(src).map((b) => b.line), [1, 3, 4, 5, 8, 12, 16]);
});

Deno.test("chapter tests label every assertion with say(english, japanese)", () => {
  const problems: string[] = [];
  for (const chapter of CHAPTERS) {
    for (const file of chapterFiles(chapter)) {
      const relative = file.slice(ROOT.length);
      for (const { line, problem } of bareLabels(readFileSync(file, "utf8"))) {
        problems.push(`${relative}:${line}: ${problem}`);
      }
    }
  }
  assert.deepEqual(
    problems,
    [],
    `labels the learner reads in English only (write say(english, japanese), from ` +
      `lib/testing/mod.ts):\n${problems.join("\n")}`,
  );
});
