/**
 * `deno task ch08:misclassified [--params FILE] [--mine]`: the test digits the trained network
 * gets wrong, as in the book's §8.1.1 (Figure 8-2, `ch08/misclassified_mnist.py`), each
 * captioned "label→predicted" (7→2: a 7 taken for a 2). Many are hard even for a person.
 * Reads the network `deno task train` wrote (`out/train/params.safetensors`) and writes
 * `out/ch08/misclassified.png`.
 *
 * @module
 */

import * as np from "../../np/mod.ts";
import { imageGrid } from "../../plot/mod.ts";
import { accuracyOf, predictClasses } from "../../train_command/loop.ts";
import { runTrainedCommand } from "./trained.ts";
import { langFromArgs } from "../messages.ts";
import { CH08 } from "./messages.ts";

/** How many misclassified digits the gallery shows at most. */
export const GALLERY_SIZE = 60;

if (import.meta.main) {
  langFromArgs(Deno.args);
  await runTrainedCommand(import.meta.url, {
    name: "ch08:misclassified",
    summary: CH08().misclassifiedSummary,
  }, async ({ model, spec, params, xTest, tTest }) => {
    const predicted = predictClasses(model, xTest);
    const wrong: number[] = [];
    predicted.forEach((p, i) => {
      if (p !== tTest.data[i]) wrong.push(i);
    });
    console.log(
      CH08().misclassifiedLine(
        spec.className,
        params,
        (100 * accuracyOf(predicted, tTest)).toFixed(2),
        wrong.length,
        xTest.shape[0],
      ),
    );
    const shown = wrong.slice(0, GALLERY_SIZE);
    const images = np.zeros([shown.length, 28, 28]);
    shown.forEach((index, i) =>
      images.data.set(xTest.data.subarray(index * 784, (index + 1) * 784), i * 784)
    );
    const path = await imageGrid(images, {
      path: "out/ch08/misclassified.png",
      columns: 10,
      scale: 2,
      invert: true,
      captions: shown.map((i) => `${tTest.data[i]}→${predicted[i]}`),
      title: CH08().misclassifiedTitle(
        spec.className,
        wrong.length,
        shown.length < wrong.length ? CH08().first(shown.length) : "",
      ),
    });
    console.log(CH08().wrote(path));
  });
}
