/**
 * Tensor files in the safetensors format, which Python reads with
 * `safetensors.numpy.load_file(path)` (and PyTorch, JAX… with their own `load_file`).
 *
 * A file is: 8 bytes holding N, the header's length (unsigned 64-bit little-endian); N bytes of
 * UTF-8 JSON, `{"W1": {"dtype": "F32", "shape": [784, 50], "data_offsets": [0, 156800]}, …}`
 * with an optional `"__metadata__": {"key": "text"}`; then the tensors' bytes (little-endian,
 * row-major), each at its `data_offsets` counted from the end of the header. The tensors fill
 * that buffer with neither holes nor overlaps.
 *
 * The writer orders tensors and pads the header the way the reference (Rust) implementation
 * does, so a file written here is byte for byte what `safetensors.numpy.save_file` writes.
 *
 * @example Save and load weights
 * ```ts
 * import { loadSafetensors, saveSafetensors } from "./safetensors.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const path = Deno.makeTempDirSync() + "/weights.safetensors";
 * saveSafetensors(path, { W1: np.array([[1, 2], [3, 4]], { dtype: "float32" }) }, { seed: "1" });
 * const { tensors, metadata } = loadSafetensors(path);
 * assert.deepEqual(tensors.W1.toArray(), [[1, 2], [3, 4]]);
 * assert.equal(tensors.W1.dtype, "float32");
 * assert.deepEqual(metadata, { seed: "1" });
 * ```
 *
 * @module
 */

import { UserError } from "../command/errors.ts";
import * as np from "../np/mod.ts";
import { writeFileAtomicSync } from "./atomic.ts";

/** The safetensors dtype names of the workbook's two dtypes. */
const DTYPE_NAMES: Record<np.DType, string> = { float32: "F32", float64: "F64" };
const DTYPES_BY_NAME: Record<string, np.DType> = { F32: "float32", F64: "float64" };
/** Bytes per element. */
const ITEM_SIZE: Record<np.DType, number> = { float32: 4, float64: 8 };
/** Other dtypes of the format: known, but not something an NDArray can hold. */
const OTHER_DTYPES = new Set([
  "BOOL",
  "U8",
  "I8",
  "F8_E5M2",
  "F8_E4M3",
  "F8_E8M0",
  "F4",
  "F6_E2M3",
  "F6_E3M2",
  "I16",
  "U16",
  "F16",
  "BF16",
  "I32",
  "U32",
  "I64",
  "U64",
  "C64",
]);
/** The reference implementation refuses headers above 100 MB; so do we. */
const MAX_HEADER_BYTES = 100_000_000;
const METADATA_KEY = "__metadata__";

/** What {@linkcode loadSafetensors} returns. */
export interface SafetensorsFile {
  /** The tensors by name. */
  tensors: Record<string, np.NDArray>;
  /** The `__metadata__` strings (empty when the file has none). */
  metadata: Record<string, string>;
}

/**
 * A safetensors file is damaged or not a safetensors file. `file` is its path (or a label
 * for bytes that came from elsewhere).
 *
 * @example
 * ```ts
 * import { decodeSafetensors, SafetensorsError } from "./safetensors.ts";
 * import assert from "node:assert/strict";
 *
 * assert.throws(() => decodeSafetensors(new Uint8Array(3), { file: "x.safetensors" }), SafetensorsError);
 * ```
 */
export class SafetensorsError extends UserError {
  /** The path of the bad file. */
  readonly file: string;

  /**
   * Builds the error.
   *
   * @param file The path of the bad file.
   * @param problem What is wrong, completing "The safetensors file <path> …".
   */
  constructor(file: string, problem: string) {
    super(`The safetensors file ${file} ${problem}`);
    this.name = "SafetensorsError";
    this.file = file;
  }
}

/** Checks the tensors and metadata handed to the writer. */
function checkInput(tensors: Record<string, np.NDArray>, metadata: Record<string, string>) {
  if (typeof tensors !== "object" || tensors === null) {
    throw new TypeError(`saveSafetensors needs an object of named NDArrays, got ${tensors}`);
  }
  for (const [name, tensor] of Object.entries(tensors)) {
    if (name === "" || name === METADATA_KEY) {
      throw new TypeError(
        `saveSafetensors: ${JSON.stringify(name)} cannot name a tensor: use another name`,
      );
    }
    if (!(tensor instanceof np.NDArray)) {
      throw new TypeError(
        `saveSafetensors: tensor ${JSON.stringify(name)} is not an NDArray: convert it with ` +
          `np.array()`,
      );
    }
  }
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value !== "string") {
      throw new TypeError(
        `saveSafetensors: metadata ${JSON.stringify(key)} is ${typeof value}, but safetensors ` +
          `metadata holds only strings: use String(value) or JSON.stringify(value)`,
      );
    }
  }
}

/**
 * Encodes tensors as the bytes of a safetensors file.
 *
 * Like the reference implementation, tensors are laid out by dtype (float64 first) then by
 * name, metadata comes first in the header, and the header is padded with spaces to a multiple
 * of 8 bytes so that every tensor starts aligned.
 *
 * @example
 * ```ts
 * import { encodeSafetensors } from "./safetensors.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const bytes = encodeSafetensors({ b: np.array([1], { dtype: "float32" }) });
 * const header = new TextDecoder().decode(bytes.subarray(8, 8 + bytes[0]));
 * assert.equal(header.trimEnd(), '{"b":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}');
 * assert.equal(bytes.length, 8 + bytes[0] + 4);
 * ```
 *
 * @param tensors The arrays by name.
 * @param metadata Strings to store under `__metadata__` (optional).
 * @returns The file's bytes.
 * @throws {TypeError} for a value that is not an NDArray, a reserved name or non-string metadata.
 */
export function encodeSafetensors(
  tensors: Record<string, np.NDArray>,
  metadata: Record<string, string> = {},
): Uint8Array {
  checkInput(tensors, metadata);
  const names = Object.keys(tensors).sort((a, b) => {
    const bySize = ITEM_SIZE[tensors[b].dtype] - ITEM_SIZE[tensors[a].dtype];
    return bySize !== 0 ? bySize : a < b ? -1 : a > b ? 1 : 0;
  });
  const header: Record<string, unknown> = {};
  const metadataKeys = Object.keys(metadata).sort();
  if (metadataKeys.length > 0) {
    const sorted: Record<string, string> = {};
    for (const key of metadataKeys) setOwn(sorted, key, metadata[key]);
    header[METADATA_KEY] = sorted;
  }
  let offset = 0;
  for (const name of names) {
    const t = tensors[name];
    const bytes = t.size * ITEM_SIZE[t.dtype];
    setOwn(header, name, {
      dtype: DTYPE_NAMES[t.dtype],
      shape: [...t.shape],
      data_offsets: [offset, offset + bytes],
    });
    offset += bytes;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerLength = Math.ceil(json.length / 8) * 8;
  const out = new Uint8Array(8 + headerLength + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerLength), true);
  out.set(json, 8);
  out.fill(0x20, 8 + json.length, 8 + headerLength);
  let at = 8 + headerLength;
  for (const name of names) {
    const data = tensors[name].data;
    // Typed arrays hold the machine's byte order, which is little-endian on every platform
    // Deno runs on, as the format wants.
    out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), at);
    at += data.byteLength;
  }
  return out;
}

/**
 * Saves tensors to a safetensors file, atomically: the bytes go to a temporary file in the same
 * folder, which then replaces `path` in one rename, so a crash never leaves half a file.
 * Missing folders are created.
 *
 * @example
 * ```ts
 * import { saveSafetensors } from "./safetensors.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = Deno.makeTempDirSync();
 * const path = saveSafetensors(`${dir}/ch03/w.safetensors`, { W: np.zeros([2, 3]) });
 * assert.equal(Deno.statSync(path).size, 8 + 64 + 48);
 * ```
 *
 * @param path Where to write (the file is replaced if it exists).
 * @param tensors The arrays by name.
 * @param metadata Strings to store under `__metadata__` (optional).
 * @returns The path written.
 * @throws {TypeError} for a value that is not an NDArray, a reserved name or non-string metadata.
 * @throws {WriteError} when the file cannot be written (the old one is then unchanged).
 */
export function saveSafetensors(
  path: string,
  tensors: Record<string, np.NDArray>,
  metadata: Record<string, string> = {},
): string {
  return writeFileAtomicSync(path, encodeSafetensors(tensors, metadata));
}

/** Sets an own property, even one named `__proto__` (which `obj[key] = v` would not create). */
function setOwn<T>(object: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(object, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** A JSON value as a plain object, or null. */
function asObject(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? value as Record<string, unknown>
    : null;
}

function isCount(n: unknown): n is number {
  return typeof n === "number" && Number.isSafeInteger(n) && n >= 0;
}

/**
 * Decodes the bytes of a safetensors file, checking everything the reference implementation
 * checks.
 *
 * @example
 * ```ts
 * import { decodeSafetensors, encodeSafetensors } from "./safetensors.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const bytes = encodeSafetensors({ x: np.arange(3) });
 * assert.deepEqual(decodeSafetensors(bytes).tensors.x.toArray(), [0, 1, 2]);
 * assert.throws(() => decodeSafetensors(bytes.subarray(0, 20)), /header of 56 bytes/);
 * ```
 *
 * @param bytes The file's contents.
 * @param options `file`: the path or label to name in error messages.
 * @returns The tensors (copies, not views of `bytes`) and the metadata.
 * @throws {SafetensorsError} for a short or oversized header, bad JSON, an unknown or
 *   unsupported dtype, a bad shape, offsets out of range or not matching the shape, or data
 *   with holes or overlaps.
 */
export function decodeSafetensors(
  bytes: Uint8Array,
  options: { file?: string } = {},
): SafetensorsFile {
  const file = options.file ?? "(in memory)";
  const fail = (problem: string): never => {
    throw new SafetensorsError(file, problem);
  };
  if (bytes.length < 8) {
    fail(
      `is too short: it has ${bytes.length} bytes, but the header's length alone takes 8. ` +
        `Write it again.`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getBigUint64(0, true);
  if (headerLength > BigInt(MAX_HEADER_BYTES)) {
    fail(
      `announces a header of ${headerLength} bytes, more than the format's limit of ` +
        `${MAX_HEADER_BYTES}: it is not a safetensors file, or its first 8 bytes are damaged.`,
    );
  }
  const n = Number(headerLength);
  if (8 + n > bytes.length) {
    fail(
      `is truncated: it announces a header of ${n} bytes, but only ${bytes.length - 8} bytes ` +
        `follow the length. Write it again.`,
    );
  }
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(8, 8 + n)));
  } catch (error) {
    fail(
      `has a header that is not valid UTF-8 JSON (${
        error instanceof Error ? error.message : error
      }): it is damaged or not a safetensors file.`,
    );
  }
  const entries = asObject(header) ??
    fail(`has a header that is JSON but not an object of tensors: ${JSON.stringify(header)}.`);

  const metadata: Record<string, string> = {};
  if (METADATA_KEY in entries) {
    const meta = asObject(entries[METADATA_KEY]) ??
      fail(`has a ${METADATA_KEY} that is not an object of strings.`);
    for (const [key, value] of Object.entries(meta)) {
      if (typeof value !== "string") {
        fail(
          `has metadata ${JSON.stringify(key)} of type ${typeof value}: only strings are allowed.`,
        );
      }
      setOwn(metadata, key, value as string);
    }
  }

  const dataStart = 8 + n;
  const dataLength = bytes.length - dataStart;
  const spans: { name: string; begin: number; end: number }[] = [];
  const tensors: Record<string, np.NDArray> = {};
  for (const [name, value] of Object.entries(entries)) {
    if (name === METADATA_KEY) continue;
    const info = asObject(value) ??
      fail(
        `describes tensor ${JSON.stringify(name)} with ${JSON.stringify(value)}, not an object.`,
      );
    const what = `tensor ${JSON.stringify(name)}`;
    const dtypeName = info.dtype;
    if (typeof dtypeName !== "string" || !(dtypeName in DTYPES_BY_NAME)) {
      if (typeof dtypeName === "string" && OTHER_DTYPES.has(dtypeName)) {
        fail(
          `stores ${what} as ${dtypeName}, which this workbook cannot hold: convert it to F32 ` +
            `or F64 before saving (NumPy: x.astype(np.float32)).`,
        );
      }
      fail(
        `gives ${what} the unknown dtype ${JSON.stringify(dtypeName)}: expected "F32" or "F64".`,
      );
    }
    const dtype = DTYPES_BY_NAME[dtypeName as string];
    const shape = info.shape;
    if (!Array.isArray(shape) || !shape.every(isCount)) {
      fail(`gives ${what} the shape ${JSON.stringify(shape)}: expected a list of sizes.`);
    }
    const offsets = info.data_offsets;
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount)) {
      fail(`gives ${what} the data_offsets ${JSON.stringify(offsets)}: expected [begin, end].`);
    }
    const [begin, end] = offsets as number[];
    if (begin > end || end > dataLength) {
      fail(
        `gives ${what} the data_offsets [${begin}, ${end}], out of range of its ${dataLength} ` +
          `data bytes: it is truncated or damaged.`,
      );
    }
    const size = (shape as number[]).reduce((p, s) => p * s, 1);
    if ((end - begin) !== size * ITEM_SIZE[dtype]) {
      fail(
        `gives ${what} of shape [${shape}] and dtype ${dtypeName} ${end - begin} bytes ` +
          `(data_offsets [${begin}, ${end}]), but it needs ${size * ITEM_SIZE[dtype]}.`,
      );
    }
    spans.push({ name, begin, end });
    // A copy: the file's bytes need not be aligned for a typed array view.
    const copy = bytes.slice(dataStart + begin, dataStart + end).buffer;
    const data = dtype === "float32" ? new Float32Array(copy) : new Float64Array(copy);
    setOwn(tensors, name, new np.NDArray(data, shape as number[]));
  }

  // As in the reference implementation: sorted by offset, the tensors must tile the buffer.
  spans.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let covered = 0;
  for (const span of spans) {
    if (span.begin !== covered) {
      fail(
        span.begin < covered
          ? `has tensors that overlap: ${JSON.stringify(span.name)} starts at ${span.begin}, ` +
            `before the previous tensor ends at ${covered}.`
          : `has a hole in its data: nothing is stored between ${covered} and ${span.begin}.`,
      );
    }
    covered = span.end;
  }
  if (covered !== dataLength) {
    fail(
      `has ${dataLength} data bytes, but its tensors take ${covered}: it has extra bytes at ` +
        `the end or is damaged.`,
    );
  }
  return { tensors, metadata };
}

/**
 * Loads a safetensors file (one written here, or by Python's `safetensors.numpy.save_file`
 * with float32 or float64 arrays).
 *
 * @example
 * ```ts
 * import { loadSafetensors, saveSafetensors } from "./safetensors.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const path = saveSafetensors(Deno.makeTempDirSync() + "/b.safetensors", { b: np.ones([2]) });
 * assert.deepEqual(loadSafetensors(path).tensors.b.toArray(), [1, 1]);
 * assert.throws(() => loadSafetensors(path + ".missing"), /does not exist/);
 * ```
 *
 * @param path The file to read.
 * @returns `{ tensors, metadata }`.
 * @throws {SafetensorsError} when the file is missing, damaged or not a safetensors file.
 */
export function loadSafetensors(path: string): SafetensorsFile {
  let bytes: Uint8Array;
  try {
    bytes = Deno.readFileSync(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new SafetensorsError(
        path,
        "does not exist: check the path, or run the command that writes it.",
      );
    }
    throw new SafetensorsError(
      path,
      `could not be read: ${error instanceof Error ? error.message : error}.`,
    );
  }
  return decodeSafetensors(bytes, { file: path });
}
