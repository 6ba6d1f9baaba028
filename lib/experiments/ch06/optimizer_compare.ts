/**
 * `deno task ch06:optimizers [--mine]`: the four optimizers of figure 6-8 on the book's bowl
 * f(x, y) = x²/20 + y² (§6.1.7, `ch06/optimizer_compare_naive.py`): 30 steps each from
 * (−7, 2), drawn over the contours of f to `out/ch06/optimizers.png`.
 *
 * @module
 */

import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { commandLine } from "../../command/args.ts";
import { runCommand } from "../../command/run.ts";
import { useMineIfAsked } from "../../kata/mine.ts";
import * as np from "../../np/mod.ts";
import { AdaGrad, Adam, Momentum, type Optimizer, SGD } from "../../optimizers/mod.ts";
import { renderVegaLite, type TopLevelSpec } from "../../plot/mod.ts";
import { EXPERIMENTS, langFromArgs } from "../messages.ts";
import { CH06 } from "./messages.ts";

/** The book's bowl, stretched along x: f(x, y) = x²/20 + y² (§6.1.3). */
export function bowl(x: number, y: number): number {
  return x * x / 20 + y * y;
}

/**
 * The points an optimizer visits on the bowl, starting at `start` (the book's loop: record,
 * take the gradient (x/10, 2y), update).
 *
 * @example
 * ```ts
 * import { trajectory } from "./optimizer_compare.ts";
 * import { SGD } from "../../optimizers/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const path = trajectory(new SGD({ lr: 0.5 }), { steps: 2 });
 * assert.deepEqual(path[0], [-7, 2]);
 * assert.deepEqual(path[1], [-7 + 0.35, 0]);
 * ```
 *
 * @param optimizer The optimizer (its `update` sees params `x` and `y` as 1-element arrays).
 * @param options `steps` (30) and `start` ([−7, 2]).
 * @returns The points before each step, then the last point: `steps + 1` of them.
 */
export function trajectory(
  optimizer: Optimizer,
  options: { steps?: number; start?: [number, number] } = {},
): [number, number][] {
  const [x0, y0] = options.start ?? [-7.0, 2.0];
  const params = { x: np.array([x0]), y: np.array([y0]) };
  const points: [number, number][] = [];
  for (let i = 0; i < (options.steps ?? 30); i++) {
    points.push([params.x.item(), params.y.item()]);
    const grads = { x: np.div(params.x, 10.0), y: np.mul(params.y, 2.0) };
    optimizer.update(params, grads);
  }
  points.push([params.x.item(), params.y.item()]);
  return points;
}

/** The contour levels drawn (the book's `plt.contour` picks about these; f > 7 is masked). */
const LEVELS = [0.5, 1, 2, 3, 4, 5, 6, 7];

/**
 * The chart: one panel per optimizer, its path in red over the ellipses f = level, the
 * minimum marked with a cross.
 *
 * @example
 * ```ts
 * import { trajectorySpec } from "./optimizer_compare.ts";
 * import assert from "node:assert/strict";
 *
 * const spec = trajectorySpec({ SGD: [[-7, 2], [-6, 1]] });
 * assert.ok("vconcat" in spec);
 * ```
 *
 * @param paths The points of each optimizer, by name.
 * @returns A Vega-Lite spec, two panels per row.
 */
export function trajectorySpec(paths: Record<string, [number, number][]>): TopLevelSpec {
  const contours: { x: number; y: number; level: number; i: number }[] = [];
  for (const level of LEVELS) {
    for (let i = 0; i <= 120; i++) {
      const theta = (2 * Math.PI * i) / 120;
      contours.push({
        x: Math.sqrt(20 * level) * Math.cos(theta),
        y: Math.sqrt(level) * Math.sin(theta),
        level,
        i,
      });
    }
  }
  const axis = (field: string) => ({
    field,
    type: "quantitative" as const,
    title: field,
    scale: { domain: [-10, 10], nice: false },
  });
  const panel = (name: string, points: [number, number][]) => ({
    title: name,
    width: 260,
    height: 260,
    layer: [
      {
        data: { values: contours },
        mark: { type: "line" as const, strokeWidth: 1, clip: true },
        encoding: {
          x: axis("x"),
          y: axis("y"),
          detail: { field: "level", type: "nominal" as const },
          order: { field: "i", type: "quantitative" as const },
          color: {
            field: "level",
            type: "quantitative" as const,
            scale: { scheme: "viridis" },
            legend: null,
          },
        },
      },
      {
        data: { values: points.map(([x, y], step) => ({ x, y, step })) },
        mark: {
          type: "line" as const,
          color: "red",
          point: { color: "red", size: 20 },
          clip: true,
        },
        encoding: {
          x: axis("x"),
          y: axis("y"),
          order: { field: "step", type: "quantitative" as const },
        },
      },
      {
        data: { values: [{ x: 0, y: 0 }] },
        mark: { type: "point" as const, shape: "cross", size: 120, color: "black", filled: true },
        encoding: { x: axis("x"), y: axis("y") },
      },
    ],
  });
  const names = Object.keys(paths);
  const rows = [];
  for (let i = 0; i < names.length; i += 2) {
    rows.push({ hconcat: names.slice(i, i + 2).map((n) => panel(n, paths[n])) });
  }
  return {
    title: CH06().optimizersTitle,
    vconcat: rows,
  } as TopLevelSpec;
}

/**
 * Runs the book's four optimizers (SGD lr 0.95, Momentum lr 0.1, AdaGrad lr 1.5, Adam lr 0.3)
 * and draws them.
 *
 * @param path The PNG file to write.
 * @returns The path written and each optimizer's points.
 */
export async function compareOptimizers(
  path: string,
): Promise<{ path: string; paths: Record<string, [number, number][]> }> {
  const optimizers: Record<string, Optimizer> = {
    "SGD (lr 0.95)": new SGD({ lr: 0.95 }),
    "Momentum (lr 0.1)": new Momentum({ lr: 0.1 }),
    "AdaGrad (lr 1.5)": new AdaGrad({ lr: 1.5 }),
    "Adam (lr 0.3)": new Adam({ lr: 0.3 }),
  };
  const paths: Record<string, [number, number][]> = {};
  for (const [name, optimizer] of Object.entries(optimizers)) paths[name] = trajectory(optimizer);
  return { path: await renderVegaLite(trajectorySpec(paths), path, { scale: 2 }), paths };
}

if (import.meta.main) {
  langFromArgs(Deno.args);
  commandLine(Deno.args, {
    name: "ch06:optimizers",
    summary: CH06().optimizersSummary,
    mine: true,
  });
  await runCommand(async () => {
    await useMineIfAsked(import.meta.url, { chapters: ["06"] });
    const target = fileURLToPath(new URL("../../../out/ch06/optimizers.png", import.meta.url));
    const { path, paths } = await compareOptimizers(target);
    for (const [name, points] of Object.entries(paths)) {
      const [x, y] = points[points.length - 1];
      console.log(
        CH06().endsAt(name.padEnd(18), x.toFixed(4), y.toFixed(4), bowl(x, y).toFixed(5)),
      );
    }
    console.log(EXPERIMENTS().wrote(relative(Deno.cwd(), path)));
  });
}
