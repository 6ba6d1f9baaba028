/**
 * `deno task ch04:tangent [--mine]`: draws the book's function y = 0.01x² + 0.1x with its
 * tangent lines at x = 5 and x = 10, whose slopes come from `numericalDiff` (§4.3.2,
 * Figure 4-7), to `out/ch04/tangent.png`.
 *
 * @module
 */

import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { commandLine } from "../../command/args.ts";
import { runCommand } from "../../command/run.ts";
import { useMineIfAsked } from "../../kata/mine.ts";
import { numericalDiff } from "../../gradient/numerical.ts";
import { lineChart } from "../../plot/mod.ts";
import { EXPERIMENTS, langFromArgs } from "../messages.ts";
import { CH04 } from "./messages.ts";

/**
 * The book's function_1, y = 0.01x² + 0.1x (§4.3.2).
 *
 * @example
 * ```ts
 * import { function1 } from "./tangent.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(function1(10), 2);
 * ```
 *
 * @param x A number.
 * @returns 0.01x² + 0.1x.
 */
export function function1(x: number): number {
  return 0.01 * x ** 2 + 0.1 * x;
}

/**
 * The tangent of f at x as a function: the line through (x, f(x)) with slope f′(x) taken by
 * numerical differentiation (the book's `tangent_line`).
 *
 * @example
 * ```ts
 * import { function1, tangentLine } from "./tangent.ts";
 * import assert from "node:assert/strict";
 *
 * const line = tangentLine(function1, 5);
 * assert.ok(Math.abs(line(5) - function1(5)) < 1e-12);
 * assert.ok(Math.abs(line(6) - line(5) - 0.2) < 1e-9);
 * ```
 *
 * @param f A function of one number.
 * @param x Where the line touches f.
 * @returns The line y = f′(x)·(t − x) + f(x) as a function of t.
 */
export function tangentLine(f: (x: number) => number, x: number): (t: number) => number {
  const slope = numericalDiff(f, x);
  const y = f(x) - slope * x;
  return (t) => slope * t + y;
}

/**
 * Draws function_1 and its tangents at 5 and 10 over 0 ≤ x < 20 (the book's `arange(0, 20, 0.1)`).
 *
 * @example
 * ```ts
 * import { plotTangent } from "./tangent.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * assert.ok((await plotTangent(`${dir}/tangent.png`)).endsWith("tangent.png"));
 * await Deno.remove(dir, { recursive: true });
 * ```
 *
 * @param path The PNG file to write.
 * @returns The path written.
 */
export async function plotTangent(path: string): Promise<string> {
  const x = Array.from({ length: 200 }, (_, i) => i / 10);
  const at5 = tangentLine(function1, 5), at10 = tangentLine(function1, 10);
  const m = CH04();
  return await lineChart({
    x,
    series: {
      "f(x)": x.map(function1),
      [m.tangentAt(5)]: x.map(at5),
      [m.tangentAt(10)]: x.map(at10),
    },
  }, {
    path,
    title: m.tangentTitle,
    xTitle: "x",
    yTitle: "f(x) = 0.01x² + 0.1x",
    dashed: [m.tangentAt(5), m.tangentAt(10)],
  });
}

if (import.meta.main) {
  langFromArgs(Deno.args);
  commandLine(Deno.args, {
    name: "ch04:tangent",
    summary: CH04().tangentSummary,
    mine: true,
  });
  await runCommand(async () => {
    await useMineIfAsked(import.meta.url, { chapters: ["04"] });
    const target = fileURLToPath(new URL("../../../out/ch04/tangent.png", import.meta.url));
    const path = await plotTangent(target);
    console.log(
      `numericalDiff(function1, 5)  = ${numericalDiff(function1, 5)}  ${
        CH04().book("0.1999999999990898")
      }`,
    );
    console.log(
      `numericalDiff(function1, 10) = ${numericalDiff(function1, 10)}  ${
        CH04().book("0.2999999999986347")
      }`,
    );
    console.log(EXPERIMENTS().wrote(relative(Deno.cwd(), path)));
  });
}
