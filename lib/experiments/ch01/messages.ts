/**
 * What `deno task ch01:plot` says, in both languages. The chart itself keeps the book's
 * `plt.title('sin & cos')` and its `x`/`y` labels, which the chapter's own code draws.
 *
 * @module
 */

import { defineMessages } from "../../command/lang.ts";

/** The chapter 01 command's messages. */
export const CH01 = defineMessages("ch01", {
  plotSummary: "Chapter 01: draws the book's sin & cos chart (§1.6) to out/ch01/sin_cos.png.",
}, {
  plotSummary: "1章: 本書の sin と cos のグラフ（§1.6）を out/ch01/sin_cos.png に描きます。",
});
