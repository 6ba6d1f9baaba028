/**
 * Which of the lab's parts run the learner's code. Under `--mine` the command runs with an
 * import map that sends each answer-key module to the learner's stub module (every exercise of
 * it finished) or to a generated module re-exporting the finished ones (`lib/kata/mine.ts`);
 * `import.meta.resolve` sees that map, so the lab can tell, exercise by exercise, whose code it
 * runs, and say so on the page.
 *
 * @module
 */

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** One exercise the lab uses. */
export interface Part {
  /** The exercise's exported name (`Convolution`, `im2col`, `Adam`). */
  name: string;
  /** Its chapter, two digits. */
  chapter: string;
  /** The panels that use it. */
  panels: string[];
  /** Whose code runs: the learner's stub, or lib's (the engine or the answer key). */
  source: "yours" | "engine" | "answer key";
}

/** The answer-key modules the lab uses, relative to this file, and their exercises. */
const MODULES: { module: string; chapter: string; names: string[]; panels: string[] }[] = [
  { module: "../functions/activation.ts", chapter: "03", names: ["softmax"], panels: ["draw"] },
  {
    module: "../layers/relu.ts",
    chapter: "05",
    names: ["Relu"],
    panels: ["draw", "inside", "run"],
  },
  {
    module: "../layers/affine.ts",
    chapter: "05",
    names: ["Affine"],
    panels: ["draw", "inside", "run"],
  },
  {
    module: "../layers/im2col.ts",
    chapter: "07",
    names: ["im2col", "col2im"],
    panels: ["im2col"],
  },
  {
    module: "../layers/convolution.ts",
    chapter: "07",
    names: ["Convolution"],
    panels: ["draw", "inside", "run"],
  },
  {
    module: "../layers/pooling.ts",
    chapter: "07",
    names: ["Pooling"],
    panels: ["draw", "inside", "run"],
  },
  {
    module: "../nets/final_conv_net.ts",
    chapter: "08",
    names: ["FinalConvNet"],
    panels: ["draw", "inside", "run"],
  },
  {
    module: "../optimizers/optimizer.ts",
    chapter: "06",
    names: ["SGD", "Momentum", "Nesterov", "AdaGrad", "RMSprop", "Adam"],
    panels: ["race"],
  },
];

/**
 * The learner's exercises among `names`, given where the answer-key module resolves: the
 * module itself (none), a chapter's stub (all), or a generated module whose first line names
 * them (`// --mine: Relu, Affine from chapters/05/…`).
 *
 * @example
 * ```ts
 * import { mineAmong } from "./sources.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(mineAmong("file:///w/lib/x.ts", "file:///w/lib/x.ts", ["A"]), []);
 * assert.deepEqual(mineAmong("file:///w/lib/x.ts", "file:///w/chapters/07/x.ts", ["A"]), ["A"]);
 * const first = "// --mine: A, C from chapters/07/x.ts, the rest from lib/x.ts";
 * assert.deepEqual(mineAmong("file:///w/lib/x.ts", "file:///tmp/m/07_x.ts", ["A", "B"], first), ["A"]);
 * ```
 *
 * @param reference The answer-key module's URL.
 * @param resolved Where it resolves in this process.
 * @param names The exercises of interest.
 * @param firstLine The resolved module's first line, for a generated module.
 * @returns The learner's exercises among `names`.
 */
export function mineAmong(
  reference: string,
  resolved: string,
  names: string[],
  firstLine?: string,
): string[] {
  if (resolved === reference) return [];
  if (/\/chapters\/\d\d\/[^/]+$/.test(resolved)) return names;
  const match = firstLine?.match(/^\/\/ --mine: (.*?) from chapters\//);
  if (!match) return [];
  const mine = match[1].split(",").map((s) => s.trim());
  return names.filter((n) => mine.includes(n));
}

/**
 * Whose code each exercise of the lab is, in this process.
 *
 * @param mine Whether this is the `--mine` child (else the network is the engine's).
 * @returns One entry per exercise.
 */
export function labParts(mine: boolean): Part[] {
  const parts: Part[] = [];
  for (const { module, chapter, names, panels } of MODULES) {
    const reference = new URL(module, import.meta.url).href;
    let resolved = reference;
    try {
      resolved = import.meta.resolve(reference);
    } catch {
      // Not mapped: the reference.
    }
    let firstLine: string | undefined;
    if (resolved !== reference && resolved.startsWith("file:")) {
      try {
        firstLine = readFileSync(fileURLToPath(resolved), "utf8").split("\n")[0];
      } catch {
        firstLine = undefined;
      }
    }
    const yours = mineAmong(reference, resolved, names, firstLine);
    for (const name of names) {
      const networkPart = panels.includes("inside");
      parts.push({
        name,
        chapter,
        panels,
        source: yours.includes(name) ? "yours" : (!mine && networkPart ? "engine" : "answer key"),
      });
    }
  }
  return parts;
}
