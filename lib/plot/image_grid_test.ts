import assert from "node:assert/strict";
import { decode } from "fast-png";
import * as np from "../np/mod.ts";
import { imageGrid, imageGridSvg } from "./image_grid.ts";

Deno.test("imageGrid() lays images out in rows of `columns`", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const images = np.rng(1).random([7, 28, 28]);
    const path = await imageGrid(images, { path: `${dir}/g.png`, columns: 3 });
    const image = decode(await Deno.readFile(path));
    // 3 columns × 56 px + 2 gaps of 4 + margins of 6; 3 rows likewise.
    assert.deepEqual([image.width, image.height], [6 + 3 * 56 + 2 * 4 + 6, 6 + 3 * 56 + 2 * 4 + 6]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("imageGrid() maps values to gray and enlarges pixels without smoothing", async () => {
  const dir = await Deno.makeTempDir();
  try {
    // One 2×2 image: black, white / white, black, at scale 3, no gap, with margins of 6.
    const images = np.array([[[0, 1], [1, 0]]]);
    const path = await imageGrid(images, { path: `${dir}/p.png`, scale: 3 });
    const image = decode(await Deno.readFile(path));
    assert.deepEqual([image.width, image.height], [18, 18]);
    const at = (x: number, y: number) => image.data[(y * image.width + x) * image.channels];
    assert.equal(at(6, 6), 0);
    assert.equal(at(8, 8), 0);
    assert.equal(at(9, 6), 255);
    assert.equal(at(6, 9), 255);
    assert.equal(at(11, 11), 0);
    assert.equal(at(0, 0), 255); // the margin
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("imageGrid() draws captions and a title in extra space", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const images = np.zeros([2, 1, 8, 8]);
    const plain = imageGridSvg(images, { scale: 1 });
    const captioned = imageGridSvg(images, { scale: 1, captions: ["7→2", "1"], title: "Wrong" });
    assert.equal(captioned.width, plain.width);
    assert.equal(captioned.height, plain.height + 16 + 26);
    assert.match(captioned.svg, /7→2/);
    // The text is drawn: the captioned picture has dark pixels below the images.
    const path = await imageGrid(images, {
      path: `${dir}/c.png`,
      scale: 4,
      captions: ["7→2", "1"],
    });
    const image = decode(await Deno.readFile(path));
    let dark = 0;
    for (let y = 6 + 32 + 1; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        if (image.data[(y * image.width + x) * image.channels] < 128) dark++;
      }
    }
    assert.ok(dark > 10, `${dark} dark pixels under the images`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("imageGrid() rejects other shapes and caption counts", () => {
  assert.throws(
    () => imageGridSvg(np.zeros([2, 784])),
    (e: Error) => e instanceof TypeError && e.message.includes("x.reshape(-1, 28, 28)"),
  );
  assert.throws(
    () => imageGridSvg(np.zeros([2, 3, 8, 8])),
    (e: Error) => e instanceof TypeError && e.message.includes("[2, 3, 8, 8]"),
  );
  assert.throws(
    () => imageGridSvg(np.zeros([2, 8, 8]), { captions: ["a"] }),
    (e: Error) => e instanceof TypeError && e.message.includes("1 captions for 2 images"),
  );
  assert.throws(() => imageGridSvg(np.zeros([0, 8, 8])), RangeError);
  assert.throws(() => imageGridSvg(np.zeros([2, 8, 8]), { columns: 0 }), RangeError);
});
