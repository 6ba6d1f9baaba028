/**
 * What `deno task bench` prints: the machine at the top, then plain-text tables.
 *
 * @module
 */

import type { GemmResult } from "./matmul.ts";
import type { GemmCase } from "./shapes.ts";

/** The machine a run happened on. */
export interface MachineInfo {
  /** Logical CPUs (`nproc`). */
  nproc: number;
  /** The CPU model from `/proc/cpuinfo`. */
  cpu: string;
  /** The output of `uptime` (with the load averages). */
  uptime: string;
  /** Deno's and V8's versions. */
  runtime: string;
}

/**
 * Describes this machine: CPU count and model, `uptime` (the load matters on a shared
 * machine), and the runtime.
 *
 * @example
 * ```ts
 * import { machineInfo } from "./report.ts";
 * import assert from "node:assert/strict";
 *
 * const m = await machineInfo();
 * assert.ok(m.nproc >= 1);
 * ```
 *
 * @returns The machine's description.
 */
export async function machineInfo(): Promise<MachineInfo> {
  let cpu = "unknown CPU";
  try {
    const info = await Deno.readTextFile("/proc/cpuinfo");
    cpu = info.match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim() ?? cpu;
  } catch { /* not Linux: keep "unknown" */ }
  return {
    nproc: navigator.hardwareConcurrency,
    cpu,
    uptime: await uptime(),
    runtime: `Deno ${Deno.version.deno}, V8 ${Deno.version.v8}`,
  };
}

/**
 * The output of `uptime`, or the load averages of `/proc/loadavg` where the command is missing.
 *
 * @example
 * ```ts
 * import { uptime } from "./report.ts";
 * import assert from "node:assert/strict";
 *
 * assert.match(await uptime(), /load/);
 * ```
 *
 * @returns One line with the load averages.
 */
export async function uptime(): Promise<string> {
  try {
    const out = await new Deno.Command("uptime", { stdout: "piped", stderr: "null" }).output();
    if (out.success) return new TextDecoder().decode(out.stdout).trim();
  } catch { /* no uptime command: fall back */ }
  try {
    const load = (await Deno.readTextFile("/proc/loadavg")).split(" ").slice(0, 3).join(", ");
    return `load average: ${load}`;
  } catch {
    return "load average: unknown";
  }
}

/** Column alignment: left or right. */
export type Align = "l" | "r";

/**
 * Lays out rows as a plain-text table with a header and a rule under it.
 *
 * @example
 * ```ts
 * import { formatTable } from "./report.ts";
 * import assert from "node:assert/strict";
 *
 * const text = formatTable(["name", "GFLOP/s"], [["512³", "12.5"]], ["l", "r"]);
 * assert.equal(text, "name  GFLOP/s\n----  -------\n512³     12.5");
 * ```
 *
 * @param header The column titles.
 * @param rows The cells, as strings.
 * @param align One alignment per column (left by default).
 * @returns The table, lines joined by newlines, without a trailing newline.
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => {
      const fill = " ".repeat(widths[i] - width(cell));
      return align[i] === "r" ? fill + cell : i === cells.length - 1 ? cell : cell + fill;
    }).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** The printed width of a string: code points, since labels use `³`, `ᵀ`, `→` and `·`. */
function width(s: string): number {
  return [...s].length;
}

/**
 * A number with a fixed count of significant-looking decimals, or an en dash when missing.
 *
 * @example
 * ```ts
 * import { fmt } from "./report.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(fmt(12.345, 1), "12.3");
 * assert.equal(fmt(undefined), "–");
 * ```
 *
 * @param x The number.
 * @param digits Decimals (default 2).
 * @returns The formatted number.
 */
export function fmt(x: number | undefined, digits = 2): string {
  return x === undefined || !Number.isFinite(x) ? "–" : x.toFixed(digits);
}

/** The matrix-product section's results. */
export interface MatmulResults {
  /** The cases, in order. */
  cases: GemmCase[];
  /** The workbook's gemm on one thread. */
  one: GemmResult[];
  /** The workbook's gemm on two threads. */
  two: GemmResult[];
  /** tfjs's matMul (float32 only), by label; missing when the peer did not run. */
  tfjs: Record<string, GemmResult>;
}

/**
 * The matrix-product table: one row per case, GFLOP/s on one and two threads, and tfjs.
 *
 * @example
 * ```ts
 * import { matmulTable } from "./report.ts";
 * import assert from "node:assert/strict";
 *
 * const c = { label: "512³", m: 512, n: 512, k: 512, dtype: "float32" as const };
 * const r = { label: "512³", dtype: "float32" as const, seconds: 0.01, gflops: 26.8, cpuGflops: 26 };
 * const text = matmulTable({ cases: [c], one: [r], two: [r], tfjs: {} });
 * assert.match(text, /512³/);
 * ```
 *
 * @param r The section's results.
 * @returns The table.
 */
export function matmulTable(r: MatmulResults): string {
  const rows = r.cases.map((c, i) => {
    const peer = c.dtype === "float32" ? r.tfjs[c.label] : undefined;
    return [
      c.label,
      `${c.m}×${c.k}·${c.k}×${c.n}`,
      c.dtype === "float32" ? "f32" : "f64",
      fmt(r.one[i]?.gflops, 1),
      fmt(r.one[i]?.cpuGflops, 1),
      fmt(r.two[i]?.gflops, 1),
      fmt(r.two[i] && r.one[i] ? r.two[i].gflops / r.one[i].gflops : undefined, 2),
      fmt(peer?.gflops, 1),
      fmt(peer?.cpuGflops, 1),
      fmt(peer && r.one[i] ? r.one[i].gflops / peer.gflops : undefined, 2),
    ];
  });
  return formatTable(
    [
      "product",
      "(m×k)·(k×n)",
      "type",
      "1 thr",
      "1 cpu",
      "2 thr",
      "2/1",
      "tfjs",
      "tfjs cpu",
      "1/tfjs",
    ],
    rows,
    ["l", "l", "l", "r", "r", "r", "r", "r", "r", "r"],
  );
}

/** One contestant's training run, reduced to the figures of the table. */
export interface NetResult {
  /** The network, e.g. `"SimpleConvNet"`. */
  net: string;
  /** Who ran it, e.g. `"workbook"` or `"tfjs-wasm 4.22.0"`. */
  contestant: string;
  /** Iterations timed. */
  iterations: number;
  /** Iterations of one epoch (600). */
  epochIterations: number;
  /** Whether the epoch time is extrapolated from fewer iterations. */
  extrapolated: boolean;
  /** Seconds for one epoch (measured, or median iteration × epoch iterations). */
  secondsPerEpoch: number;
  /** Process CPU seconds for one epoch (all threads; scaled from the iterations run). */
  cpuSecondsPerEpoch: number;
  /** Training images per second. */
  imagesPerSecond: number;
  /** Median seconds per iteration. */
  medianIterationSeconds: number;
  /** Test accuracy after the run (only after a full epoch). */
  testAccuracy?: number;
  /** The loss of the first iteration. */
  firstLoss: number;
  /** The mean loss of the last ten iterations. */
  lastLoss: number;
  /** Threads the products used. */
  threads: number;
}

/**
 * The training table: one row per contestant.
 *
 * @example
 * ```ts
 * import { netTable } from "./report.ts";
 * import assert from "node:assert/strict";
 *
 * const text = netTable([{
 *   net: "SimpleConvNet", contestant: "workbook", iterations: 600, epochIterations: 600,
 *   extrapolated: false, secondsPerEpoch: 15, cpuSecondsPerEpoch: 28, imagesPerSecond: 4000,
 *   medianIterationSeconds: 0.025, testAccuracy: 0.96, firstLoss: 2.3, lastLoss: 0.2, threads: 2,
 * }]);
 * assert.match(text, /SimpleConvNet/);
 * ```
 *
 * @param results The runs, in order.
 * @returns The table.
 */
export function netTable(results: readonly NetResult[]): string {
  const rows = results.map((r) => [
    r.net,
    r.contestant,
    String(r.threads),
    r.extrapolated ? `${r.iterations} → ${r.epochIterations} (extrapolated)` : String(r.iterations),
    fmt(r.secondsPerEpoch, 1),
    fmt(r.cpuSecondsPerEpoch, 1),
    fmt(r.imagesPerSecond, 0),
    fmt(r.medianIterationSeconds * 1000, 1),
    r.testAccuracy === undefined ? "–" : `${(r.testAccuracy * 100).toFixed(2)}%`,
    `${fmt(r.firstLoss, 3)} → ${fmt(r.lastLoss, 3)}`,
  ]);
  return formatTable(
    [
      "network",
      "run by",
      "thr",
      "iterations",
      "s/epoch",
      "cpu s",
      "images/s",
      "ms/iter",
      "test acc",
      "loss",
    ],
    rows,
    ["l", "l", "r", "l", "r", "r", "r", "r", "r", "l"],
  );
}
