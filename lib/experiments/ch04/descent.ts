/**
 * `deno task ch04:descent [--mine]`: runs gradient descent on f(x0, x1) = x0² + x1² from
 * (−3, 4) with lr 0.1 for 20 steps and draws the path toward the minimum (§4.4.1, Figure 4-10)
 * to `out/ch04/descent.png`.
 *
 * @module
 */

import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { commandLine } from "../../command/args.ts";
import { runCommand } from "../../command/run.ts";
import { useMineIfAsked } from "../../kata/mine.ts";
import { gradientDescent } from "../../gradient/numerical.ts";
import * as np from "../../np/mod.ts";
import { renderVegaLite, type TopLevelSpec } from "../../plot/mod.ts";
import { EXPERIMENTS, langFromArgs } from "../messages.ts";
import { CH04 } from "./messages.ts";

/**
 * The book's function_2, f(x0, x1) = x0² + x1² (§4.3.3).
 *
 * @example
 * ```ts
 * import { function2 } from "./descent.ts";
 * import * as np from "../../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(function2(np.array([3, 4])), 25);
 * ```
 *
 * @param x A point (any shape).
 * @returns The sum of its squares.
 */
export function function2(x: np.NDArray): number {
  return np.sum(np.square(x));
}

/**
 * The chart of a descent path: the points visited, the final point, and the axes dashed, as
 * the book's `gradient_method.py` draws them.
 *
 * @example
 * ```ts
 * import { descentSpec } from "./descent.ts";
 * import * as np from "../../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const spec = descentSpec([np.array([-3, 4]), np.array([-2.4, 3.2])], np.array([-1.9, 2.6]));
 * assert.equal(spec.title, "Gradient descent on x0² + x1² (§4.4.1)");
 * ```
 *
 * @param history The point before each step.
 * @param final The point after the last step.
 * @returns A Vega-Lite spec.
 */
export function descentSpec(history: np.NDArray[], final: np.NDArray): TopLevelSpec {
  const points = [...history, final].map((p, step) => ({ x0: p.data[0], x1: p.data[1], step }));
  const scale = (lo: number, hi: number) => ({ domain: [lo, hi], nice: false, zero: false });
  const x = { field: "x0", type: "quantitative", title: "x0", scale: scale(-3.5, 3.5) } as const;
  const y = { field: "x1", type: "quantitative", title: "x1", scale: scale(-4.5, 4.5) } as const;
  return {
    title: CH04().descentTitle,
    width: 360,
    height: 400,
    layer: [
      {
        data: { values: [{ v: 0 }] },
        mark: { type: "rule", strokeDash: [4, 4], color: "#1f77b4" },
        encoding: { x: { field: "v", type: "quantitative", scale: scale(-3.5, 3.5) } },
      },
      {
        data: { values: [{ v: 0 }] },
        mark: { type: "rule", strokeDash: [4, 4], color: "#1f77b4" },
        encoding: { y: { field: "v", type: "quantitative", scale: scale(-4.5, 4.5) } },
      },
      {
        data: { values: points },
        mark: { type: "line", color: "#bbbbbb", strokeWidth: 1 },
        encoding: { x, y, order: { field: "step", type: "quantitative" } },
      },
      {
        data: { values: points },
        mark: { type: "circle", size: 50, color: "#1f77b4", opacity: 1 },
        encoding: { x, y },
      },
    ],
  };
}

/**
 * Runs the descent (lr 0.1, 20 steps from (−3, 4), as the book's `gradient_method.py`) and
 * draws it.
 *
 * @example
 * ```ts
 * import { plotDescent } from "./descent.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * const { x } = await plotDescent(`${dir}/descent.png`);
 * assert.ok(Math.hypot(x.data[0], x.data[1]) < 0.1);
 * await Deno.remove(dir, { recursive: true });
 * ```
 *
 * @param path The PNG file to write.
 * @returns The path written and the final point.
 */
export async function plotDescent(path: string): Promise<{ path: string; x: np.NDArray }> {
  const { x, history } = gradientDescent(function2, np.array([-3.0, 4.0]), {
    lr: 0.1,
    stepNum: 20,
  });
  return { path: await renderVegaLite(descentSpec(history, x), path, { scale: 2 }), x };
}

if (import.meta.main) {
  langFromArgs(Deno.args);
  commandLine(Deno.args, {
    name: "ch04:descent",
    summary: CH04().descentSummary,
    mine: true,
  });
  await runCommand(async () => {
    await useMineIfAsked(import.meta.url, { chapters: ["04"] });
    const target = fileURLToPath(new URL("../../../out/ch04/descent.png", import.meta.url));
    const { path, x } = await plotDescent(target);
    const end100 = gradientDescent(function2, np.array([-3.0, 4.0]), { lr: 0.1, stepNum: 100 }).x;
    console.log(CH04().afterSteps(20, `${x}`));
    console.log(
      `${CH04().afterSteps(100, `${end100}`)}  ${CH04().book("[-6.11110793e-10  8.14814391e-10]")}`,
    );
    console.log(EXPERIMENTS().wrote(relative(Deno.cwd(), path)));
  });
}
