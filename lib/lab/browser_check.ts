/**
 * `deno task test:lab`: the lab in a real browser. Starts `deno task lab` on a free port,
 * drives Debian's Chromium (`/usr/bin/chromium`, `apt-get install chromium`) with
 * `playwright-core` (which never downloads a browser), draws a "1" and a "7" with mouse
 * strokes and checks the predictions and the time from the stroke's end to the bars, checks
 * that each panel renders with no console errors, steps the optimizer race and compares the
 * positions with lib's optimizers, and saves screenshots of the panels to `out/lab/` (to
 * `docs/`, where the README shows them, with `--docs`).
 *
 * Prints one line per check and ends with `test:lab: N passed, M failed`; exits 1 on a failure.
 * Not a `_test.ts` file, so that `deno task test` (which has no browser) leaves it alone.
 *
 * @module
 */

/// <reference lib="dom" />

import { existsSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { REPO_ROOT } from "../kata/cli.ts";
import {
  AdaGrad,
  Adam,
  Momentum,
  Nesterov,
  type Optimizer,
  RMSprop,
  SGD,
} from "../optimizers/mod.ts";
import * as np from "../np/mod.ts";

/** Where Debian installs Chromium. */
export const CHROMIUM = "/usr/bin/chromium";
/** Chromium's flags: no sandbox (root), no GPU, and no calls home on a closed network. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
/** The budget from a stroke's end to the probabilities on the page. */
export const LATENCY_BUDGET_MS = 50;

const results: { name: string; ok: boolean; detail: string }[] = [];

function check(name: string, ok: boolean, detail = ""): void {
  results.push({ name, ok, detail });
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? `: ${detail}` : ""}`);
}

/** The six optimizers as lib builds them, by name. */
function libOptimizer(name: string, lr: number): Optimizer {
  switch (name) {
    case "SGD":
      return new SGD({ lr });
    case "Momentum":
      return new Momentum({ lr });
    case "Nesterov":
      return new Nesterov({ lr });
    case "AdaGrad":
      return new AdaGrad({ lr });
    case "RMSprop":
      return new RMSprop({ lr });
    case "Adam":
      return new Adam({ lr });
  }
  throw new RangeError(`unknown optimizer ${name}`);
}

/** Where lib's optimizer is after `steps` updates on x²/20 + y² from (−7, 2). */
function libPosition(name: string, lr: number, steps: number): [number, number] {
  const optimizer = libOptimizer(name, lr);
  const params = { x: np.array([-7.0]), y: np.array([2.0]) };
  for (let i = 0; i < steps; i++) {
    optimizer.update(params, { x: np.div(params.x, 10.0), y: np.mul(params.y, 2.0) });
  }
  return [params.x.item(), params.y.item()];
}

/** Starts `deno task lab --port 0` and resolves with its URL and the process. */
async function startLab(): Promise<{ url: string; child: Deno.ChildProcess; log: string[] }> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(REPO_ROOT, "lib/lab/main.ts"), "--port", "0"],
    cwd: REPO_ROOT,
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const log: string[] = [];
  const decoder = new TextDecoder();
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the lab printed no URL within 60 s")), 60000);
    (async () => {
      let buffer = "";
      for await (const chunk of child.stdout) {
        buffer += decoder.decode(chunk);
        const lines = buffer.split("\n");
        buffer = lines.pop()!;
        for (const line of lines) {
          log.push(line);
          const match = line.match(/(http:\/\/127\.0\.0\.1:\d+\/)/);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        }
      }
      clearTimeout(timer);
      reject(new Error(`the lab stopped before printing its URL:\n${log.join("\n")}`));
    })();
    (async () => {
      for await (const chunk of child.stderr) log.push(decoder.decode(chunk).trimEnd());
    })();
  });
  return { url, child, log };
}

type Stroke = [number, number][];

/** What the page exposes to this check as \`globalThis.lab\`. */
interface PageLab {
  latencies: {
    ms: number;
    serverMs: number;
    beforeMs: number;
    preprocessMs: number;
    requestMs: number;
    renderMs: number;
  }[];
  pending: number;
  errors: string[];
  race: { lr: Record<string, number> };
  im: { data: { counts: Float32Array } };
}

/** The strokes of a digit on the 280×280 pad, in pad pixels. */
const DIGITS: Record<string, Stroke[]> = {
  "1": [[[140, 40], [139, 90], [138, 140], [137, 190], [136, 240]]],
  "7": [[[75, 55], [140, 55], [205, 55], [180, 110], [155, 165], [135, 220], [128, 245]]],
};

/** Where the screenshots go: `docs/` with `--docs`, else `out/lab/` (tracked files stay as they are). */
const SHOTS = Deno.args.includes("--docs")
  ? join(REPO_ROOT, "docs")
  : join(REPO_ROOT, "out", "lab");

async function main(): Promise<number> {
  const started = performance.now();
  Deno.mkdirSync(SHOTS, { recursive: true });
  if (!existsSync(CHROMIUM)) {
    console.error(
      `error: no Chromium at ${CHROMIUM}: install Debian's (apt-get install chromium); ` +
        `playwright-core drives it and never downloads a browser`,
    );
    console.log("test:lab: 0 passed, 1 failed");
    return 1;
  }
  const { url, child, log } = await startLab();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, "--disable-quic"],
  });
  const errors: string[] = [];
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
    await page.goto(url);
    await page.waitForFunction(() =>
      !document.getElementById("network-state")!.textContent!
        .startsWith("Loading")
    );
    const state = await page.locator("#network-state").textContent();
    check(
      "the page says which network it shows",
      /shipped weights|deno task train/.test(state!),
      state!.trim(),
    );

    // 1. Draw a digit: mouse strokes, then the prediction and its latency.
    const pad = page.locator("#pad");
    const box = (await pad.boundingBox())!;
    const draw = async (digit: string) => {
      await page.click("#clear");
      // Measure one request at a time: wait for the page's earlier requests to finish.
      await page.waitForFunction(() =>
        (globalThis as unknown as { lab: PageLab }).lab.pending === 0
      );
      const before = await page.evaluate(() =>
        (globalThis as unknown as { lab: PageLab }).lab.latencies.length
      );
      for (const stroke of DIGITS[digit]) {
        const scale = box.width / 280;
        const at = ([x, y]: [number, number]) => [box.x + x * scale, box.y + y * scale] as const;
        await page.mouse.move(...at(stroke[0]));
        await page.mouse.down();
        for (const point of stroke.slice(1)) await page.mouse.move(...at(point), { steps: 6 });
        await page.mouse.up();
      }
      await page.waitForFunction(
        (n) => (globalThis as unknown as { lab: PageLab }).lab.latencies.length > n,
        before,
        { timeout: 10000 },
      );
      const predicted = await page.locator("#prediction").getAttribute("data-digit");
      const latency = await page.evaluate(() =>
        (globalThis as unknown as { lab: PageLab }).lab.latencies.at(-1)!
      );
      return { predicted, latency };
    };
    const latencies: number[] = [];
    for (const digit of ["1", "7"]) {
      const { predicted, latency } = await draw(digit);
      latencies.push(latency.ms);
      check(
        `a drawn "${digit}" is classified as ${digit}`,
        predicted === digit,
        `predicted ${predicted}, shown ${
          latency.ms.toFixed(1)
        } ms after the stroke ended (network ${latency.serverMs.toFixed(1)} ms)`,
      );
    }
    // More strokes for the latency figure.
    const parts: PageLab["latencies"] = [];
    for (let i = 0; i < 8; i++) {
      const { latency } = await draw(i % 2 ? "7" : "1");
      latencies.push(latency.ms);
      parts.push(latency);
    }
    const mean = (key: keyof PageLab["latencies"][number]) =>
      (parts.reduce((s, p) => s + p[key], 0) / parts.length).toFixed(1);
    console.log(
      `     stroke end → bars, mean of the last ${parts.length}: ${mean("ms")} ms = ` +
        `${mean("beforeMs")} until the handler runs + ${mean("preprocessMs")} preprocessing + ` +
        `${mean("requestMs")} the request (network ${mean("serverMs")}) + ${mean("renderMs")} ` +
        `the bars`,
    );
    const sorted = [...latencies].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    // Other processes can take the cores (a load average of several per core): then the time is
    // the scheduler's, not the lab's, and is reported without being judged.
    const cores = navigator.hardwareConcurrency, load = Deno.loadavg()[0];
    const busy = load > 2 * cores;
    check(
      `the prediction appears within ${LATENCY_BUDGET_MS} ms of the stroke's end (median of ${latencies.length})`,
      busy || median <= LATENCY_BUDGET_MS,
      `median ${median.toFixed(1)} ms, min ${sorted[0].toFixed(1)}, max ${
        sorted.at(-1)!.toFixed(1)
      }; load average ${load.toFixed(1)} on ${cores} cores` +
        (busy ? " (not judged: the machine is busy with other work)" : ""),
    );
    const bars = await page.locator("#bars .bar").count();
    check("ten probability bars", bars === 10, `${bars} bars`);
    await page.locator("#draw").screenshot({ path: join(SHOTS, "lab_draw.png") });

    // 2. Inside the network, for the drawing, then for a picked test image.
    await page.waitForSelector("#inside[data-ready]", { timeout: 60000 });
    await page.waitForFunction(() =>
      document.querySelectorAll("#layers .layer").length > 0 &&
      document.getElementById("inside-source")!.textContent === "your drawing"
    );
    const layers = await page.locator("#layers .layer").evaluateAll((els) =>
      els.map((e) => `${(e as HTMLElement).dataset.layer}:${e.querySelectorAll("canvas").length}`)
    );
    check(
      "inside: every layer's maps",
      layers.length >= 9 && layers[0].startsWith("Conv1:16"),
      layers.join(" "),
    );
    const filters = await page.locator("#filters canvas").count();
    check("inside: the first layer's filters", filters === 16, `${filters} filters`);
    const saliency = await page.evaluate(() => {
      const c = document.getElementById("saliency") as HTMLCanvasElement;
      const d = c.getContext("2d")!.getImageData(0, 0, 28, 28).data;
      let coloured = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] !== d[i + 2]) coloured++;
      return coloured;
    });
    check("inside: a saliency map", saliency > 20, `${saliency} of 784 pixels non-zero`);
    await page.waitForSelector("#strip[data-ready]", { timeout: 90000 });
    const wrongFirst = await page.locator("#strip .thumb").first().getAttribute("class");
    check(
      "the strip shows misclassified test images first",
      /wrong/.test(wrongFirst ?? ""),
      wrongFirst ?? "",
    );
    await page.locator("#strip .thumb").nth(2).click();
    await page.waitForFunction(() =>
      document.getElementById("inside-source")!.textContent!.startsWith("test image #")
    );
    await page.waitForFunction(() =>
      /label \d/.test(document.getElementById("inside-answer")!.textContent!)
    );
    check(
      "inside: a picked test image",
      true,
      (await page.locator("#inside-answer").textContent())!.trim(),
    );
    await page.locator("#inside").screenshot({ path: join(SHOTS, "lab_inside.png") });

    // 3. im2col: hover an output position; col2im's counts.
    await page.waitForSelector("#im2col[data-ready]");
    await page.selectOption("#im-filter", "3");
    await page.selectOption("#im-stride", "1");
    await page.selectOption("#im-pad", "1");
    await page.waitForFunction(() =>
      /28×28 outputs/.test(document.getElementById("im-shape")!.textContent!)
    );
    const output = page.locator("#im-output");
    await output.scrollIntoViewIfNeeded();
    const size = (await output.boundingBox())!;
    await output.hover({ position: { x: size.width * (10.5 / 28), y: size.height * (5.5 / 28) } });
    const caption = await page.locator("#im-row-caption").textContent();
    check(
      "im2col: hovering shows the position's row",
      /row 150 of col \(output y 5, x 10\)/.test(caption!),
      caption!,
    );
    const counts = await page.evaluate(() => {
      const c = (globalThis as unknown as { lab: PageLab }).lab.im.data.counts as Float32Array;
      return [c[0], c[1], c[29], c[14 * 28 + 14]];
    });
    check(
      "im2col: col2im's overlap counts (3×3, pad 1: corner 4, edge 6, inside 9)",
      counts.join() === "4,6,9,9",
      counts.join(", "),
    );
    // For the picture: 5×5, no padding, a position on the 7's top bar.
    await page.selectOption("#im-filter", "5");
    await page.selectOption("#im-pad", "0");
    await page.waitForFunction(() =>
      /24×24 outputs/.test(document.getElementById("im-shape")!.textContent!)
    );
    const size5 = (await output.boundingBox())!;
    await output.hover({
      position: { x: size5.width * (12.5 / 24), y: size5.height * (4.5 / 24) },
    });
    await page.locator("#im2col").screenshot({ path: join(SHOTS, "lab_im2col.png") });

    // 4. The optimizer race: step, then compare with lib's optimizers.
    await page.waitForSelector("#race[data-ready]");
    const steps = 12;
    for (let i = 0; i < steps; i++) await page.click("#race-step");
    const rows = await page.locator("#race-table tbody tr").evaluateAll((trs) =>
      trs.map((tr) => ({
        name: (tr as HTMLElement).dataset.optimizer!,
        lr: Number((tr.querySelector("input") as HTMLInputElement).value),
        x: Number((tr as HTMLElement).dataset.x),
        y: Number((tr as HTMLElement).dataset.y),
      }))
    );
    const at = await page.locator("#race-at").textContent();
    check("race: six optimizers", rows.length === 6, rows.map((r) => r.name).join(", "));
    for (const row of rows) {
      const [x, y] = libPosition(row.name, row.lr, steps);
      check(
        `race: ${row.name} after ${at} steps is where lib's ${row.name} is`,
        Math.abs(row.x - x) < 1e-9 && Math.abs(row.y - y) < 1e-9,
        `page (${row.x.toFixed(6)}, ${row.y.toFixed(6)}), lib (${x.toFixed(6)}, ${y.toFixed(6)})`,
      );
    }
    // A changed learning rate: the page asks again and lib agrees.
    await page.locator('#race-table tr[data-optimizer="SGD"] input').fill("0.5");
    await page.locator('#race-table tr[data-optimizer="SGD"] input').dispatchEvent("change");
    await page.waitForFunction(() =>
      (globalThis as unknown as { lab: PageLab }).lab.race.lr.SGD === 0.5
    );
    await page.waitForTimeout(100);
    const sgd = await page.locator('#race-table tr[data-optimizer="SGD"]').evaluate((tr) => [
      Number((tr as HTMLElement).dataset.x),
      Number((tr as HTMLElement).dataset.y),
    ]);
    const [sx, sy] = libPosition("SGD", 0.5, steps);
    check(
      "race: a new learning rate (SGD 0.5) moves it where lib's SGD goes",
      Math.abs(sgd[0] - sx) < 1e-9 && Math.abs(sgd[1] - sy) < 1e-9,
      `page (${sgd[0].toFixed(6)}, ${sgd[1].toFixed(6)}), lib (${sx.toFixed(6)}, ${sy.toFixed(6)})`,
    );
    await page.locator('#race-table tr[data-optimizer="SGD"] input').fill("0.95");
    await page.locator('#race-table tr[data-optimizer="SGD"] input').dispatchEvent("change");
    await page.waitForFunction(() =>
      (globalThis as unknown as { lab: PageLab }).lab.race.lr.SGD === 0.95
    );
    for (let i = steps; i < 30; i++) await page.click("#race-step");
    await page.locator("#race").screenshot({ path: join(SHOTS, "lab_race.png") });

    // 5. The last run.
    await page.waitForSelector("#run[data-ready]", { timeout: 90000 });
    const charts = await page.locator("#run svg").count();
    const wrong = await page.locator("#run-wrong .thumb").count();
    check(
      "the last run: two charts and the misclassified images",
      charts === 2 && wrong > 0,
      `${charts} charts, ${wrong} images`,
    );
    await page.locator("#run").screenshot({ path: join(SHOTS, "lab_run.png") });

    // The README's picture: the top of the page after drawing a 7.
    await draw("7");
    await page.evaluate(() => globalThis.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, "lab.png") });

    const pageErrors = await page.evaluate(() =>
      (globalThis as unknown as { lab: PageLab }).lab.errors
    );
    errors.push(...pageErrors);
    check("no console errors", errors.length === 0, errors.slice(0, 5).join(" | "));
    await context.close();
  } catch (error) {
    check("the browser session ran to the end", false, String((error as Error).stack ?? error));
    console.error(log.join("\n"));
  } finally {
    await browser.close();
    child.kill("SIGTERM");
    await child.status;
  }
  const passed = results.filter((r) => r.ok).length, failed = results.length - passed;
  console.log(
    `screenshots: ${SHOTS}/lab.png, lab_{draw,inside,im2col,race,run}.png ` +
      `(${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  console.log(`test:lab: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

if (import.meta.main) {
  Deno.exit(await main());
}
