/**
 * Grayscale images in a grid with optional captions, the workbook's `plt.imshow` for MNIST
 * digits (§3.6.1), misclassified examples ("7→2") and learned filters (§7.6).
 *
 * The grid is drawn as one bitmap (nearest-neighbour enlarged, so pixels stay sharp) embedded
 * in an SVG as a PNG data URL; only the text is left to resvg.
 *
 * @module
 */

import { Buffer } from "node:buffer";
import { encode } from "fast-png";
import { type NDArray, showShape } from "../np/ndarray.ts";
import { renderSvg } from "./render.ts";

/** Options of {@linkcode imageGrid}. */
export interface ImageGridOptions {
  /** The PNG file to write, e.g. `"out/ch03/digits.png"`. */
  path: string | URL;
  /** Images per row (at most 10 by default). */
  columns?: number;
  /** Screen pixels per image pixel (2 by default). */
  scale?: number;
  /** One caption per image, written under it (e.g. `"7→2"`: label 7, predicted 2). */
  captions?: readonly string[];
  /** A title above the grid. */
  title?: string;
  /**
   * The values shown as black and white: `[low, high]`; `"each"` stretches every image to its
   * own range (for filters); by default `[0, 1]` when all values lie there, else the overall
   * minimum and maximum.
   */
  range?: readonly [number, number] | "each";
  /** Dark on light (matplotlib's `cmap="gray_r"`) instead of light on dark. */
  invert?: boolean;
  /** Pixels between images (4 by default). */
  gap?: number;
}

const MARGIN = 6;
const CAPTION_HEIGHT = 16;
const TITLE_HEIGHT = 26;

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function checkPositiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value <= 0) {
    throw new RangeError(`imageGrid: ${name} must be a positive integer, got ${value}`);
  }
  return value;
}

/**
 * [n, h, w] of the accepted image shapes, [n, h, w] or [n, 1, h, w]. A 2-D array is refused:
 * it is most often a batch of flat MNIST rows, not one image.
 */
function gridShape(images: NDArray): [number, number, number] {
  const s = images.shape;
  if (s.length === 3) return [s[0], s[1], s[2]];
  if (s.length === 4 && s[1] === 1) return [s[0], s[2], s[3]];
  throw new TypeError(
    `imageGrid takes grayscale images of shape [n, h, w] or [n, 1, h, w], got ${
      showShape(s)
    }: reshape flat MNIST rows with x.reshape(-1, 28, 28)`,
  );
}

function rangeOf(data: ArrayLike<number>, from: number, to: number): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (let i = from; i < to; i++) {
    const v = data[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/**
 * The SVG text of an image grid (what {@linkcode imageGrid} renders), with its size.
 *
 * @example
 * ```ts
 * import { imageGridSvg } from "./image_grid.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const { width, height } = imageGridSvg(np.zeros([3, 8, 8]), { columns: 2, scale: 1, gap: 2 });
 * assert.deepEqual([width, height], [6 + 8 + 2 + 8 + 6, 6 + 8 + 2 + 8 + 6]);
 * ```
 *
 * @param images Grayscale images, `[n, h, w]` or `[n, 1, h, w]`.
 * @param options As {@linkcode imageGrid} (the `path` is not needed here).
 * @returns The SVG and its width and height in pixels.
 */
export function imageGridSvg(
  images: NDArray,
  options: Omit<ImageGridOptions, "path"> = {},
): { svg: string; width: number; height: number } {
  const [n, h, w] = gridShape(images);
  if (n === 0 || h === 0 || w === 0) {
    throw new RangeError(
      `imageGrid needs at least one non-empty image, got shape ${showShape(images.shape)}`,
    );
  }
  const captions = options.captions;
  if (captions !== undefined && captions.length !== n) {
    throw new TypeError(
      `imageGrid: ${captions.length} captions for ${n} images; give one per image`,
    );
  }
  const columns = checkPositiveInteger(options.columns ?? Math.min(n, 10), "columns");
  const scale = checkPositiveInteger(options.scale ?? 2, "scale");
  const gap = options.gap ?? 4;
  if (!Number.isInteger(gap) || gap < 0) {
    throw new RangeError(`imageGrid: gap must be a non-negative integer, got ${gap}`);
  }
  const rows = Math.ceil(n / columns);
  const cellW = w * scale, cellH = h * scale;
  const captionH = captions ? CAPTION_HEIGHT : 0;
  const top = options.title === undefined ? 0 : TITLE_HEIGHT;
  const cols = Math.min(columns, n);
  const width = 2 * MARGIN + cols * cellW + (cols - 1) * gap;
  const height = top + 2 * MARGIN + rows * (cellH + captionH) + (rows - 1) * gap;

  const data = images.data;
  const global = options.range === undefined
    ? (() => {
      const [lo, hi] = rangeOf(data, 0, data.length);
      return lo >= 0 && hi <= 1 ? [0, 1] as [number, number] : [lo, hi] as [number, number];
    })()
    : options.range === "each"
    ? undefined
    : [options.range[0], options.range[1]] as [number, number];

  const pixels = new Uint8Array(width * height).fill(255);
  const texts: string[] = [];
  if (options.title !== undefined) {
    texts.push(
      `<text x="${width / 2}" y="${MARGIN + 14}" text-anchor="middle" font-size="14" ` +
        `font-weight="bold">${escapeXml(options.title)}</text>`,
    );
  }
  for (let k = 0; k < n; k++) {
    const x0 = MARGIN + (k % columns) * (cellW + gap);
    const y0 = top + MARGIN + Math.floor(k / columns) * (cellH + captionH + gap);
    const from = k * h * w;
    const [lo, hi] = global ?? rangeOf(data, from, from + h * w);
    const span = hi > lo ? hi - lo : 1;
    for (let i = 0; i < h; i++) {
      for (let j = 0; j < w; j++) {
        const t = Math.min(1, Math.max(0, (data[from + i * w + j] - lo) / span));
        const v = Math.round(255 * (options.invert ? 1 - t : t));
        for (let di = 0; di < scale; di++) {
          const row = (y0 + i * scale + di) * width + x0 + j * scale;
          pixels.fill(v, row, row + scale);
        }
      }
    }
    if (captions) {
      texts.push(
        `<text x="${x0 + cellW / 2}" y="${y0 + cellH + 12}" text-anchor="middle" ` +
          `font-size="11">${escapeXml(captions[k])}</text>`,
      );
    }
  }
  const png = encode({ width, height, data: pixels, channels: 1, depth: 8 });
  const href = `data:image/png;base64,${Buffer.from(png).toString("base64")}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}">` +
    `<image x="0" y="0" width="${width}" height="${height}" image-rendering="optimizeSpeed" ` +
    `href="${href}"/>` + texts.join("") + `</svg>`;
  return { svg, width, height };
}

/**
 * Draws grayscale images in a grid to a PNG file and returns its path.
 *
 * @example Four digits with captions
 * ```ts
 * import { imageGrid } from "./image_grid.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * const images = np.rng(0).random([4, 28, 28]);
 * const path = await imageGrid(images, {
 *   path: `${dir}/grid.png`,
 *   columns: 2,
 *   captions: ["7→2", "1", "4→9", "0"],
 * });
 * assert.ok(path.endsWith("grid.png"));
 * await Deno.remove(dir, { recursive: true });
 * ```
 *
 * @param images Grayscale images, `[n, h, w]` or `[n, 1, h, w]` (one image: `x.reshape(1, h, w)`).
 * @param options `path`, layout (`columns`, `scale`, `gap`), `captions`, `title`, and how values
 * map to gray (`range`, `invert`).
 * @returns The path written.
 * @throws {TypeError} for other shapes or a wrong number of captions.
 */
export async function imageGrid(images: NDArray, options: ImageGridOptions): Promise<string> {
  const { svg } = imageGridSvg(images, options);
  return await renderSvg(svg, options.path);
}
