/**
 * Summarises a V8 CPU profile (`deno run --cpu-prof`) as two tables: self time by function
 * and total (inclusive) time by function, each with the share of the sampled time.
 *
 * ```sh
 * deno run -A --cpu-prof --cpu-prof-dir=out/prof lib/bench/layers.ts --iterations 20
 * deno run -A lib/bench/cpuprofile.ts out/prof/*.cpuprofile [--top 25]
 * ```
 *
 * @module
 */

import { parseArgs } from "node:util";
import { formatTable } from "./report.ts";

/** The parts of a `.cpuprofile` file this summary reads. */
export interface CpuProfile {
  /** The call tree's nodes. */
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  /** The node sampled at each tick. */
  samples: number[];
  /** Microseconds since the previous sample, per sample. */
  timeDeltas: number[];
}

/** Self and total milliseconds of one function. */
export interface FunctionTime {
  /** `name (file:line)`. */
  name: string;
  /** Time with this function on top of the stack. */
  selfMs: number;
  /** Time with this function anywhere on the stack (counted once per sample). */
  totalMs: number;
}

/**
 * Adds up a profile's samples by function.
 *
 * @example
 * ```ts
 * import { summarizeProfile } from "./cpuprofile.ts";
 * import assert from "node:assert/strict";
 *
 * const frame = (functionName: string) => ({ functionName, url: "file:///a.ts", lineNumber: 0 });
 * const [top] = summarizeProfile({
 *   nodes: [{ id: 1, callFrame: frame("main"), children: [2] }, { id: 2, callFrame: frame("f") }],
 *   samples: [2, 2, 1],
 *   timeDeltas: [1000, 1000, 1000],
 * });
 * assert.deepEqual(top, { name: "f (a.ts:1)", selfMs: 2, totalMs: 2 });
 * ```
 *
 * @param profile The parsed `.cpuprofile` JSON.
 * @returns One entry per function, by self time, longest first.
 */
export function summarizeProfile(profile: CpuProfile): FunctionTime[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const nameOf = (id: number) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const file = url.split("/").pop() || "(native)";
    return `${functionName || "(anonymous)"} (${file}:${lineNumber + 1})`;
  };
  const self = new Map<string, number>(), total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const top = nameOf(id);
    self.set(top, (self.get(top) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = nameOf(at);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + ms);
    }
  });
  return [...total.keys()]
    .map((name) => ({ name, selfMs: self.get(name) ?? 0, totalMs: total.get(name)! }))
    .sort((a, b) => b.selfMs - a.selfMs);
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    args: Deno.args,
    allowPositionals: true,
    options: { top: { type: "string", default: "25" } },
  });
  if (positionals.length === 0) {
    console.error("Usage: deno run -A lib/bench/cpuprofile.ts FILE.cpuprofile [--top N]");
    Deno.exit(2);
  }
  const top = Number(values.top);
  for (const path of positionals) {
    const entries = summarizeProfile(JSON.parse(await Deno.readTextFile(path)));
    const sampled = entries.reduce((a, e) => a + e.selfMs, 0);
    const share = (ms: number) => `${(100 * ms / sampled).toFixed(1)}%`;
    const row = (e: FunctionTime) => [e.name, e.selfMs.toFixed(0), share(e.selfMs)];
    console.log(`${path}: ${sampled.toFixed(0)} ms sampled`);
    console.log(formatTable(["function (self)", "ms", "share"], entries.slice(0, top).map(row), [
      "l",
      "r",
      "r",
    ]));
    const inclusive = [...entries].sort((a, b) => b.totalMs - a.totalMs).slice(0, top);
    console.log("");
    console.log(formatTable(
      ["function (total)", "ms", "share"],
      inclusive.map((e) => [e.name, e.totalMs.toFixed(0), share(e.totalMs)]),
      ["l", "r", "r"],
    ));
  }
}
