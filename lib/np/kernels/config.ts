/**
 * Which kernels run: WebAssembly (the default, where available) or plain TypeScript, and on
 * how many threads the matrix product may run.
 *
 * Two environment variables choose, read once at start-up (when `--allow-env` lets us read
 * them): `ZEROKARA_KERNELS=ts` forces the TypeScript loops everywhere, `ZEROKARA_THREADS=1`
 * keeps every product on the main thread. {@linkcode kernelConfig} can also be changed at run
 * time (tests and benchmarks do).
 *
 * @module
 */

/** Which kernels compute, and on how many threads. */
export interface KernelConfig {
  /** `"wasm"` (WebAssembly SIMD, where available) or `"ts"` (plain TypeScript). */
  backend: "wasm" | "ts";
  /** 1 or 2: how many threads may share a big matrix product. */
  threads: number;
}

/** Reads an environment variable if we may, without prompting. */
function env(name: string): string | undefined {
  try {
    if (Deno.permissions.querySync({ name: "env", variable: name }).state !== "granted") return;
    return Deno.env.get(name);
  } catch {
    return undefined;
  }
}

/**
 * The current choice of kernels, from `ZEROKARA_KERNELS` and `ZEROKARA_THREADS` at start-up.
 *
 * @example
 * ```ts
 * import { kernelConfig } from "./config.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(kernelConfig.backend === "wasm" || kernelConfig.backend === "ts");
 * assert.ok(kernelConfig.threads === 1 || kernelConfig.threads === 2);
 * ```
 */
export const kernelConfig: KernelConfig = {
  backend: env("ZEROKARA_KERNELS") === "ts" ? "ts" : "wasm",
  threads: Math.max(
    1,
    Math.min(2, Number(env("ZEROKARA_THREADS") ?? navigator.hardwareConcurrency) || 1),
  ),
};
