/**
 * Reads a chapter's `HINTS.md`: one `## name` section per exercise, each with tiers
 * `### 1` (a nudge), `### 2` (the book section and the idea), `### 3` (near-solution).
 *
 * @module
 */

/** The hints of one exercise. */
export interface HintSection {
  /** The exercise's name, as in the `## name` heading. */
  name: string;
  /** The 1-based line of the heading. */
  line: number;
  /** The tiers' texts, trimmed, keyed by their number (`1`, `2`, `3`). */
  tiers: Map<number, string>;
}

/**
 * Parses a `HINTS.md`. Headings inside fenced code blocks are text, not headings. A heading
 * may carry decoration: `## \`crossEntropyError\`` or `### 2 — the idea` read as
 * `crossEntropyError` and tier 2.
 *
 * @example
 * ```ts
 * import { parseHints } from "./hints_file.ts";
 * import assert from "node:assert/strict";
 *
 * const text = "# Hints\n\n## step\n\n### 1\nCompare.\n\n### 2\n§3.2.2.\n\n### 3\nx > 0\n";
 * const [step] = parseHints(text);
 * assert.equal(step.name, "step");
 * assert.deepEqual([...step.tiers.entries()], [[1, "Compare."], [2, "§3.2.2."], [3, "x > 0"]]);
 * ```
 *
 * @param text The file's content.
 * @returns Its sections in file order.
 */
export function parseHints(text: string): HintSection[] {
  const sections: HintSection[] = [];
  let section: HintSection | undefined;
  let tier: number | undefined;
  let buffer: string[] = [];
  let fence: string | undefined;
  const flush = () => {
    if (section && tier !== undefined) {
      const previous = section.tiers.get(tier);
      const body = buffer.join("\n").trim();
      section.tiers.set(tier, previous ? `${previous}\n\n${body}` : body);
    }
    buffer = [];
  };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fenceMatch = line.match(/^\s*(```+|~~~+)/);
    if (fenceMatch) {
      if (fence === undefined) fence = fenceMatch[1];
      else if (fenceMatch[1].startsWith(fence)) fence = undefined;
    }
    const inFence = fence !== undefined || fenceMatch !== null;
    const h2 = inFence ? null : line.match(/^##\s+(.+?)\s*#*\s*$/);
    const h3 = inFence ? null : line.match(/^###\s+(.+?)\s*#*\s*$/);
    if (h2 && !line.startsWith("###")) {
      flush();
      tier = undefined;
      section = { name: headingName(h2[1]), line: i + 1, tiers: new Map() };
      sections.push(section);
    } else if (h3 && section) {
      flush();
      const n = h3[1].match(/^(?:tier\s*)?(\d+)\b/i);
      tier = n ? Number(n[1]) : undefined;
    } else if (/^#\s/.test(line) && !inFence) {
      flush();
      section = undefined;
      tier = undefined;
    } else if (tier !== undefined) {
      buffer.push(line);
    }
  }
  flush();
  return sections;
}

/** `\`Affine\`` or `Affine()` or `Affine — the layer` → `Affine`. */
function headingName(heading: string): string {
  const match = heading.replace(/`/g, "").match(/^[A-Za-z_$][\w$.]*/);
  return match ? match[0] : heading.trim();
}

/**
 * What is wrong with one exercise's hints, or `undefined` when it has the three non-empty
 * tiers.
 *
 * @example
 * ```ts
 * import { hintProblem, parseHints } from "./hints_file.ts";
 * import assert from "node:assert/strict";
 *
 * const sections = parseHints("## relu\n### 1\nmax\n### 2\n\n### 3\nnp.maximum\n");
 * assert.equal(hintProblem(sections, "relu"), "tier 2 of ## relu is empty");
 * assert.equal(hintProblem(sections, "step"), "no ## step section");
 * ```
 *
 * @param sections The parsed `HINTS.md`.
 * @param name The exercise.
 * @returns A short description of the problem, or `undefined`.
 */
export function hintProblem(sections: HintSection[], name: string): string | undefined {
  const section = sections.find((s) => s.name === name);
  if (!section) return `no ## ${name} section`;
  const missing = [1, 2, 3].filter((t) => !section.tiers.has(t));
  if (missing.length > 0) {
    return `## ${name} (line ${section.line}) lacks ${missing.map((t) => `### ${t}`).join(", ")}`;
  }
  const empty = [1, 2, 3].find((t) => section.tiers.get(t) === "");
  if (empty !== undefined) return `tier ${empty} of ## ${name} is empty`;
  return undefined;
}
