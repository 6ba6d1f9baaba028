import assert from "node:assert/strict";
import { hintProblem, parseHints } from "./hints_file.ts";

const HINTS = `# Chapter 4 hints

Intro text that belongs to no exercise.

## \`crossEntropyError\`

### 1 — a nudge

Think about which entry of y the label picks.

### 2 — the idea

§4.2.2: only the true class's log counts.

\`\`\`python
## not a heading: a comment in a code block
### 3 neither
\`\`\`

### 3

\`\`\`ts
return -sum(t * log(y + 1e-7)) / batch;
\`\`\`

## TwoLayerNet

### 1

Keep params in a record.

### 2

### 3

Numerical gradients per key.
`;

Deno.test("parseHints() reads sections and tiers, not headings inside code blocks", () => {
  const sections = parseHints(HINTS);
  assert.deepEqual(sections.map((s) => [s.name, s.line, [...s.tiers.keys()]]), [
    ["crossEntropyError", 5, [1, 2, 3]],
    ["TwoLayerNet", 26, [1, 2, 3]],
  ]);
  const tiers = sections[0].tiers;
  assert.equal(tiers.get(1), "Think about which entry of y the label picks.");
  assert.ok(tiers.get(2)?.includes("## not a heading"));
  assert.ok(tiers.get(2)?.includes("### 3 neither"));
  assert.ok(tiers.get(3)?.startsWith("```ts\nreturn -sum"));
});

Deno.test("hintProblem() names what is missing", () => {
  const sections = parseHints(HINTS);
  assert.equal(hintProblem(sections, "crossEntropyError"), undefined);
  assert.equal(hintProblem(sections, "TwoLayerNet"), "tier 2 of ## TwoLayerNet is empty");
  assert.equal(hintProblem(sections, "softmax"), "no ## softmax section");
  assert.equal(
    hintProblem(parseHints("## relu\n\n### 1\n\nmax(0, x)\n"), "relu"),
    "## relu (line 1) lacks ### 2, ### 3",
  );
});

Deno.test("parseHints() reads Windows line ends", () => {
  const [section] = parseHints("## a\r\n### 1\r\nx\r\n### 2\r\ny\r\n### 3\r\nz\r\n");
  assert.deepEqual([...section.tiers.values()], ["x", "y", "z"]);
});
