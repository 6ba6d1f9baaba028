/**
 * Import maps that swap stub modules and references. `--import-map` replaces the
 * `"imports"` of `deno.json`, so each map starts from those entries; every path is made an
 * absolute `file://` URL so that the map works from a temporary file.
 *
 * @module
 */

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { StubPair } from "./manifest.ts";

/** An import map (`imports` and optional `scopes`). */
export interface ImportMap {
  /** Specifier → URL. */
  imports: Record<string, string>;
  /** Scope → (specifier → URL). */
  scopes?: Record<string, Record<string, string>>;
}

/** A directory or file path as a `file://` URL (directories keep their trailing slash). */
function fileUrl(root: string, path: string): string {
  const url = pathToFileURL(resolve(root, path)).href;
  return path.endsWith("/") && !url.endsWith("/") ? `${url}/` : url;
}

/** A `deno.json` value: relative paths become absolute URLs, `npm:` and URLs stay. */
function absolutize(root: string, value: string): string {
  return value.startsWith("./") || value.startsWith("../") || value.startsWith("/")
    ? fileUrl(root, value)
    : value;
}

/**
 * The `imports` (and `scopes`) of `deno.json`, with relative targets made absolute.
 *
 * @param root The repo root.
 * @param denoJson The parsed `deno.json` (read from the root when omitted).
 * @returns A map carrying the project's own entries.
 */
export function baseImportMap(
  root: string,
  denoJson?: { imports?: Record<string, string>; scopes?: Record<string, Record<string, string>> },
): ImportMap {
  const config = denoJson ?? JSON.parse(Deno.readTextFileSync(join(root, "deno.json")));
  const imports: Record<string, string> = {};
  for (const [key, value] of Object.entries(config.imports ?? {})) {
    imports[key] = absolutize(root, value as string);
  }
  const map: ImportMap = { imports };
  if (config.scopes) {
    map.scopes = {};
    for (const [scope, entries] of Object.entries(config.scopes)) {
      const target: Record<string, string> = {};
      for (const [key, value] of Object.entries(entries as Record<string, string>)) {
        target[key] = absolutize(root, value);
      }
      map.scopes[absolutize(root, scope)] = target;
    }
  }
  return map;
}

/**
 * Reference mode: each stub module resolves to its reference in `lib/`, so the chapter tests
 * run, unchanged, against the reference.
 *
 * @example
 * ```ts
 * import { referenceImportMap } from "./import_map.ts";
 * import assert from "node:assert/strict";
 *
 * const map = referenceImportMap("/repo", [
 *   { chapter: "04", stub: "chapters/04/loss.ts", reference: "lib/functions/loss.ts" },
 * ], { imports: { "fast-check": "npm:fast-check@4.11.0", "data/": "./data/" } });
 * assert.deepEqual(map.imports, {
 *   "fast-check": "npm:fast-check@4.11.0",
 *   "data/": "file:///repo/data/",
 *   "file:///repo/chapters/04/loss.ts": "file:///repo/lib/functions/loss.ts",
 * });
 * ```
 *
 * @param root The repo root.
 * @param pairs The pairs of `chapters/stubs.ts`.
 * @param denoJson The parsed `deno.json` (read from the root when omitted).
 * @returns The import map.
 */
export function referenceImportMap(
  root: string,
  pairs: StubPair[],
  denoJson?: { imports?: Record<string, string> },
): ImportMap {
  const map = baseImportMap(root, denoJson);
  for (const pair of pairs) {
    map.imports[fileUrl(root, pair.stub)] = fileUrl(root, pair.reference);
  }
  return map;
}

/**
 * Mine mode: each reference module of the given chapters resolves to the learner's stub
 * module, so that the library's networks and commands run on the learner's code. When two
 * chapters' stubs share a reference, the later chapter wins (it is the more complete one).
 *
 * @example
 * ```ts
 * import { mineImportMap } from "./import_map.ts";
 * import assert from "node:assert/strict";
 *
 * const pairs = [
 *   { chapter: "03", stub: "chapters/03/activation.ts", reference: "lib/functions/activation.ts" },
 *   { chapter: "04", stub: "chapters/04/loss.ts", reference: "lib/functions/loss.ts" },
 * ];
 * const map = mineImportMap("/repo", pairs, { chapters: ["04"], denoJson: { imports: {} } });
 * assert.deepEqual(map.imports, {
 *   "file:///repo/lib/functions/loss.ts": "file:///repo/chapters/04/loss.ts",
 * });
 * ```
 *
 * @param root The repo root.
 * @param pairs The pairs of `chapters/stubs.ts`.
 * @param options `chapters`: whose stubs to use; `denoJson`: the parsed `deno.json`.
 * @returns The import map.
 */
export function mineImportMap(
  root: string,
  pairs: StubPair[],
  options: { chapters: string[]; denoJson?: { imports?: Record<string, string> } },
): ImportMap {
  const map = baseImportMap(root, options.denoJson);
  const chosen = pairs
    .filter((p) => options.chapters.includes(p.chapter))
    .sort((a, b) => a.chapter.localeCompare(b.chapter));
  for (const pair of chosen) {
    map.imports[fileUrl(root, pair.reference)] = fileUrl(root, pair.stub);
  }
  return map;
}

/**
 * Writes an import map to a new temporary file.
 *
 * @param map The map.
 * @returns The file's path (the caller removes its folder when done, or leaves it to the OS).
 */
export function writeImportMap(map: ImportMap): string {
  const dir = mkdtempSync(join(tmpdir(), "zerokara-map-"));
  const path = join(dir, "import_map.json");
  writeFileSync(path, JSON.stringify(map, null, 2));
  return path;
}
