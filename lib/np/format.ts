/**
 * NumPy-style text for arrays: `array([[0.1, 0.2],\n       [1. , 2. ]])`.
 *
 * Follows NumPy's defaults closely enough to be recognisable: at most 8 digits after the
 * point, trailing zeros dropped, columns aligned, scientific notation when the magnitudes
 * span too much, and "..." summaries for arrays of more than 1000 elements.
 *
 * @module
 */

import type { NDArray } from "./ndarray.ts";

const PRECISION = 8;
const THRESHOLD = 1000;
const EDGE_ITEMS = 3;
const LINE_WIDTH = 75;

/** Formats one array the way NumPy's `repr` does. */
export function formatArray(x: NDArray): string {
  const suffix = x.dtype === "float32" ? ", dtype=float32" : "";
  if (x.size === 0) {
    // NumPy shows the dtype of every empty array, and the shape unless it is 1-D.
    const shape = x.ndim === 1 ? "" : `shape=${pythonShape(x.shape)}, `;
    return `array([], ${shape}dtype=${x.dtype})`;
  }
  const summarize = x.size > THRESHOLD;
  const shown = collectShown(x, summarize);
  const format = numberFormatter(shown);
  const width = Math.max(...shown.map((v) => format(v).length));
  const prefix = "array(";
  const body = formatAxis(x, 0, 0, prefix.length, summarize, (v) => format(v).padStart(width));
  // NumPy 2.2+ adds the shape when "..." hides part of the array.
  const shape = summarize ? `, shape=${pythonShape(x.shape)}` : "";
  return `${prefix}${body}${shape}${suffix})`;
}

/** A shape as Python prints a tuple: `(2, 3)`, `(5,)`. */
function pythonShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

function collectShown(x: NDArray, summarize: boolean): number[] {
  if (!summarize) return Array.from(x.data);
  const values: number[] = [];
  const strides = x.strides;
  const walk = (axis: number, offset: number) => {
    if (axis === x.ndim) {
      values.push(x.data[offset]);
      return;
    }
    for (const i of shownIndices(x.shape[axis], true)) {
      if (i >= 0) walk(axis + 1, offset + i * strides[axis]);
    }
  };
  walk(0, 0);
  return values;
}

/** The indices shown along an axis; -1 marks the "..." gap. */
function shownIndices(n: number, summarize: boolean): number[] {
  if (!summarize || n <= 2 * EDGE_ITEMS) return [...Array(n).keys()];
  const head = [...Array(EDGE_ITEMS).keys()];
  const tail = head.map((i) => n - EDGE_ITEMS + i);
  return [...head, -1, ...tail];
}

function formatAxis(
  x: NDArray,
  axis: number,
  offset: number,
  indent: number,
  summarize: boolean,
  cell: (v: number) => string,
): string {
  if (x.ndim === 0) return cell(x.data[0]);
  const strides = x.strides;
  const indices = shownIndices(x.shape[axis], summarize);
  if (axis === x.ndim - 1) {
    const cells = indices.map((i) => (i < 0 ? "..." : cell(x.data[offset + i])));
    return "[" + wrapCells(cells, indent + 1) + "]";
  }
  const rows = indices.map((i) =>
    i < 0 ? "..." : formatAxis(x, axis + 1, offset + i * strides[axis], indent + 1, summarize, cell)
  );
  const gap = ",".padEnd(x.ndim - axis, "\n") + " ".repeat(indent + 1);
  return "[" + rows.join(gap) + "]";
}

function wrapCells(cells: string[], indent: number): string {
  const lines: string[] = [];
  let line = "";
  for (const c of cells) {
    const piece = line === "" ? c : `${line}, ${c}`;
    if (line !== "" && indent + piece.length + 2 > LINE_WIDTH) {
      lines.push(line + ",");
      line = c;
    } else {
      line = piece;
    }
  }
  lines.push(line);
  return lines.join("\n" + " ".repeat(indent));
}

/** Picks fixed or scientific notation for a set of values, as NumPy does. */
function numberFormatter(values: number[]): (v: number) => string {
  const finite = values.filter((v) => Number.isFinite(v)).map(Math.abs);
  const nonzero = finite.filter((v) => v !== 0);
  const max = finite.length ? Math.max(...finite) : 0;
  const min = nonzero.length ? Math.min(...nonzero) : 0;
  const scientific = max >= 1e16 || (min !== 0 && (min < 1e-4 || max / min > 1e3));
  if (scientific) {
    const digits = Math.min(
      PRECISION,
      Math.max(...values.filter(Number.isFinite).map((v) => mantissaDigits(v))),
    );
    return (v) => special(v) ?? exponential(v, digits);
  }
  const decimals = Math.max(0, ...values.filter(Number.isFinite).map(fractionDigits));
  return (v) => {
    const s = special(v);
    if (s !== undefined) return s;
    // toFixed drops the sign of -0, which NumPy prints.
    const text = (Object.is(v, -0) ? "-" : "") + v.toFixed(decimals);
    return decimals === 0 ? `${text}.` : padFraction(text);
  };
}

function special(v: number): string | undefined {
  if (Number.isNaN(v)) return "nan";
  if (v === Infinity) return "inf";
  if (v === -Infinity) return "-inf";
  return undefined;
}

/** Digits after the point needed to show v exactly, capped at the precision. */
function fractionDigits(v: number): number {
  const text = v.toFixed(PRECISION).replace(/0+$/, "");
  return text.length - text.indexOf(".") - 1;
}

function mantissaDigits(v: number): number {
  const [mantissa] = v.toExponential(PRECISION).split("e");
  const trimmed = mantissa.replace(/0+$/, "");
  const point = trimmed.indexOf(".");
  return point === -1 ? 0 : trimmed.length - point - 1;
}

/** NumPy pads the fraction with spaces, not zeros, beyond a number's own digits. */
function padFraction(text: string): string {
  return text.replace(/0+$/, "").padEnd(text.length, " ");
}

function exponential(v: number, digits: number): string {
  const [mantissa, exponent] = v.toExponential(digits).split("e");
  const sign = exponent.startsWith("-") ? "-" : "+";
  const magnitude = exponent.replace(/^[+-]/, "").padStart(2, "0");
  // NumPy keeps the point when no digit follows it ("1.e-05"), and the sign of -0.
  const point = digits === 0 ? "." : "";
  return `${Object.is(v, -0) ? "-" : ""}${mantissa}${point}e${sign}${magnitude}`;
}
