// @ts-nocheck: browser code, served as it is; deno check does not see it
/**
 * The lab's page: five panels over the JSON API of `lib/lab/server.ts`. Plain modern
 * JavaScript, served as it is. `window.lab` exposes what the browser test reads (latencies,
 * the race's positions).
 *
 * @module
 */

import { preprocess } from "/preprocess.js";

const $ = (id) => document.getElementById(id);
const lab = {
  latencies: [],
  drawn: null,
  race: null,
  raceStep: 0,
  errors: [],
  im: null,
  pending: 0,
};
globalThis.lab = lab;

/** The page's texts in the lab's language (from /api/state; English until it answers). */
let TEXT = {};

/** A text of the page, its `{name}` placeholders filled from `vars`. */
function t(key, vars = {}) {
  return (TEXT[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => `${vars[name] ?? ""}`);
}

/** Puts the texts in the elements marked `data-t` (content) and `data-t-aria` (aria-label). */
function translatePage(lang, text) {
  TEXT = text ?? {};
  document.documentElement.lang = lang ?? "en";
  for (const el of document.querySelectorAll("[data-t]")) {
    if (TEXT[el.dataset.t] !== undefined) el.innerHTML = TEXT[el.dataset.t];
  }
  for (const el of document.querySelectorAll("[data-t-aria]")) {
    if (TEXT[el.dataset.tAria] !== undefined) el.setAttribute("aria-label", TEXT[el.dataset.tAria]);
  }
}

/**
 * Loads the lab's Noto Sans JP before any Japanese text is shown: without a Japanese system
 * font, kana and kanji come from it, and Chromium may keep the boxes it drew for a text laid
 * out before the font arrived. Gives up after 3 s (the texts then come with whatever font
 * there is).
 */
async function loadJapaneseFont(lang) {
  if (lang !== "ja" || !document.fonts) return;
  const timeout = new Promise((resolve) => setTimeout(resolve, 3000));
  await Promise.race([
    document.fonts.load('1em "Noto Sans JP"', "日本語").catch(() => {}),
    timeout,
  ]);
}

async function api(path, body) {
  const response = await fetch(
    path,
    body === undefined ? {} : {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    },
  );
  const value = await response.json();
  if (!response.ok) throw new Error(value.error ?? response.statusText);
  return value;
}

/** Float32Array of an encoded array `{shape, f32}`. */
function decode(encoded) {
  const bytes = Uint8Array.from(atob(encoded.f32), (c) => c.charCodeAt(0));
  return new Float32Array(bytes.buffer);
}

/** Uint8Array of base64. */
function bytesOf(base64) {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** Draws values as pixels on a canvas of the values' size: grey (0..1) or diverging. */
function paint(canvas, values, w, h, { scale, signed = false, invert = false } = {}) {
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext("2d");
  const img = ctx.createImageData(w, h);
  let m = scale;
  if (m === undefined) {
    m = 0;
    for (let i = 0; i < w * h; i++) m = Math.max(m, Math.abs(values[i]));
    if (m === 0) m = 1;
  }
  for (let i = 0; i < w * h; i++) {
    const v = values[i] / m;
    let r, g, b;
    if (signed) {
      // White at 0, red for positive, blue for negative.
      const a = Math.min(1, Math.abs(v));
      if (v >= 0) [r, g, b] = [255, 255 * (1 - a), 255 * (1 - a)];
      else [r, g, b] = [255 * (1 - a), 255 * (1 - a) + 0 * a, 255];
    } else {
      const level = Math.max(0, Math.min(1, v));
      r = g = b = 255 * (invert ? 1 - level : level);
    }
    img.data.set([r, g, b, 255], i * 4);
  }
  ctx.putImageData(img, 0, 0);
}

function whose(parts, names) {
  const used = parts.filter((p) => names.includes(p.name));
  const yours = used.filter((p) => p.source === "yours").map((p) => p.name);
  const rest = used.filter((p) => p.source !== "yours");
  const SOURCES = { engine: "sourceEngine", "answer key": "sourceAnswerKey" };
  const sources = [...new Set(rest.map((p) => p.source))].map((s) =>
    SOURCES[s] ? t(SOURCES[s]) : s
  );
  const bits = [];
  if (yours.length > 0) {
    bits.push(`<span class="yours">${t("yours", { names: yours.join(", ") })}</span>`);
  }
  if (rest.length > 0) {
    bits.push(t("fromLib", {
      names: yours.length > 0 ? t("theRest") : rest.map((p) => p.name).join(", "),
      sources: sources.join(", "),
    }));
  }
  return bits.join("; ");
}

const NETWORK_PARTS = ["FinalConvNet", "Convolution", "Pooling", "Relu", "Affine", "softmax"];

async function showState() {
  const state = await api("/api/state");
  lab.state = state;
  await loadJapaneseFont(state.lang);
  translatePage(state.lang, state.text);
  const n = state.network;
  const el = $("network-state");
  const acc = n.finalTestAccuracy
    ? t("onTestSet", { acc: (100 * n.finalTestAccuracy).toFixed(2) })
    : "";
  if (n.kind === "shipped") {
    el.className = "state shipped";
    el.innerHTML = t("shipped", { net: n.className, params: n.params, acc });
  } else {
    el.className = "state trained";
    el.innerHTML = t("trained", {
      net: n.className,
      how: n.given ? t("givenParams") : t("trainedBy"),
      params: n.params,
      acc,
    });
  }
  const mine = $("mine-state");
  const yours = state.parts.filter((p) => p.source === "yours");
  if (state.mine) {
    mine.hidden = false;
    mine.innerHTML = t("mine", {
      yours: yours.map((p) => `${p.name} (ch${p.chapter})`).join(", ") || t("none"),
      rest: state.parts.filter((p) => p.source !== "yours").map((p) => p.name).join(", ") ||
        t("none"),
    });
  }
  const panels = {
    draw: NETWORK_PARTS,
    inside: NETWORK_PARTS.filter((p) => p !== "softmax"),
    im2col: ["im2col", "col2im"],
    race: ["SGD", "Momentum", "Nesterov", "AdaGrad", "RMSprop", "Adam"],
    run: ["FinalConvNet"],
  };
  for (const span of document.querySelectorAll(".whose")) {
    span.innerHTML = whose(state.parts, panels[span.dataset.panel]);
  }
}

// ---- 1. Draw a digit ----------------------------------------------------------------------

const pad = $("pad");
const padCtx = pad.getContext("2d", { willReadFrequently: true });
let drawing = false;
let last = null;

function strokeTo(point) {
  padCtx.lineCap = "round";
  padCtx.lineJoin = "round";
  padCtx.lineWidth = 20;
  padCtx.strokeStyle = "#000";
  padCtx.beginPath();
  padCtx.moveTo(last.x, last.y);
  padCtx.lineTo(point.x, point.y);
  padCtx.stroke();
  last = point;
}

function padPoint(event) {
  const r = pad.getBoundingClientRect();
  return {
    x: ((event.clientX - r.left) * pad.width) / r.width,
    y: ((event.clientY - r.top) * pad.height) / r.height,
  };
}

pad.addEventListener("pointerdown", (event) => {
  event.preventDefault();
  pad.setPointerCapture(event.pointerId);
  drawing = true;
  last = padPoint(event);
  strokeTo({ x: last.x + 0.01, y: last.y });
});
pad.addEventListener("pointermove", (event) => {
  if (drawing) strokeTo(padPoint(event));
});
const endStroke = (event) => {
  if (!drawing) return;
  drawing = false;
  classifyDrawing(event.timeStamp);
};
pad.addEventListener("pointerup", endStroke);
pad.addEventListener("pointercancel", endStroke);

$("clear").addEventListener("click", () => {
  padCtx.clearRect(0, 0, pad.width, pad.height);
  lab.drawn = null;
  $("bars").innerHTML = "";
  $("prediction").textContent = "";
  $("prediction").dataset.digit = "";
  paint($("preprocessed"), new Float32Array(784), 28, 28, { scale: 1 });
  renderBars(new Array(10).fill(0), -1);
});

function renderBars(probabilities, predicted) {
  const bars = $("bars");
  bars.innerHTML = "";
  probabilities.forEach((p, digit) => {
    const label = document.createElement("span");
    label.textContent = digit;
    const track = document.createElement("div");
    const bar = document.createElement("div");
    bar.className = `bar${digit === predicted ? " top" : ""}`;
    bar.style.width = `${(100 * p).toFixed(1)}%`;
    bar.dataset.digit = digit;
    bar.dataset.p = p;
    track.append(bar);
    const value = document.createElement("span");
    value.textContent = `${(100 * p).toFixed(1)}%`;
    bars.append(label, track, value);
  });
}

let classifying = 0;
async function classifyDrawing(strokeEnd) {
  const t0 = performance.now();
  // The event's timeStamp is on the same clock as performance.now().
  const start = Math.min(t0, strokeEnd ?? t0);
  const { data } = padCtx.getImageData(0, 0, pad.width, pad.height);
  const ink = new Float32Array(pad.width * pad.height);
  for (let i = 0; i < ink.length; i++) ink[i] = data[i * 4 + 3] / 255;
  const pixels = preprocess(ink, pad.width, pad.height);
  if (pixels === null) return;
  const t1 = performance.now();
  lab.drawn = pixels;
  paint($("preprocessed"), pixels, 28, 28, { scale: 1 });
  const id = ++classifying;
  const result = await api("/api/predict", { pixels: [...pixels] });
  const t2 = performance.now();
  if (id !== classifying) return;
  renderBars(result.probabilities, result.predicted);
  const prediction = $("prediction");
  prediction.textContent = `→ ${result.predicted}`;
  prediction.dataset.digit = result.predicted;
  const ms = performance.now() - start;
  lab.latencies.push({
    ms,
    serverMs: result.ms,
    beforeMs: t0 - start,
    preprocessMs: t1 - t0,
    requestMs: t2 - t1,
    renderMs: performance.now() - t2,
  });
  $("latency").textContent = t("latency", { ms: ms.toFixed(0), net: result.ms.toFixed(1) });
  $("draw").dataset.ready = "1";
  if (insideSource === "drawn") showInside({ pixels: [...pixels] });
  refreshIm2colImages();
}

// ---- 2. Inside the network ---------------------------------------------------------------

let insideSource = "drawn";

function mapsOf(container, values, shape, options = {}) {
  container.innerHTML = "";
  const size = options.size ?? 2;
  if (shape.length === 3) {
    const [c, h, w] = shape;
    const signed = options.signed ?? false;
    let m = 0;
    for (const v of values) m = Math.max(m, Math.abs(v));
    for (let k = 0; k < c; k++) {
      const canvas = document.createElement("canvas");
      paint(canvas, values.subarray(k * h * w, (k + 1) * h * w), w, h, {
        scale: options.perMap ? undefined : m || 1,
        signed,
      });
      canvas.style.width = `${w * size}px`;
      canvas.style.height = `${h * size}px`;
      canvas.title = `map ${k + 1} of ${c}`;
      container.append(canvas);
    }
  } else {
    const n = shape[0];
    const w = n <= 10 ? n : 10, h = Math.ceil(n / w);
    const padded = new Float32Array(w * h);
    padded.set(values);
    const canvas = document.createElement("canvas");
    paint(canvas, padded, w, h, { signed: options.signed ?? true });
    canvas.style.width = `${w * 12}px`;
    canvas.style.height = `${h * 12}px`;
    canvas.title = t("values", { n, w });
    container.append(canvas);
  }
}

const EXPLAIN = {
  Conv: "explainConv",
  Pool: "explainPool",
  Relu: "explainRelu",
  Affine: "explainAffine",
  Dropout: "explainDropout",
  BatchNormalization: "explainBatchNorm",
};

/** The newest inspect request (as for im2col: a late older answer is dropped). */
let insideRequest = 0;

async function showInside(request) {
  const ticket = ++insideRequest;
  const result = await api("/api/inspect", request);
  if (ticket !== insideRequest) return;
  const image = decode(result.image);
  paint($("inside-input"), image, 28, 28, { scale: 1 });
  $("inside-answer").innerHTML = `→ <b>${result.predicted}</b>` +
    (result.label === null ? "" : t("labelIs", { label: result.label }));
  paint($("saliency"), decode(result.saliency), 28, 28, { signed: true });
  const filters = decode(result.filters);
  const [f, , fh, fw] = result.filters.shape;
  mapsOf($("filters"), filters.subarray(0, f * fh * fw), [f, fh, fw], {
    size: 8,
    signed: true,
    perMap: true,
  });
  const layers = $("layers");
  layers.innerHTML = "";
  for (const layer of result.layers) {
    const div = document.createElement("div");
    div.className = "layer";
    div.dataset.layer = layer.name;
    const kind = layer.name.replace(/\d+$/, "");
    const h3 = document.createElement("h3");
    h3.innerHTML = `<b>${layer.name}</b> [${layer.shape.join(", ")}] <span class="dim">${
      EXPLAIN[kind] ? t(EXPLAIN[kind]) : ""
    }</span>`;
    const maps = document.createElement("div");
    maps.className = "maps";
    const values = decode(layer);
    // Red and blue where a layer has negative values (convolutions, affine, pooling before
    // ReLU), grey where it has none (after ReLU).
    const signed = values.some((v) => v < 0);
    mapsOf(maps, values, layer.shape, { signed, size: layer.shape[1] > 20 ? 2 : 4 });
    div.append(h3, maps);
    layers.append(div);
  }

  $("inside").dataset.ready = "1";
}

function thumb(bytes, k, label, predicted, onClick) {
  const div = document.createElement("div");
  div.className = `thumb${label !== predicted ? " wrong" : ""}`;
  const canvas = document.createElement("canvas");
  paint(canvas, bytes.subarray(k * 784, (k + 1) * 784), 28, 28, { scale: 255 });
  const span = document.createElement("span");
  span.textContent = label === predicted ? `${label}` : `${label}→${predicted}`;
  div.append(canvas, span);
  if (onClick) div.addEventListener("click", () => onClick(div));
  return div;
}

async function loadStrip() {
  let tests = await api("/api/tests");
  while (!tests.ready) {
    $("strip").innerHTML = `<span class="dim">${
      t("classifyingCount", { done: tests.done })
    }</span>`;
    await new Promise((r) => setTimeout(r, 500));
    tests = await api("/api/tests");
  }

  const strip = $("strip");
  strip.innerHTML = "";
  const bytes = bytesOf(tests.images);
  tests.indices.forEach((index, k) => {
    const div = thumb(bytes, k, tests.labels[k], tests.predicted[k], (el) => {
      for (const t of strip.querySelectorAll(".selected")) t.classList.remove("selected");
      el.classList.add("selected");
      insideSource = index;
      $("inside-source").textContent = t("testImage", { index });
      showInside({ index });
      refreshIm2colImages();
    });
    div.dataset.index = index;
    div.title = t("testImage", { index });
    strip.append(div);
  });
  strip.dataset.ready = "1";
  refreshIm2colImages();
}

// ---- 3. im2col explorer -------------------------------------------------------------------

const im = { data: null, image: null, hover: null };
lab.im = im;
function options(select, values, chosen) {
  select.innerHTML = values.map((v) =>
    `<option value="${v}"${v === chosen ? " selected" : ""}>${v}</option>`
  ).join("");
}
options($("im-filter"), [1, 2, 3, 4, 5, 6, 7], 5);
options($("im-stride"), [1, 2, 3, 4], 1);
options($("im-pad"), [0, 1, 2, 3], 0);

function refreshIm2colImages() {
  const select = $("im-image");
  const chosen = select.value;
  const items = [];
  if (lab.drawn) items.push(["drawn", t("yourDrawing")]);
  if (typeof insideSource === "number") {
    items.push([`${insideSource}`, t("testShort", { index: insideSource })]);
  }
  for (const i of [0, 1, 2]) {
    if (i !== insideSource) items.push([`${i}`, t("testShort", { index: i })]);
  }
  select.innerHTML = items.map(([v, t]) => `<option value="${v}">${t}</option>`).join("");
  if (items.some(([v]) => v === chosen)) select.value = chosen;
  if (im.data === null || chosen !== select.value) loadIm2col();
}

/** The newest im2col request: an older answer arriving late must not replace a newer one. */
let im2colRequest = 0;

async function loadIm2col() {
  const ticket = ++im2colRequest;
  const source = $("im-image").value || "0";
  const filter = Number($("im-filter").value), stride = Number($("im-stride").value);
  const padding = Number($("im-pad").value);
  const request = { filter, stride, pad: padding };
  if (source === "drawn" && lab.drawn) request.pixels = [...lab.drawn];
  else request.index = Number(source === "drawn" ? 0 : source);
  const [result, image] = await Promise.all([
    api("/api/im2col", request),
    request.pixels
      ? Promise.resolve({ image: null, pixels: lab.drawn })
      : api("/api/inspect", { index: request.index }),
  ]);
  if (ticket !== im2colRequest) return;
  im.data = {
    ...result,
    filter,
    stride,
    pad: padding,
    col: decode(result.col),
    counts: decode(result.counts),
  };
  im.image = image.pixels ?? decode(image.image);
  $("im-shape").textContent = t("imShape", {
    h: result.outH,
    w: result.outW,
    shape: result.col.shape.join(", "),
  });
  im.hover = im.hover && im.hover < result.outH * result.outW ? im.hover : Math.floor(
    (result.outH * result.outW) / 2 + result.outW / 2,
  );
  drawIm2col();
  $("im2col").dataset.ready = "1";
}
for (const id of ["im-image", "im-filter", "im-stride", "im-pad"]) {
  $(id).addEventListener("change", loadIm2col);
}

function drawIm2col() {
  const d = im.data;
  if (!d) return;
  const size = 28 + 2 * d.pad;
  // Padded input with the patch.
  const input = $("im-input"), ctx = input.getContext("2d");
  const cell = input.width / size;
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, input.width, input.height);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const iy = y - d.pad, ix = x - d.pad;
      const inside = iy >= 0 && iy < 28 && ix >= 0 && ix < 28;
      const v = inside ? im.image[iy * 28 + ix] : 0;
      const g = Math.round(255 * (1 - v));
      ctx.fillStyle = inside ? `rgb(${g},${g},${g})` : "#e5e7eb";
      ctx.fillRect(x * cell, y * cell, cell, cell);
    }
  }
  const oy = Math.floor(im.hover / d.outW), ox = im.hover % d.outW;
  ctx.strokeStyle = "#dc2626";
  ctx.lineWidth = 2;
  ctx.strokeRect(ox * d.stride * cell, oy * d.stride * cell, d.filter * cell, d.filter * cell);
  // Output grid.
  const output = $("im-output"), octx = output.getContext("2d");
  const oc = output.width / Math.max(d.outW, d.outH);
  octx.fillStyle = "#fff";
  octx.fillRect(0, 0, output.width, output.height);
  const cols = d.col.length / (d.outH * d.outW);
  for (let r = 0; r < d.outH * d.outW; r++) {
    let s = 0;
    for (let k = 0; k < cols; k++) s += d.col[r * cols + k];
    const g = Math.round(255 * (1 - Math.min(1, s / cols)));
    octx.fillStyle = `rgb(${g},${g},${g})`;
    octx.fillRect((r % d.outW) * oc, Math.floor(r / d.outW) * oc, oc, oc);
  }
  octx.strokeStyle = "#dc2626";
  octx.lineWidth = 2;
  octx.strokeRect(ox * oc, oy * oc, oc, oc);
  // The patch and its row.
  const row = d.col.subarray(im.hover * cols, (im.hover + 1) * cols);
  paint($("im-patch"), row, d.filter, d.filter, { scale: 1, invert: true });
  const rowCanvas = $("im-row"), rctx = rowCanvas.getContext("2d");
  rctx.fillStyle = "#fff";
  rctx.fillRect(0, 0, rowCanvas.width, rowCanvas.height);
  const rc = Math.min(36, rowCanvas.width / cols);
  for (let k = 0; k < cols; k++) {
    const g = Math.round(255 * (1 - row[k]));
    rctx.fillStyle = `rgb(${g},${g},${g})`;
    rctx.fillRect(k * rc, 0, rc - 1, 26);
    if (rc >= 18) {
      rctx.fillStyle = row[k] > 0.5 ? "#fff" : "#111";
      rctx.font = "9px sans-serif";
      rctx.fillText(row[k].toFixed(1), k * rc + 2, 17);
    }
  }
  $("im-row-caption").textContent = t("rowCaption", { row: im.hover, y: oy, x: ox, n: cols });
  // All of col, the row marked.
  const colCanvas = $("im-col");
  const rows = d.outH * d.outW;
  paint(colCanvas, d.col, cols, rows, { scale: 1, invert: true });
  colCanvas.style.width = `${Math.min(200, cols * 8)}px`;
  colCanvas.style.height = "300px";
  colCanvas.style.imageRendering = "pixelated";
  const ctx2 = colCanvas.getContext("2d");
  ctx2.fillStyle = "rgba(220, 38, 38, 0.8)";
  ctx2.fillRect(0, im.hover, cols, Math.max(1, rows / 300));
  // col2im's counts.
  const counts = $("im-counts"), cctx = counts.getContext("2d");
  const cc = counts.width / 28;
  let maxCount = 0;
  for (const v of d.counts) maxCount = Math.max(maxCount, v);
  cctx.clearRect(0, 0, counts.width, counts.height);
  cctx.font = "9px sans-serif";
  cctx.textAlign = "center";
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      const v = d.counts[y * 28 + x];
      const a = maxCount ? v / maxCount : 0;
      cctx.fillStyle = `rgba(37, 99, 235, ${0.08 + 0.7 * a})`;
      cctx.fillRect(x * cc, y * cc, cc, cc);
      cctx.fillStyle = a > 0.6 ? "#fff" : "#111";
      cctx.fillText(`${v}`, x * cc + cc / 2, y * cc + cc - 3);
    }
  }
  // The hovered patch's pixels on the counts.
  cctx.strokeStyle = "#dc2626";
  cctx.lineWidth = 2;
  cctx.strokeRect(
    (ox * d.stride - d.pad) * cc,
    (oy * d.stride - d.pad) * cc,
    d.filter * cc,
    d.filter * cc,
  );
  $("im-counts-caption").textContent = t("countsDetail", { max: maxCount });
}

$("im-output").addEventListener("mousemove", (event) => {
  const d = im.data;
  if (!d) return;
  const r = event.target.getBoundingClientRect();
  const oc = r.width / Math.max(d.outW, d.outH);
  const x = Math.floor((event.clientX - r.left) / oc), y = Math.floor((event.clientY - r.top) / oc);
  if (x < 0 || y < 0 || x >= d.outW || y >= d.outH) return;
  const hover = y * d.outW + x;
  if (hover !== im.hover) {
    im.hover = hover;
    drawIm2col();
  }
});

// ---- 4. Optimizer race -------------------------------------------------------------------

const COLORS = {
  SGD: "#dc2626",
  Momentum: "#ea580c",
  Nesterov: "#ca8a04",
  AdaGrad: "#16a34a",
  RMSprop: "#0891b2",
  Adam: "#7c3aed",
};
const raceLr = {};
const X_RANGE = [-10, 10], Y_RANGE = [-5, 5];

async function loadRace() {
  const steps = Number($("race-steps").value) || 30;
  const result = await api("/api/race", { steps, lr: raceLr });
  lab.race = result;
  Object.assign(raceLr, result.lr);
  $("race-of").textContent = steps;
  lab.raceStep = Math.min(lab.raceStep, steps);
  const body = $("race-table").querySelector("tbody");
  if (body.children.length === 0) {
    for (const name of Object.keys(result.paths)) {
      const tr = document.createElement("tr");
      tr.dataset.optimizer = name;
      tr.innerHTML =
        `<td><span class="swatch" style="background:${COLORS[name]}"></span>${name}</td>` +
        `<td><input type="number" step="any" min="0" value="${result.lr[name]}"></td>` +
        `<td class="x"></td><td class="y"></td><td class="f"></td>`;
      tr.querySelector("input").addEventListener("change", (event) => {
        raceLr[name] = Number(event.target.value);
        loadRace();
      });
      body.append(tr);
    }
  }
  drawRace();
  $("race").dataset.ready = "1";
}

function drawRace() {
  const canvas = $("race-plot"), ctx = canvas.getContext("2d");
  const W = canvas.width, H = canvas.height;
  const px = (x) => ((x - X_RANGE[0]) / (X_RANGE[1] - X_RANGE[0])) * W;
  const py = (y) => H - ((y - Y_RANGE[0]) / (Y_RANGE[1] - Y_RANGE[0])) * H;
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, W, H);
  for (const level of [0.25, 0.5, 1, 2, 3, 4, 5, 6, 7, 9, 12, 16, 20]) {
    ctx.beginPath();
    for (let i = 0; i <= 180; i++) {
      const t = (2 * Math.PI * i) / 180;
      const x = Math.sqrt(20 * level) * Math.cos(t), y = Math.sqrt(level) * Math.sin(t);
      if (i === 0) ctx.moveTo(px(x), py(y));
      else ctx.lineTo(px(x), py(y));
    }
    ctx.strokeStyle = `hsl(${220 - level * 8}, 45%, ${75 - level}%)`;
    ctx.lineWidth = 1;
    ctx.stroke();
  }
  ctx.strokeStyle = "#9ca3af";
  ctx.beginPath();
  ctx.moveTo(px(0), 0);
  ctx.lineTo(px(0), H);
  ctx.moveTo(0, py(0));
  ctx.lineTo(W, py(0));
  ctx.stroke();
  ctx.fillStyle = "#6b7280";
  ctx.font = "11px sans-serif";
  ctx.fillText("x", W - 12, py(0) - 4);
  ctx.fillText("y", px(0) + 4, 12);
  ctx.fillText("+", px(0) - 3, py(0) + 4);
  const step = lab.raceStep;
  $("race-at").textContent = step;
  if (!lab.race) return;
  for (const [name, path] of Object.entries(lab.race.paths)) {
    ctx.strokeStyle = COLORS[name];
    ctx.fillStyle = COLORS[name];
    ctx.lineWidth = 2;
    ctx.beginPath();
    for (let i = 0; i <= step; i++) {
      const [x, y] = path[i];
      if (i === 0) ctx.moveTo(px(x), py(y));
      else ctx.lineTo(px(x), py(y));
    }
    ctx.stroke();
    const [x, y] = path[step];
    ctx.beginPath();
    ctx.arc(px(x), py(y), 5, 0, 2 * Math.PI);
    ctx.fill();
    const tr = $("race-table").querySelector(`tr[data-optimizer="${name}"]`);
    tr.dataset.x = x;
    tr.dataset.y = y;
    tr.querySelector(".x").textContent = x.toFixed(4);
    tr.querySelector(".y").textContent = y.toFixed(4);
    tr.querySelector(".f").textContent = (x * x / 20 + y * y).toFixed(4);
  }
}

let playing = null;
$("race-step").addEventListener("click", () => {
  if (lab.race && lab.raceStep < lab.race.steps) lab.raceStep++;
  drawRace();
});
$("race-reset").addEventListener("click", () => {
  lab.raceStep = 0;
  drawRace();
});
$("race-play").addEventListener("click", () => {
  if (playing) {
    clearInterval(playing);
    playing = null;
    $("race-play").textContent = t("play");
    return;
  }
  if (lab.race && lab.raceStep >= lab.race.steps) lab.raceStep = 0;
  $("race-play").textContent = t("pause");
  playing = setInterval(() => {
    if (!lab.race || lab.raceStep >= lab.race.steps) {
      clearInterval(playing);
      playing = null;
      $("race-play").textContent = t("play");
      return;
    }
    lab.raceStep++;
    drawRace();
  }, 120);
});
$("race-steps").addEventListener("change", loadRace);

// ---- 5. The last run ---------------------------------------------------------------------

function chart(title, series, { percent = false } = {}) {
  const W = 380, H = 220, L = 48, R = 12, T = 24, B = 30;
  const points = series.flatMap((s) => s.values);
  if (points.length === 0) return `<p class="dim">${t("noHistory")}</p>`;
  const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
  const x0 = Math.min(...xs, 0), x1 = Math.max(...xs, 1);
  let y0 = Math.min(...ys), y1 = Math.max(...ys);
  if (y1 - y0 < 1e-9) [y0, y1] = [y0 - 0.01, y1 + 0.01];
  const pad = (y1 - y0) * 0.08;
  y0 -= pad;
  y1 += pad;
  const sx = (x) => L + ((x - x0) / (x1 - x0)) * (W - L - R);
  const sy = (y) => H - B - ((y - y0) / (y1 - y0)) * (H - T - B);
  const fmt = (y) => (percent ? `${(100 * y).toFixed(1)}%` : y.toFixed(3));
  let svg = `<svg width="${W}" height="${H}" role="img" aria-label="${title}">`;
  svg += `<text x="${L}" y="14" style="font-size:13px;fill:#1d2330">${title}</text>`;
  for (let i = 0; i <= 4; i++) {
    const y = y0 + ((y1 - y0) * i) / 4;
    svg += `<line x1="${L}" x2="${W - R}" y1="${sy(y)}" y2="${sy(y)}" stroke="#eef0f3"/>`;
    svg += `<text x="${L - 4}" y="${sy(y) + 4}" text-anchor="end">${fmt(y)}</text>`;
  }
  for (let e = Math.ceil(x0); e <= x1; e++) {
    svg += `<text x="${sx(e)}" y="${H - B + 14}" text-anchor="middle">${e}</text>`;
  }
  svg += `<text x="${(L + W - R) / 2}" y="${H - 2}" text-anchor="middle">${t("epoch")}</text>`;
  series.forEach((s, k) => {
    const d = s.values.map(([x, y], i) => `${i ? "L" : "M"}${sx(x)},${sy(y)}`).join("");
    svg += `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"/>`;
    for (const [x, y] of s.values) {
      svg += `<circle cx="${sx(x)}" cy="${sy(y)}" r="3" fill="${s.color}"/>`;
    }
    svg += `<text x="${W - R - 70 * k}" y="14" text-anchor="end" style="fill:${s.color}">` +
      `● ${s.name}</text>`;
  });
  return svg + "</svg>";
}

async function loadRun() {
  let run = await api("/api/run");
  const history = run.history;
  $("run-loss").innerHTML = chart(t("loss"), [
    { name: t("trainingLoss"), color: "#dc2626", values: history.map((r) => [r.epoch, r.loss]) },
  ]);
  $("run-accuracy").innerHTML = chart(t("accuracy"), [
    {
      name: t("train"),
      color: "#2563eb",
      values: history.map((r) => [r.epoch, r.trainAccuracy]),
    },
    {
      name: t("test"),
      color: "#16a34a",
      values: history.map((r) => [r.epoch, r.testAccuracy]),
    },
  ], { percent: true });
  const describe = () =>
    run.kind === "shipped" ? t("shippedRun", { params: run.params }) : t("runIn", {
      params: run.params,
      history: run.historyPath ? t("historyIn", { path: run.historyPath }) : "",
    });
  $("run-state").textContent = describe();
  while (!run.ready) {
    $("run-wrong-title").textContent = t("wrongWaiting");
    await new Promise((r) => setTimeout(r, 500));
    run = await api("/api/run");
  }
  $("run-wrong-title").textContent = t("wrongTitle", {
    wrong: run.wrong,
    total: run.total,
    acc: (100 * run.accuracy).toFixed(2),
  });
  const grid = $("run-wrong");
  grid.innerHTML = "";
  const bytes = bytesOf(run.images);
  run.indices.forEach((index, k) => {
    const div = thumb(bytes, k, run.labels[k], run.predicted[k]);
    div.title = t("testImage", { index });
    grid.append(div);
  });
  $("run").dataset.ready = "1";
}

// ---- start -------------------------------------------------------------------------------

globalThis.addEventListener("error", (event) => lab.errors.push(String(event.message)));
globalThis.addEventListener("unhandledrejection", (event) => lab.errors.push(String(event.reason)));

await showState();
renderBars(new Array(10).fill(0), -1);
paint($("preprocessed"), new Float32Array(784), 28, 28, { scale: 1 });
refreshIm2colImages();
loadRace();
loadRun();
await loadStrip();
if (insideSource === "drawn" && !lab.drawn) {
  // Until something is drawn, show the first test image the network gets wrong.
  const first = $("strip").querySelector(".thumb");
  first?.click();
}
