/**
 * `deno task bench`: the workbook's training speed beside TensorFlow.js on the same CPU.
 *
 * ```sh
 * deno task bench                      # everything (several minutes)
 * deno task bench --only matmul        # GFLOP/s of the matrix products only
 * deno task bench --only simple,peer   # SimpleConvNet: workbook and tfjs
 * deno task bench --only simple,torch  # SimpleConvNet: workbook and PyTorch CPU
 * deno task bench --quick              # a smoke test (seconds), not a measurement
 * deno task bench --json out/bench/results.json
 * ```
 *
 * The tables go to stdout, progress to stderr. Timings belong here, never in tests.
 *
 * @module
 */

import { parseArgs } from "node:util";
import { UsageError } from "../command/errors.ts";
import { runCommand } from "../command/run.ts";
import { writeTextAtomicSync } from "../io/atomic.ts";
import { dirname, join } from "node:path";
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
  torch   the same epoch with PyTorch CPU (Debian's python3-torch, /usr/bin/python3),
          on 1 then 2 threads; skipped with the install command when missing
  numpy   the same epoch with the book's NumPy code (tools/peers/book_simple_convnet.py),
          1 thread, then 2 OpenBLAS threads (100 iterations extrapolated)

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
    strict: true,
    allowPositionals: false,
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

/** Checks before the (long) bench that `--json` can be written: a folder there, a writable place. */
function checkJsonPath(path: string): void {
  if (path.trim() === "") throw new UsageError("--json needs a file name, got an empty string");
  try {
    if (Deno.statSync(path).isDirectory) {
      throw new UsageError(`--json ${path} is a folder: give a file name, e.g. ${path}/bench.json`);
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  try {
    Deno.mkdirSync(dirname(path) || ".", { recursive: true });
    const probe = join(dirname(path) || ".", `.bench-write-test-${Deno.pid}`);
    Deno.writeTextFileSync(probe, "");
    Deno.removeSync(probe);
  } catch (error) {
    throw new UsageError(
      `--json ${path} cannot be written (${(error as Error).message.split("\n")[0]}): choose ` +
        `another path`,
    );
  }
}

if (import.meta.main) {
  if (Deno.args.includes("--help") || Deno.args.includes("-h")) {
    console.log(HELP);
    Deno.exit(0);
  }
  let options: ReturnType<typeof parseBenchArgs>;
  try {
    options = parseBenchArgs(Deno.args);
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, "");
    console.error(`error: ${message}\nRun "deno task bench --help" for the options.`);
    Deno.exit(2);
  }
  await runCommand(async () => {
    if (options.json !== undefined) checkJsonPath(options.json);
    const results = await runBench({
      quick: options.quick,
      only: options.only,
      init: options.init,
    });
    if (options.json) {
      writeTextAtomicSync(options.json, JSON.stringify(results, null, 2) + "\n");
      console.log(`wrote ${options.json}`);
    }
  });
}
