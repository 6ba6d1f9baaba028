/**
 * The lab's web server: the page's files from `lib/lab/static/` and a small JSON API over the
 * network and the chapters' code, bound to 127.0.0.1. The network runs here in Deno, not in the
 * page, so that `--mine` runs the learner's own modules unchanged (the import map that swaps
 * them is Deno's), and the engine's WebAssembly kernels and threads serve the default.
 *
 * | route | answers |
 * | --- | --- |
 * | `GET /api/state` | the network, whose code each part is, the test set's progress |
 * | `POST /api/predict` `{pixels}` | the ten probabilities of a 28×28 image |
 * | `POST /api/inspect` `{pixels}` or `{index}` | every layer's output, the filters, the saliency |
 * | `GET /api/tests` | the test images of the strip: misclassified first |
 * | `POST /api/im2col` `{pixels, filter, stride, pad}` | `col` and col2im's overlap counts |
 * | `POST /api/race` `{lr, steps}` | the six optimizers' paths on x²/20 + y² |
 * | `GET /api/run` | the run's history and its misclassified test images |
 *
 * Float arrays travel as base64 of little-endian float32 bytes (`{shape, f32}`).
 *
 * @module
 */

import { Buffer } from "node:buffer";
import { readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { col2im, im2col } from "../layers/im2col.ts";
import { loadMnist } from "../mnist/mod.ts";
import * as np from "../np/mod.ts";
import {
  AdaGrad,
  Adam,
  Momentum,
  Nesterov,
  type Optimizer,
  RMSprop,
  SGD,
} from "../optimizers/mod.ts";
import { imageArray, inspect, type InspectableNet, predictAll } from "./network.ts";
import type { LabRun } from "./run.ts";
import type { Part } from "./sources.ts";
import { lang } from "../command/lang.ts";
import { LAB_PAGE } from "./messages.ts";
import { cjkFont } from "../plot/render.ts";

/** A float array for JSON: its shape and its float32 bytes in base64. */
export interface Encoded {
  /** The shape. */
  shape: number[];
  /** Base64 of the little-endian float32 values. */
  f32: string;
}

/**
 * Encodes a float array for the page.
 *
 * @example
 * ```ts
 * import { encode } from "./server.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(encode([1], [0.5]), { shape: [1], f32: "AAAAPw==" });
 * ```
 *
 * @param shape The shape.
 * @param values The values.
 * @returns The JSON-ready object.
 */
export function encode(shape: readonly number[], values: ArrayLike<number>): Encoded {
  const f32 = Float32Array.from(values);
  return {
    shape: [...shape],
    f32: Buffer.from(f32.buffer, f32.byteOffset, f32.byteLength).toString("base64"),
  };
}

/** The optimizers of the race, with the book's learning rates where it gives them (§6.1.7). */
export const RACERS: { name: string; lr: number; make: (lr: number) => Optimizer }[] = [
  { name: "SGD", lr: 0.95, make: (lr) => new SGD({ lr }) },
  { name: "Momentum", lr: 0.1, make: (lr) => new Momentum({ lr }) },
  { name: "Nesterov", lr: 0.1, make: (lr) => new Nesterov({ lr }) },
  { name: "AdaGrad", lr: 1.5, make: (lr) => new AdaGrad({ lr }) },
  { name: "RMSprop", lr: 0.15, make: (lr) => new RMSprop({ lr }) },
  { name: "Adam", lr: 0.3, make: (lr) => new Adam({ lr }) },
];

/**
 * The points an optimizer visits on the book's f(x, y) = x²/20 + y² from (−7, 2): the book's
 * loop of `optimizer_compare_naive.py` (record, gradient (x/10, 2y), update).
 *
 * @example
 * ```ts
 * import { racePath } from "./server.ts";
 * import { SGD } from "../optimizers/mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(racePath(new SGD({ lr: 0.5 }), 1), [[-7, 2], [-6.65, 0]]);
 * ```
 *
 * @param optimizer The optimizer.
 * @param steps The number of updates.
 * @returns `steps + 1` points.
 */
export function racePath(optimizer: Optimizer, steps: number): [number, number][] {
  const params = { x: np.array([-7.0]), y: np.array([2.0]) };
  const points: [number, number][] = [[-7, 2]];
  for (let i = 0; i < steps; i++) {
    optimizer.update(params, { x: np.div(params.x, 10.0), y: np.mul(params.y, 2.0) });
    points.push([params.x.item(), params.y.item()]);
  }
  return points;
}

/** What the server knows. */
export interface LabState {
  /** The network and its run. */
  run: LabRun;
  /** Whether this is the `--mine` child. */
  mine: boolean;
  /** Whose code each part is. */
  parts: Part[];
}

/** The test set and the network's answers on it, filled in the background. */
interface TestSet {
  x: np.NDArray;
  labels: Uint8Array;
  predicted: Int32Array | null;
  done: number;
  seconds: number;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

const STATIC = new URL("./static/", import.meta.url);

/** A JSON response. */
function json(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
}

/** The 784 pixels of a request, checked. */
function pixelsOf(body: { pixels?: unknown }): number[] {
  const p = body.pixels;
  if (!Array.isArray(p) || p.length !== 784 || p.some((v) => typeof v !== "number")) {
    throw new RangeError("pixels must be 784 numbers (a 28×28 image, row by row)");
  }
  return p as number[];
}

/** An integer field of a request, checked. */
function intOf(body: Record<string, unknown>, key: string, min: number, max: number): number {
  const v = body[key];
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) {
    throw new RangeError(`${key} must be a whole number from ${min} to ${max}`);
  }
  return v;
}

/**
 * The lab's request handler (the server without the socket, so tests can call it).
 *
 * @param state The network and whose code runs.
 * @param options `loadTests` (true): load MNIST's test set and classify it in the background.
 * @returns The handler and a promise that settles when the test set is classified.
 */
export function labHandler(
  state: LabState,
  options: { loadTests?: boolean } = {},
): { handler: (request: Request) => Promise<Response>; testsReady: Promise<void> } {
  const net = state.run.model as unknown as InspectableNet & {
    predict(x: np.NDArray, o?: { train?: boolean }): np.NDArray;
  };
  // One pass first, so the first drawing does not wait for the kernels to warm up.
  inspect(net, new Float32Array(784), { saliency: true });
  let tests: TestSet | null = null;
  let lastInteraction = -Infinity;
  let testsReady: Promise<void> = Promise.resolve();
  if (options.loadTests ?? true) {
    const { xTest, tTest } = loadMnist({ flatten: false, dtype: "float32" });
    const labels = Uint8Array.from(tTest.data);
    const t: TestSet = { x: xTest, labels, predicted: null, done: 0, seconds: 0 };
    tests = t;
    const start = performance.now();
    testsReady = predictAll(net, xTest, {
      // Small batches: a prediction waits for at most one of them.
      batch: state.mine ? 4 : 10,
      onProgress: (done) => t.done = done,
      // While someone draws, hovers or races (a request in the last second), wait.
      pause: () => Math.max(0, Math.min(200, lastInteraction + 1000 - performance.now())),
    }).then((predicted) => {
      t.predicted = predicted;
      t.seconds = (performance.now() - start) / 1000;
    });
  }
  const testImage = (index: number) => tests!.x.data.subarray(index * 784, (index + 1) * 784);

  const misclassified = () => {
    const out: number[] = [];
    if (tests?.predicted) {
      for (let i = 0; i < tests.labels.length; i++) {
        if (tests.predicted[i] !== tests.labels[i]) out.push(i);
      }
    }
    return out;
  };

  const images = (indices: number[]) => {
    const bytes = new Uint8Array(indices.length * 784);
    indices.forEach((index, k) => {
      const img = testImage(index);
      for (let i = 0; i < 784; i++) bytes[k * 784 + i] = Math.round(img[i] * 255);
    });
    return Buffer.from(bytes).toString("base64");
  };

  const api: Record<string, (body: Record<string, unknown>) => unknown> = {
    "GET /api/state": () => ({
      lang: lang(),
      text: LAB_PAGE(),
      network: {
        kind: state.run.kind,
        given: state.run.given,
        params: state.run.params,
        className: state.run.className,
        finalTestAccuracy: state.run.history.at(-1)?.testAccuracy ?? null,
      },
      mine: state.mine,
      parts: state.parts,
      tests: tests && {
        total: tests.labels.length,
        done: tests.done,
        ready: tests.predicted !== null,
        seconds: tests.seconds,
      },
    }),
    "POST /api/predict": (body) => {
      const start = performance.now();
      const result = inspect(net, pixelsOf(body));
      return {
        probabilities: result.probabilities,
        predicted: result.predicted,
        ms: performance.now() - start,
      };
    },
    "POST /api/inspect": (body) => {
      let pixels: ArrayLike<number>;
      let label: number | null = null;
      if (typeof body.index === "number") {
        if (!tests) throw new RangeError("the lab runs without the test set");
        const index = intOf(body, "index", 0, tests.labels.length - 1);
        pixels = testImage(index);
        label = tests.labels[index];
      } else {
        pixels = pixelsOf(body);
      }
      const start = performance.now();
      const result = inspect(net, pixels, { saliency: true });
      const W1 = net.params.W1;
      return {
        label,
        image: encode([28, 28], pixels),
        probabilities: result.probabilities,
        predicted: result.predicted,
        layers: result.layers.map((l) => ({ name: l.name, ...encode(l.shape, l.data) })),
        filters: encode(W1.shape, W1.data),
        saliency: encode([28, 28], result.saliency!),
        ms: performance.now() - start,
      };
    },
    "GET /api/tests": () => {
      if (!tests?.predicted) return { ready: false, done: tests?.done ?? 0 };
      const wrong = misclassified();
      const right: number[] = [];
      for (let i = 0; right.length < 24 && i < tests.labels.length; i++) {
        if (tests.predicted[i] === tests.labels[i]) right.push(i);
      }
      const indices = [...wrong, ...right];
      return {
        ready: true,
        total: tests.labels.length,
        wrong: wrong.length,
        indices,
        labels: indices.map((i) => tests!.labels[i]),
        predicted: indices.map((i) => tests!.predicted![i]),
        images: images(indices),
      };
    },
    "POST /api/im2col": (body) => {
      const filter = intOf(body, "filter", 1, 28);
      const stride = intOf(body, "stride", 1, 28);
      const pad = intOf(body, "pad", 0, 10);
      const size = 28 + 2 * pad;
      if (filter > size) throw new RangeError(`a ${filter}×${filter} filter does not fit`);
      const x = imageArray(typeof body.index === "number" ? testImage(body.index) : pixelsOf(body));
      const options = { filterH: filter, filterW: filter, stride, pad };
      const col = im2col(x, options);
      const counts = col2im(np.ones([...col.shape], { dtype: col.dtype }), {
        inputShape: [1, 1, 28, 28],
        ...options,
      });
      const out = Math.floor((size - filter) / stride) + 1;
      return {
        outH: out,
        outW: out,
        col: encode(col.shape, col.data),
        counts: encode([28, 28], counts.data),
      };
    },
    "POST /api/race": (body) => {
      const steps = intOf(body, "steps", 1, 500);
      const lrs = (body.lr ?? {}) as Record<string, unknown>;
      const paths: Record<string, [number, number][]> = {};
      const used: Record<string, number> = {};
      for (const racer of RACERS) {
        const given = lrs[racer.name];
        const lr = typeof given === "number" && given > 0 && given < 100 ? given : racer.lr;
        used[racer.name] = lr;
        paths[racer.name] = racePath(racer.make(lr), steps);
      }
      return { steps, lr: used, paths };
    },
    "GET /api/run": () => ({
      kind: state.run.kind,
      given: state.run.given,
      params: state.run.params,
      historyPath: state.run.historyPath ?? null,
      history: state.run.history,
      ...(tests?.predicted
        ? (() => {
          const wrong = misclassified();
          return {
            ready: true,
            total: tests.labels.length,
            accuracy: 1 - wrong.length / tests.labels.length,
            wrong: wrong.length,
            indices: wrong,
            labels: wrong.map((i) => tests!.labels[i]),
            predicted: wrong.map((i) => tests!.predicted![i]),
            images: images(wrong),
          };
        })()
        : { ready: false }),
    }),
  };

  const handler = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const route = api[`${request.method} ${url.pathname}`];
    if (request.method === "POST") lastInteraction = performance.now();
    if (route) {
      try {
        const body = request.method === "POST" ? await request.json() : {};
        return json(route(body ?? {}));
      } catch (error) {
        const status = error instanceof RangeError || error instanceof SyntaxError ? 400 : 500;
        if (status === 500) console.error(error);
        return json({ error: (error as Error).message }, status);
      }
    }
    if (request.method !== "GET") return new Response("Not found", { status: 404 });
    if (url.pathname === "/noto_sans_jp.ttf") {
      // For Japanese text where the browser has no Japanese font (style.css loads it only for
      // kana and kanji, so an English page never asks for it).
      return new Response((await cjkFont()) as Uint8Array<ArrayBuffer>, {
        headers: { "content-type": "font/ttf", "cache-control": "max-age=86400" },
      });
    }
    const name = url.pathname === "/" ? "index.html" : url.pathname.slice(1);
    if (!/^[a-z0-9_]+\.(html|css|js|png|svg)$/.test(name)) {
      return new Response("Not found", { status: 404 });
    }
    try {
      const bytes = readFileSync(join(STATIC.pathname, name));
      return new Response(bytes, {
        headers: {
          "content-type": TYPES[extname(name)] ?? "application/octet-stream",
          "cache-control": "no-cache",
        },
      });
    } catch {
      return new Response("Not found", { status: 404 });
    }
  };
  return { handler, testsReady };
}
