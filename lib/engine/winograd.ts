/**
 * A 3×3 stride-1 convolution with Winograd's minimal filtering F(2×2, 3×3) (Lavin & Gray,
 * "Fast Algorithms for Convolutional Neural Networks", 2016): each 2×2 block of outputs comes
 * from a 4×4 block of the padded input with 16 multiplications per channel pair instead of 36,
 * so the matrix products shrink by 2.25×, for the price of linear transforms before and after.
 *
 * For a 4×4 input tile d and a 3×3 filter g, the 2×2 outputs are `Aᵀ [(G g Gᵀ) ⊙ (Bᵀ d B)] A`
 * with
 *
 *     Bᵀ = | 1  0 -1  0 |    G = |  1    0    0  |    Aᵀ = | 1  1  1  0 |
 *          | 0  1  1  0 |        | 1/2  1/2  1/2 |         | 0  1 -1 -1 |
 *          | 0 -1  1  0 |        | 1/2 -1/2  1/2 |
 *          | 0  1  0 -1 |        |  0    0    1  |
 *
 * Summed over the input channels, each of the 16 positions ξ of the transformed tile is a
 * matrix product: `M[ξ] [tiles, K] = V[ξ] [tiles, C] · U[ξ] [C, K]`, V the transformed input
 * tiles, U the transformed filters. The tiles are read from the channels-last grid of
 * `shifted_conv.ts`, whose zeros are the padding.
 *
 * For float32 batches whose channel counts are multiples of 4, the input and output transforms
 * run in WebAssembly SIMD, four channels at a time (`wasm/winograd.wat`); the loops here spell
 * out the same arithmetic and serve the other cases (float64, other channel counts). In float32
 * the results differ from a direct convolution's in the last bits, as any other order of the
 * sums does (`engine_test.ts` compares with the answer key).
 *
 * @module
 */

import type { TypedArray } from "../np/ndarray.ts";
import { wasmRuntime } from "../np/kernels/matmul_wasm.ts";
import type { ConvArena } from "./conv_arena.ts";
import { WINOGRAD_WASM } from "./wasm/winograd_wasm.ts";

/** The transforms in WebAssembly SIMD (`wasm/winograd.wat`), on the arena's memory. */
interface SimdTransforms {
  inputTiles(
    grid: number,
    width: number,
    imagePixels: number,
    n: number,
    tilesH: number,
    tilesW: number,
    channels: number,
    v: number,
    plane: number,
  ): void;
  outputTiles(
    m: number,
    plane: number,
    n: number,
    tilesH: number,
    tilesW: number,
    channels: number,
    out: number,
    bias: number,
  ): void;
}

let simd: SimdTransforms | null | undefined;

/**
 * The SIMD transforms for float32 batches whose channel counts are multiples of 4 (null: the
 * TypeScript loops below, which every other case takes).
 */
function simdFor(arena: ConvArena, ...channels: number[]): SimdTransforms | null {
  if (arena.size !== 4 || channels.some((c) => c % 4 !== 0)) return null;
  if (simd === undefined) {
    const memory = wasmRuntime()?.memory;
    simd = memory === undefined ? null : new WebAssembly.Instance(
      new WebAssembly.Module(Uint8Array.fromBase64(WINOGRAD_WASM)),
      { env: { memory } },
    ).exports as unknown as SimdTransforms;
  }
  return simd;
}

/** Elements of float32 in a cache line of 64 bytes (16 float64 are two lines: as good). */
const CACHE_LINE = 16;

/** Where a convolution's input lies: a channels-last grid in the arena (see shifted_conv.ts). */
export interface WinogradInput {
  /** Byte offset of the grid. */
  at: number;
  /** Pixels per grid row. */
  width: number;
  /** Pixels per image. */
  plane: number;
  /** Pixels of the whole grid. */
  pixels: number;
  /** Images. */
  n: number;
  /** Channels. */
  channels: number;
}

/**
 * The 16 transformed filters `U[ξ][c][k] = (G g Gᵀ)[ξ]` of `g = W[k][c]` (or of the filters
 * turned by 180° with their channels swapped, `turned`: `g = W[c][k]` flipped, for ∂L/∂x).
 *
 * @param W The filters `[K, C, 3, 3]`.
 * @param K Output channels of W.
 * @param C Input channels of W.
 * @param U The destination, `16·C·K` values (`16·K·C` when turned).
 * @param turned Transform the filters of ∂L/∂x instead.
 */
function transformFilters(
  W: TypedArray,
  K: number,
  C: number,
  U: TypedArray,
  turned: boolean,
): void {
  // Rows and columns of the product: inputs × outputs of the transformed convolution.
  const rows = turned ? K : C, cols = turned ? C : K, plane = rows * cols;
  const g = new Float64Array(9), t = new Float64Array(12);
  for (let k = 0; k < K; k++) {
    for (let c = 0; c < C; c++) {
      const base = (k * C + c) * 9;
      for (let i = 0; i < 9; i++) g[i] = turned ? W[base + 8 - i] : W[base + i];
      // t = G g (4×3)
      for (let j = 0; j < 3; j++) {
        const g0 = g[j], g1 = g[3 + j], g2 = g[6 + j];
        t[j] = g0;
        t[3 + j] = (g0 + g1 + g2) / 2;
        t[6 + j] = (g0 - g1 + g2) / 2;
        t[9 + j] = g2;
      }
      // U = t Gᵀ (4×4)
      const to = turned ? k * cols + c : c * cols + k;
      for (let i = 0; i < 4; i++) {
        const t0 = t[3 * i], t1 = t[3 * i + 1], t2 = t[3 * i + 2];
        U[(4 * i) * plane + to] = t0;
        U[(4 * i + 1) * plane + to] = (t0 + t1 + t2) / 2;
        U[(4 * i + 2) * plane + to] = (t0 - t1 + t2) / 2;
        U[(4 * i + 3) * plane + to] = t2;
      }
    }
  }
}

/** The 16 planes of a transformed batch: where they start and their distance in elements. */
interface Planes {
  at: number;
  stride: number;
}

/**
 * The distance between the 16 planes of `rows × cols` values. It is a cache line more than
 * their size: at a distance of a multiple of 4 KB, the 16 streams of a transform fell into the
 * same cache sets (1.8× slower on DeepConvNet's 32-channel layer).
 */
function planeStride(rows: number, cols: number): number {
  return rows * cols + CACHE_LINE;
}

/**
 * The input tiles transformed, `V[ξ][tile][c] = (Bᵀ d B)[ξ]` for the 4×4 tile d under each
 * 2×2 block of outputs, into the arena's region `name`.
 */
function transformInput(
  arena: ConvArena,
  input: WinogradInput,
  outH: number,
  outW: number,
  name: string,
): Planes {
  const { n, channels: C, width } = input;
  const tilesH = outH / 2, tilesW = outW / 2, T = n * tilesH * tilesW;
  const grid = arena.view(input.at, input.pixels * C);
  const S = planeStride(T, C), at = arena.region(name, 16 * S);
  const kernels = simdFor(arena, C);
  if (kernels !== null) {
    kernels.inputTiles(input.at, width, input.plane, n, tilesH, tilesW, C, at, S * 4);
    return { at, stride: S };
  }
  const V = arena.view(at, 16 * S), row = width * C, C2 = 2 * C, C3 = 3 * C;
  for (let img = 0, tile = 0; img < n; img++) {
    for (let ty = 0; ty < tilesH; ty++) {
      for (let tx = 0; tx < tilesW; tx++, tile++) {
        const r0 = (img * input.plane + 2 * ty * width + 2 * tx) * C;
        for (let c = 0, o = tile * C, p = r0; c < C; c++, o++, p++) {
          // The tile's 16 values first: V's stores could alias the grid for the compiler.
          const d00 = grid[p], d01 = grid[p + C], d02 = grid[p + C2], d03 = grid[p + C3];
          const q = p + row;
          const d10 = grid[q], d11 = grid[q + C], d12 = grid[q + C2], d13 = grid[q + C3];
          const u = q + row;
          const d20 = grid[u], d21 = grid[u + C], d22 = grid[u + C2], d23 = grid[u + C3];
          const v = u + row;
          const d30 = grid[v], d31 = grid[v + C], d32 = grid[v + C2], d33 = grid[v + C3];
          // t = Bᵀ d: rows 0 - 2, 1 + 2, 2 - 1, 1 - 3
          const a0 = d00 - d20, a1 = d01 - d21, a2 = d02 - d22, a3 = d03 - d23;
          const b0 = d10 + d20, b1 = d11 + d21, b2 = d12 + d22, b3 = d13 + d23;
          const c0 = d20 - d10, c1 = d21 - d11, c2 = d22 - d12, c3 = d23 - d13;
          const e0 = d10 - d30, e1 = d11 - d31, e2 = d12 - d32, e3 = d13 - d33;
          // V = t B: columns 0 - 2, 1 + 2, 2 - 1, 1 - 3
          V[o] = a0 - a2;
          V[S + o] = a1 + a2;
          V[2 * S + o] = a2 - a1;
          V[3 * S + o] = a1 - a3;
          V[4 * S + o] = b0 - b2;
          V[5 * S + o] = b1 + b2;
          V[6 * S + o] = b2 - b1;
          V[7 * S + o] = b1 - b3;
          V[8 * S + o] = c0 - c2;
          V[9 * S + o] = c1 + c2;
          V[10 * S + o] = c2 - c1;
          V[11 * S + o] = c1 - c3;
          V[12 * S + o] = e0 - e2;
          V[13 * S + o] = e1 + e2;
          V[14 * S + o] = e2 - e1;
          V[15 * S + o] = e1 - e3;
        }
      }
    }
  }
  return { at, stride: S };
}

/**
 * The convolution of the grid `input` with the filters `W`: `out [n, K, outH, outW]` (NCHW), plus
 * `bias` when given. outH and outW must be even, and the grid must hold the padded input's
 * `outH + 2` rows and `outW + 2` columns of each image. The transformed input stays in the
 * arena's region `name` (for {@linkcode winogradFilterGradient}).
 *
 * @param arena The layer's arena.
 * @param input The input grid.
 * @param W The filters `[K, C, 3, 3]`, or for ∂L/∂x (`turned`) the layer's `[C, K, 3, 3]`, used
 * turned by 180° with their channels swapped.
 * @param turned Convolve with the turned filters.
 * @param outH Output height.
 * @param outW Output width.
 * @param out The destination.
 * @param bias One value per output channel, or null.
 * @param name The region of the transformed input.
 */
export function winogradConv(
  arena: ConvArena,
  input: WinogradInput,
  W: TypedArray,
  turned: boolean,
  outH: number,
  outW: number,
  out: TypedArray,
  bias: TypedArray | null,
  name: string,
): void {
  const { n, channels: C } = input, K = W.length / (9 * C);
  const uAt = arena.region(turned ? "winogradTurnedU" : "winogradU", 16 * C * K);
  const U = arena.view(uAt, 16 * C * K);
  if (turned) transformFilters(W, C, K, U, true);
  else transformFilters(W, K, C, U, false);
  const tilesH = outH / 2, tilesW = outW / 2, T = n * tilesH * tilesW;
  const V = transformInput(arena, input, outH, outW, name);
  // M[ξ] = V[ξ] · U[ξ]: sixteen products of [T, C] by [C, K].
  const size = arena.size, S = planeStride(T, K);
  const mAt = arena.region("winogradM", 16 * S);
  for (let xi = 0; xi < 16; xi++) {
    arena.gemm(
      T,
      K,
      C,
      { at: V.at + xi * V.stride * size, rowStride: C, colStride: 1 },
      { at: uAt + xi * C * K * size, rowStride: K, colStride: 1 },
      mAt + xi * S * size,
      K,
    );
  }
  // out = Aᵀ M A for each tile and output channel.
  const P = outH * outW, kernels = simdFor(arena, C, K);
  if (kernels !== null) {
    const outAt = arena.region("winogradOut", n * K * P), biasAt = arena.region("bias", K);
    const biases = arena.view(biasAt, K);
    if (bias === null) biases.fill(0);
    else biases.set(bias);
    kernels.outputTiles(mAt, S * 4, n, tilesH, tilesW, K, outAt, biasAt);
    out.set(arena.view(outAt, n * K * P));
    return;
  }
  const M = arena.view(mAt, 16 * S);
  for (let img = 0, tile = 0; img < n; img++) {
    for (let ty = 0; ty < tilesH; ty++) {
      for (let tx = 0; tx < tilesW; tx++, tile++) {
        let to = img * K * P + 2 * ty * outW + 2 * tx;
        for (let k = 0, o = tile * K; k < K; k++, o++, to += P) {
          const m0 = M[o], m1 = M[S + o], m2 = M[2 * S + o], m3 = M[3 * S + o];
          const m4 = M[4 * S + o], m5 = M[5 * S + o], m6 = M[6 * S + o];
          const m7 = M[7 * S + o], m8 = M[8 * S + o], m9 = M[9 * S + o];
          const m10 = M[10 * S + o], m11 = M[11 * S + o], m12 = M[12 * S + o];
          const m13 = M[13 * S + o], m14 = M[14 * S + o], m15 = M[15 * S + o];
          // s = Aᵀ m: rows 0 + 1 + 2 and 1 - 2 - 3
          const s0 = m0 + m4 + m8, s1 = m1 + m5 + m9, s2 = m2 + m6 + m10, s3 = m3 + m7 + m11;
          const e0 = m4 - m8 - m12, e1 = m5 - m9 - m13, e2 = m6 - m10 - m14;
          const e3 = m7 - m11 - m15;
          const b = bias === null ? 0 : bias[k];
          out[to] = s0 + s1 + s2 + b;
          out[to + 1] = s1 - s2 - s3 + b;
          out[to + outW] = e0 + e1 + e2 + b;
          out[to + outW + 1] = e1 - e2 - e3 + b;
        }
      }
    }
  }
}

/**
 * ∂L/∂W of the convolution {@linkcode winogradConv} computed with the transformed input it left
 * in the region `name`: the adjoint of `y = Aᵀ [(G g Gᵀ) ⊙ V] A` is
 * `∂L/∂g = Gᵀ [Σ_tiles V ⊙ (A dy Aᵀ)] G`, and the sum over tiles is, for each ξ, a product
 * `[C, tiles] · [tiles, K]`.
 *
 * @param arena The layer's arena.
 * @param name The region of the forward pass's transformed input.
 * @param C Input channels.
 * @param dout ∂L/∂out, `[n, K, outH, outW]`.
 * @param n Images.
 * @param K Output channels.
 * @param outH Output height.
 * @param outW Output width.
 * @param dW The destination, `[K, C, 3, 3]`.
 */
export function winogradFilterGradient(
  arena: ConvArena,
  name: string,
  C: number,
  dout: TypedArray,
  n: number,
  K: number,
  outH: number,
  outW: number,
  dW: TypedArray,
): void {
  const tilesH = outH / 2, tilesW = outW / 2, T = n * tilesH * tilesW, size = arena.size;
  const V = { at: arena.region(name, 16 * planeStride(T, C)), stride: planeStride(T, C) };
  // Y[ξ][tile][k] = (A dy Aᵀ)[ξ] for each 2×2 block dy of dout.
  const S = planeStride(T, K), yAt = arena.region("winogradY", 16 * S);
  const Y = arena.view(yAt, 16 * S), P = outH * outW;
  for (let img = 0, tile = 0; img < n; img++) {
    for (let ty = 0; ty < tilesH; ty++) {
      for (let tx = 0; tx < tilesW; tx++, tile++) {
        let from = img * K * P + 2 * ty * outW + 2 * tx;
        for (let k = 0, o = tile * K; k < K; k++, o++, from += P) {
          const y00 = dout[from], y01 = dout[from + 1];
          const y10 = dout[from + outW], y11 = dout[from + outW + 1];
          // A dy: rows 0, 0 + 1, 0 - 1, -1; then each row (p, q) as (p, p + q, p - q, -q).
          const p1 = y00 + y10, q1 = y01 + y11, p2 = y00 - y10, q2 = y01 - y11;
          Y[o] = y00;
          Y[S + o] = y00 + y01;
          Y[2 * S + o] = y00 - y01;
          Y[3 * S + o] = -y01;
          Y[4 * S + o] = p1;
          Y[5 * S + o] = p1 + q1;
          Y[6 * S + o] = p1 - q1;
          Y[7 * S + o] = -q1;
          Y[8 * S + o] = p2;
          Y[9 * S + o] = p2 + q2;
          Y[10 * S + o] = p2 - q2;
          Y[11 * S + o] = -q2;
          Y[12 * S + o] = -y10;
          Y[13 * S + o] = -y10 - y11;
          Y[14 * S + o] = y11 - y10;
          Y[15 * S + o] = y11;
        }
      }
    }
  }
  // M[ξ] [C, K] = V[ξ]ᵀ · Y[ξ]
  const mAt = arena.region("winogradM", 16 * C * K);
  for (let xi = 0; xi < 16; xi++) {
    arena.gemm(
      C,
      K,
      T,
      { at: V.at + xi * V.stride * size, rowStride: 1, colStride: C },
      { at: yAt + xi * S * size, rowStride: K, colStride: 1 },
      mAt + xi * C * K * size,
      K,
    );
  }
  // dW[k][c] = Gᵀ M G
  const M = arena.view(mAt, 16 * C * K), CK = C * K;
  for (let k = 0; k < K; k++) {
    for (let c = 0, to = k * C * 9; c < C; c++, to += 9) {
      const o = c * K + k;
      for (let j = 0; j < 4; j++) {
        // P = Gᵀ M, column j: rows 0 + (1 + 2)/2, (1 - 2)/2, (1 + 2)/2 + 3
        const m0 = M[j * CK + o], m1 = M[(4 + j) * CK + o];
        const m2 = M[(8 + j) * CK + o], m3 = M[(12 + j) * CK + o];
        tmp[j] = m0 + (m1 + m2) / 2;
        tmp[4 + j] = (m1 - m2) / 2;
        tmp[8 + j] = (m1 + m2) / 2 + m3;
      }
      for (let i = 0; i < 3; i++) {
        // P G, row i: columns 0 + (1 + 2)/2, (1 - 2)/2, (1 + 2)/2 + 3
        const p0 = tmp[4 * i], p1 = tmp[4 * i + 1], p2 = tmp[4 * i + 2], p3 = tmp[4 * i + 3];
        dW[to + 3 * i] = p0 + (p1 + p2) / 2;
        dW[to + 3 * i + 1] = (p1 - p2) / 2;
        dW[to + 3 * i + 2] = (p1 + p2) / 2 + p3;
      }
    }
  }
}

/** Scratch of {@linkcode winogradFilterGradient}: one filter's Gᵀ M. */
const tmp = new Float64Array(12);
