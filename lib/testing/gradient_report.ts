/**
 * What a failed gradient check says beyond "not close": where the error concentrates (whole
 * rows or columns point at a bias or a broadcast, the transpose of the expected gradient at a
 * transposed operand, only the border of an image at padding), a small text heatmap of the
 * relative error, and, when the test may write to `out/`, a PNG of it.
 *
 * @module
 */

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import type { NDArray } from "../np/ndarray.ts";
import { TESTING } from "./messages.ts";

/**
 * Whether a failed check may write its heatmap file. `lib/testing/mistakes.ts` turns it off
 * while it re-runs a test with catalogued mistakes, so that the learner's heatmap stays.
 */
export const heatmapFiles = { enabled: true };

/** Tolerances, as `assertAllClose`'s. */
export interface Tolerance {
  /** Relative tolerance. */
  rtol: number;
  /** Absolute tolerance. */
  atol: number;
}

/** Whether element i of the two arrays is out of tolerance (NaN and infinities count). */
function isBad(a: number, b: number, { rtol, atol }: Tolerance): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return !(Number.isNaN(a) && Number.isNaN(b));
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a !== b;
  return Math.abs(a - b) > atol + rtol * Math.abs(b);
}

/** A list of indices as text, the first few. */
function listOf(indices: number[]): string {
  const shown = indices.slice(0, 6).join(", ");
  return indices.length > 6 ? TESTING().moreIndices(shown, indices.length) : shown;
}

/**
 * The pattern of a gradient's error, as sentences for the learner.
 *
 * @example
 * ```ts
 * import { errorPattern } from "./gradient_report.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const expected = np.array([[1, 2, 3], [4, 5, 6]]);
 * const wrongRow = np.array([[1, 2, 3], [9, 9, 9]]);
 * assert.match(errorPattern(wrongRow, expected, { rtol: 1e-5, atol: 0 }).join(), /whole rows 1/);
 * const transposed = np.array([[1, 4], [2, 5], [3, 6]]);
 * assert.match(errorPattern(transposed, expected, { rtol: 1e-5, atol: 0 }).join(), /transpose/);
 * ```
 *
 * @param actual The gradient computed by the backward pass.
 * @param expected The numerical gradient.
 * @param tolerance What counts as close.
 * @returns Zero or more sentences.
 */
export function errorPattern(actual: NDArray, expected: NDArray, tolerance: Tolerance): string[] {
  const m = TESTING();
  const a = actual.shape, e = expected.shape;
  const sameShape = a.length === e.length && a.every((n, i) => n === e[i]);
  if (!sameShape) {
    const reversed = a.length === e.length && a.every((n, i) => n === e[e.length - 1 - i]);
    return reversed ? [m.reversedShape(a.join(", "), e.join(", "))] : [];
  }
  const lines: string[] = [];
  const notFinite: string[] = [];
  for (let i = 0; i < actual.size && notFinite.length < 3; i++) {
    const v = actual.data[i];
    if (!Number.isFinite(v) && Number.isFinite(expected.data[i])) {
      notFinite.push(m.notFiniteAt(v, unravel(i, a).join(", ")));
    }
  }
  if (notFinite.length > 0) lines.push(m.notFinitePattern(notFinite.join(", ")));
  if (a.length === 2 && a[0] === a[1] && a[0] > 1) {
    const [n] = a;
    let transposed = true;
    for (let i = 0; i < n && transposed; i++) {
      for (let j = 0; j < n; j++) {
        if (isBad(actual.data[i * n + j], expected.data[j * n + i], tolerance)) {
          transposed = false;
          break;
        }
      }
    }
    if (transposed) {
      lines.push(m.transposed);
    }
  }
  if (a.length >= 2) {
    const rows = a.slice(0, -1).reduce((p, n) => p * n, 1), cols = a[a.length - 1];
    const badRows: number[] = [], badCols: number[] = [];
    const bad = (r: number, c: number) =>
      isBad(actual.data[r * cols + c], expected.data[r * cols + c], tolerance);
    for (let r = 0; r < rows; r++) {
      let all = true;
      for (let c = 0; c < cols; c++) if (!bad(r, c)) all = false;
      if (all) badRows.push(r);
    }
    for (let c = 0; c < cols; c++) {
      let all = true;
      for (let r = 0; r < rows; r++) if (!bad(r, c)) all = false;
      if (all) badCols.push(c);
    }
    let badCount = 0;
    for (let i = 0; i < actual.size; i++) {
      if (isBad(actual.data[i], expected.data[i], tolerance)) badCount++;
    }
    if (badRows.length > 0 && badRows.length < rows && badRows.length * cols === badCount) {
      lines.push(m.wholeRows(listOf(badRows), rows));
    } else if (badCols.length > 0 && badCols.length < cols && badCols.length * rows === badCount) {
      lines.push(m.wholeColumns(listOf(badCols), cols));
    }
  }
  if (a.length === 4 && a[2] > 2 && a[3] > 2) {
    const [, , h, w] = a;
    let inside = 0, border = 0;
    for (let i = 0; i < actual.size; i++) {
      if (!isBad(actual.data[i], expected.data[i], tolerance)) continue;
      const y = Math.floor(i / w) % h, x = i % w;
      if (y === 0 || x === 0 || y === h - 1 || x === w - 1) border++;
      else inside++;
    }
    if (border > 0 && inside === 0) lines.push(m.border);
  }
  return lines;
}

/** Multi-index of a flat index. */
function unravel(flat: number, shape: readonly number[]): number[] {
  const index = new Array(shape.length);
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    index[axis] = flat % shape[axis];
    flat = Math.floor(flat / shape[axis]);
  }
  return index;
}

/** The relative error |a − e| / max(|e|, atol), as a 2-D grid: last axis by all the others. */
export function relativeError(
  actual: NDArray,
  expected: NDArray,
  tolerance: Tolerance,
): { rows: number; cols: number; values: Float64Array } {
  const cols = actual.shape[actual.shape.length - 1] ?? 1;
  const rows = Math.max(1, actual.size / Math.max(cols, 1));
  const values = new Float64Array(actual.size);
  for (let i = 0; i < actual.size; i++) {
    const a = actual.data[i], e = expected.data[i];
    const scale = Math.max(Math.abs(e), tolerance.atol, 1e-300);
    const r = Math.abs(a - e) / scale;
    values[i] = Number.isNaN(r) ? Infinity : r;
  }
  return { rows, cols, values };
}

const SHADES = " .:-=+*#%@";

/**
 * A text heatmap of the relative error (up to 16 rows of 48 cells), darker where the error is
 * larger, on a log scale from the tolerance to the largest error.
 */
export function textHeatmap(
  grid: { rows: number; cols: number; values: Float64Array },
  tolerance: Tolerance,
): string[] {
  const { rows, cols, values } = grid;
  if (rows * cols <= 1 || rows > 16 || cols > 48) return [];
  const low = Math.log10(Math.max(tolerance.rtol, 1e-12));
  const finite = [...values].filter(Number.isFinite);
  const high = Math.log10(Math.max(...finite, 10 ** (low + 1)));
  const lines = [TESTING().heatmapTitle(rows, cols)];
  for (let r = 0; r < rows; r++) {
    let line = "";
    for (let c = 0; c < cols; c++) {
      const v = values[r * cols + c];
      const t = !Number.isFinite(v)
        ? 1
        : v <= 10 ** low
        ? 0
        : Math.min(1, (Math.log10(v) - low) / Math.max(high - low, 1e-9));
      line += SHADES[Math.round(t * (SHADES.length - 1))];
    }
    lines.push(`  |${line}|`);
  }
  return lines;
}

/** CRC-32 of PNG chunks. */
function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A greyscale-to-red PNG of a grid, each cell `scale`² pixels (a minimal encoder). */
export function heatmapPng(
  grid: { rows: number; cols: number; values: Float64Array },
  scale = 12,
): Uint8Array {
  const { rows, cols, values } = grid;
  const finite = [...values].filter(Number.isFinite);
  const max = Math.max(...finite, 1e-300);
  const width = cols * scale, height = rows * scale;
  const raw = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + width * 3)] = 0;
    for (let x = 0; x < width; x++) {
      const v = values[Math.floor(y / scale) * cols + Math.floor(x / scale)];
      const t = Number.isFinite(v) ? Math.sqrt(Math.min(1, v / max)) : 1;
      const at = y * (1 + width * 3) + 1 + x * 3;
      raw[at] = 255;
      raw[at + 1] = Math.round(255 * (1 - t));
      raw[at + 2] = Math.round(255 * (1 - t));
    }
  }
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8);
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("IDAT", new Uint8Array(deflateSync(raw))),
    chunk("IEND", new Uint8Array()),
  ];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    png.set(part, offset);
    offset += part.length;
  }
  return png;
}

/**
 * Writes the heatmap PNG under `out/gradient_check/` when the process may write there (a
 * plain `deno test` may not; `deno task watch` and `deno test -A` may).
 *
 * @returns The file's path, or a sentence saying how to get one.
 */
export function writeHeatmap(
  grid: { rows: number; cols: number; values: Float64Array },
  name: string,
): string {
  const m = TESTING();
  const dir = join("out", "gradient_check");
  try {
    if (Deno.permissions.querySync({ name: "write", path: dir }).state !== "granted") {
      return m.heatmapNoWrite;
    }
    // A name in Japanese keeps its ASCII part (`grads.W1`).
    const file = name.replace(/[^\w.-]+/g, "_").replace(/^[_.]+|_+$/g, "") || "gradient";
    const path = join(dir, `${file}.png`);
    // While a test is re-run with catalogued mistakes, the message stays the same but the
    // learner's file is kept.
    if (heatmapFiles.enabled) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path, heatmapPng(grid));
    }
    return m.heatmapFile(path);
  } catch (error) {
    return m.noHeatmap((error as Error).message);
  }
}
