/**
 * The speed of `lib/np` on the book-style code of the answer key: one gradient step
 * (forward, backward and the gradients) of the answer-key SimpleConvNet (batch 100) and
 * FinalConvNet (batch 50), float32, on random MNIST-shaped input. This is what
 * `deno task train --mine` runs, since the learner's code is written the same way.
 *
 * ```sh
 * deno run -A lib/np/bench/book_ops_bench.ts            # ms per step, median of 15
 * deno run -A lib/np/bench/book_ops_bench.ts --ops      # and the hot np operations alone
 * deno run -A --cpu-prof lib/np/bench/book_ops_bench.ts # a profile of the steps
 * ```
 *
 * @module
 */

import { FinalConvNet } from "../../nets/final_conv_net.ts";
import { SimpleConvNet } from "../../nets/simple_conv_net.ts";
import * as np from "../mod.ts";

const args = new Set(Deno.args);
const steps = 15;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(label: string, f: () => void, n = steps): number {
  f();
  f();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  const m = median(ms);
  console.log(
    `${label.padEnd(48)} ${m.toFixed(2).padStart(9)} ms  (min ${Math.min(...ms).toFixed(2)})`,
  );
  return m;
}

const rng = np.rng(1);
const labels = (n: number) => np.array(Array.from({ length: n }, (_, i) => i % 10));

{
  const x = rng.random([100, 1, 28, 28], { dtype: "float32" });
  const t = labels(100);
  const net = new SimpleConvNet({ dtype: "float32" });
  const ms = time("SimpleConvNet gradient (batch 100, float32)", () => net.gradient(x, t));
  console.log(`  train --mine, 6 epochs × 1200 steps: ${(ms * 7200 / 60000).toFixed(1)} min`);
}
{
  const x = rng.random([50, 1, 28, 28], { dtype: "float32" });
  const t = labels(50);
  const net = new FinalConvNet({ dtype: "float32" });
  const ms = time("FinalConvNet gradient (batch 50, float32)", () => net.gradient(x, t));
  console.log(`  train --mine, 6 epochs × 1200 steps: ${(ms * 7200 / 60000).toFixed(1)} min`);
}

if (args.has("--ops")) {
  const x = rng.random([100, 30, 24, 24], { dtype: "float32" });
  const img = rng.random([100, 16, 18, 18], { dtype: "float32" });
  const col = np.zeros([100, 16, 5, 5, 14, 14], { dtype: "float32" });
  time("pad (100,30,24,24) by 0", () => np.pad(x, [[0, 0], [0, 0], [0, 0], [0, 0]]));
  time("pad (100,30,24,24) by 2 on H, W", () => np.pad(x, [[0, 0], [0, 0], [2, 2], [2, 2]]));
  time("slice (100,30,24,24)[:, :, 0:24:2, 1:24:2]", () => x.slice(null, null, "0:24:2", "1:24:2"));
  time("slice (100,30,24,24)[:, :, 1:23, 1:23]", () => x.slice(null, null, "1:23", "1:23"));
  const window = img.slice(null, null, "1:15", "1:15");
  time(
    "assign col[:, :, 1, 2, :, :] = (100,16,14,14)",
    () => col.assign([null, null, 1, 2, null, null], window),
  );
  time("transpose (100,30,24,24) → (0,2,3,1)", () => x.transpose(0, 2, 3, 1));
  time("transpose col (0,4,5,1,2,3)", () => col.transpose(0, 4, 5, 1, 2, 3));
  const r = x.reshape(-1, 4);
  time("max (432000, 4) axis 1", () => np.max(r, { axis: 1 }));
  time("argmax (432000, 4) axis 1", () => np.argmax(r, { axis: 1 }));
  const m = x.reshape(-1, 30);
  time("sum (57600, 30) axis 0", () => np.sum(m, { axis: 0 }));
  const mask = np.lessEqual(x, 0);
  time("lessEqual (100,30,24,24), 0", () => np.lessEqual(x, 0));
  time("where (100,30,24,24), 0, x", () => np.where(mask, 0, x));
  const bias = rng.random([30], { dtype: "float32" });
  time("add (57600, 30) + (30)", () => np.add(m, bias));
  const idx = Int32Array.from({ length: 100 }, (_, i) => (i * 37) % 100);
  time("take (100,30,24,24) rows", () => np.take(x, idx, { axis: 0 }));
}
