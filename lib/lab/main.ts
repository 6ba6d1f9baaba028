/**
 * `deno task lab`: a local web app to see inside the network: draw a digit, every layer's
 * maps, the filters and a saliency map, the im2col explorer, the optimizer race and the last
 * run. `deno task lab --help` lists the options; `docs/LAB.md` describes the panels.
 *
 * @module
 */

import { commandLine } from "../command/args.ts";
import { runCommand } from "../command/run.ts";
import { useMineIfAsked } from "../kata/mine.ts";
import { isMine } from "../kata/mine_env.ts";
import { loadLabRun } from "./run.ts";
import { labHandler } from "./server.ts";
import { labParts } from "./sources.ts";

/** The port tried first (then any free one). */
export const DEFAULT_PORT = 8017;

/** The command line of `deno task lab`. */
const SPEC = {
  name: "lab",
  summary: "See inside the network in your browser: draw a digit, every layer's maps, filters " +
    "and saliency, the im2col explorer, the optimizer race and the last training run.",
  options: {
    port: {
      type: "integer",
      min: 0,
      max: 65535,
      help: `the port on 127.0.0.1 (${DEFAULT_PORT}, or a free one if taken; 0: any free one)`,
    },
    params: {
      type: "string",
      value: "FILE",
      help: "the network to show (default: the latest deno task train run, else the small " +
        "network the workbook ships in data/lab/)",
    },
  },
  mine: true,
  notes: "Your chapters 03 and 05-08 under --mine; the page says which parts are yours. " +
    "Stop it with Ctrl-C.",
} as const;

/**
 * Runs the command.
 *
 * @param argv The arguments.
 * @returns The exit code when it stops early; otherwise it serves until interrupted (or until
 *   `deno task`, which started it, ends).
 */
export async function main(argv: string[]): Promise<number> {
  const { values, mine: askedMine } = commandLine(argv, SPEC);
  const port = values.port ?? DEFAULT_PORT;
  if (askedMine) {
    await useMineIfAsked(import.meta.url, {
      chapters: ["03", "05", "06", "07", "08"],
      args: argv,
    });
  }
  let run;
  try {
    run = loadLabRun(values.params);
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    return 1;
  }
  const mine = isMine();
  const { handler, testsReady } = labHandler({ run, mine, parts: labParts(mine) });
  const serve = (p: number) =>
    Deno.serve({ hostname: "127.0.0.1", port: p, onListen: () => {} }, handler);
  let server;
  try {
    server = serve(port);
  } catch (error) {
    if (!(error instanceof Deno.errors.AddrInUse) || values.port !== undefined) throw error;
    server = serve(0);
  }
  const url = `http://127.0.0.1:${server.addr.port}/`;
  console.log(
    run.kind === "shipped"
      ? `Network: the workbook's shipped ${run.className} (${run.params}); run deno task train ` +
        `for your own`
      : `Network: ${run.className} ${
        run.given ? "from --params" : "trained by deno task train"
      } (${run.params})`,
  );
  if (mine) console.log("--mine: the page says which parts run your code");
  console.log(`The lab is at ${url}  (Ctrl-C stops it)`);
  testsReady.then(
    () => console.log("Classified the 10,000 test images (the strip and the last-run panel)"),
    (error) => console.error(`note: could not classify the test images: ${error.message}`),
  );
  await server.finished;
  return 0;
}

if (import.meta.main) {
  await runCommand(() => main(Deno.args));
}
