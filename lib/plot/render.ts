/**
 * SVG → PNG with resvg (compiled to WebAssembly) and the DejaVu fonts, and atomic file writes.
 *
 * resvg draws no text without fonts, and a WebAssembly build cannot see the system's fonts, so
 * the DejaVu TTF files from the `dejavu-fonts-ttf` npm package are handed to it as buffers.
 * DejaVu has no kana or kanji: when a chart has Japanese text (its titles in `--lang ja`),
 * Noto Sans JP Regular (`@expo-google-fonts/noto-sans-jp`, 5.7 MB) is loaded as well and
 * resvg falls back to it for the characters DejaVu lacks. English charts never load it.
 *
 * @module
 */

import "dejavu-fonts-ttf/package.json" with { type: "json" };
import "@expo-google-fonts/noto-sans-jp/package.json" with { type: "json" };
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import { fileURLToPath } from "node:url";
import { hasJapanese } from "../command/width.ts";
import { writeFileAtomicSync } from "../io/atomic.ts";

/** The font family every chart uses; resvg and vega both get this name. */
export const FONT_FAMILY = "DejaVu Sans";

/** The font resvg falls back to for kana and kanji. */
export const CJK_FONT_FAMILY = "Noto Sans JP";

const FONT_FILES = [
  "DejaVuSans.ttf",
  "DejaVuSans-Bold.ttf",
  "DejaVuSans-Oblique.ttf",
  "DejaVuSans-BoldOblique.ttf",
  "DejaVuSansMono.ttf",
];

let ready: Promise<Uint8Array[]> | undefined;

/**
 * Loads a file of an npm package as bytes. A module import needs no read permission, so
 * charts render in `deno test chapters/01` without flags.
 */
async function packageBytes(specifier: string): Promise<Uint8Array> {
  const module = await import(import.meta.resolve(specifier), { with: { type: "bytes" } });
  return module.default;
}

let cjkReady: Promise<Uint8Array> | undefined;

/** Starts resvg's WebAssembly and reads the fonts, once per process. */
function setUp(): Promise<Uint8Array[]> {
  ready ??= (async () => {
    await initWasm(await packageBytes("@resvg/resvg-wasm/index_bg.wasm"));
    return await Promise.all(
      FONT_FILES.map((file) => packageBytes(`dejavu-fonts-ttf/ttf/${file}`)),
    );
  })();
  return ready;
}

/**
 * The Japanese font's bytes (Noto Sans JP Regular, TTF), read once per process: for charts
 * with Japanese text, and for the lab's page, which serves it to browsers without one.
 *
 * @returns The TTF file's bytes.
 */
export function cjkFont(): Promise<Uint8Array> {
  cjkReady ??= packageBytes("@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf");
  return cjkReady;
}

// Which charts need the Japanese font: the test lives beside the terminal's width rules.
export { hasJapanese };

/** Options of {@linkcode svgToPng} and {@linkcode renderSvg}. */
export interface PngOptions {
  /** Pixels per SVG unit (1 by default); 2 makes a sharper, twice as large picture. */
  scale?: number;
  /** The background colour (white by default; `"transparent"` for none). */
  background?: string;
}

/**
 * Renders an SVG document to PNG bytes.
 *
 * @example
 * ```ts
 * import { svgToPng } from "./render.ts";
 * import assert from "node:assert/strict";
 *
 * const png = await svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"/>');
 * assert.deepEqual([...png.subarray(1, 4)], [80, 78, 71]); // "PNG"
 * ```
 *
 * @param svg The SVG text.
 * @param options `scale` and `background`.
 * @returns The PNG file's bytes.
 * @throws {TypeError} when the SVG cannot be parsed.
 */
export async function svgToPng(svg: string, options: PngOptions = {}): Promise<Uint8Array> {
  const scale = options.scale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale)) {
    throw new RangeError(`The PNG scale must be a positive number, got ${scale}`);
  }
  const fontBuffers = await setUp();
  const fonts = hasJapanese(svg) ? [...fontBuffers, await cjkFont()] : fontBuffers;
  let resvg;
  try {
    resvg = new Resvg(svg, {
      font: {
        fontBuffers: fonts,
        defaultFontFamily: FONT_FAMILY,
        sansSerifFamily: FONT_FAMILY,
        monospaceFamily: "DejaVu Sans Mono",
      },
      fitTo: scale === 1 ? { mode: "original" } : { mode: "zoom", value: scale },
      ...(options.background === "transparent"
        ? {}
        : { background: options.background ?? "white" }),
    });
  } catch (error) {
    throw new TypeError(`Cannot render the SVG: ${error instanceof Error ? error.message : error}`);
  }
  try {
    const image = resvg.render();
    const png = image.asPng();
    image.free();
    return png;
  } finally {
    resvg.free();
  }
}

/**
 * Writes a file atomically: to a temporary file beside it, then renamed over the target, so a
 * reader never sees half a file. Creates missing folders.
 *
 * @example
 * ```ts
 * import { writeFileAtomic } from "./render.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * const path = await writeFileAtomic(`${dir}/a/b.txt`, new TextEncoder().encode("hi"));
 * assert.equal(await Deno.readTextFile(path), "hi");
 * await Deno.remove(dir, { recursive: true });
 * ```
 *
 * @param path The file to write (a path or a `file:` URL).
 * @param bytes The content.
 * @returns The path written.
 * @throws {WriteError} when it cannot be written (a folder in the way, no permission, a full
 *   disk); the old file is then unchanged.
 */
export async function writeFileAtomic(path: string | URL, bytes: Uint8Array): Promise<string> {
  return await Promise.resolve(
    writeFileAtomicSync(path instanceof URL ? fileURLToPath(path) : path, bytes),
  );
}

/**
 * Renders an SVG document to a PNG file.
 *
 * @example
 * ```ts
 * import { renderSvg } from "./render.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30">' +
 *   '<text x="4" y="20" font-size="14">Hello</text></svg>';
 * const path = await renderSvg(svg, `${dir}/hello.png`);
 * assert.ok((await Deno.stat(path)).size > 0);
 * await Deno.remove(dir, { recursive: true });
 * ```
 *
 * @param svg The SVG text.
 * @param path The PNG file to write (folders are created).
 * @param options `scale` and `background`.
 * @returns The path written.
 */
export async function renderSvg(
  svg: string,
  path: string | URL,
  options: PngOptions = {},
): Promise<string> {
  return await writeFileAtomic(path, await svgToPng(svg, options));
}
