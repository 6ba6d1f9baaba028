import assert from "node:assert/strict";
import { join } from "node:path";
import fc from "fast-check";
import * as np from "../np/mod.ts";
import {
  decodeSafetensors,
  encodeSafetensors,
  loadSafetensors,
  SafetensorsError,
  saveSafetensors,
} from "./safetensors.ts";

// Property tests draw their cases from a fixed seed: a run repeats exactly.
fc.configureGlobal({ seed: 20261204 });

// Written by `python3 tools/safetensors_check.py fixture lib/io/testdata/python_written.safetensors`
// from the format's specification (json + numpy only), laid out like the reference writer.
const PYTHON_FILE = join(import.meta.dirname!, "testdata", "python_written.safetensors");

function fixtureTensors(): Record<string, np.NDArray> {
  return {
    W1: np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]], { dtype: "float32" }),
    b1: np.array([0.1, 0.2, 0.3]),
    scale: np.array(3.5),
    empty: np.zeros([0, 4], { dtype: "float32" }),
    x: np.div(np.arange(0, 5, { dtype: "float32" }), 3),
  };
}
const FIXTURE_METADATA = { made_by: "tools/safetensors_check.py", note: "ゼロから作る" };

function tempPath(name = "t.safetensors"): string {
  return join(Deno.makeTempDirSync({ prefix: "safetensors_test_" }), name);
}

/** A file from a header object and data bytes, for damaged-file tests. */
function fileOf(header: unknown, data = new Uint8Array(0), headerText?: string): Uint8Array {
  const json = new TextEncoder().encode(headerText ?? JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

function assertDamaged(bytes: Uint8Array, message: RegExp): void {
  assert.throws(() => decodeSafetensors(bytes, { file: "bad.safetensors" }), (error: unknown) => {
    assert.ok(error instanceof SafetensorsError, `expected SafetensorsError, got ${error}`);
    assert.equal(error.file, "bad.safetensors");
    assert.match(error.message, /^The safetensors file bad\.safetensors /);
    assert.match(error.message, message);
    return true;
  });
}

Deno.test("loadSafetensors() reads a file written by Python from the format's specification", () => {
  const { tensors, metadata } = loadSafetensors(PYTHON_FILE);
  assert.deepEqual(metadata, FIXTURE_METADATA);
  const expected = fixtureTensors();
  assert.deepEqual(Object.keys(tensors).sort(), Object.keys(expected).sort());
  for (const [name, t] of Object.entries(expected)) {
    assert.equal(tensors[name].dtype, t.dtype, name);
    assert.deepEqual(tensors[name].shape, t.shape, name);
    assert.deepEqual(tensors[name].data, t.data, name);
  }
});

Deno.test("encodeSafetensors() writes byte for byte what the Python writer writes", () => {
  const ours = encodeSafetensors(fixtureTensors(), FIXTURE_METADATA);
  assert.deepEqual(ours, Deno.readFileSync(PYTHON_FILE));
});

Deno.test("encodeSafetensors() pads the header to 8 bytes so every tensor starts aligned", () => {
  const bytes = encodeSafetensors({ a: np.ones([3]), b: np.ones([1], { dtype: "float32" }) });
  const n = Number(new DataView(bytes.buffer).getBigUint64(0, true));
  assert.equal(n % 8, 0);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n)));
  assert.deepEqual(header.a, { dtype: "F64", shape: [3], data_offsets: [0, 24] });
  assert.deepEqual(header.b, { dtype: "F32", shape: [1], data_offsets: [24, 28] });
  assert.equal(bytes.length, 8 + n + 28);
});

Deno.test("saveSafetensors() and loadSafetensors() round-trip any float32/float64 tensors", () => {
  const shapes = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 });
  const tensor = fc.record({
    shape: shapes,
    dtype: fc.constantFrom<np.DType>("float32", "float64"),
    seed: fc.integer({ min: 0, max: 1000 }),
  });
  const path = tempPath();
  fc.assert(
    fc.property(
      fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), tensor, { maxKeys: 4 }),
      fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 12 }), { maxKeys: 3 }),
      (specs, metadata) => {
        delete specs["__metadata__"];
        const tensors: Record<string, np.NDArray> = {};
        for (const [name, { shape, dtype, seed }] of Object.entries(specs)) {
          tensors[name] = np.rng(seed).normal(shape, { dtype });
        }
        saveSafetensors(path, tensors, metadata);
        const loaded = loadSafetensors(path);
        assert.deepEqual(loaded.metadata, { ...metadata });
        assert.deepEqual(Object.keys(loaded.tensors).sort(), Object.keys(tensors).sort());
        for (const [name, t] of Object.entries(tensors)) {
          assert.equal(loaded.tensors[name].dtype, t.dtype);
          assert.deepEqual(loaded.tensors[name].shape, t.shape);
          assert.deepEqual(loaded.tensors[name].data, t.data);
        }
      },
    ),
    { seed: 1, numRuns: 100 },
  );
});

Deno.test("saveSafetensors() keeps names that are special in JavaScript objects", () => {
  const path = tempPath();
  const tensors = JSON.parse('{"__proto__": 1, "constructor": 2}');
  for (const key of Object.keys(tensors)) tensors[key] = np.full([1], tensors[key]);
  const metadata = JSON.parse('{"__proto__": "a", "toString": "b"}');
  saveSafetensors(path, tensors, metadata);
  const loaded = loadSafetensors(path);
  assert.deepEqual(Object.keys(loaded.tensors).sort(), ["__proto__", "constructor"]);
  assert.deepEqual(loaded.tensors["__proto__"].toArray(), [1]);
  assert.equal(Object.getPrototypeOf(loaded.tensors), Object.prototype);
  assert.deepEqual(Object.entries(loaded.metadata).sort(), [["__proto__", "a"], ["toString", "b"]]);
});

Deno.test("saveSafetensors() replaces a file atomically and leaves no temporary file", () => {
  const path = tempPath();
  saveSafetensors(path, { w: np.ones([2]) });
  saveSafetensors(path, { w: np.zeros([3]) }, { step: "2" });
  assert.deepEqual(loadSafetensors(path).tensors.w.toArray(), [0, 0, 0]);
  assert.deepEqual([...Deno.readDirSync(join(path, ".."))].map((e) => e.name), ["t.safetensors"]);
});

Deno.test("saveSafetensors() creates missing folders", () => {
  const path = join(tempPath("a"), "b", "c.safetensors");
  assert.equal(saveSafetensors(path, { w: np.ones([1]) }), path);
  assert.deepEqual(loadSafetensors(path).tensors.w.toArray(), [1]);
});

Deno.test("saveSafetensors() removes its temporary file when the rename fails", () => {
  const path = tempPath();
  Deno.mkdirSync(path); // a folder where the file should go: the rename cannot replace it
  assert.throws(() => saveSafetensors(path, { w: np.ones([1]) }));
  assert.deepEqual([...Deno.readDirSync(join(path, ".."))].map((e) => e.name), ["t.safetensors"]);
});

Deno.test("saveSafetensors() rejects what the format cannot store, before writing", () => {
  const path = tempPath();
  assert.throws(
    () => saveSafetensors(path, { w: [1, 2] as unknown as np.NDArray }),
    { name: "TypeError", message: /tensor "w" is not an NDArray/ },
  );
  assert.throws(
    () => saveSafetensors(path, { __metadata__: np.ones([1]) }),
    { name: "TypeError", message: /"__metadata__" cannot name a tensor/ },
  );
  assert.throws(
    () => saveSafetensors(path, {}, { epoch: 3 as unknown as string }),
    { name: "TypeError", message: /metadata "epoch" is number, .* only strings/ },
  );
  assert.throws(() => Deno.statSync(path), Deno.errors.NotFound);
});

Deno.test("loadSafetensors() names a missing file", () => {
  const path = tempPath("nothing.safetensors");
  assert.throws(() => loadSafetensors(path), (error: unknown) => {
    assert.ok(error instanceof SafetensorsError);
    assert.match(error.message, /nothing\.safetensors does not exist/);
    return true;
  });
});

Deno.test("decodeSafetensors() reports a file too short for the header's length", () => {
  assertDamaged(new Uint8Array(5), /is too short: it has 5 bytes/);
  const good = encodeSafetensors({ w: np.ones([4]) });
  assertDamaged(
    good.subarray(0, 30),
    /is truncated: it announces a header of \d+ bytes, but only 22/,
  );
  const huge = new Uint8Array(16);
  new DataView(huge.buffer).setBigUint64(0, 2n ** 40n, true);
  assertDamaged(huge, /header of 1099511627776 bytes, more than the format's limit/);
});

Deno.test("decodeSafetensors() reports a header that is not JSON or not an object", () => {
  assertDamaged(fileOf(null, undefined, '{"w": {"dtype": "F32",'), /not valid UTF-8 JSON/);
  assertDamaged(fileOf([1, 2]), /JSON but not an object of tensors: \[1,2\]/);
  assertDamaged(fileOf({ w: 3 }), /describes tensor "w" with 3, not an object/);
  assertDamaged(fileOf({ __metadata__: { a: 1 } }), /metadata "a" of type number/);
});

Deno.test("decodeSafetensors() reports unknown and unsupported dtypes", () => {
  const entry = (dtype: unknown) => ({ w: { dtype, shape: [1], data_offsets: [0, 4] } });
  assertDamaged(
    fileOf(entry("F33"), new Uint8Array(4)),
    /the unknown dtype "F33": expected "F32" or "F64"/,
  );
  assertDamaged(fileOf(entry(undefined), new Uint8Array(4)), /unknown dtype undefined/);
  assertDamaged(
    fileOf(entry("I32"), new Uint8Array(4)),
    /as I32, which this workbook cannot hold: convert it/,
  );
});

Deno.test("decodeSafetensors() reports data_offsets out of range or not matching the shape", () => {
  const data = new Uint8Array(8);
  const entry = (shape: unknown, offsets: unknown) => ({
    w: { dtype: "F32", shape, data_offsets: offsets },
  });
  assertDamaged(
    fileOf(entry([2], [0, 12]), data),
    /data_offsets \[0, 12\], out of range of its 8 data bytes/,
  );
  assertDamaged(fileOf(entry([2], [8, 0]), data), /data_offsets \[8, 0\], out of range/);
  assertDamaged(
    fileOf(entry([2], [0, -8]), data),
    /data_offsets \[0,-8\]: expected \[begin, end\]/,
  );
  assertDamaged(
    fileOf(entry([3], [0, 8]), data),
    /of shape \[3\] and dtype F32 8 bytes .* needs 12/,
  );
  assertDamaged(fileOf(entry([1.5], [0, 8]), data), /the shape \[1\.5\]: expected a list of sizes/);
});

Deno.test("decodeSafetensors() reports holes, overlaps and extra bytes in the data", () => {
  const data = new Uint8Array(16);
  const two = (b: number[]) => ({
    a: { dtype: "F32", shape: [1], data_offsets: [0, 4] },
    b: { dtype: "F32", shape: [1], data_offsets: b },
  });
  assertDamaged(
    fileOf(two([8, 12]), data.subarray(0, 12)),
    /a hole in its data: nothing .* between 4 and 8/,
  );
  assertDamaged(fileOf(two([0, 4]), data.subarray(0, 4)), /overlap: "b" starts at 0/);
  assertDamaged(fileOf(two([4, 8]), data), /has 16 data bytes, but its tensors take 8/);
});

Deno.test("decodeSafetensors() accepts a header padded with spaces and returns copies", () => {
  const bytes = encodeSafetensors({ w: np.array([1, 2], { dtype: "float32" }) });
  const { tensors } = decodeSafetensors(bytes);
  bytes.fill(0);
  assert.deepEqual(tensors.w.toArray(), [1, 2]);
});
