/**
 * Column widths on a terminal: East Asian wide and fullwidth characters (kana, kanji, `（`,
 * `：`) take two columns, so `padEnd` misaligns a table with Japanese in it.
 * {@linkcode padDisplay} pads by columns instead. {@linkcode hasJapanese} tells whether a text
 * has Japanese in it at all (the charts' font, the Japanese comments of a solution).
 *
 * @module
 */

/** Whether a code point is East Asian Wide or Fullwidth (two terminal columns). */
function isWide(code: number): boolean {
  return (code >= 0x1100 && code <= 0x115f) || // Hangul Jamo
    (code >= 0x2e80 && code <= 0x303e) || // CJK radicals, punctuation (、。「」)
    (code >= 0x3041 && code <= 0x33ff) || // kana, CJK symbols
    (code >= 0x3400 && code <= 0x4dbf) || // CJK extension A
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
    (code >= 0xa000 && code <= 0xa4cf) || // Yi
    (code >= 0xac00 && code <= 0xd7a3) || // Hangul syllables
    (code >= 0xf900 && code <= 0xfaff) || // CJK compatibility ideographs
    (code >= 0xfe30 && code <= 0xfe4f) || // CJK compatibility forms
    (code >= 0xff00 && code <= 0xff60) || // fullwidth forms (（）：！)
    (code >= 0xffe0 && code <= 0xffe6) || // fullwidth signs
    (code >= 0x1f300 && code <= 0x1f64f) || // emoji
    (code >= 0x20000 && code <= 0x3fffd); // CJK extensions B and beyond
}

/**
 * The number of terminal columns a text takes: 2 for each wide or fullwidth character, 0 for
 * ANSI colour codes and combining marks, 1 for the rest.
 *
 * @example
 * ```ts
 * import { displayWidth } from "./width.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(displayWidth("test"), 4);
 * assert.equal(displayWidth("テスト"), 6);
 * assert.equal(displayWidth("標準偏差 0.01"), 13);
 * assert.equal(displayWidth("\x1b[1mSGD\x1b[22m"), 3);
 * ```
 *
 * @param text The text (one line).
 * @returns Its width in columns.
 */
export function displayWidth(text: string): number {
  let width = 0;
  // deno-lint-ignore no-control-regex
  for (const char of text.replace(/\x1b\[[0-9;]*m/g, "")) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x300 && code <= 0x36f) || code === 0x200b) continue;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

/**
 * Pads a text with spaces to a number of terminal columns ({@linkcode displayWidth}), at the
 * end (left-aligned, the default) or at the start (right-aligned). A text already as wide or
 * wider is returned as it is.
 *
 * @example
 * ```ts
 * import { padDisplay } from "./width.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(padDisplay("テスト", 8) + "|", "テスト  |");
 * assert.equal(padDisplay("test", 8) + "|", "test    |");
 * assert.equal(padDisplay("5", 3, "start"), "  5");
 * ```
 *
 * @param text The text.
 * @param width The columns it should take.
 * @param side Where the spaces go: `"end"` (default) or `"start"`.
 * @returns The padded text.
 */
export function padDisplay(text: string, width: number, side: "end" | "start" = "end"): string {
  const pad = " ".repeat(Math.max(0, width - displayWidth(text)));
  return side === "end" ? text + pad : pad + text;
}

/**
 * Whether a text has Japanese characters (kana, kanji, full-width forms and punctuation),
 * that DejaVu (the charts' font) cannot draw.
 *
 * @example
 * ```ts
 * import { hasJapanese } from "./width.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(hasJapanese("損失関数 (loss)"), true);
 * assert.equal(hasJapanese("loss × 10³ → x²"), false);
 * ```
 *
 * @param text The text (an SVG document, a title, a comment line).
 * @returns `true` when it has some.
 */
export function hasJapanese(text: string): boolean {
  return /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(text);
}
