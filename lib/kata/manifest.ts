/**
 * What the workbook is made of, read from its files: the stub → reference pairs of
 * `chapters/stubs.ts`, the chapters, the stub modules and the exercises in them.
 *
 * The parsing is textual on purpose: it needs no compiler and relies only on what `deno fmt`
 * guarantees (a top-level declaration ends with a `}` in column 0).
 *
 * @module
 */

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";

/** One stub module and its reference, as root-relative POSIX paths. */
export interface StubPair {
  /** The chapter, two digits (`"04"`). */
  chapter: string;
  /** The stub module, e.g. `"chapters/04/loss.ts"`. */
  stub: string;
  /** The reference module, e.g. `"lib/functions/loss.ts"`. */
  reference: string;
}

/** An exported declaration found in a module's source. */
export interface Declaration {
  /** The exported name. */
  name: string;
  /** `"function"`, `"class"`, `"const"`, `"let"`, `"type"`, `"interface"` or `"enum"`. */
  kind: string;
  /** The 1-based line of the `export …` keyword. */
  line: number;
  /** The 1-based first line of its JSDoc (or `line` when it has none). */
  docLine: number;
  /** The 1-based last line of the declaration. */
  endLine: number;
  /** Whether its code (comments aside) calls `todo(`. */
  callsTodo: boolean;
}

/** An exercise: an exported function or class of a stub module that calls `todo()`. */
export interface Exercise {
  /** The chapter, two digits. */
  chapter: string;
  /** The exported name (`"crossEntropyError"`, `"Affine"`). */
  name: string;
  /** The stub module, root-relative (`"chapters/04/loss.ts"`). */
  file: string;
  /** The 1-based line of its declaration in the stub. */
  line: number;
}

/** Removes `//` and `/* … *\/` comments (crudely: strings that contain them are cut too). */
export function stripComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, " "))
    .replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

/**
 * Reads the stub → reference pairs of a `chapters/stubs.ts` source: each
 * `SameExports<typeof import("./NN/x.ts"), typeof import("../lib/y.ts")>`, however `deno fmt`
 * wrapped it. Comments are ignored, so the example in the module doc does not count.
 *
 * @example
 * ```ts
 * import { parseStubPairs } from "./manifest.ts";
 * import assert from "node:assert/strict";
 *
 * const source = `export type All = [
 *   Expect<SameExports<typeof import("./04/loss.ts"), typeof import("../lib/functions/loss.ts")>>,
 * ];`;
 * assert.deepEqual(parseStubPairs(source), [
 *   { chapter: "04", stub: "chapters/04/loss.ts", reference: "lib/functions/loss.ts" },
 * ]);
 * ```
 *
 * @param source The text of `chapters/stubs.ts`.
 * @returns The pairs in file order, paths relative to the repo root.
 */
export function parseStubPairs(source: string): StubPair[] {
  const code = stripComments(source);
  const pattern =
    /SameExports\s*<\s*typeof\s+import\s*\(\s*["']([^"']+)["']\s*\)\s*,\s*typeof\s+import\s*\(\s*["']([^"']+)["']\s*\)\s*,?\s*>/g;
  const pairs: StubPair[] = [];
  for (const match of code.matchAll(pattern)) {
    const stub = posix.normalize(posix.join("chapters", match[1]));
    const reference = posix.normalize(posix.join("chapters", match[2]));
    const chapter = stub.match(/^chapters\/(\d\d)\//)?.[1] ?? "";
    pairs.push({ chapter, stub, reference });
  }
  return pairs;
}

const DECLARATION =
  /^export\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:abstract\s+)?(function\*?|class|const|let|var|type|interface|enum)\s+([A-Za-z_$][\w$]*)/;

/** Net `{`/`[`/`(` depth change of one line of code (strings and comments not parsed). */
function depthChange(line: string): number {
  let depth = 0;
  for (const ch of line) {
    if (ch === "{" || ch === "[" || ch === "(") depth++;
    else if (ch === "}" || ch === "]" || ch === ")") depth--;
  }
  return depth;
}

/**
 * Finds the top-level exported declarations of a (formatted) module, with their lines.
 *
 * @example
 * ```ts
 * import { parseDeclarations } from "./manifest.ts";
 * import assert from "node:assert/strict";
 *
 * const source = [
 *   "/** Adds. *\/",
 *   "export function add(a: number, b: number): number {",
 *   '  return todo("add", "01", a, b);',
 *   "}",
 *   "export const ONE = 1;",
 * ].join("\n");
 * const [add, one] = parseDeclarations(source);
 * assert.deepEqual(add, {
 *   name: "add", kind: "function", line: 2, docLine: 1, endLine: 4, callsTodo: true,
 * });
 * assert.equal(one.callsTodo, false);
 * ```
 *
 * @param source A module's text, formatted by `deno fmt`.
 * @returns Its exported declarations in source order.
 */
export function parseDeclarations(source: string): Declaration[] {
  const lines = source.split("\n");
  const code = stripComments(source).split("\n");
  const found: Declaration[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = lines[i].match(DECLARATION);
    if (!match) continue;
    const [, kind, name] = match;
    // A declaration whose brackets close on its own line ends there; otherwise at the next
    // line in column 0 that closes a bracket, which is where deno fmt puts the final brace.
    let end = i;
    if (depthChange(code[i]) > 0) {
      end = lines.length - 1;
      for (let j = i + 1; j < lines.length; j++) {
        if (/^[}\])]/.test(lines[j]) && !/^\)\s*:/.test(lines[j]) && !/^\)\s*\{/.test(lines[j])) {
          end = j;
          break;
        }
        if (DECLARATION.test(lines[j])) {
          end = j - 1;
          break;
        }
      }
    } else if (!/[;}]\s*$/.test(code[i].trimEnd()) && kind !== "type") {
      // An expression continued on the next lines (e.g. an arrow function body).
      for (let j = i + 1; j < lines.length; j++) {
        end = j;
        if (/;\s*$/.test(code[j]) && !/^\s/.test(lines[j + 1] ?? "")) break;
      }
    }
    let docLine = i;
    if (i > 0 && lines[i - 1].trim().endsWith("*/")) {
      for (let j = i - 1; j >= 0; j--) {
        if (lines[j].trim().startsWith("/**")) {
          docLine = j;
          break;
        }
      }
    }
    const body = code.slice(i, end + 1).join("\n");
    found.push({
      name,
      kind: kind.replace("*", ""),
      line: i + 1,
      docLine: docLine + 1,
      endLine: end + 1,
      callsTodo: /(^|[^\w$.])todo\s*\(/.test(body),
    });
  }
  return found;
}

/** Whether a module's code (comments aside) calls `todo(` anywhere. */
export function callsTodo(source: string): boolean {
  return /(^|[^\w$.])todo\s*\(/.test(stripComments(source));
}

/**
 * The exercises of one stub module: its exported functions and classes that call `todo()`.
 *
 * @example
 * ```ts
 * import { exercisesOf } from "./manifest.ts";
 * import assert from "node:assert/strict";
 *
 * const source = 'export function step(x: number): number {\n  return todo("step", "03", x);\n}\n';
 * assert.deepEqual(exercisesOf(source, { chapter: "03", file: "chapters/03/step.ts" }), [
 *   { chapter: "03", name: "step", file: "chapters/03/step.ts", line: 1 },
 * ]);
 * ```
 *
 * @param source The stub module's text.
 * @param where Its chapter and root-relative path.
 * @returns The exercises in source order.
 */
export function exercisesOf(
  source: string,
  where: { chapter: string; file: string },
): Exercise[] {
  return parseDeclarations(source)
    .filter((d) => d.callsTodo && (d.kind === "function" || d.kind === "class"))
    .map((d) => ({ chapter: where.chapter, name: d.name, file: where.file, line: d.line }));
}

/** The workbook's files as the tools see them. */
export interface Workbook {
  /** The repo root (absolute path). */
  root: string;
  /** The chapter folders that exist, sorted (`["01", "02", …]`). */
  chapters: string[];
  /** The pairs listed in `chapters/stubs.ts`. */
  pairs: StubPair[];
  /** The stub modules found on disk: non-test `.ts` files in `chapters/NN/` that call `todo(`. */
  stubModules: string[];
}

/** Reads a file as text, or `undefined` when it does not exist. */
export function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Reads the workbook at `root`: its chapters, the pairs of `chapters/stubs.ts` and the stub
 * modules found on disk.
 *
 * @example
 * ```ts
 * import { readWorkbook } from "./manifest.ts";
 * import assert from "node:assert/strict";
 *
 * const workbook = readWorkbook(new URL("./testdata/fixture/", import.meta.url).pathname);
 * assert.deepEqual(workbook.chapters, ["01"]);
 * ```
 *
 * @param root The repo root.
 * @returns What the tools need to know about it.
 */
export function readWorkbook(root: string): Workbook {
  const chaptersDir = join(root, "chapters");
  const chapters = existsSync(chaptersDir)
    ? readdirSync(chaptersDir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && /^\d\d$/.test(e.name))
      .map((e) => e.name)
      .sort()
    : [];
  const pairs = parseStubPairs(readText(join(chaptersDir, "stubs.ts")) ?? "");
  const stubModules: string[] = [];
  for (const chapter of chapters) {
    for (const file of chapterModules(root, chapter)) {
      if (callsTodo(readText(join(root, file)) ?? "")) stubModules.push(file);
    }
  }
  return { root, chapters, pairs, stubModules };
}

/** The non-test `.ts` modules of a chapter, root-relative and sorted. */
export function chapterModules(root: string, chapter: string): string[] {
  const dir = join(root, "chapters", chapter);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith("_test.ts"))
    .sort()
    .map((f) => `chapters/${chapter}/${f}`);
}

/**
 * The exercises of a chapter (or of every chapter), from the stub modules listed in
 * `chapters/stubs.ts` and found on disk, in file order.
 */
export function exercisesOfWorkbook(workbook: Workbook, chapter?: string): Exercise[] {
  const files = new Set([
    ...workbook.pairs.map((p) => p.stub),
    ...workbook.stubModules,
  ]);
  const exercises: Exercise[] = [];
  for (const file of [...files].sort()) {
    const ch = file.match(/^chapters\/(\d\d)\//)?.[1] ?? "";
    if (chapter !== undefined && ch !== chapter) continue;
    const source = readText(join(workbook.root, file));
    if (source === undefined) continue;
    exercises.push(...exercisesOf(source, { chapter: ch, file }));
  }
  return exercises;
}

/** Whether a test's name belongs to an exercise: it starts with the name, then a non-word. */
export function testBelongsTo(testName: string, exercise: string): boolean {
  return testName.startsWith(exercise) && !/^[\w$]/.test(testName.slice(exercise.length));
}
