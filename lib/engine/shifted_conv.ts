/**
 * A stride-1 convolution without im2col (an implicit GEMM): the same sums as the book's
 * `dot(col, col_W)`, but no patch is ever written to memory.
 *
 * The padded images are stored channels-last, `grid[n][y][x][c]` (`Hp = H + 2·pad` rows of
 * `Wp = W + 2·pad` pixels). Then the `FW·C` values of filter row `i` under the output position
 * (y, x) are one contiguous run of the grid: pixels (y + i, x … x + FW - 1), all channels. Taking
 * grid pixels as the rows of a matrix with a row stride of C, the patches' row `i` for every
 * output position of the batch is the matrix starting at pixel `i·Wp`, and
 *
 *     out = Σᵢ rowsᵢ · W[:, :, i, :]ᵀ     (FH products, k = FW·C each)
 *
 * computed on every grid pixel whose patch fits, including those under the right and bottom
 * borders (their sums are discarded: 7% more arithmetic on 28×28 with pad 1, 22% on 8×8). The
 * matrix kernel reads these overlapping rows in place (`gemm.wat`'s unpacked A), so the patches'
 * 9× copy of the image (22 MB per layer for DeepConvNet's second convolution at batch 50) never
 * goes through memory.
 *
 * The backward pass is two more sets of FH products on the same kind of rows: ∂L/∂W from dout
 * (one row per grid pixel, 0 off the output) and the grid; ∂L/∂x as the convolution of dout,
 * padded by `FH - 1 - pad`, with the filters turned by 180° (the "full" convolution, which is what
 * col2im adds up).
 *
 * @module
 */

import type { TypedArray } from "../np/ndarray.ts";
import type { ConvGeometry } from "../np/kernels/im2col.ts";
import type { ConvArena } from "./conv_arena.ts";
import { winogradConv, winogradFilterGradient, type WinogradInput } from "./winograd.ts";

/**
 * The fewest channels for which the shifted rows beat im2col: each product's k is `FW·C`, and
 * with a handful of channels the matrix kernel spends its time on loop overheads (a first layer
 * of one channel has k = 3).
 */
export const SHIFTED_MIN_CHANNELS = 8;

/**
 * The most grid pixels per output position for which the shifted rows beat im2col (measured
 * on one thread, batch 50: DeepConvNet's 8×8 layers with pad 1, 81 pixels for 64 outputs, are
 * even; FinalConvNet's second layer, 5×5 without padding on 14×14, 196 for 100, is 1.3× slower).
 */
export const SHIFTED_MAX_WASTE = 1.3;

/**
 * True when {@linkcode shiftedForward} can compute this convolution (stride 1, padding smaller
 * than the filter, so that ∂L/∂x is a convolution with padding ≥ 0) and is the faster way:
 * enough channels, and few grid pixels that are no output position.
 */
export function shiftedConvFits(g: ConvGeometry): boolean {
  return g.stride === 1 && g.c >= SHIFTED_MIN_CHANNELS && g.pad < g.filterH &&
    g.pad < g.filterW &&
    (g.h + g.pad) * (g.w + g.pad) <= SHIFTED_MAX_WASTE * g.outH * g.outW;
}

/**
 * True when the products of a 3×3 convolution (forward, ∂L/∂x and ∂L/∂W) go through
 * Winograd's F(2×2, 3×3) (`winograd.ts`): even output and input sides, padding of at most 2, and
 * enough channels for the products to outweigh the transforms (fewer with the transforms in
 * WebAssembly SIMD, for float32 and channel counts that are multiples of 4).
 *
 * @param g The sizes.
 * @param filters Output channels.
 * @param float32 The arrays are float32.
 */
export function winogradFits(g: ConvGeometry, filters: number, float32: boolean): boolean {
  const simd = float32 && g.c % 4 === 0 && filters % 4 === 0;
  return g.filterH === 3 && g.filterW === 3 && g.stride === 1 && g.pad <= 2 &&
    g.outH % 2 === 0 && g.outW % 2 === 0 && g.h % 2 === 0 && g.w % 2 === 0 &&
    g.c * filters >= (simd ? WINOGRAD_MIN_CHANNEL_PAIRS.simd : WINOGRAD_MIN_CHANNEL_PAIRS.js);
}

/**
 * The fewest input × output channels for which Winograd's transforms pay (one thread, batch
 * 50, against shifted rows): with the SIMD transforms DeepConvNet's second layer (16 × 16) is
 * 1.1× faster, with the TypeScript ones its fourth (32 × 32) is even.
 */
export const WINOGRAD_MIN_CHANNEL_PAIRS = { simd: 256, js: 1024 };

/** The arena region where a Winograd forward pass leaves its transformed input for ∂L/∂W. */
const FORWARD_TILES = "winogradTiles";

/**
 * The grid of a batch. Neighbouring images share their padding: each grid row is `padW` zeros
 * then an image row (the zeros also pad the end of the row before), and each image is `padH`
 * zero rows then its rows (which also pad the image before); `padH` zero rows and one more
 * close the grid. So an image takes `(h + padH)·(w + padW)` pixels, and a patch that runs past
 * a row's end reads the next row's zeros.
 */
interface Grid {
  /** Pixels per grid row. */
  width: number;
  /** Pixels per image. */
  plane: number;
  /** Pixels of the whole grid. */
  pixels: number;
  /** Grid pixels from the first output position to the last, the products' m. */
  rows: number;
}

/** The grid of `n` images of `h×w` padded by `padH`/`padW`, for an output of `outH×outW`. */
function gridOf(
  n: number,
  h: number,
  w: number,
  padH: number,
  padW: number,
  outH: number,
  outW: number,
): Grid {
  const width = w + padW, plane = (h + padH) * width;
  return {
    width,
    plane,
    pixels: n * plane + (padH + 1) * width,
    rows: (n - 1) * plane + (outH - 1) * width + outW,
  };
}

/**
 * The forward pass: `out [N, FN, OH, OW]` = the convolution of `x` with `W` plus `b`. The
 * grid stays in the arena's region "grid" for {@linkcode shiftedBackward}.
 *
 * @param arena The layer's arena.
 * @param x The images, NCHW.
 * @param W The filters, `[FN, C, FH, FW]`.
 * @param b The biases, `[FN]`.
 * @param g The sizes (stride 1; see {@linkcode shiftedConvFits}).
 * @param out The destination, `[N, FN, OH, OW]`.
 */
export function shiftedForward(
  arena: ConvArena,
  x: TypedArray,
  W: TypedArray,
  b: TypedArray,
  g: ConvGeometry,
  out: TypedArray,
): void {
  const { n, c: C, filterH: FH, filterW: FW, outH, outW } = g;
  const FN = b.length, grid = gridOf(n, g.h, g.w, g.pad, g.pad, outH, outW);
  const gridAt = arena.region("grid", grid.pixels * C);
  toGrid(x, arena.view(gridAt, grid.pixels * C), n, C, g.h, g.w, g.pad, g.pad);
  if (winogradFits(g, FN, arena.size === 4)) {
    const input = onGrid(gridAt, grid, n, C);
    winogradConv(arena, input, W, false, outH, outW, out, b, FORWARD_TILES);
    return;
  }
  // The filters channels-last, [FN, FH, FW, C]: filter f's row i is FW·C contiguous values.
  const wAt = arena.region("W", W.length);
  channelsLast(W, arena.view(wAt, W.length), FN, C, FH * FW);
  const outAt = arena.region("out", grid.rows * FN);
  arena.gemm(
    grid.rows,
    FN,
    FH * FW * C,
    { at: gridAt, rowStride: C, colStride: 1, segments: rowsOfFilter(grid, FW, C) },
    // op(B)[(i, j, c)][f] = W[f][i][j][c]
    { at: wAt, rowStride: 1, colStride: FH * FW * C },
    outAt,
    FN,
  );
  const product = arena.view(outAt, grid.rows * FN);
  for (let img = 0, to = 0; img < n; img++) {
    for (let f = 0; f < FN; f++) {
      const bias = b[f];
      for (let y = 0; y < outH; y++) {
        let from = ((img * grid.plane + y * grid.width) * FN) + f;
        for (let x = 0; x < outW; x++, from += FN) out[to++] = product[from] + bias;
      }
    }
  }
}

/** What {@linkcode shiftedBackward} computes. */
export interface ShiftedGradients {
  /** ∂L/∂W, `[FN, C, FH, FW]`. */
  dW: TypedArray;
  /** ∂L/∂b, `[FN]`. */
  db: TypedArray;
}

/**
 * The backward pass after {@linkcode shiftedForward} on the same arena: fills `grads.dW` and
 * `grads.db`, and `dx` (NCHW) unless it is null (a first layer).
 *
 * @param arena The layer's arena, holding the forward pass's grid.
 * @param dout ∂L/∂out, `[N, FN, OH, OW]`.
 * @param W The filters, `[FN, C, FH, FW]`, as they are now.
 * @param g The forward pass's sizes.
 * @param grads Where ∂L/∂W and ∂L/∂b go (overwritten).
 * @param dx Where ∂L/∂x goes (overwritten), or null.
 */
export function shiftedBackward(
  arena: ConvArena,
  dout: TypedArray,
  W: TypedArray,
  g: ConvGeometry,
  grads: ShiftedGradients,
  dx: TypedArray | null,
): void {
  const { n, c: C, h: H, w: Wd, filterH: FH, filterW: FW, outH, outW } = g;
  const FN = grads.db.length, size = arena.size;
  const grid = gridOf(n, H, Wd, g.pad, g.pad, outH, outW);
  const gridAt = arena.region("grid", grid.pixels * C);

  // dout channels-last on a grid padded by FH-1-pad: the convolution that gives ∂L/∂x reads it
  // so, and its grid has the forward grid's rows and width (W + pad pixels: stride 1 makes
  // OW + FW-1-pad = W + pad), so that dout at the output position of grid pixel r is at pixel
  // r + padH·width + padW, with zeros where r is no output position.
  const padH = FH - 1 - g.pad, padW = FW - 1 - g.pad;
  const back = gridOf(n, outH, outW, padH, padW, H, Wd);
  const backAt = arena.region("doutGrid", back.pixels * FN);
  toGrid(dout, arena.view(backAt, back.pixels * FN), n, FN, outH, outW, padH, padW);
  const db = grads.db, P = outH * outW;
  db.fill(0);
  for (let img = 0, from = 0; img < n; img++) {
    for (let f = 0; f < FN; f++) {
      let sum = 0;
      for (const end = from + P; from < end;) sum += dout[from++];
      db[f] += sum;
    }
  }
  if (winogradFits(g, FN, arena.size === 4)) {
    winogradFilterGradient(arena, FORWARD_TILES, C, dout, n, FN, outH, outW, grads.dW);
  } else {
    shiftedFilterGradient(
      arena,
      gridAt,
      grid,
      backAt + (padH * back.width + padW) * FN * size,
      g,
      FN,
      grads.dW,
    );
  }
  if (dx === null) return;

  // ∂L/∂x: the convolution of the padded dout with the turned filters.
  if (winogradFits(g, FN, arena.size === 4)) {
    const input = onGrid(backAt, back, n, FN);
    winogradConv(arena, input, W, true, H, Wd, dx, null, "winogradDoutTiles");
    return;
  }
  // turned[i][j][f][c] = W[f][c][FH-1-i][FW-1-j]: row i of the turned filters, for each
  // output channel c, is FW·FN contiguous values along (j, f).
  const turnedAt = arena.region("turnedW", W.length);
  const turned = arena.view(turnedAt, W.length);
  for (let f = 0, from = 0; f < FN; f++) {
    for (let c = 0; c < C; c++) {
      for (let i = FH - 1; i >= 0; i--) {
        for (let j = FW - 1; j >= 0; j--) turned[((i * FW + j) * FN + f) * C + c] = W[from++];
      }
    }
  }
  const dxAt = arena.region("dxGrid", back.rows * C);
  arena.gemm(
    back.rows,
    C,
    FH * FW * FN,
    { at: backAt, rowStride: FN, colStride: 1, segments: rowsOfFilter(back, FW, FN) },
    { at: turnedAt, rowStride: C, colStride: 1 },
    dxAt,
    C,
  );
  const dxSums = arena.view(dxAt, back.rows * C);
  for (let img = 0, to = 0; img < n; img++) {
    for (let c = 0; c < C; c++) {
      for (let y = 0; y < H; y++) {
        let from = (img * back.plane + y * back.width) * C + c;
        for (let x = 0; x < Wd; x++, from += C) dx[to++] = dxSums[from];
      }
    }
  }
}

/**
 * ∂L/∂W on shifted rows: `[FN, FH·FW·C]` = dout's rows (`doutRows`: dout on the same grid,
 * channels-last), transposed, times the grid's rows with their filter rows side by side (B's
 * column segments, when a segment is whole panels of the matrix kernel; else one product per
 * filter row).
 */
function shiftedFilterGradient(
  arena: ConvArena,
  gridAt: number,
  grid: Grid,
  doutRows: number,
  g: ConvGeometry,
  FN: number,
  dW: TypedArray,
): void {
  const { c: C, filterH: FH, filterW: FW } = g, size = arena.size, K = FH * FW * C;
  const dWAt = arena.region("dW", FN * K);
  const douts = { at: doutRows, rowStride: 1, colStride: FN };
  const segments = rowsOfFilter(grid, FW, C);
  if (segments.length % (size === 4 ? 8 : 4) === 0) {
    const rows = { at: gridAt, rowStride: C, colStride: 1, segments };
    arena.gemm(FN, K, grid.rows, douts, rows, dWAt, K);
  } else {
    for (let i = 0; i < FH; i++) {
      const rows = { at: gridAt + i * grid.width * C * size, rowStride: C, colStride: 1 };
      arena.gemm(FN, FW * C, grid.rows, douts, rows, dWAt + i * FW * C * size, K);
    }
  }
  // [FN, FH, FW, C] to W's [FN, C, FH, FW]
  const sums = arena.view(dWAt, FN * K), taps = FH * FW;
  for (let f = 0, to = 0; f < FN; f++) {
    for (let c = 0; c < C; c++) {
      for (let t = 0, from = f * K + c; t < taps; t++, from += C) dW[to++] = sums[from];
    }
  }
}

/** A grid at byte `at` of the arena, as Winograd's convolution reads it. */
function onGrid(at: number, grid: Grid, n: number, channels: number): WinogradInput {
  return { at, width: grid.width, plane: grid.plane, pixels: grid.pixels, n, channels };
}

/**
 * A patch as the matrix kernel's segments of A: one per filter row, FW pixels of `channels`
 * values, the next one a grid row further on.
 */
function rowsOfFilter(grid: Grid, FW: number, channels: number) {
  return { length: FW * channels, gap: (grid.width - FW) * channels };
}

/** Images `[n, c, h, w]` into a channels-last grid (see {@linkcode Grid}). */
function toGrid(
  src: TypedArray,
  grid: TypedArray,
  n: number,
  c: number,
  h: number,
  w: number,
  padH: number,
  padW: number,
): void {
  const width = w + padW, channelPlane = h * w;
  let to = 0;
  for (let img = 0; img < n; img++) {
    // The rows of zeros above the image.
    grid.fill(0, to, to += padH * width * c);
    for (let y = 0, image = img * c * channelPlane; y < h; y++) {
      grid.fill(0, to, to += padW * c);
      for (let x = 0, pixel = image + y * w; x < w; x++, pixel++) {
        for (let ch = 0, from = pixel; ch < c; ch++, from += channelPlane) grid[to++] = src[from];
      }
    }
  }
  grid.fill(0, to, to + (padH + 1) * width * c);
}

/** `[FN, C, taps]` to `[FN, taps, C]`. */
function channelsLast(src: TypedArray, dst: TypedArray, FN: number, C: number, taps: number): void {
  for (let f = 0, from = 0; f < FN; f++) {
    for (let c = 0; c < C; c++) {
      for (let t = 0, to = f * taps * C + c; t < taps; t++, to += C) dst[to] = src[from++];
    }
  }
}
