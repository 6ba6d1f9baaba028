import assert from "node:assert/strict";
import { chapterArg, didYouMean, editDistance, parseArgs, unknownFlags } from "./cli.ts";

Deno.test("chapterArg() accepts 4, 04, ch04 and chapters/04/", () => {
  for (const text of ["4", "04", "ch04", "chapters/04/"]) assert.equal(chapterArg(text), "04");
  assert.equal(chapterArg("loss"), undefined);
  assert.equal(chapterArg(undefined), undefined);
});

Deno.test("didYouMean() ranks near names first", () => {
  assert.equal(editDistance("kitten", "sitting"), 3);
  assert.deepEqual(didYouMean("affine", ["Affine", "Relu", "SoftmaxWithLoss"]), ["Affine"]);
  assert.deepEqual(didYouMean("zzz", ["Affine", "Relu"]), []);
});

Deno.test("parseArgs() and unknownFlags() report unexpected flags", () => {
  const args = parseArgs(["--yes", "--colour", "04"]);
  assert.deepEqual(unknownFlags(args, ["yes", "help"]), ["--colour"]);
});
