/**
 * Chapter 01's catalogue of learners' mistakes: small variants of the answer key
 * (`lib/np/broadcast.ts`, `lib/np/basics.ts`, `lib/experiments/ch01/sin_cos.ts`), each named for
 * the learner (see `lib/testing/mistakes.ts`). The self-check proves that a test of each
 * exercise catches each one and names it.
 *
 * @module
 */

import * as np from "../np/mod.ts";
import type { LineChartStyle } from "../plot/mod.ts";
import { type NDArray, type Shape, showShape } from "../np/ndarray.ts";
import type { Mistake } from "../testing/mistakes.ts";
import { say } from "../testing/say.ts";

/** An error for shapes that do not broadcast, in the learner's language, as a learner writes it. */
function notBroadcastable(a: Shape, b: Shape): TypeError {
  const [sa, sb] = [showShape(a), showShape(b)];
  return new TypeError(say(
    `operands could not be broadcast together with shapes ${sa} and ${sb}`,
    `形状 ${sa} と ${sb} のオペランドはブロードキャストできません`,
  ));
}

/** float32 only when both are float32, as the answer key decides. */
function bothFloat32(a: NDArray, b: NDArray): np.DType {
  return a.dtype === "float32" && b.dtype === "float32" ? "float32" : "float64";
}

/** The answer key's flat position in `shape` of the result's element at `index`. */
function broadcastOffset(shape: Shape, index: readonly number[]): number {
  const skip = index.length - shape.length;
  let offset = 0;
  for (let axis = 0; axis < shape.length; axis++) {
    const i = shape[axis] === 1 ? 0 : index[skip + axis];
    offset = offset * shape[axis] + i;
  }
  return offset;
}

/** The answer key's add, with the offset function and the result array as parameters. */
function addWith(
  a: NDArray,
  b: NDArray,
  offset: (shape: Shape, index: readonly number[]) => number,
  out: NDArray = np.zeros(np.broadcastShapes(a.shape, b.shape), { dtype: bothFloat32(a, b) }),
): NDArray {
  const shape = out.shape;
  const index = new Array<number>(shape.length).fill(0);
  const values = new Float64Array(out.size);
  for (let i = 0; i < out.size; i++) {
    values[i] = a.data[offset(a.shape, index)] + b.data[offset(b.shape, index)];
    for (let axis = shape.length - 1; axis >= 0; axis--) {
      index[axis]++;
      if (index[axis] < shape[axis]) break;
      index[axis] = 0;
    }
  }
  out.data.set(values);
  return out;
}

/** The answer key's axis check: negative axes count from the end. */
function checkAxis(axis: number, shape: Shape): number {
  if (axis < -shape.length || axis >= shape.length) {
    throw new RangeError(`axis ${axis} is out of bounds for shape ${showShape(shape)}`);
  }
  return axis < 0 ? axis + shape.length : axis;
}

/** `shape` around `axis` as `[outer, n, inner]`, as the answer key views it. */
function aroundAxis(shape: Shape, axis: number): [number, number, number] {
  let outer = 1, inner = 1;
  for (let d = 0; d < axis; d++) outer *= shape[d];
  for (let d = axis + 1; d < shape.length; d++) inner *= shape[d];
  return [outer, shape[axis], inner];
}

function reducedShape(shape: Shape, axis: number, keepdims: boolean): number[] {
  return keepdims ? shape.map((s, d) => (d === axis ? 1 : s)) : shape.filter((_, d) => d !== axis);
}

/** The answer key's sum, with the axis check and the walk along the axis as parameters. */
function sumWith(
  x: NDArray,
  options: { axis: number; keepdims?: boolean },
  change: {
    check?: (axis: number, shape: Shape) => number;
    at?: (o: number, j: number, i: number, n: number, inner: number) => number;
    dtype?: np.DType;
    keepdims?: boolean;
  } = {},
): NDArray {
  const axis = (change.check ?? checkAxis)(options.axis, x.shape);
  const [outer, n, inner] = aroundAxis(x.shape, axis);
  const at = change.at ?? ((o, j, i) => (o * n + j) * inner + i);
  const keepdims = change.keepdims ?? options.keepdims ?? false;
  const out = np.zeros(reducedShape(x.shape, axis, keepdims), { dtype: change.dtype ?? x.dtype });
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let total = 0;
      for (let j = 0; j < n; j++) total += x.data[at(o, j, i, n, inner)];
      out.data[o * inner + i] = total;
    }
  }
  return out;
}

/** The answer key's argmax, with the search along the axis as a parameter. */
function argmaxWith(
  x: NDArray,
  options: { axis: number },
  change: {
    pick?: (values: number[]) => number;
    dtype?: np.DType;
    check?: (axis: number, shape: Shape) => number;
    allowEmpty?: boolean;
  } = {},
): NDArray {
  const axis = (change.check ?? checkAxis)(options.axis, x.shape);
  const [outer, n, inner] = aroundAxis(x.shape, axis);
  if (n === 0 && !change.allowEmpty) {
    throw new RangeError(`argmax: axis ${options.axis} of shape ${showShape(x.shape)} is empty`);
  }
  const pick = change.pick ?? ((values: number[]) => {
    let best = 0;
    for (let j = 1; j < values.length; j++) if (values[j] > values[best]) best = j;
    return best;
  });
  const out = np.zeros(reducedShape(x.shape, axis, false), { dtype: change.dtype ?? "float64" });
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const values = Array.from({ length: n }, (_, j) => x.data[(o * n + j) * inner + i]);
      out.data[o * inner + i] = pick(values);
    }
  }
  return out;
}

/** The answer key's matrix product, with the slip given as options. */
function dotWith(
  a: NDArray,
  b: NDArray,
  change: {
    bAt?: (p: number, j: number, k: number, n: number) => number;
    aAt?: (i: number, p: number, m: number, k: number) => number;
    checkShapes?: boolean;
    resetTotal?: boolean;
    dtype?: np.DType;
  } = {},
): NDArray {
  if (change.checkShapes ?? true) {
    if (a.ndim !== 2 || b.ndim !== 2) {
      throw new TypeError(
        `dot takes two 2-D arrays, got shapes ${showShape(a.shape)} and ${showShape(b.shape)}`,
      );
    }
    if (a.shape[1] !== b.shape[0]) {
      throw new TypeError(`shapes ${showShape(a.shape)} and ${showShape(b.shape)} not aligned`);
    }
  }
  const [m, k] = a.shape;
  const n = b.shape[b.ndim - 1];
  const aAt = change.aAt ?? ((i, p) => i * k + p);
  const bAt = change.bAt ?? ((p, j) => p * n + j);
  const out = np.zeros([m, n], { dtype: change.dtype ?? bothFloat32(a, b) });
  let total = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      if (change.resetTotal ?? true) total = 0;
      for (let p = 0; p < k; p++) total += a.data[aAt(i, p, m, k)] * b.data[bAt(p, j, k, n)];
      out.data[i * n + j] = total;
    }
  }
  return out;
}

/**
 * The chart of the answer key with some of its options changed. The plotting modules load only
 * when a chart is drawn, so that the other chapter 01 tests, which import this catalogue, do not
 * load vega and resvg.
 */
async function chartWith(
  data: { x: NDArray; series: Record<string, NDArray> },
  options: LineChartStyle,
): Promise<Uint8Array> {
  const { lineChartPng } = await import("../plot/mod.ts");
  return await lineChartPng(data, options);
}

/** The book's data of the chart. */
function bookData() {
  const x = np.arange(0, 6, { step: 0.1 });
  return { x, series: { sin: np.sin(x), cos: np.cos(x) } };
}

/** The mistakes, exercise by exercise. */
export const MISTAKES: Mistake[] = [
  // broadcastShapes ------------------------------------------------------------------------
  {
    exercise: "broadcastShapes",
    name: "shapes aligned at their first axes instead of their last (a missing axis is in FRONT)",
    ja: "形状を末尾の軸ではなく先頭の軸からそろえている（足りない軸は先頭に補う）",
    code: (a: Shape, b: Shape): number[] => {
      const ndim = Math.max(a.length, b.length);
      const out: number[] = [];
      for (let i = 0; i < ndim; i++) {
        const m = a[i] ?? 1, n = b[i] ?? 1;
        if (m !== n && m !== 1 && n !== 1) throw notBroadcastable(a, b);
        out.push(m === 1 ? n : m);
      }
      return out;
    },
  },
  {
    exercise: "broadcastShapes",
    name: "the result has as many axes as the SHORTER shape (the loop stops at the shorter one)",
    ja: "結果の軸の数が短いほうの形状と同じになっている（ループが短いほうで止まる）",
    code: (a: Shape, b: Shape): number[] => {
      const ndim = Math.min(a.length, b.length);
      const out = new Array<number>(ndim);
      for (let i = 1; i <= ndim; i++) {
        const m = a[a.length - i], n = b[b.length - i];
        if (m !== n && m !== 1 && n !== 1) throw notBroadcastable(a, b);
        out[ndim - i] = m === 1 ? n : m;
      }
      return out;
    },
  },
  {
    exercise: "broadcastShapes",
    name: "takes the larger size on every axis without checking that the sizes are equal or 1",
    ja: "サイズが等しいか 1 かを確かめずに、各軸で大きいほうのサイズを取っている",
    code: (a: Shape, b: Shape): number[] => {
      const ndim = Math.max(a.length, b.length);
      const out = new Array<number>(ndim);
      for (let i = 1; i <= ndim; i++) {
        const m = i <= a.length ? a[a.length - i] : 1;
        const n = i <= b.length ? b[b.length - i] : 1;
        out[ndim - i] = Math.max(m, n);
      }
      return out;
    },
  },
  {
    exercise: "broadcastShapes",
    name: "a size 1 on an axis wins over the other size (the result keeps 1 instead of stretching)",
    ja: "ある軸でサイズ 1 がもう一方のサイズに勝っている（引き伸ばさずに 1 のまま）",
    code: (a: Shape, b: Shape): number[] => {
      const ndim = Math.max(a.length, b.length);
      const out = new Array<number>(ndim);
      for (let i = 1; i <= ndim; i++) {
        const m = i <= a.length ? a[a.length - i] : 1;
        const n = i <= b.length ? b[b.length - i] : 1;
        if (m !== n && m !== 1 && n !== 1) throw notBroadcastable(a, b);
        out[ndim - i] = Math.min(m, n);
      }
      return out;
    },
  },
  // add ------------------------------------------------------------------------------------
  {
    exercise: "add",
    name: "adds a.data[i] + b.data[i] position by position, without broadcasting b",
    ja: "b をブロードキャストせず、a.data[i] + b.data[i] を位置ごとに足している",
    code: (a: NDArray, b: NDArray): NDArray => {
      const out = np.zeros(np.broadcastShapes(a.shape, b.shape), { dtype: bothFloat32(a, b) });
      for (let i = 0; i < out.size; i++) out.data[i] = a.data[i] + b.data[i];
      return out;
    },
  },
  {
    exercise: "add",
    name: "a shorter shape lined up with the result's FIRST axes instead of its last",
    ja: "短いほうの形状を結果の末尾ではなく先頭の軸にそろえている",
    code: (a: NDArray, b: NDArray): NDArray =>
      addWith(a, b, (shape, index) => {
        let offset = 0;
        for (let axis = 0; axis < shape.length; axis++) {
          offset = offset * shape[axis] + (shape[axis] === 1 ? 0 : index[axis]);
        }
        return offset;
      }),
  },
  {
    exercise: "add",
    name: "the result takes a's dtype (float32 + float64 must give float64)",
    ja: "結果が a の dtype になっている（float32 + float64 は float64 になるべき）",
    code: (a: NDArray, b: NDArray): NDArray =>
      addWith(
        a,
        b,
        broadcastOffset,
        np.zeros(np.broadcastShapes(a.shape, b.shape), { dtype: a.dtype }),
      ),
  },
  {
    exercise: "add",
    name: "writes the sum into a (a += b) instead of a new array",
    ja: "和を新しい配列ではなく a に書き込んでいる（a += b）",
    code: (a: NDArray, b: NDArray): NDArray => {
      const shape = np.broadcastShapes(a.shape, b.shape);
      const sameShape = shape.length === a.ndim && shape.every((s, i) => s === a.shape[i]);
      const sameDType = a.dtype === bothFloat32(a, b);
      return addWith(a, b, broadcastOffset, sameShape && sameDType ? a : undefined);
    },
  },
  // dot ------------------------------------------------------------------------------------
  {
    exercise: "dot",
    name: "B[p][j] read at p·k + j (a's column count) instead of p·n + j (b's)",
    ja: "B[p][j] を p·n + j（b の列数）ではなく p·k + j（a の列数）の位置から読んでいる",
    code: (a: NDArray, b: NDArray): NDArray => dotWith(a, b, { bAt: (p, j, k) => p * k + j }),
  },
  {
    exercise: "dot",
    name: "A read column by column (A[p][i] instead of A[i][p]): Aᵀ·B",
    ja: "A を列ごとに読んでいる（A[i][p] ではなく A[p][i]）: Aᵀ·B になる",
    code: (a: NDArray, b: NDArray): NDArray => dotWith(a, b, { aAt: (i, p, m) => p * m + i }),
  },
  {
    exercise: "dot",
    name: "the running total is not reset to 0 for each element C[i][j]",
    ja: "要素 C[i][j] ごとに累計を 0 に戻していない",
    code: (a: NDArray, b: NDArray): NDArray => dotWith(a, b, { resetTotal: false }),
  },
  {
    exercise: "dot",
    name: "no check that a's columns equal b's rows (a 2×3 times a 2×2 must throw)",
    ja: "a の列数と b の行数が等しいかを確かめていない（2×3 と 2×2 の積はエラーにする）",
    code: (a: NDArray, b: NDArray): NDArray => dotWith(a, b, { checkShapes: false }),
  },
  // sum ------------------------------------------------------------------------------------
  {
    exercise: "sum",
    name: "a negative axis not counted from the end (-1 must mean the last axis)",
    ja: "負の axis を末尾から数えていない（-1 は最後の軸）",
    code: (x: NDArray, options: { axis: number; keepdims?: boolean }): NDArray =>
      sumWith(x, options, {
        check: (axis, shape) => {
          if (axis >= shape.length) throw new RangeError(`axis ${axis} is out of bounds`);
          return axis < 0 ? 0 : axis;
        },
      }),
  },
  {
    exercise: "sum",
    name: "keepdims ignored: the axis is always removed",
    ja: "keepdims を無視して、常に軸を取り除いている",
    code: (x: NDArray, options: { axis: number; keepdims?: boolean }): NDArray =>
      sumWith(x, options, { keepdims: false }),
  },
  {
    exercise: "sum",
    name: "steps along the axis by 1 instead of by the product of the later axes' sizes",
    ja: "軸に沿って、後ろの軸のサイズの積ではなく 1 ずつ進んでいる",
    code: (x: NDArray, options: { axis: number; keepdims?: boolean }): NDArray =>
      sumWith(x, options, { at: (o, j, i, n, inner) => o * n * inner + i * n + j }),
  },
  {
    exercise: "sum",
    name: "the result is always float64 (a float32 array's sum must stay float32)",
    ja: "結果が常に float64 になっている（float32 の配列の和は float32 のまま）",
    code: (x: NDArray, options: { axis: number; keepdims?: boolean }): NDArray =>
      sumWith(x, options, { dtype: "float64" }),
  },
  {
    exercise: "sum",
    name: "an axis out of range is not rejected (axis 2 of a 2-D array must throw a RangeError)",
    ja: "範囲外の axis をはじいていない（2 次元配列の axis 2 は RangeError にする）",
    code: (x: NDArray, options: { axis: number; keepdims?: boolean }): NDArray =>
      sumWith(x, options, { check: (axis, shape) => (axis < 0 ? axis + shape.length : axis) }),
  },
  // argmax ---------------------------------------------------------------------------------
  {
    exercise: "argmax",
    name: "compares with >= instead of >: on ties the LAST index wins (NumPy keeps the first)",
    ja:
      "> ではなく >= で比べている: 同じ値なら最後のインデックスが勝つ（NumPy は最初のものを返す）",
    code: (x: NDArray, options: { axis: number }): NDArray =>
      argmaxWith(x, options, {
        pick: (values) => {
          let best = 0;
          for (let j = 1; j < values.length; j++) if (values[j] >= values[best]) best = j;
          return best;
        },
      }),
  },
  {
    exercise: "argmax",
    name: "the running maximum starts at 0 instead of the first element (all-negative rows give 0)",
    ja: "最大値の初期値が最初の要素ではなく 0 になっている（すべて負の行で 0 になる）",
    code: (x: NDArray, options: { axis: number }): NDArray =>
      argmaxWith(x, options, {
        pick: (values) => {
          let best = 0, bestValue = 0;
          for (let j = 0; j < values.length; j++) {
            if (values[j] > bestValue) [best, bestValue] = [j, values[j]];
          }
          return best;
        },
      }),
  },
  {
    exercise: "argmax",
    name: "returns the largest value instead of its index",
    ja: "インデックスではなく最大値そのものを返している",
    code: (x: NDArray, options: { axis: number }): NDArray =>
      argmaxWith(x, options, { pick: (values) => Math.max(...values) }),
  },
  {
    exercise: "argmax",
    name: "the indices keep x's dtype (they must be float64 even for a float32 x)",
    ja: "インデックスが x の dtype のまま（float32 の x でも float64 にする）",
    code: (x: NDArray, options: { axis: number }): NDArray =>
      argmaxWith(x, options, { dtype: x.dtype }),
  },
  {
    exercise: "argmax",
    name: "an empty axis gives index 0 instead of a RangeError (it has no largest element)",
    ja: "空の軸で RangeError ではなくインデックス 0 を返している（最大の要素がない）",
    code: (x: NDArray, options: { axis: number }): NDArray =>
      argmaxWith(x, options, { allowEmpty: true }),
  },
  // sinCos ---------------------------------------------------------------------------------
  {
    exercise: "sinCos",
    name: "x as 60 points from 0 to 6 with 6 included (linspace), not arange's steps of 0.1",
    ja: "x を 0 から 6 まで（6 を含む）60 点の linspace にしている: arange の 0.1 刻みではない",
    code: () => {
      const x = np.linspace(0, 6, { num: 60 });
      return { x, series: { sin: np.sin(x), cos: np.cos(x) } };
    },
  },
  {
    exercise: "sinCos",
    name: "x up to 6 inclusive: 61 values, one too many (arange stops before 6)",
    ja: "x が 6 を含み、61 個と 1 つ多い（arange は 6 の手前で止まる）",
    code: () => {
      const x = np.arange(0, 6.05, { step: 0.1 });
      return { x, series: { sin: np.sin(x), cos: np.cos(x) } };
    },
  },
  {
    exercise: "sinCos",
    name: "the series in the wrong order, cos before sin (the legend follows the order)",
    ja: "系列の順番が逆で、cos が sin より先（凡例はこの順に並ぶ）",
    code: () => {
      const x = np.arange(0, 6, { step: 0.1 });
      return { x, series: { cos: np.cos(x), sin: np.sin(x) } };
    },
  },
  {
    exercise: "sinCos",
    name: "sin and cos swapped: the series named sin holds the cosine",
    ja: "sin と cos が入れ替わっている: sin という名前の系列に cos の値が入っている",
    code: () => {
      const x = np.arange(0, 6, { step: 0.1 });
      return { x, series: { sin: np.cos(x), cos: np.sin(x) } };
    },
  },
  {
    exercise: "sinCos",
    name: "x taken as degrees (sin of x·π/180): np's sin takes radians",
    ja: "x を度数法として扱っている（x·π/180 の sin）: np の sin はラジアンを取る",
    code: () => {
      const x = np.arange(0, 6, { step: 0.1 });
      const radians = np.mul(x, Math.PI / 180);
      return { x, series: { sin: np.sin(radians), cos: np.cos(radians) } };
    },
  },
  // sinCosChart ----------------------------------------------------------------------------
  {
    exercise: "sinCosChart",
    name: "sin dashed instead of cos (dashed names the series to dash)",
    ja: "cos ではなく sin を破線にしている（dashed には破線にする系列の名前を指定する）",
    code: () =>
      chartWith(bookData(), { title: "sin & cos", xTitle: "x", yTitle: "y", dashed: ["sin"] }),
  },
  {
    exercise: "sinCosChart",
    name: "no title: the book's plt.title('sin & cos') is missing",
    ja: "タイトルがない: 書籍の plt.title('sin & cos') が抜けている",
    code: () => chartWith(bookData(), { xTitle: "x", yTitle: "y", dashed: ["cos"] }),
  },
  {
    exercise: "sinCosChart",
    name: "the axis labels swapped: xTitle must be 'x' and yTitle 'y'",
    ja: "軸ラベルが入れ替わっている: xTitle は 'x'、yTitle は 'y'",
    code: () =>
      chartWith(bookData(), { title: "sin & cos", xTitle: "y", yTitle: "x", dashed: ["cos"] }),
  },
];
