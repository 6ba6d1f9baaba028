import assert from "node:assert/strict";
import {
  exercisesOf,
  parseDeclarations,
  parseStubPairs,
  stripComments,
  testBelongsTo,
} from "./manifest.ts";

Deno.test("parseStubPairs() reads pairs however deno fmt wrapped them", () => {
  const source = `/**
 * Add one line per stub module:
 * \`Expect<SameExports<typeof import("./NN/file.ts"), typeof import("../lib/…/file.ts")>>,\`
 */
import type { Expect, SameExports } from "../lib/kata/same_exports.ts";

export type StubsMatchTheirReferences = [
  Expect<SameExports<typeof import("./01/basics.ts"), typeof import("../lib/np/basics.ts")>>,
  Expect<
    SameExports<
      typeof import("./07/im2col.ts"),
      typeof import("../lib/layers/im2col.ts")
    >
  >,
  // Expect<SameExports<typeof import("./09/off.ts"), typeof import("../lib/off.ts")>>,
  Expect<SameExports<typeof import('./05/layers.ts'), typeof import('../lib/layers/mod.ts'),>>,
];`;
  assert.deepEqual(parseStubPairs(source), [
    { chapter: "01", stub: "chapters/01/basics.ts", reference: "lib/np/basics.ts" },
    { chapter: "07", stub: "chapters/07/im2col.ts", reference: "lib/layers/im2col.ts" },
    { chapter: "05", stub: "chapters/05/layers.ts", reference: "lib/layers/mod.ts" },
  ]);
});

Deno.test("parseStubPairs() reads an empty list as no pairs", () => {
  assert.deepEqual(parseStubPairs("export type StubsMatchTheirReferences = [];\n"), []);
  assert.deepEqual(parseStubPairs(""), []);
});

Deno.test("parseDeclarations() finds classes, multi-line signatures and their JSDoc", () => {
  const source = [
    'import { todo } from "../../lib/kata/todo.ts";', // 1
    "", // 2
    "/**", // 3
    " * The affine layer.", // 4
    " */", // 5
    "export class Affine {", // 6
    "  W: number[];", // 7
    "  constructor(W: number[]) {", // 8
    "    this.W = W;", // 9
    "  }", // 10
    "  forward(x: number[]): number[] {", // 11
    '    return todo("Affine.forward", "05", x);', // 12
    "  }", // 13
    "}", // 14
    "", // 15
    "/** Long signature. */", // 16
    "export function im2col(", // 17
    "  x: number[],", // 18
    "  options: { filterH: number; filterW: number },", // 19
    "): number[] {", // 20
    "  // TODO: replace the todo() call below.", // 21
    '  return todo("im2col", "07", x, options);', // 22
    "}", // 23
    "", // 24
    "/** Written already: replace nothing, the todo() in this comment does not count. */", // 25
    "export function helper(x: number): number {", // 26
    "  return x; // not todo(x)", // 27
    "}", // 28
    "export type Shape = readonly number[];", // 29
    "export const EPS = 1e-7;", // 30
  ].join("\n");
  const found = parseDeclarations(source).map((d) => [
    d.name,
    d.kind,
    d.docLine,
    d.line,
    d.endLine,
    d.callsTodo,
  ]);
  assert.deepEqual(found, [
    ["Affine", "class", 3, 6, 14, true],
    ["im2col", "function", 16, 17, 23, true],
    ["helper", "function", 25, 26, 28, false],
    ["Shape", "type", 29, 29, 29, false],
    ["EPS", "const", 30, 30, 30, false],
  ]);
  assert.deepEqual(
    exercisesOf(source, { chapter: "05", file: "chapters/05/x.ts" }).map((e) => e.name),
    ["Affine", "im2col"],
  );
});

Deno.test("stripComments() keeps line numbers and URLs in strings", () => {
  const source = '/* a\n b */ const u = "file://x"; // note\nconst v = 1;';
  const stripped = stripComments(source);
  assert.equal(stripped.split("\n").length, 3);
  assert.ok(stripped.includes('"file://x"'));
  assert.ok(!stripped.includes("note"));
});

Deno.test("testBelongsTo() matches a name followed by a non-word character", () => {
  assert.ok(testBelongsTo("Affine.backward() matches the numerical gradient", "Affine"));
  assert.ok(testBelongsTo("crossEntropyError() matches the book (§4.2.2)", "crossEntropyError"));
  assert.ok(!testBelongsTo("AffineBatch() works", "Affine"));
  assert.ok(testBelongsTo("step", "step"));
});
