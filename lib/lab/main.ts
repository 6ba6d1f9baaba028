/**
 * `deno task lab`: a local web app to see inside the network: draw a digit, every layer's
 * maps, the filters and a saliency map, the im2col explorer, the optimizer race and the last
 * run. `deno task lab --help` lists the options; `docs/LAB.md` describes the panels.
 *
 * @module
 */

import { commandLine } from "../command/args.ts";
import { userMessage } from "../command/errors.ts";
import { runCommand } from "../command/run.ts";
import { useMineIfAsked } from "../kata/mine.ts";
import { isMine } from "../kata/mine_env.ts";
import { loadLabRun } from "./run.ts";
import { labHandler } from "./server.ts";
import { labParts } from "./sources.ts";
import { langFromArgs } from "../experiments/messages.ts";
import { LAB_COMMAND } from "./messages.ts";

/** The port tried first (then any free one). */
export const DEFAULT_PORT = 8017;

/** The command line of `deno task lab`, in the current language. */
function spec() {
  const m = LAB_COMMAND();
  return {
    name: "lab",
    summary: m.summary,
    options: {
      port: { type: "integer", min: 0, max: 65535, help: m.portHelp(DEFAULT_PORT) },
      params: { type: "string", value: "FILE", help: m.paramsHelp },
    },
    mine: true,
    notes: m.notes,
  } as const;
}

/**
 * Runs the command.
 *
 * @param argv The arguments.
 * @returns The exit code when it stops early; otherwise it serves until interrupted (or until
 *   `deno task`, which started it, ends).
 */
export async function main(argv: string[]): Promise<number> {
  langFromArgs(argv);
  const { values, mine: askedMine } = commandLine(argv, spec());
  const m = LAB_COMMAND();
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
    console.error(m.error(userMessage(error) ?? (error as Error).message));
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
      ? m.shipped(run.className, run.params)
      : m.trained(run.className, run.given ? m.fromParams : m.trainedBy, run.params),
  );
  if (mine) console.log(m.mine);
  console.log(m.at(url));
  testsReady.then(
    () => console.log(m.classified),
    (error) => console.error(m.notClassified(error.message)),
  );
  await server.finished;
  return 0;
}

if (import.meta.main) {
  await runCommand(() => main(Deno.args));
}
