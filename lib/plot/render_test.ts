import assert from "node:assert/strict";
import { decode } from "fast-png";
import { hasJapanese, renderSvg, svgToPng, writeFileAtomic } from "./render.ts";

const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

function textSvg(text: string): string {
  return '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40">' +
    `<text x="10" y="28" font-size="20">${text}</text></svg>`;
}

function darkPixels(png: Uint8Array): number {
  const image = decode(png);
  let dark = 0;
  for (let i = 0; i < image.width * image.height; i++) {
    if (image.data[i * image.channels] < 128) dark++;
  }
  return dark;
}

Deno.test("svgToPng() writes a PNG of the SVG's size", async () => {
  const png = await svgToPng(textSvg("Hello"));
  assert.deepEqual([...png.subarray(0, 8)], PNG_SIGNATURE);
  const image = decode(png);
  assert.deepEqual([image.width, image.height], [200, 40]);
});

Deno.test("svgToPng() draws text with the bundled fonts", async () => {
  // Without fonts resvg silently drops <text>: the picture would be all white.
  assert.equal(darkPixels(await svgToPng(textSvg(""))), 0);
  assert.ok(darkPixels(await svgToPng(textSvg("Hello"))) > 50);
  assert.ok(darkPixels(await svgToPng(textSvg("7→2 ×"))) > 30);
});

Deno.test("svgToPng() draws kana and kanji (Noto Sans JP), beside DejaVu's Latin", async () => {
  assert.ok(darkPixels(await svgToPng(textSvg("損失関数"))) > 50);
  assert.ok(darkPixels(await svgToPng(textSvg("ミニバッチ"))) > 50);
  // Each character is drawn: more characters, more ink.
  const one = darkPixels(await svgToPng(textSvg("勾")));
  const two = darkPixels(await svgToPng(textSvg("勾配")));
  assert.ok(one > 10 && two > one * 1.5, `${one} → ${two}`);
  assert.ok(darkPixels(await svgToPng(textSvg("学習 loss"))) > 80);
});

Deno.test("hasJapanese() tells which charts need the Japanese font", () => {
  assert.equal(hasJapanese("認識精度"), true);
  assert.equal(hasJapanese("エポック"), true);
  assert.equal(hasJapanese("（）"), true);
  assert.equal(hasJapanese("accuracy — 7→2 × x² σ"), false);
});

Deno.test("svgToPng() scales the picture", async () => {
  const image = decode(await svgToPng(textSvg("x"), { scale: 2 }));
  assert.deepEqual([image.width, image.height], [400, 80]);
  await assert.rejects(() => svgToPng(textSvg("x"), { scale: 0 }), RangeError);
});

Deno.test("svgToPng() rejects text that is not SVG", async () => {
  await assert.rejects(() => svgToPng("not svg"), TypeError);
});

Deno.test("renderSvg() creates folders, writes atomically and returns the path", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const path = await renderSvg(textSvg("Hi"), `${dir}/a/b/c.png`);
    assert.equal(path, `${dir}/a/b/c.png`);
    const bytes = await Deno.readFile(path);
    assert.deepEqual([...bytes.subarray(0, 8)], PNG_SIGNATURE);
    // No temporary file left behind.
    const names = [...Deno.readDirSync(`${dir}/a/b`)].map((e) => e.name);
    assert.deepEqual(names, ["c.png"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("writeFileAtomic() replaces an existing file", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await writeFileAtomic(`${dir}/f.txt`, new TextEncoder().encode("old"));
    await writeFileAtomic(new URL(`file://${dir}/f.txt`), new TextEncoder().encode("new"));
    assert.equal(await Deno.readTextFile(`${dir}/f.txt`), "new");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
