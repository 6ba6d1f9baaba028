/**
 * `deno task ch03:activations [--mine]`: draws the activation functions of §3.2 to
 * `out/ch03/activations.png`: the step function and the sigmoid side by side (the book's
 * figure 3-8) and the ReLU (figure 3-9), over the book's `np.arange(-5.0, 5.0, 0.1)`. With
 * `--mine` the curves come from your `chapters/03/activation.ts`.
 *
 * @module
 */

import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { relu, sigmoid, stepFunction } from "../../functions/activation.ts";
import { commandLine } from "../../command/args.ts";
import { runCommand } from "../../command/run.ts";
import { useMineIfAsked } from "../../kata/mine.ts";
import * as np from "../../np/mod.ts";
import { lineChartSpec, renderVegaLite, type TopLevelSpec } from "../../plot/mod.ts";
import { EXPERIMENTS, langFromArgs } from "../messages.ts";
import { CH03 } from "./messages.ts";

langFromArgs(Deno.args);
commandLine(Deno.args, {
  name: "ch03:activations",
  summary: CH03().activationsSummary,
  mine: true,
});
await useMineIfAsked(import.meta.url, { chapters: ["03"] });

const x = np.arange(-5.0, 5.0, { step: 0.1 });
const m = CH03();
const stepAndSigmoid = lineChartSpec(
  { x, series: { [m.stepFunction]: stepFunction(x), [m.sigmoid]: sigmoid(x) } },
  {
    title: m.stepAndSigmoidTitle,
    yTitle: "y",
    yDomain: [-0.1, 1.1],
    dashed: [m.stepFunction],
    width: 380,
    height: 280,
  },
);
const reluChart = lineChartSpec(
  { x, series: { ReLU: relu(x) } },
  { title: m.reluTitle, yTitle: "y", yDomain: [-1.0, 5.5], width: 380, height: 280 },
);
const spec = {
  title: { text: m.activationsTitle, fontSize: 16 },
  hconcat: [stepAndSigmoid, reluChart],
  spacing: 40,
  resolve: { scale: { color: "independent", strokeDash: "independent" } },
} as TopLevelSpec;

await runCommand(async () => {
  const target = fileURLToPath(new URL("../../../out/ch03/activations.png", import.meta.url));
  const path = await renderVegaLite(spec, target, { scale: 2 });
  console.log(EXPERIMENTS().wrote(relative(Deno.cwd(), path)));
});
