/**
 * The Python peers of `deno task bench`: PyTorch CPU (`tools/peers/torch_simple_convnet.py`) and
 * the book's NumPy code (`tools/peers/book_simple_convnet.py`). Each runs the bench's
 * SimpleConvNet epoch in a child process, from the same initial weights and on the same
 * mini-batches as the workbook and tfjs, which it reads from `.npy` files in a temporary folder;
 * it answers with a JSON file of per-iteration seconds and losses, its CPU time and its test
 * accuracy.
 *
 * @module
 */

import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { mnistDir } from "../mnist/mod.ts";
import type { NDArray } from "../np/ndarray.ts";
import type { TrainRun } from "./workload.ts";

/** The interpreters tried, in order: Debian's (where `apt-get install python3-torch` puts torch) first. */
export const PYTHONS: readonly string[] = ["/usr/bin/python3", "python3"];

/** How to get each peer when it is missing. */
export const INSTALL_HINTS: Record<"torch" | "numpy", string> = {
  torch: "PyTorch was not found: apt-get install python3-torch libopenblas0-pthread " +
    "(Debian's build; then /usr/bin/python3 -c 'import torch' works) and run the bench again",
  numpy: "NumPy was not found: apt-get install python3-numpy (or python3 -m pip install numpy)",
};

/** A Python interpreter and the version of the module it imports. */
export interface PythonPeer {
  /** The interpreter's path or name. */
  python: string;
  /** `torch.__version__` or `numpy.__version__`. */
  version: string;
  /** The BLAS library NumPy or torch loaded, when it says. */
  blas: string;
}

/**
 * The first interpreter of {@linkcode PYTHONS} that imports `module`, or null.
 *
 * @example
 * ```ts ignore
 * import { findPython } from "./peer_python.ts";
 *
 * console.log(await findPython("torch")); // { python: "/usr/bin/python3", version: "1.13.1", … }
 * ```
 *
 * @param module `"torch"` or `"numpy"`.
 * @returns The interpreter and the module's version, or null.
 */
export async function findPython(module: "torch" | "numpy"): Promise<PythonPeer | null> {
  const probe = module === "torch"
    ? "import re, torch; print(torch.__version__); c = torch.__config__.show(); " +
      "print(', '.join(m.group(0) for m in re.finditer(r'(BLAS_INFO|USE_MKLDNN)=[^,\\s]+', c)))"
    : "import numpy; print(numpy.__version__); print('')";
  for (const python of PYTHONS) {
    try {
      const out = await new Deno.Command(python, {
        args: ["-c", probe],
        stdout: "piped",
        stderr: "null",
      }).output();
      if (!out.success) continue;
      const [version, blas] = new TextDecoder().decode(out.stdout).split("\n");
      return { python, version: version.trim(), blas: (blas ?? "").trim() };
    } catch { /* not installed: try the next */ }
  }
  return null;
}

/**
 * Encodes a `.npy` file (version 1.0, little-endian, C order) of float32 or int32 values.
 *
 * @example
 * ```ts
 * import { npyBytes } from "./peer_python.ts";
 * import assert from "node:assert/strict";
 *
 * const bytes = npyBytes(Float32Array.of(1, 2, 3, 4, 5, 6), [2, 3]);
 * assert.equal(bytes.length % 16, 8); // 64-byte header + 24 bytes of data
 * assert.equal(new TextDecoder().decode(bytes.subarray(1, 6)), "NUMPY");
 * ```
 *
 * @param data The values.
 * @param shape Their shape.
 * @returns The file's bytes.
 */
export function npyBytes(data: Float32Array | Int32Array, shape: readonly number[]): Uint8Array {
  const descr = data instanceof Float32Array ? "<f4" : "<i4";
  const dims = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${dims}, }`;
  const total = 10 + header.length + 1;
  header += " ".repeat((64 - (total % 64)) % 64) + "\n";
  const out = new Uint8Array(10 + header.length + data.byteLength);
  out.set([0x93, ...new TextEncoder().encode("NUMPY"), 1, 0], 0);
  new DataView(out.buffer).setUint16(8, header.length, true);
  out.set(new TextEncoder().encode(header), 10);
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), 10 + header.length);
  return out;
}

/**
 * Writes the initial weights (`W1.npy` … `b3.npy`, the book's layouts) and the mini-batches
 * (`batches.npy`, int32 `[iterations, batch]`) into a fresh temporary folder.
 *
 * @param params SimpleConvNet's parameters by the book's names, float32.
 * @param batches One index array per iteration, all of the same length.
 * @returns The folder (the caller removes it).
 */
export function writeExchange(
  params: Record<string, NDArray>,
  batches: readonly Int32Array[],
): string {
  const dir = Deno.makeTempDirSync({ prefix: "zerokara-bench-" });
  for (const [name, value] of Object.entries(params)) {
    Deno.writeFileSync(
      join(dir, `${name}.npy`),
      npyBytes(Float32Array.from(value.data as ArrayLike<number>), value.shape),
    );
  }
  const size = batches[0]?.length ?? 0, all = new Int32Array(batches.length * size);
  batches.forEach((b, i) => all.set(b, i * size));
  Deno.writeFileSync(join(dir, "batches.npy"), npyBytes(all, [batches.length, size]));
  return dir;
}

/** What a Python peer's run gives back. */
export interface PythonRun {
  /** The timings and losses. */
  run: TrainRun;
  /** Test accuracy after the run, when measured. */
  testAccuracy?: number;
  /** The thread settings the peer ran with, as it prints them. */
  settings: string;
}

/**
 * Runs one Python peer on the exchange folder and reads its JSON answer.
 *
 * @param peer `"torch"` or `"numpy"`.
 * @param python The interpreter.
 * @param options The exchange folder, threads, iterations, warm-up and whether to test.
 * @returns The run.
 * @throws {Error} when the child fails (its stderr's tail in the message).
 */
export async function runPythonPeer(
  peer: "torch" | "numpy",
  python: string,
  options: {
    exchange: string;
    threads: number;
    iterations: number;
    warmup: number;
    accuracy: boolean;
  },
): Promise<PythonRun> {
  const script = fileURLToPath(
    new URL(
      `../../tools/peers/${
        peer === "torch" ? "torch_simple_convnet.py" : "book_simple_convnet.py"
      }`,
      import.meta.url,
    ),
  );
  const json = join(options.exchange, `result-${peer}-${options.threads}.json`);
  const args = [
    script,
    "--data",
    mnistDir(),
    "--exchange",
    options.exchange,
    "--threads",
    String(options.threads),
    "--warmup",
    String(options.warmup),
    "--json",
    json,
  ];
  if (peer === "numpy") args.push("--iterations", String(options.iterations));
  if (!options.accuracy) args.push("--no-accuracy");
  const child = new Deno.Command(python, {
    args,
    stdout: peer === "numpy" ? "null" : "inherit",
    stderr: "piped",
    env: {
      OMP_NUM_THREADS: String(options.threads),
      OPENBLAS_NUM_THREADS: String(options.threads),
    },
  }).spawn();
  // Progress lines go on to our stderr as they come.
  const lines: string[] = [];
  const decoder = new TextDecoderStream();
  const pump = child.stderr.pipeThrough(decoder).pipeTo(
    new WritableStream({
      write(chunk) {
        Deno.stderr.writeSync(new TextEncoder().encode(chunk));
        lines.push(...chunk.split("\n"));
      },
    }),
  );
  const status = await child.status;
  await pump;
  if (!status.success) {
    throw new Error(
      `${peer} peer (${python}) exited with ${status.code}: ${lines.slice(-6).join("\n")}`,
    );
  }
  const r = JSON.parse(Deno.readTextFileSync(json));
  return {
    run: {
      iterationSeconds: r.iteration_seconds,
      losses: r.losses,
      cpuSeconds: r.cpu_seconds,
    },
    testAccuracy: r.test_accuracy ?? undefined,
    settings: r.settings,
  };
}
