/**
 * `deno task ch07:filters [--mine]`: draws the 30 first-layer filters of SimpleConvNet before
 * and after training (the book's §7.6.1 and `ch07/visualize_filter.py`): random noise before,
 * edge and blob detectors after. The trained filters come from `out/ch07/params.safetensors`,
 * which `deno task ch07:train` writes; the untrained ones are the same network's initial
 * weights (same seed). Writes `out/ch07/filters_before.png` and `out/ch07/filters_after.png`.
 *
 * @module
 */

import { existsSync } from "node:fs";
import { join } from "node:path";
import { commandLine } from "../../command/args.ts";
import { UserError } from "../../command/errors.ts";
import { runCommand } from "../../command/run.ts";
import { useMineIfAsked } from "../../kata/mine.ts";
import type * as np from "../../np/mod.ts";
import { imageGrid } from "../../plot/mod.ts";
import { readCheckpoint } from "../../train_command/checkpoint.ts";
import { CHECKPOINT_FILE, PARAMS_FILE } from "../../train_command/main.ts";
import { convNets } from "../../train_command/models.ts";
import { CH07_OUT } from "./train_convnet.ts";
import { langFromArgs } from "../messages.ts";
import { CH07 } from "./messages.ts";

/**
 * Draws one set of filters `[30, 1, 5, 5]` as a grid, each stretched to its own range, dark
 * for large values (the book's `cmap=plt.cm.gray_r`).
 *
 * @param filters The first layer's weights.
 * @param path The PNG file.
 * @param title The grid's title.
 * @returns The path written.
 */
export async function drawFilters(filters: np.NDArray, path: string, title: string) {
  return await imageGrid(filters, {
    path,
    columns: 10,
    scale: 8,
    range: "each",
    invert: true,
    title,
  });
}

if (import.meta.main) {
  langFromArgs(Deno.args);
  commandLine(Deno.args, {
    name: "ch07:filters",
    summary: CH07().filtersSummary,
    mine: true,
  });
  await runCommand(async () => {
    await useMineIfAsked(import.meta.url, { chapters: ["05", "07"] });
    const paramsPath = join(CH07_OUT, PARAMS_FILE);
    if (!existsSync(paramsPath)) {
      throw new UserError(CH07().noParams(paramsPath));
    }
    // The filters before training are the initial weights of the run that trained them.
    const checkpointPath = join(CH07_OUT, CHECKPOINT_FILE);
    const seed = existsSync(checkpointPath) ? readCheckpoint(checkpointPath).settings.seed : 0;
    const net = new (convNets().SimpleConvNet)({ seed, dtype: "float32" });
    const before = net.params.W1.clone();
    try {
      net.loadParams(paramsPath);
    } catch (error) {
      if (error instanceof TypeError) throw new UserError(error.message);
      throw error;
    }
    for (
      const [filters, file, title] of [
        [before, "filters_before.png", CH07().filtersBefore],
        [net.params.W1, "filters_after.png", CH07().filtersAfter],
      ] as const
    ) {
      console.log(CH07().wrote(await drawFilters(filters, join(CH07_OUT, file), title)));
    }
  });
}
