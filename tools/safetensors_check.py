#!/usr/bin/env python3
"""Checks safetensors files from Python, independently of the workbook's TypeScript code.

The `safetensors` Python package is not installed on our machines, so this script reads the
format from its specification with json + numpy.frombuffer only (and, when the package *is*
installed, also compares with `safetensors.numpy.load_file`).

    python3 tools/safetensors_check.py check FILE...   # validate and summarise files
    python3 tools/safetensors_check.py fixture OUT     # write the fixture lib/io tests replay

The format: 8 bytes N (unsigned 64-bit little-endian), N bytes of UTF-8 JSON
{"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, "__metadata__": {..}},
then the data; offsets count from the end of the header and the tensors tile the data exactly.
The fixture writer lays files out like the reference Rust implementation: tensors by dtype
(F64 before F32) then by name, metadata first, compact JSON padded with spaces to 8 bytes.
"""

import json
import struct
import sys

import numpy as np

DTYPES = {"F32": np.dtype("<f4"), "F64": np.dtype("<f8")}


def read(path):
    """Reads a safetensors file; returns (tensors, metadata); raises ValueError if damaged."""
    with open(path, "rb") as f:
        raw = f.read()
    if len(raw) < 8:
        raise ValueError(f"{path}: shorter than 8 bytes")
    (n,) = struct.unpack("<Q", raw[:8])
    if 8 + n > len(raw):
        raise ValueError(f"{path}: header of {n} bytes runs past the end")
    header = json.loads(raw[8 : 8 + n].decode("utf-8"))
    if not isinstance(header, dict):
        raise ValueError(f"{path}: the header is not an object")
    metadata = header.pop("__metadata__", {}) or {}
    if not all(isinstance(v, str) for v in metadata.values()):
        raise ValueError(f"{path}: metadata values must be strings")
    data = raw[8 + n :]
    tensors, spans = {}, []
    for name, info in header.items():
        dtype = DTYPES.get(info["dtype"])
        if dtype is None:
            raise ValueError(f"{path}: {name} has dtype {info['dtype']}, expected F32 or F64")
        begin, end = info["data_offsets"]
        count = int(np.prod(info["shape"], dtype=np.int64))
        if not (0 <= begin <= end <= len(data)) or end - begin != count * dtype.itemsize:
            raise ValueError(f"{path}: {name} has bad data_offsets {info['data_offsets']}")
        spans.append((begin, end))
        tensors[name] = np.frombuffer(data, dtype, count, begin).reshape(info["shape"])
    covered = 0
    for begin, end in sorted(spans):
        if begin != covered:
            raise ValueError(f"{path}: data has a hole or an overlap at byte {begin}")
        covered = end
    if covered != len(data):
        raise ValueError(f"{path}: {len(data) - covered} bytes after the last tensor")
    return tensors, metadata


def write(path, tensors, metadata=None):
    """Writes a file laid out like the reference implementation's save_file."""
    names = sorted(tensors, key=lambda k: (-tensors[k].dtype.itemsize, k))
    header, offset = {}, 0
    if metadata:
        header["__metadata__"] = {k: metadata[k] for k in sorted(metadata)}
    for name in names:
        size = tensors[name].nbytes
        kind = {4: "F32", 8: "F64"}[tensors[name].dtype.itemsize]
        header[name] = {
            "dtype": kind,
            "shape": list(tensors[name].shape),
            "data_offsets": [offset, offset + size],
        }
        offset += size
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text)
        for name in names:
            f.write(np.ascontiguousarray(tensors[name], tensors[name].dtype.newbyteorder("<")).tobytes())


def fixture_tensors():
    """The tensors of the fixture (lib/io/safetensors_test.ts knows the same values)."""
    return {
        "W1": np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]], dtype=np.float32),
        "b1": np.array([0.1, 0.2, 0.3], dtype=np.float64),
        "scale": np.array(3.5, dtype=np.float64),
        "empty": np.zeros((0, 4), dtype=np.float32),
        "x": np.arange(5, dtype=np.float32) / 3,
    }


def fixture_metadata():
    return {"made_by": "tools/safetensors_check.py", "note": "ゼロから作る"}


def main(argv):
    if len(argv) >= 2 and argv[0] == "fixture":
        write(argv[1], fixture_tensors(), fixture_metadata())
        print(f"wrote {argv[1]}")
        return 0
    if len(argv) >= 2 and argv[0] == "check":
        try:
            from safetensors.numpy import load_file
        except ImportError:
            load_file = None
            print("(the safetensors package is not installed: checking with json + numpy only)")
        for path in argv[1:]:
            tensors, metadata = read(path)
            print(f"{path}: ok, metadata {metadata}")
            for name, t in tensors.items():
                print(f"  {name}: {t.dtype} {list(t.shape)} sum={float(t.sum(dtype=np.float64)):.9g}")
            if load_file is not None:
                theirs = load_file(path)
                assert theirs.keys() == tensors.keys()
                for name in tensors:
                    assert np.array_equal(theirs[name], tensors[name])
                print("  safetensors.numpy.load_file reads the same tensors")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
