/**
 * `deno task ch02:gates [--mine]`: draws what each gate of chapter 2 answers over the plane of
 * inputs (the book's figures 2-6 to 2-8) to `out/ch02/gates.png`, with the reference by default
 * or with your `chapters/02` code.
 *
 * AND, NAND and OR split the plane with one straight line; XOR needs the band between two lines,
 * which only a two-layer perceptron draws (§2.4–2.5).
 *
 * @module
 */

import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { commandLine } from "../../command/args.ts";
import { runCommand } from "../../command/run.ts";
import { useMineIfAsked } from "../../kata/mine.ts";
import { AND, NAND, OR, XOR } from "../../perceptron/mod.ts";
import { renderVegaLite, type TopLevelSpec } from "../../plot/mod.ts";
import { EXPERIMENTS, langFromArgs } from "../messages.ts";
import { CH02 } from "./messages.ts";

langFromArgs(Deno.args);
commandLine(Deno.args, {
  name: "ch02:gates",
  summary: CH02().gatesSummary,
  mine: true,
});
await useMineIfAsked(import.meta.url, { chapters: ["02"] });

/** Cells of the plane drawn, per axis, from -0.5 to 1.5. */
const CELLS = 40;
const LOW = -0.5, HIGH = 1.5;

/** The gates in the book's order, with what the chart says about each. */
const GATES = [
  { name: "AND", gate: AND },
  { name: "NAND", gate: NAND },
  { name: "OR", gate: OR },
  { name: CH02().xorName, gate: XOR },
];

/** The chart's data: one row per cell of the plane, and the truth table's four inputs. */
function chartData() {
  const cells = [], inputs = [];
  const step = (HIGH - LOW) / CELLS;
  for (const { name, gate } of GATES) {
    for (let i = 0; i < CELLS; i++) {
      for (let j = 0; j < CELLS; j++) {
        const x1 = LOW + i * step, x2 = LOW + j * step;
        // Each cell is coloured by the gate's answer at its centre.
        const y = gate(x1 + step / 2, x2 + step / 2);
        cells.push({ gate: name, x1, x1End: x1 + step, x2, x2End: x2 + step, y: String(y) });
      }
    }
    for (const [x1, x2] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
      inputs.push({ gate: name, x1, x2, y: String(gate(x1, x2)) });
    }
  }
  return { cells, inputs };
}

const { cells, inputs } = chartData();
const axis = { scale: { domain: [LOW, HIGH] }, axis: { tickCount: 5 } };
const spec: TopLevelSpec = {
  title: {
    text: CH02().gatesTitle,
    subtitle: CH02().gatesSubtitle,
    fontSize: 15,
    subtitleFontSize: 12,
  },
  data: {
    values: [
      ...cells.map((c) => ({ ...c, kind: "cell" })),
      ...inputs.map((p) => ({ ...p, kind: "input" })),
    ],
  },
  columns: 4,
  // The subtitle explains the colours and marks, so no legend takes room.
  config: { legend: { disable: true } },
  facet: {
    field: "gate",
    type: "nominal",
    sort: GATES.map((g) => g.name),
    header: { title: null, labelFontSize: 14 },
  },
  spec: {
    width: 180,
    height: 180,
    layer: [
      {
        transform: [{ filter: "datum.kind === 'cell'" }],
        mark: {
          type: "rect",
          strokeWidth: 0.3,
          stroke: { expr: "datum.y === '1' ? '#9ecae1' : '#f0f0f0'" },
        },
        encoding: {
          x: { field: "x1", type: "quantitative", title: "x1", ...axis },
          x2: { field: "x1End" },
          y: { field: "x2", type: "quantitative", title: "x2", ...axis },
          y2: { field: "x2End" },
          color: {
            field: "y",
            type: "nominal",
            title: CH02().gateOutput,
            scale: { domain: ["0", "1"], range: ["#f0f0f0", "#9ecae1"] },
          },
        },
      },
      {
        transform: [{ filter: "datum.kind === 'input'" }],
        mark: { type: "point", filled: true, size: 160, stroke: "black", strokeWidth: 1.5 },
        encoding: {
          x: { field: "x1", type: "quantitative" },
          y: { field: "x2", type: "quantitative" },
          shape: {
            field: "y",
            type: "nominal",
            scale: { domain: ["0", "1"], range: ["circle", "triangle-up"] },
            legend: null,
          },
          fill: {
            field: "y",
            type: "nominal",
            scale: { domain: ["0", "1"], range: ["white", "#08519c"] },
            legend: null,
          },
        },
      },
    ],
  },
};

await runCommand(async () => {
  const target = fileURLToPath(new URL("../../../out/ch02/gates.png", import.meta.url));
  const path = await renderVegaLite(spec, target, { scale: 2 });
  console.log(EXPERIMENTS().wrote(relative(Deno.cwd(), path)));
});
