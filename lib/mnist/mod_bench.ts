import { join } from "node:path";
import { parseIdxImages, parseIdxLabels } from "./idx.ts";
import { loadMnist, MNIST_FILES, mnistDir, TEST_SIZE, TRAIN_SIZE } from "./mod.ts";

// deno bench lib/mnist/mod_bench.ts
// A first loadMnist() call costs both benches together: reading and checking the files,
// then converting the pixels (later calls only convert).

Deno.bench("read and check the four MNIST files (70,000 images)", () => {
  const read = (name: string) => Deno.readFileSync(join(mnistDir(), name));
  const file = "";
  parseIdxImages(read(MNIST_FILES.trainImages), { file, count: TRAIN_SIZE });
  parseIdxLabels(read(MNIST_FILES.trainLabels), { file, count: TRAIN_SIZE });
  parseIdxImages(read(MNIST_FILES.testImages), { file, count: TEST_SIZE });
  parseIdxLabels(read(MNIST_FILES.testLabels), { file, count: TEST_SIZE });
});

Deno.bench("loadMnist() converting 70,000 images to normalised float32", () => {
  loadMnist();
});

Deno.bench("loadMnist({ flatten: false, oneHotLabel: true })", () => {
  loadMnist({ flatten: false, oneHotLabel: true });
});
