/**
 * Whether this process is the `--mine` child (see `mine.ts`). A module of its own, with no
 * imports, so that anything can ask, the data-parallel worker included.
 *
 * @module
 */

/** The environment variable that marks the relaunched child. */
export const MINE_ENV = "ZEROKARA_MINE";

/**
 * Whether this process is the relaunched child, running on the learner's code.
 *
 * @example
 * ```ts
 * import { isMine } from "./mine_env.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(typeof isMine(), "boolean");
 * ```
 *
 * @returns `true` inside the `--mine` child.
 */
export function isMine(): boolean {
  try {
    return Deno.env.get(MINE_ENV) === "1";
  } catch {
    return false;
  }
}
