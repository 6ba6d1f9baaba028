/**
 * Import maps that swap stub modules and references. `--import-map` replaces the
 * `"imports"` of `deno.json`, so each map starts from those entries; every path is made an
 * absolute `file://` URL so that the map works from a temporary file.
 *
 * @module
 */

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
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

/** One stub module under `--mine`: which of its exercises are the learner's. */
export interface MineModule {
  /** The stub → reference pair. */
  pair: StubPair;
  /** The exported names of its exercises that the learner has finished. */
  mine: string[];
  /** Whether every exercise of the module is finished (then the whole stub is used). */
  whole: boolean;
}

/**
 * Mine mode: each reference module resolves to the learner's stub module when every exercise
 * in it is finished, and to a small generated module when only some are: that module exports
 * the learner's finished exercises from the stub and everything else from the reference. A
 * scope lets the generated modules reach the real references. When two chapters' stubs share
 * a reference, the later chapter wins (it is the more complete one).
 *
 * @example
 * ```ts
 * import { mineImportMap } from "./import_map.ts";
 * import assert from "node:assert/strict";
 *
 * const loss = { chapter: "04", stub: "chapters/04/loss.ts", reference: "lib/functions/loss.ts" };
 * const { map, modules } = mineImportMap("/repo", [
 *   { pair: loss, mine: ["crossEntropyError"], whole: false },
 * ], { dir: "/tmp/m", denoJson: { imports: {} } });
 * assert.equal(map.imports["file:///repo/lib/functions/loss.ts"], "file:///tmp/m/04_loss.ts");
 * assert.match(modules["/tmp/m/04_loss.ts"], /export \{ crossEntropyError \} from "file:\/\/\/repo\/chapters\/04\/loss.ts"/);
 * ```
 *
 * @param root The repo root.
 * @param choices The stub modules and the learner's finished exercises in each.
 * @param options `dir`: where the generated modules go; `denoJson`: the parsed `deno.json`.
 * @returns The import map and the generated modules' sources by path.
 */
export function mineImportMap(
  root: string,
  choices: MineModule[],
  options: { dir: string; denoJson?: { imports?: Record<string, string> } },
): { map: ImportMap; modules: Record<string, string> } {
  const map = baseImportMap(root, options.denoJson);
  const modules: Record<string, string> = {};
  const passThrough: Record<string, string> = {};
  const sorted = [...choices].sort((a, b) => a.pair.chapter.localeCompare(b.pair.chapter));
  for (const { pair, mine, whole } of sorted) {
    const reference = fileUrl(root, pair.reference);
    const stub = fileUrl(root, pair.stub);
    if (whole) {
      map.imports[reference] = stub;
    } else if (mine.length > 0) {
      const path = join(options.dir, `${pair.chapter}_${basename(pair.stub)}`);
      modules[path] =
        `// --mine: ${mine.join(", ")} from ${pair.stub}, the rest from ${pair.reference}\n` +
        `export * from "${reference}";\nexport { ${mine.join(", ")} } from "${stub}";\n`;
      map.imports[reference] = pathToFileURL(path).href;
      passThrough[reference] = reference;
    }
  }
  if (Object.keys(passThrough).length > 0) {
    map.scopes = { ...map.scopes, [fileUrl(options.dir, "./")]: passThrough };
  }
  return { map, modules };
}

/**
 * Writes an import map and the modules it refers to into a new temporary folder.
 *
 * @param build Makes the map and its modules, given the folder.
 * @returns The map's path (the caller removes its folder when done).
 */
export function writeImportMapWith(
  build: (dir: string) => { map: ImportMap; modules: Record<string, string> },
): string {
  const dir = mkdtempSync(join(tmpdir(), "zerokara-map-"));
  const { map, modules } = build(dir);
  for (const [path, text] of Object.entries(modules)) writeFileSync(path, text);
  const path = join(dir, "import_map.json");
  writeFileSync(path, JSON.stringify(map, null, 2));
  return path;
}

/**
 * Writes an import map to a new temporary file.
 *
 * @param map The map.
 * @returns The file's path (the caller removes its folder when done, or leaves it to the OS).
 */
export function writeImportMap(map: ImportMap): string {
  return writeImportMapWith(() => ({ map, modules: {} }));
}
