/**
 * `deno task ch01:plot [--mine]`: draws the book's sin & cos chart (§1.6.3) to
 * `out/ch01/sin_cos.png`, with the reference by default or with your `chapters/01` code.
 *
 * @module
 */

import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { commandLine } from "../../command/args.ts";
import { runCommand } from "../../command/run.ts";
import { useMineIfAsked } from "../../kata/mine.ts";
import { writeFileAtomic } from "../../plot/mod.ts";
import { sinCosChart } from "./sin_cos.ts";
import { EXPERIMENTS, langFromArgs } from "../messages.ts";
import { CH01 } from "./messages.ts";

langFromArgs(Deno.args);
commandLine(Deno.args, {
  name: "ch01:plot",
  summary: CH01().plotSummary,
  mine: true,
});
await runCommand(async () => {
  await useMineIfAsked(import.meta.url, { chapters: ["01"] });
  const target = fileURLToPath(new URL("../../../out/ch01/sin_cos.png", import.meta.url));
  const path = await writeFileAtomic(target, await sinCosChart());
  console.log(EXPERIMENTS().wrote(relative(Deno.cwd(), path)));
});
