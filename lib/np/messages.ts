/**
 * What `np` says when a call is wrong (a shape that does not fit, an axis out of bounds, a
 * value that is not a number…), in both languages. The English texts are NumPy's where NumPy
 * has one (`shapes [2, 3] and [2, 2] not aligned`, `operands could not be broadcast together`),
 * and tests and the mistake namer compare them: change them only with those. Shapes, values
 * and identifiers are formatted by the callers and stay as they are in both languages.
 *
 * @module
 */

import { defineMessages } from "../command/lang.ts";

/**
 * What a checked value is, named at the start of its message (`"full: the fill value"`), in
 * both languages. The key is the English text, so a call site reads as before.
 */
export const NP_SUBJECTS = defineMessages("np_subjects", {
  "shape": "shape",
  "new shape": "new shape",
  "transpose: the axes": "transpose: the axes",
  "concatenate: the arrays": "concatenate: the arrays",
  "stack: the arrays": "stack: the arrays",
  "pad: constantValue": "pad: constantValue",
  "pad: the widths": "pad: the widths",
  "pad: each pair of widths": "pad: each pair of widths",
  "full: the fill value": "full: the fill value",
  "linspace: start": "linspace: start",
  "linspace: stop": "linspace: stop",
}, {
  "shape": "形状",
  "new shape": "新しい形状",
  "transpose: the axes": "transpose: 軸の並び",
  "concatenate: the arrays": "concatenate: 連結する配列",
  "stack: the arrays": "stack: 積み重ねる配列",
  "pad: constantValue": "pad: constantValue の値",
  "pad: the widths": "pad: パディングの幅",
  "pad: each pair of widths": "pad: 幅の各組",
  "full: the fill value": "full: 埋める値",
  "linspace: start": "linspace: start の値",
  "linspace: stop": "linspace: stop の値",
});

/** A subject of {@linkcode NP_SUBJECTS}. */
export type Subject = keyof ReturnType<typeof NP_SUBJECTS>;

/** How `describe` names a value that is not what was expected. */
export const NP_DESCRIBE = defineMessages("np_describe", {
  bigint: (value: string) => `${value}n (a BigInt)`,
  string: (text: string) => `${text} (a string)`,
  boolean: (value: string) => `${value} (a boolean)`,
  symbol: (value: string) => `${value} (a Symbol)`,
  function: "a function",
  array: (length: number) => `an array of length ${length}`,
  typedArray: (name: string, length: number) => `a ${name} of length ${length}`,
  ndarray: (shape: string) => `an NDArray of shape ${shape}`,
  object: "an object",
  objectText: (text: string) => `an object (${text})`,
  nestedArray: "a nested array",
}, {
  bigint: (value: string) => `${value}n（BigInt の値）`,
  string: (text: string) => `${text}（文字列）`,
  boolean: (value: string) => `${value}（真偽値）`,
  symbol: (value: string) => `${value}（Symbol の値）`,
  function: "関数",
  array: (length: number) => `長さ ${length} の配列`,
  typedArray: (name: string, length: number) => `長さ ${length} の ${name}`,
  ndarray: (shape: string) => `形状 ${shape} の NDArray`,
  object: "オブジェクト",
  objectText: (text: string) => `オブジェクト（${text}）`,
  nestedArray: "入れ子の配列",
});

/** The errors of `np`. */
export const NP_MESSAGES = defineMessages("np", {
  // describe.ts
  notNumber: (what: string, got: string, hint: string) =>
    `${what} must be a number, got ${got}${hint}`,
  bigIntHint: ": np holds float64 and float32 numbers, so convert it with Number(…)",
  elements: (size: number) => `${size} elements`,
  shapeElements: (shape: string, size: number) => `shape ${shape} (${size} elements)`,
  allocation: (
    name: string,
    bytes: string,
    count: number,
    of: string,
    dtype: string,
    reason: string,
  ) =>
    `${name}: unable to allocate ${bytes} (${count} bytes) for an array of ${of} ` +
    `and dtype ${dtype} (${reason}): use a smaller shape, for example a smaller batch`,
  // ndarray.ts
  unsupportedDType: (dtype: string) =>
    `Unsupported dtype ${dtype}: use "float64" (the default) or "float32"`,
  shapeNotArray: (what: string, got: string) =>
    `The ${what} must be an array of integers, got ${got}`,
  shapeHole: (what: string, shape: string, i: number) =>
    `The ${what} ${shape} has an empty slot (a hole) at position ${i}: give every size`,
  shapeNotInteger: (what: string, shape: string, got: string, i: number, hint: string) =>
    `The ${what} ${shape} holds ${got} at position ${i}, which is not an integer${hint}`,
  shapeNegative: (what: string, shape: string, n: number) =>
    `The ${what} ${shape} holds ${n}: sizes must not be negative`,
  axisNotInteger: (got: string) => `The axis must be an integer, got ${got}`,
  axisOutOfBounds: (axis: number, ndim: number) =>
    `Axis ${axis} is out of bounds for an array of dimension ${ndim}: use -${ndim} .. ${ndim - 1}`,
  dataNotTyped:
    "NDArray data must be a Float64Array or a Float32Array: use np.array() to convert other data",
  cannotWrap: (length: number, shape: string, size: number) =>
    `Cannot wrap ${length} elements as shape ${shape}, which holds ${size}`,
  setValue: (got: string, hint: string) => `set: the value must be a number, got ${got}${hint}`,
  itemNotOne: (shape: string) =>
    `item() needs an array with one element, this one has shape ${shape}`,
  reshapeNotNumber: (got: string, i: number, hint: string) =>
    `Cannot reshape to a shape that holds ${got} at position ${i}: sizes must be integers${hint}`,
  reshapeTwoUnknown: (shape: string) => `Cannot reshape to ${shape}: only one size can be -1`,
  reshapeNotMultiple: (size: number, shape: string, known: number) =>
    `Cannot reshape an array of size ${size} into shape ${shape}: ` +
    `${size} is not a multiple of ${known}`,
  reshapeSizes: (size: number, shape: string, wanted: string, wantedSize: number) =>
    `Cannot reshape an array of size ${size} (shape ${shape}) into ` +
    `shape ${wanted} of size ${wantedSize}: the sizes must match`,
  assignValue: (got: string, hint: string) =>
    `assign: the value must be a number or an NDArray, got ${got}${hint}`,
  transposeAxes: (ndim: number, shape: string, axes: string) =>
    `transpose needs a permutation of the ${ndim} axes of shape ${shape}, got [${axes}]`,
  indexCount: (shape: string, ndim: number, count: number) =>
    `An array of shape ${shape} needs ${ndim} indices, got ${count}`,
  indexNotInteger: (got: string, axis: number, hint: string) =>
    `Index ${got} on axis ${axis} is not an integer${hint}`,
  indexOutOfBounds: (i: number, axis: number, n: number) =>
    `Index ${i} is out of bounds for axis ${axis} with size ${n}`,
  // broadcast.ts
  notBroadcast: (a: string, b: string, m: number, n: number, i: number) =>
    `operands could not be broadcast together with shapes ${a} and ${b}: ` +
    `sizes ${m} and ${n} differ on axis -${i}; make them equal or 1 (reshape or add an axis)`,
  // basics.ts
  dotRank: (a: string, b: string) =>
    `dot takes two 2-D arrays, got shapes ${a} and ${b}: ` +
    `reshape a vector to [1, n] or [n, 1] (np.dot handles every rank)`,
  dotNotAligned: (a: string, b: string, k: number, rows: number) =>
    `shapes ${a} and ${b} not aligned: ` +
    `${k} (dim 1) != ${rows} (dim 0); the columns of the first must match the rows of ` +
    `the second (check the order of the operands, or transpose one)`,
  axisNotIntegerOf: (name: string, axis: number) =>
    `${name}: the axis must be an integer, got ${axis}`,
  axisOutOfBoundsOf: (name: string, axis: number, shape: string, ndim: number) =>
    `${name}: axis ${axis} is out of bounds for shape ${shape} ` +
    `(an array of dimension ${ndim}): use -${ndim} .. ${ndim - 1}`,
  argmaxEmptyAxis: (axis: number, shape: string) =>
    `argmax: axis ${axis} of shape ${shape} is empty, so it has no largest element`,
  // linalg.ts
  notAligned: (
    a: string,
    b: string,
    sizeA: number,
    axisA: number,
    sizeB: number,
    axisB: number,
    matrixB: boolean,
  ) =>
    `shapes ${a} and ${b} not aligned: ${sizeA} (dim ${axisA}) != ${sizeB} (dim ${axisB}); ` +
    `the last axis of the first must match the ${matrixB ? "second-to-last" : "only"} ` +
    `axis of the second (check the order of the operands, or transpose one)`,
  dotTransposedRank: (a: string, b: string) =>
    `dot's transA/transB options need 2-D operands, got shapes ${a} and ` +
    `${b}: use .T or transpose() for other ranks`,
  dotTransposedNotAligned: (
    a: string,
    transA: boolean,
    b: string,
    transB: boolean,
    k: number,
    kb: number,
  ) =>
    `shapes ${a}${transA ? ".T" : ""} and ${b}${transB ? ".T" : ""} not aligned: ` +
    `${k} != ${kb}; the columns of the first must match the rows of the second`,
  matmulScalar: "matmul does not take 0-d arrays (scalars): use np.mul for those",
  matmulTransposedVector: (a: string, b: string) =>
    `matmul's transA/transB options need operands of 2 or more axes, got shapes ` +
    `${a} and ${b}: a 1-D operand needs no transpose`,
  matmulTransposedNotAligned: (
    a: string,
    transA: boolean,
    b: string,
    transB: boolean,
    k: number,
    kb: number,
  ) =>
    `shapes ${a}${transA ? " (transposed)" : ""} and ${b}${transB ? " (transposed)" : ""} ` +
    `not aligned: ${k} != ${kb}; the columns of each first ` +
    `matrix must match the rows of each second one`,
  matmulBatch: (a: string, b: string, batchA: string, batchB: string) =>
    `matmul: shapes ${a} and ${b} have batch ` +
    `axes ${batchA} and ${batchB}, which could not be broadcast ` +
    `together (sizes must be equal or 1); the last two axes of each are its matrices`,
  outNotNDArray: (name: string) => `${name}: the out option must be an NDArray`,
  matmulOut: (outDType: string, outShape: string, dtype: string, shape: string) =>
    `matmul: out is ${outDType} of shape ${outShape} but the result is ${dtype} ` +
    `of shape ${shape}: pass an array of the result's shape and dtype`,
  matmulOutShared: "matmul: out shares memory with an operand: pass a separate array",
  // elementwise.ts
  outShape: (name: string, outShape: string, shape: string) =>
    `${name}: out has shape ${outShape} but the result has shape ${shape}`,
  clipBounds: (min: number, max: number) =>
    `clip needs min <= max, got min ${min} > max ${max}: NumPy would return ${max} ` +
    `everywhere, but swapped bounds are almost always a mistake here (swap them)`,
  clipBound: (which: string, got: string) => `clip: ${which} must be a number, got ${got}`,
  // creation.ts
  arrayNotNumber: (where: string, got: string, hint: string) =>
    `Cannot make an array: element ${where} is ${got}, expected a number at this depth${hint}`,
  arrayRagged: (where: string, got: string, length: number) =>
    `Cannot make an array from ragged nested arrays: element ${where} is ${got}, ` +
    `where a list of length ${length} is expected, like the first one at that depth`,
  arrayHole: (where: string, expected: string) =>
    `Cannot make an array: element ${where} is an empty slot (a hole, as in ` +
    `[1, , 3]), expected ${expected}`,
  aNumber: "a number",
  aList: (length: number) => `a list of length ${length}`,
  top: "(top)",
  stackHint: ": use np.stack to join NDArrays along a new axis",
  typedArrayHint: ": wrap a Float64Array or Float32Array with new NDArray(data, shape), or " +
    "convert it with Array.from(…)",
  arangeNotFinite: (start: string, stop: string, step: string) =>
    `arange needs finite numbers, got ${start}, ${stop}, step ${step}`,
  arangeStepZero: "arange's step must not be 0",
  linspaceNum: (got: string) => `linspace's num must be a non-negative integer, got ${got}`,
  // manipulation.ts
  notList: (what: string, got: string) => `${what} must be a list, got ${got}`,
  listHole: (what: string, i: number) => `${what} have an empty slot (a hole) at position ${i}`,
  concatenateNone: "concatenate needs at least one array",
  concatenateScalars: "concatenate cannot join 0-d arrays: use np.stack",
  concatenateShapes: (i: number, shape: string, first: string, axis: number) =>
    `concatenate: array ${i} has shape ${shape}, which does not match ` +
    `${first} except along axis ${axis}`,
  stackNone: "stack needs at least one array",
  stackShapes: (i: number, shape: string, first: string) =>
    `stack needs arrays of one shape: array ${i} has shape ${shape}, array 0 has ${first}`,
  squeeze: (axis: number, shape: string) =>
    `Cannot squeeze axis ${axis} of shape ${shape}: its size is not 1`,
  broadcastTo: (from: string, to: string) =>
    `Cannot broadcast an array of shape ${from} to shape ${to}`,
  padPairs: (pairs: number, shape: string) =>
    `pad needs one [before, after] pair per axis: ${pairs} pairs for shape ${shape}`,
  padNotNumbers: (shown: string, hint: string) =>
    `pad widths must be pairs of numbers, got ${shown}${hint}`,
  padNegative: (shown: string) => `pad widths must be pairs of non-negative integers, got ${shown}`,
  takeNotInteger: (got: string, j: number) =>
    `take: index ${got} (at position ${j} of the indices) is not an integer`,
  takeOutOfBounds: (i: number, axis: number, n: number) =>
    `take: index ${i} is out of bounds for axis ${axis} with size ${n}`,
  // slicing.ts
  sliceNotInteger: (spec: string, text: string) =>
    `Slice "${spec}" has ${text}, which is not an integer`,
  sliceBad: (got: string, axis: number) =>
    `Cannot slice with ${got} on axis ${axis}: use an index, "start:stop:step" or null`,
  sliceStepZero: (spec: string) => `Slice "${spec}" has a step of 0`,
  tooManyIndices: (count: number, shape: string) =>
    `Too many indices: ${count} for an array of shape ${shape}`,
  assignShape: (value: string, slice: string) =>
    `Cannot assign a value of shape ${value} to a slice of shape ${slice}`,
  // reduce.ts
  axesHole: (name: string, i: number) =>
    `${name}: the axes have an empty slot (a hole) at position ${i}`,
  axesRepeat: (name: string, axes: string) => `${name}: axis [${axes}] repeats an axis`,
  reduceEmpty: (name: string, axis: number, shape: string) =>
    `${name}: cannot reduce axis ${axis} of shape ${shape}, which is empty`,
  singleAxis: (name: string, got: string) => `${name} takes a single axis (a number), got ${got}`,
  argEmpty: (name: string, shape: string, largest: boolean) =>
    `${name}: the array of shape ${shape} is empty, so it has no ${
      largest ? "largest" : "smallest"
    } element`,
  // random.ts
  seed: (seed: number) => `A seed must be a non-negative integer, got ${seed}`,
  normalScale: (scale: number) => `normal's scale must be >= 0, got ${scale}`,
  uniformBounds: (low: number, high: number) => `uniform needs low <= high, got ${low} and ${high}`,
  choicePopulation: (n: number) => `choice needs a positive population size, got ${n}`,
  choiceSize: (size: number) => `choice needs a non-negative sample size, got ${size}`,
  choiceTooMany: (size: number, n: number) =>
    `Cannot draw ${size} of ${n} items without replacement`,
  generatorState: "A generator state needs four 32-bit words (from getState())",
  integerBounds: (low: number, high: number) =>
    `Random integers need integer bounds low < high, got ${low} and ${high}`,
}, {
  notNumber: (what: string, got: string, hint: string) =>
    `${what}は数値でなければなりません（渡された値: ${got}）${hint}`,
  bigIntHint: ": np が扱うのは float64 と float32 の数値だけなので、Number(…) で変換してください",
  elements: (size: number) => `要素 ${size} 個`,
  shapeElements: (shape: string, size: number) => `形状 ${shape}（要素 ${size} 個）`,
  allocation: (
    name: string,
    bytes: string,
    count: number,
    of: string,
    dtype: string,
    reason: string,
  ) =>
    `${name}: ${of}、dtype ${dtype} の配列に ${bytes}（${count} バイト）を確保できません` +
    `（${reason}）: 形状を小さくしてください（たとえばバッチを小さく）`,
  unsupportedDType: (dtype: string) =>
    `dtype ${dtype} には対応していません: "float64"（既定）か "float32" を使ってください`,
  shapeNotArray: (what: string, got: string) =>
    `${what}は整数の配列でなければなりません（渡された値: ${got}）`,
  shapeHole: (what: string, shape: string, i: number) =>
    `${what} ${shape} の位置 ${i} が空（穴）です: すべてのサイズを指定してください`,
  shapeNotInteger: (what: string, shape: string, got: string, i: number, hint: string) =>
    `${what} ${shape} の位置 ${i} の ${got} は整数ではありません${hint}`,
  shapeNegative: (what: string, shape: string, n: number) =>
    `${what} ${shape} に ${n} があります: サイズに負の数は使えません`,
  axisNotInteger: (got: string) => `軸は整数で指定してください（渡された値: ${got}）`,
  axisOutOfBounds: (axis: number, ndim: number) =>
    `軸 ${axis} は ${ndim} 次元の配列の範囲外です: -${ndim} .. ${ndim - 1} で指定してください`,
  dataNotTyped: "NDArray のデータは Float64Array か Float32Array でなければなりません: " +
    "ほかのデータは np.array() で変換してください",
  cannotWrap: (length: number, shape: string, size: number) =>
    `${length} 個の要素を形状 ${shape}（要素 ${size} 個）の配列にはできません`,
  setValue: (got: string, hint: string) =>
    `set: 値は数値でなければなりません（渡された値: ${got}）${hint}`,
  itemNotOne: (shape: string) =>
    `item() には要素が1個の配列が必要ですが、この配列の形状は ${shape} です`,
  reshapeNotNumber: (got: string, i: number, hint: string) =>
    `位置 ${i} に ${got} を含む形状には reshape できません: サイズは整数で指定してください${hint}`,
  reshapeTwoUnknown: (shape: string) =>
    `${shape} には reshape できません: -1 にできるサイズは1つだけです`,
  reshapeNotMultiple: (size: number, shape: string, known: number) =>
    `要素数 ${size} の配列を形状 ${shape} に reshape できません: ` +
    `${size} は ${known} の倍数ではありません`,
  reshapeSizes: (size: number, shape: string, wanted: string, wantedSize: number) =>
    `要素数 ${size}（形状 ${shape}）の配列を、要素数 ${wantedSize} の形状 ${wanted} に ` +
    `reshape できません: 要素数が一致しなければなりません`,
  assignValue: (got: string, hint: string) =>
    `assign: 値は数値か NDArray でなければなりません（渡された値: ${got}）${hint}`,
  transposeAxes: (ndim: number, shape: string, axes: string) =>
    `transpose には形状 ${shape} の ${ndim} 個の軸を並べ替えたものが必要です` +
    `（渡された軸: [${axes}]）`,
  indexCount: (shape: string, ndim: number, count: number) =>
    `形状 ${shape} の配列にはインデックスが ${ndim} 個必要です（渡されたのは ${count} 個）`,
  indexNotInteger: (got: string, axis: number, hint: string) =>
    `軸 ${axis} のインデックス ${got} は整数ではありません${hint}`,
  indexOutOfBounds: (i: number, axis: number, n: number) =>
    `インデックス ${i} はサイズ ${n} の軸 ${axis} の範囲外です`,
  notBroadcast: (a: string, b: string, m: number, n: number, i: number) =>
    `形状 ${a} と ${b} のオペランドはブロードキャストできません: ` +
    `軸 -${i} のサイズが ${m} と ${n} で違います。等しくするか1にしてください` +
    `（reshape するか軸を追加します）`,
  dotRank: (a: string, b: string) =>
    `dot は2次元の配列を2つ受け取ります（形状 ${a} と ${b}）: ` +
    `ベクトルは [1, n] か [n, 1] に reshape してください（np.dot はどの次元数も扱えます）`,
  dotNotAligned: (a: string, b: string, k: number, rows: number) =>
    `形状 ${a} と ${b} の積は取れません: ` +
    `${k}（軸 1）!= ${rows}（軸 0）。1つ目の列数は2つ目の行数と同じでなければなりません` +
    `（オペランドの順番を確かめるか、どちらかを転置してください）`,
  axisNotIntegerOf: (name: string, axis: number) =>
    `${name}: 軸は整数で指定してください（渡された値: ${axis}）`,
  axisOutOfBoundsOf: (name: string, axis: number, shape: string, ndim: number) =>
    `${name}: 軸 ${axis} は形状 ${shape}（${ndim} 次元の配列）の範囲外です: ` +
    `-${ndim} .. ${ndim - 1} で指定してください`,
  argmaxEmptyAxis: (axis: number, shape: string) =>
    `argmax: 形状 ${shape} の軸 ${axis} は空なので、最大の要素がありません`,
  notAligned: (
    a: string,
    b: string,
    sizeA: number,
    axisA: number,
    sizeB: number,
    axisB: number,
    matrixB: boolean,
  ) =>
    `形状 ${a} と ${b} の積は取れません: ${sizeA}（軸 ${axisA}）!= ${sizeB}（軸 ${axisB}）。` +
    `1つ目の最後の軸は、2つ目の${matrixB ? "最後から2番目の" : "ただ1つの"}軸と` +
    `同じサイズでなければなりません（オペランドの順番を確かめるか、どちらかを転置してください）`,
  dotTransposedRank: (a: string, b: string) =>
    `dot の transA/transB オプションには2次元のオペランドが必要です（形状 ${a} と ${b}）: ` +
    `ほかの次元数には .T か transpose() を使ってください`,
  dotTransposedNotAligned: (
    a: string,
    transA: boolean,
    b: string,
    transB: boolean,
    k: number,
    kb: number,
  ) =>
    `形状 ${a}${transA ? ".T" : ""} と ${b}${transB ? ".T" : ""} の積は取れません: ` +
    `${k} != ${kb}。1つ目の列数は2つ目の行数と同じでなければなりません`,
  matmulScalar:
    "matmul は0次元の配列（スカラー）を受け取りません: スカラーには np.mul を使ってください",
  matmulTransposedVector: (a: string, b: string) =>
    `matmul の transA/transB オプションには2次元以上のオペランドが必要です（形状 ${a} と ${b}）: ` +
    `1次元のオペランドに転置は要りません`,
  matmulTransposedNotAligned: (
    a: string,
    transA: boolean,
    b: string,
    transB: boolean,
    k: number,
    kb: number,
  ) =>
    `形状 ${a}${transA ? "（転置）" : ""} と ${b}${transB ? "（転置）" : ""} の積は取れません: ` +
    `${k} != ${kb}。1つ目の各行列の列数は、2つ目の各行列の行数と同じでなければなりません`,
  matmulBatch: (a: string, b: string, batchA: string, batchB: string) =>
    `matmul: 形状 ${a} と ${b} のバッチの軸 ${batchA} と ${batchB} は` +
    `ブロードキャストできません（サイズは等しいか1でなければなりません）。` +
    `それぞれの最後の2つの軸が行列です`,
  outNotNDArray: (name: string) => `${name}: out オプションには NDArray を渡してください`,
  matmulOut: (outDType: string, outShape: string, dtype: string, shape: string) =>
    `matmul: out は ${outDType}・形状 ${outShape} ですが、結果は ${dtype}・形状 ${shape} です: ` +
    `結果と同じ形状と dtype の配列を渡してください`,
  matmulOutShared: "matmul: out がオペランドとメモリを共有しています: 別の配列を渡してください",
  outShape: (name: string, outShape: string, shape: string) =>
    `${name}: out の形状は ${outShape} ですが、結果の形状は ${shape} です`,
  clipBounds: (min: number, max: number) =>
    `clip には min <= max が必要ですが、min ${min} > max ${max} です: NumPy ならすべて ${max} ` +
    `を返しますが、上下が逆の範囲はほぼ間違いなので入れ替えてください`,
  clipBound: (which: string, got: string) =>
    `clip: ${which} は数値でなければなりません（渡された値: ${got}）`,
  arrayNotNumber: (where: string, got: string, hint: string) =>
    `配列を作れません: 要素 ${where} が ${got} です。この深さには数値が必要です${hint}`,
  arrayRagged: (where: string, got: string, length: number) =>
    `長さのそろわない入れ子の配列からは配列を作れません: 要素 ${where} が ${got} です。` +
    `この深さの最初の要素と同じく、長さ ${length} のリストが必要です`,
  arrayHole: (where: string, expected: string) =>
    `配列を作れません: 要素 ${where} が空（[1, , 3] のような穴）です。${expected}が必要です`,
  aNumber: "数値",
  aList: (length: number) => `長さ ${length} のリスト`,
  top: "（最上位）",
  stackHint: ": NDArray を新しい軸で結合するには np.stack を使ってください",
  typedArrayHint: ": Float64Array か Float32Array は new NDArray(data, shape) で包むか、" +
    "Array.from(…) で変換してください",
  arangeNotFinite: (start: string, stop: string, step: string) =>
    `arange には有限の数値が必要です（渡された値: ${start}、${stop}、step ${step}）`,
  arangeStepZero: "arange の step に 0 は使えません",
  linspaceNum: (got: string) =>
    `linspace の num は0以上の整数でなければなりません（渡された値: ${got}）`,
  notList: (what: string, got: string) =>
    `${what}はリストでなければなりません（渡された値: ${got}）`,
  listHole: (what: string, i: number) => `${what}の位置 ${i} が空（穴）です`,
  concatenateNone: "concatenate には配列が1つ以上必要です",
  concatenateScalars: "concatenate では0次元の配列を連結できません: np.stack を使ってください",
  concatenateShapes: (i: number, shape: string, first: string, axis: number) =>
    `concatenate: 配列 ${i} の形状 ${shape} が、軸 ${axis} 以外で ${first} と一致しません`,
  stackNone: "stack には配列が1つ以上必要です",
  stackShapes: (i: number, shape: string, first: string) =>
    `stack には同じ形状の配列が必要です: 配列 ${i} の形状は ${shape}、配列 0 の形状は ${first} です`,
  squeeze: (axis: number, shape: string) =>
    `形状 ${shape} の軸 ${axis} は squeeze できません: サイズが1ではありません`,
  broadcastTo: (from: string, to: string) =>
    `形状 ${from} の配列を形状 ${to} にブロードキャストできません`,
  padPairs: (pairs: number, shape: string) =>
    `pad には軸ごとに [before, after] の組が1つ必要です: 形状 ${shape} に対して ${pairs} 組です`,
  padNotNumbers: (shown: string, hint: string) =>
    `pad の幅は数値の組でなければなりません（渡された値: ${shown}）${hint}`,
  padNegative: (shown: string) =>
    `pad の幅は0以上の整数の組でなければなりません（渡された値: ${shown}）`,
  takeNotInteger: (got: string, j: number) =>
    `take: インデックス ${got}（インデックスの位置 ${j}）は整数ではありません`,
  takeOutOfBounds: (i: number, axis: number, n: number) =>
    `take: インデックス ${i} はサイズ ${n} の軸 ${axis} の範囲外です`,
  sliceNotInteger: (spec: string, text: string) =>
    `スライス "${spec}" の ${text} は整数ではありません`,
  sliceBad: (got: string, axis: number) =>
    `軸 ${axis} を ${got} ではスライスできません: インデックス、"start:stop:step" か null を使ってください`,
  sliceStepZero: (spec: string) => `スライス "${spec}" の step が 0 です`,
  tooManyIndices: (count: number, shape: string) =>
    `インデックスが多すぎます: 形状 ${shape} の配列に ${count} 個`,
  assignShape: (value: string, slice: string) =>
    `形状 ${value} の値を形状 ${slice} のスライスに代入できません`,
  axesHole: (name: string, i: number) => `${name}: 軸の並びの位置 ${i} が空（穴）です`,
  axesRepeat: (name: string, axes: string) => `${name}: 軸 [${axes}] に同じ軸が2回あります`,
  reduceEmpty: (name: string, axis: number, shape: string) =>
    `${name}: 形状 ${shape} の軸 ${axis} は空なので集約できません`,
  singleAxis: (name: string, got: string) =>
    `${name} が受け取る軸は1つ（数値）です（渡された値: ${got}）`,
  argEmpty: (name: string, shape: string, largest: boolean) =>
    `${name}: 形状 ${shape} の配列は空なので、${largest ? "最大" : "最小"}の要素がありません`,
  seed: (seed: number) => `seed は0以上の整数でなければなりません（渡された値: ${seed}）`,
  normalScale: (scale: number) =>
    `normal の scale は0以上でなければなりません（渡された値: ${scale}）`,
  uniformBounds: (low: number, high: number) =>
    `uniform には low <= high が必要です（渡された値: ${low} と ${high}）`,
  choicePopulation: (n: number) =>
    `choice の母集団の大きさは正の数でなければなりません（渡された値: ${n}）`,
  choiceSize: (size: number) =>
    `choice のサンプル数は0以上でなければなりません（渡された値: ${size}）`,
  choiceTooMany: (size: number, n: number) => `${n} 個から重複なしで ${size} 個は選べません`,
  generatorState: "乱数生成器の状態には32ビットのワードが4つ必要です（getState() で得られるもの）",
  integerBounds: (low: number, high: number) =>
    `乱数の整数の範囲は low < high の整数でなければなりません（渡された値: ${low} と ${high}）`,
});
