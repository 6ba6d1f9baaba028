// @ts-check
/**
 * MNIST-style preprocessing of a drawn digit, as LeCun, Cortes and Burges describe the making
 * of MNIST: the digit is fitted into a 20×20 box by its bounding box (keeping its aspect
 * ratio, anti-aliased: each box pixel is the mean of the canvas pixels it covers), then placed
 * in a 28×28 image so that its centre of mass falls on the centre. Greyscale in [0, 1], ink
 * high, as `loadMnist` gives the images. Plain JavaScript, served to the page as it is and
 * tested in Deno (`preprocess_test.ts`).
 *
 * @module
 */

/**
 * The 28×28 MNIST-style image of a drawing.
 *
 * @param {ArrayLike<number>} ink The drawing's ink per pixel, row-major (0: none; any scale).
 * @param {number} width The drawing's width in pixels.
 * @param {number} height The drawing's height in pixels.
 * @returns {Float32Array | null} 784 values in [0, 1], or null when nothing is drawn.
 */
export function preprocess(ink, width, height) {
  let max = 0;
  for (let i = 0; i < width * height; i++) if (ink[i] > max) max = ink[i];
  if (max <= 0) return null;
  // The bounding box of the ink (faint anti-aliasing fringes count as ink too).
  const threshold = max * 0.05;
  let x0 = width, y0 = height, x1 = -1, y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] > threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  const bw = x1 - x0 + 1, bh = y1 - y0 + 1;
  const scale = 20 / Math.max(bw, bh);
  const tw = Math.max(1, Math.round(bw * scale)), th = Math.max(1, Math.round(bh * scale));
  // Area resampling: each canvas pixel adds its ink to the box pixels it overlaps, weighted by
  // the overlap, so thin strokes become grey rather than vanishing.
  const box = new Float64Array(tw * th);
  const sx = tw / bw, sy = th / bh;
  for (let y = y0; y <= y1; y++) {
    const top = (y - y0) * sy, bottom = top + sy;
    for (let x = x0; x <= x1; x++) {
      const v = ink[y * width + x];
      if (v <= 0) continue;
      const left = (x - x0) * sx, right = left + sx;
      for (let ty = Math.floor(top); ty < Math.min(th, Math.ceil(bottom)); ty++) {
        const hy = Math.min(bottom, ty + 1) - Math.max(top, ty);
        if (hy <= 0) continue;
        for (let tx = Math.floor(left); tx < Math.min(tw, Math.ceil(right)); tx++) {
          const hx = Math.min(right, tx + 1) - Math.max(left, tx);
          if (hx > 0) box[ty * tw + tx] += v * hx * hy;
        }
      }
    }
  }
  // Strokes as dark as MNIST's: the darkest box pixel becomes 1.
  let boxMax = 0;
  for (const v of box) if (v > boxMax) boxMax = v;
  // The centre of mass (pixel centres at i + 0.5), moved to (14, 14) by a whole-pixel shift.
  let mass = 0, mx = 0, my = 0;
  for (let ty = 0; ty < th; ty++) {
    for (let tx = 0; tx < tw; tx++) {
      const v = box[ty * tw + tx];
      mass += v;
      mx += v * (tx + 0.5);
      my += v * (ty + 0.5);
    }
  }
  const ox = Math.round(14 - mx / mass), oy = Math.round(14 - my / mass);
  const out = new Float32Array(784);
  for (let ty = 0; ty < th; ty++) {
    for (let tx = 0; tx < tw; tx++) {
      const X = tx + ox, Y = ty + oy;
      if (X >= 0 && X < 28 && Y >= 0 && Y < 28) {
        out[Y * 28 + X] = Math.min(1, box[ty * tw + tx] / boxMax);
      }
    }
  }
  return out;
}

/**
 * The centre of mass of a 28×28 image, pixel centres at i + 0.5.
 *
 * @param {ArrayLike<number>} image 784 values.
 * @returns {[number, number]} x and y.
 */
export function centreOfMass(image) {
  let mass = 0, mx = 0, my = 0;
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      const v = image[y * 28 + x];
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  return [mx / mass, my / mass];
}
