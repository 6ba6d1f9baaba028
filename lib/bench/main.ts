/**
 * `deno task bench`: the workbook's training speed beside TensorFlow.js on the same CPU.
 *
 * ```sh
 * deno task bench                      # everything (several minutes)
 * deno task bench --only matmul        # GFLOP/s of the matrix products only
 * deno task bench --only simple,peer   # SimpleConvNet: workbook and tfjs
 * deno task bench --quick              # a smoke test (seconds), not a measurement
 * deno task bench --json out/bench/results.json
 * ```
 *
 * The tables go to stdout, progress to stderr. Timings belong here, never in tests.
 *
 * @module
 */

import { parseArgs } from "node:util";
import { dirname } from "node:path";
import { runBench, type Section, SECTIONS } from "./run.ts";
import { INIT_SCHEMES, type InitScheme } from "./workload.ts";

const HELP = `deno task bench [--quick] [--only ${
  SECTIONS.join("|")
}[,…]] [--init he|book] [--json PATH]

Measures, in one run and printed side by side:
  matmul  GFLOP/s of gemm (lib/np/kernels/matmul.ts) on 512³ and on the products of
          SimpleConvNet and DeepConvNet at batch 100, on 1 and 2 threads, and tfjs matMul
  simple  one epoch of the workbook's SimpleConvNet (600 × batch 100, Adam, float32)
          and its test accuracy
  deep    DeepConvNet, 40 iterations extrapolated to an epoch
  peer    the same SimpleConvNet epoch with TensorFlow.js (tfjs-core + wasm backend)

Options:
  --quick       few iterations and small products: checks that it runs, measures nothing
  --only LIST   run only these sections (comma-separated)
  --init NAME   SimpleConvNet's initial weights, the same for the workbook and tfjs: he
                (He's √(2/fan-in), the default: 97.8% after one epoch) or book (the book's
                0.01·randn: 96.7%)
  --json PATH   also write every figure as JSON
  --help        this text`;

/**
 * Parses the command line of `deno task bench`.
 *
 * @example
 * ```ts
 * import { parseBenchArgs } from "./main.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(parseBenchArgs(["--quick", "--only", "matmul,peer"]), {
 *   quick: true,
 *   only: ["matmul", "peer"],
 *   init: "he",
 *   json: undefined,
 *   help: false,
 * });
 * ```
 *
 * @param args The arguments after the script name.
 * @returns The options.
 * @throws {RangeError} for an unknown section.
 * @throws {TypeError} for an unknown option.
 */
export function parseBenchArgs(args: string[]): {
  quick: boolean;
  only: Section[] | undefined;
  init: InitScheme;
  json: string | undefined;
  help: boolean;
} {
  const { values } = parseArgs({
    args,
    options: {
      quick: { type: "boolean", default: false },
      only: { type: "string", multiple: true },
      init: { type: "string", default: "he" },
      json: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const only = values.only?.flatMap((list) => list.split(",")).map((s) => s.trim()).filter(
    (s) => s !== "",
  );
  for (const section of only ?? []) {
    if (!SECTIONS.includes(section as Section)) {
      throw new RangeError(
        `Unknown bench section "${section}"; use one or more of ${SECTIONS.join(", ")}`,
      );
    }
  }
  const init = values.init as InitScheme;
  if (!INIT_SCHEMES.includes(init)) {
    throw new RangeError(`Unknown --init "${values.init}"; use ${INIT_SCHEMES.join(" or ")}`);
  }
  return {
    quick: values.quick ?? false,
    only: only as Section[] | undefined,
    init,
    json: values.json,
    help: values.help ?? false,
  };
}

if (import.meta.main) {
  let options;
  try {
    options = parseBenchArgs(Deno.args);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    Deno.exit(2);
  }
  if (options.help) {
    console.log(HELP);
    Deno.exit(0);
  }
  const results = await runBench({
    quick: options.quick,
    only: options.only,
    init: options.init,
  });
  if (options.json) {
    await Deno.mkdir(dirname(options.json), { recursive: true });
    await Deno.writeTextFile(options.json, JSON.stringify(results, null, 2) + "\n");
    console.log(`wrote ${options.json}`);
  }
}
