;; conv_relu_pool.wat: a first convolution (stride 1, no padding) + bias + ReLU + 2×2 max pooling
;; in one pass, and its backward to dW and db, in WebAssembly SIMD, for the engine's ConvReluPool
;; step (../conv_relu_pool.ts). Built by `deno task build:wasm` into conv_relu_pool_wasm.ts.
;;
;; Forward: 16 filters at a time (four f32x4 accumulators), one output position at a time: each
;; input value is loaded once, splatted and multiplied into the 16 filters' weights (repacked by
;; the caller as [K][FNp], FNp a multiple of 16). The four positions of a pooling window are
;; computed one after another and their maximum kept with bit masks (a strictly larger value
;; wins: ties keep the first position, row-major, as the book's argmax). Then ReLU: the pooled
;; value where it is positive, else 0, and the winning conv position (y·OW + x) or -1. The dense
;; convolution output never exists: only the pooled values and positions are written.
;;
;; Backward: for each window whose pooled value was positive, dout times the input patch at its
;; position is added to that filter's dW row (and dout to db), image by image into a scratch
;; row set that is then added to the total, in a fixed order (the same bits every run).
(module
  (memory (export "memory") 1 65536)

  ;; Writes the four lanes of the pooled values v and positions p of filters f0..f0+3 at the
  ;; byte addresses out and arg and the next three planes, skipping filters >= fn.
  (func $store4
    (param $v v128) (param $p v128) (param $out i32) (param $arg i32) (param $f0 i32)
    (param $fn i32) (param $planeBytes i32)
    (local $o i32) (local $a i32)
    (local.set $o (local.get $out))
    (local.set $a (local.get $arg))
    (if (i32.lt_u (local.get $f0) (local.get $fn)) (then
      (f32.store (local.get $o) (f32x4.extract_lane 0 (local.get $v)))
      (i32.store (local.get $a) (i32x4.extract_lane 0 (local.get $p)))))
    (local.set $o (i32.add (local.get $o) (local.get $planeBytes)))
    (local.set $a (i32.add (local.get $a) (local.get $planeBytes)))
    (if (i32.lt_u (i32.add (local.get $f0) (i32.const 1)) (local.get $fn)) (then
      (f32.store (local.get $o) (f32x4.extract_lane 1 (local.get $v)))
      (i32.store (local.get $a) (i32x4.extract_lane 1 (local.get $p)))))
    (local.set $o (i32.add (local.get $o) (local.get $planeBytes)))
    (local.set $a (i32.add (local.get $a) (local.get $planeBytes)))
    (if (i32.lt_u (i32.add (local.get $f0) (i32.const 2)) (local.get $fn)) (then
      (f32.store (local.get $o) (f32x4.extract_lane 2 (local.get $v)))
      (i32.store (local.get $a) (i32x4.extract_lane 2 (local.get $p)))))
    (local.set $o (i32.add (local.get $o) (local.get $planeBytes)))
    (local.set $a (i32.add (local.get $a) (local.get $planeBytes)))
    (if (i32.lt_u (i32.add (local.get $f0) (i32.const 3)) (local.get $fn)) (then
      (f32.store (local.get $o) (f32x4.extract_lane 3 (local.get $v)))
      (i32.store (local.get $a) (i32x4.extract_lane 3 (local.get $p))))))

  ;; x: [n][c][h][w] float32 at byte $x; weights [K][fnp] at $wt (K = c·fh·fw, row-major
  ;; c, ky, kx); bias [fnp] at $b; pooled output [n][fn][ph][pw] float32 at $out and positions
  ;; [n][fn][ph][pw] int32 at $arg, ph = oh/2, pw = ow/2 (oh = h-fh+1, ow = w-fw+1).
  (func (export "forward")
    (param $x i32) (param $wt i32) (param $b i32) (param $out i32) (param $arg i32)
    (param $n i32) (param $c i32) (param $h i32) (param $w i32) (param $fn i32) (param $fnp i32)
    (param $fh i32) (param $fw i32)
    (local $oh i32) (local $ow i32) (local $ph i32) (local $pw i32) (local $img i32)
    (local $g i32) (local $py i32) (local $px i32) (local $q i32) (local $y i32) (local $xx i32)
    (local $ci i32) (local $ky i32) (local $kx i32) (local $wp i32) (local $row i32)
    (local $rowStep i32) (local $fnpBytes i32) (local $planeBytes i32) (local $imgIn i32)
    (local $pos i32) (local $o i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $m0 v128) (local $m1 v128) (local $m2 v128) (local $m3 v128)
    (local $i0 v128) (local $i1 v128) (local $i2 v128) (local $i3 v128)
    (local $s v128) (local $k v128) (local $pv v128) (local $zero v128) (local $none v128)
    (local.set $oh (i32.add (i32.sub (local.get $h) (local.get $fh)) (i32.const 1)))
    (local.set $ow (i32.add (i32.sub (local.get $w) (local.get $fw)) (i32.const 1)))
    (local.set $ph (i32.shr_u (local.get $oh) (i32.const 1)))
    (local.set $pw (i32.shr_u (local.get $ow) (i32.const 1)))
    (local.set $fnpBytes (i32.shl (local.get $fnp) (i32.const 2)))
    (local.set $planeBytes (i32.shl (i32.mul (local.get $ph) (local.get $pw)) (i32.const 2)))
    (local.set $zero (f32x4.splat (f32.const 0)))
    (local.set $none (i32x4.splat (i32.const -1)))
    (local.set $img (i32.const 0))
    (block $imgsDone (loop $imgs
      (br_if $imgsDone (i32.ge_u (local.get $img) (local.get $n)))
      (local.set $imgIn (i32.add (local.get $x)
        (i32.shl (i32.mul (local.get $img) (i32.mul (local.get $c)
          (i32.mul (local.get $h) (local.get $w)))) (i32.const 2))))
      (local.set $g (i32.const 0))
      (block $groupsDone (loop $groups
        (br_if $groupsDone (i32.ge_u (local.get $g) (local.get $fnp)))
        (local.set $py (i32.const 0))
        (block $pysDone (loop $pys
          (br_if $pysDone (i32.ge_u (local.get $py) (local.get $ph)))
          (local.set $px (i32.const 0))
          (block $pxsDone (loop $pxs
            (br_if $pxsDone (i32.ge_u (local.get $px) (local.get $pw)))
            (local.set $m0 (f32x4.splat (f32.const -inf)))
            (local.set $m1 (local.get $m0))
            (local.set $m2 (local.get $m0))
            (local.set $m3 (local.get $m0))
            (local.set $i0 (local.get $none))
            (local.set $i1 (local.get $none))
            (local.set $i2 (local.get $none))
            (local.set $i3 (local.get $none))
            (local.set $q (i32.const 0))
            (loop $quad
              (local.set $y (i32.add (i32.shl (local.get $py) (i32.const 1))
                (i32.shr_u (local.get $q) (i32.const 1))))
              (local.set $xx (i32.add (i32.shl (local.get $px) (i32.const 1))
                (i32.and (local.get $q) (i32.const 1))))
              (local.set $wp (i32.add (local.get $b) (i32.shl (local.get $g) (i32.const 2))))
              (local.set $a0 (v128.load (local.get $wp)))
              (local.set $a1 (v128.load offset=16 (local.get $wp)))
              (local.set $a2 (v128.load offset=32 (local.get $wp)))
              (local.set $a3 (v128.load offset=48 (local.get $wp)))
              (local.set $wp (i32.add (local.get $wt) (i32.shl (local.get $g) (i32.const 2))))
              (local.set $ci (i32.const 0))
              (loop $channels
                (local.set $ky (i32.const 0))
                (loop $krows
                  ;; byte address of x[img, ci, y+ky, xx]
                  (local.set $row (i32.add (local.get $imgIn) (i32.shl
                    (i32.add
                      (i32.mul (i32.add (i32.mul (local.get $ci) (local.get $h))
                        (i32.add (local.get $y) (local.get $ky))) (local.get $w))
                      (local.get $xx))
                    (i32.const 2))))
                  (local.set $kx (i32.const 0))
                  (loop $kcols
                    (local.set $s (v128.load32_splat (local.get $row)))
                    (local.set $a0 (f32x4.relaxed_madd (v128.load (local.get $wp)) (local.get $s)
                      (local.get $a0)))
                    (local.set $a1 (f32x4.relaxed_madd (v128.load offset=16 (local.get $wp))
                      (local.get $s) (local.get $a1)))
                    (local.set $a2 (f32x4.relaxed_madd (v128.load offset=32 (local.get $wp))
                      (local.get $s) (local.get $a2)))
                    (local.set $a3 (f32x4.relaxed_madd (v128.load offset=48 (local.get $wp))
                      (local.get $s) (local.get $a3)))
                    (local.set $row (i32.add (local.get $row) (i32.const 4)))
                    (local.set $wp (i32.add (local.get $wp) (local.get $fnpBytes)))
                    (local.set $kx (i32.add (local.get $kx) (i32.const 1)))
                    (br_if $kcols (i32.lt_u (local.get $kx) (local.get $fw))))
                  (local.set $ky (i32.add (local.get $ky) (i32.const 1)))
                  (br_if $krows (i32.lt_u (local.get $ky) (local.get $fh))))
                (local.set $ci (i32.add (local.get $ci) (i32.const 1)))
                (br_if $channels (i32.lt_u (local.get $ci) (local.get $c))))
              ;; keep the larger (strictly) with its position
              (local.set $pv (i32x4.splat (i32.add (i32.mul (local.get $y) (local.get $ow))
                (local.get $xx))))
              (local.set $k (f32x4.gt (local.get $a0) (local.get $m0)))
              (local.set $m0 (v128.bitselect (local.get $a0) (local.get $m0) (local.get $k)))
              (local.set $i0 (v128.bitselect (local.get $pv) (local.get $i0) (local.get $k)))
              (local.set $k (f32x4.gt (local.get $a1) (local.get $m1)))
              (local.set $m1 (v128.bitselect (local.get $a1) (local.get $m1) (local.get $k)))
              (local.set $i1 (v128.bitselect (local.get $pv) (local.get $i1) (local.get $k)))
              (local.set $k (f32x4.gt (local.get $a2) (local.get $m2)))
              (local.set $m2 (v128.bitselect (local.get $a2) (local.get $m2) (local.get $k)))
              (local.set $i2 (v128.bitselect (local.get $pv) (local.get $i2) (local.get $k)))
              (local.set $k (f32x4.gt (local.get $a3) (local.get $m3)))
              (local.set $m3 (v128.bitselect (local.get $a3) (local.get $m3) (local.get $k)))
              (local.set $i3 (v128.bitselect (local.get $pv) (local.get $i3) (local.get $k)))
              (local.set $q (i32.add (local.get $q) (i32.const 1)))
              (br_if $quad (i32.lt_u (local.get $q) (i32.const 4))))
            ;; ReLU: the maximum where positive (its position), else +0 (position -1)
            (local.set $k (f32x4.gt (local.get $m0) (local.get $zero)))
            (local.set $m0 (v128.and (local.get $m0) (local.get $k)))
            (local.set $i0 (v128.bitselect (local.get $i0) (local.get $none) (local.get $k)))
            (local.set $k (f32x4.gt (local.get $m1) (local.get $zero)))
            (local.set $m1 (v128.and (local.get $m1) (local.get $k)))
            (local.set $i1 (v128.bitselect (local.get $i1) (local.get $none) (local.get $k)))
            (local.set $k (f32x4.gt (local.get $m2) (local.get $zero)))
            (local.set $m2 (v128.and (local.get $m2) (local.get $k)))
            (local.set $i2 (v128.bitselect (local.get $i2) (local.get $none) (local.get $k)))
            (local.set $k (f32x4.gt (local.get $m3) (local.get $zero)))
            (local.set $m3 (v128.and (local.get $m3) (local.get $k)))
            (local.set $i3 (v128.bitselect (local.get $i3) (local.get $none) (local.get $k)))
            ;; byte offset of [img, g, py, px] in the pooled arrays
            (local.set $o (i32.shl
              (i32.add
                (i32.mul (i32.add (i32.mul (local.get $img) (local.get $fn)) (local.get $g))
                  (i32.mul (local.get $ph) (local.get $pw)))
                (i32.add (i32.mul (local.get $py) (local.get $pw)) (local.get $px)))
              (i32.const 2)))
            (call $store4 (local.get $m0) (local.get $i0)
              (i32.add (local.get $out) (local.get $o)) (i32.add (local.get $arg) (local.get $o))
              (local.get $g) (local.get $fn) (local.get $planeBytes))
            (call $store4 (local.get $m1) (local.get $i1)
              (i32.add (local.get $out) (i32.add (local.get $o) (i32.shl (local.get $planeBytes) (i32.const 2))))
              (i32.add (local.get $arg) (i32.add (local.get $o) (i32.shl (local.get $planeBytes) (i32.const 2))))
              (i32.add (local.get $g) (i32.const 4)) (local.get $fn) (local.get $planeBytes))
            (call $store4 (local.get $m2) (local.get $i2)
              (i32.add (local.get $out) (i32.add (local.get $o) (i32.shl (local.get $planeBytes) (i32.const 3))))
              (i32.add (local.get $arg) (i32.add (local.get $o) (i32.shl (local.get $planeBytes) (i32.const 3))))
              (i32.add (local.get $g) (i32.const 8)) (local.get $fn) (local.get $planeBytes))
            (call $store4 (local.get $m3) (local.get $i3)
              (i32.add (local.get $out) (i32.add (local.get $o) (i32.mul (local.get $planeBytes) (i32.const 12))))
              (i32.add (local.get $arg) (i32.add (local.get $o) (i32.mul (local.get $planeBytes) (i32.const 12))))
              (i32.add (local.get $g) (i32.const 12)) (local.get $fn) (local.get $planeBytes))
            (local.set $px (i32.add (local.get $px) (i32.const 1)))
            (br $pxs)))
          (local.set $py (i32.add (local.get $py) (i32.const 1)))
          (br $pys)))
        (local.set $g (i32.add (local.get $g) (i32.const 16)))
        (br $groups)))
      (local.set $img (i32.add (local.get $img) (i32.const 1)))
      (br $imgs))))

  ;; dout [n][fn][ph][pw] float32 at $d, positions as written by forward at $arg, x as forward;
  ;; dW rows [fn][K+1] (the last value of a row is db) summed into $dw (zeroed here), with the
  ;; scratch rows $tmp (fn·(K+1) floats) for each image's sums.
  (func (export "backward")
    (param $x i32) (param $d i32) (param $arg i32) (param $dw i32) (param $tmp i32)
    (param $n i32) (param $c i32) (param $h i32) (param $w i32) (param $fn i32)
    (param $fh i32) (param $fw i32)
    (local $oh i32) (local $ow i32) (local $windows i32) (local $img i32) (local $f i32)
    (local $p i32) (local $i i32) (local $at i32) (local $y i32) (local $xx i32) (local $k1 i32)
    (local $rowT i32) (local $t i32) (local $ci i32) (local $ky i32) (local $kx i32)
    (local $src i32) (local $imgIn i32) (local $rowBytes i32) (local $len i32) (local $j i32)
    (local $dv f32) (local $ds v128)
    (local.set $oh (i32.add (i32.sub (local.get $h) (local.get $fh)) (i32.const 1)))
    (local.set $ow (i32.add (i32.sub (local.get $w) (local.get $fw)) (i32.const 1)))
    (local.set $windows (i32.mul (i32.shr_u (local.get $oh) (i32.const 1))
      (i32.shr_u (local.get $ow) (i32.const 1))))
    (local.set $k1 (i32.add (i32.mul (local.get $c) (i32.mul (local.get $fh) (local.get $fw)))
      (i32.const 1)))
    (local.set $rowBytes (i32.shl (local.get $k1) (i32.const 2)))
    (local.set $len (i32.mul (local.get $fn) (local.get $rowBytes)))
    (memory.fill (local.get $dw) (i32.const 0) (local.get $len))
    (local.set $img (i32.const 0))
    (block $imgsDone (loop $imgs
      (br_if $imgsDone (i32.ge_u (local.get $img) (local.get $n)))
      (memory.fill (local.get $tmp) (i32.const 0) (local.get $len))
      (local.set $imgIn (i32.add (local.get $x)
        (i32.shl (i32.mul (local.get $img) (i32.mul (local.get $c)
          (i32.mul (local.get $h) (local.get $w)))) (i32.const 2))))
      (local.set $f (i32.const 0))
      (block $filtersDone (loop $filters
        (br_if $filtersDone (i32.ge_u (local.get $f) (local.get $fn)))
        (local.set $rowT (i32.add (local.get $tmp) (i32.mul (local.get $f) (local.get $rowBytes))))
        (local.set $i (i32.mul (i32.add (i32.mul (local.get $img) (local.get $fn)) (local.get $f))
          (local.get $windows)))
        (local.set $p (i32.const 0))
        (block $windowsDone (loop $wins
          (br_if $windowsDone (i32.ge_u (local.get $p) (local.get $windows)))
          (local.set $j (i32.shl (i32.add (local.get $i) (local.get $p)) (i32.const 2)))
          (local.set $at (i32.load (i32.add (local.get $arg) (local.get $j))))
          (if (i32.ge_s (local.get $at) (i32.const 0)) (then
            (local.set $dv (f32.load (i32.add (local.get $d) (local.get $j))))
            (local.set $ds (f32x4.splat (local.get $dv)))
            (local.set $y (i32.div_u (local.get $at) (local.get $ow)))
            (local.set $xx (i32.sub (local.get $at) (i32.mul (local.get $y) (local.get $ow))))
            ;; db, the row's last value
            (local.set $t (i32.add (local.get $rowT) (i32.sub (local.get $rowBytes) (i32.const 4))))
            (f32.store (local.get $t) (f32.add (f32.load (local.get $t)) (local.get $dv)))
            (local.set $t (local.get $rowT))
            (local.set $ci (i32.const 0))
            (loop $channels
              (local.set $ky (i32.const 0))
              (loop $krows
                (local.set $src (i32.add (local.get $imgIn) (i32.shl
                  (i32.add
                    (i32.mul (i32.add (i32.mul (local.get $ci) (local.get $h))
                      (i32.add (local.get $y) (local.get $ky))) (local.get $w))
                    (local.get $xx))
                  (i32.const 2))))
                (local.set $kx (i32.const 0))
                (block $vecDone (loop $vec
                  (br_if $vecDone (i32.gt_u (i32.add (local.get $kx) (i32.const 4)) (local.get $fw)))
                  (v128.store (local.get $t) (f32x4.add (v128.load (local.get $t))
                    (f32x4.mul (v128.load (local.get $src)) (local.get $ds))))
                  (local.set $t (i32.add (local.get $t) (i32.const 16)))
                  (local.set $src (i32.add (local.get $src) (i32.const 16)))
                  (local.set $kx (i32.add (local.get $kx) (i32.const 4)))
                  (br $vec)))
                (block $scalarDone (loop $scalar
                  (br_if $scalarDone (i32.ge_u (local.get $kx) (local.get $fw)))
                  (f32.store (local.get $t) (f32.add (f32.load (local.get $t))
                    (f32.mul (f32.load (local.get $src)) (local.get $dv))))
                  (local.set $t (i32.add (local.get $t) (i32.const 4)))
                  (local.set $src (i32.add (local.get $src) (i32.const 4)))
                  (local.set $kx (i32.add (local.get $kx) (i32.const 1)))
                  (br $scalar)))
                (local.set $ky (i32.add (local.get $ky) (i32.const 1)))
                (br_if $krows (i32.lt_u (local.get $ky) (local.get $fh))))
              (local.set $ci (i32.add (local.get $ci) (i32.const 1)))
              (br_if $channels (i32.lt_u (local.get $ci) (local.get $c))))))
          (local.set $p (i32.add (local.get $p) (i32.const 1)))
          (br $wins)))
        (local.set $f (i32.add (local.get $f) (i32.const 1)))
        (br $filters)))
      ;; this image's sums into the total, in order
      (local.set $j (i32.const 0))
      (block $sumDone (loop $sum
        (br_if $sumDone (i32.ge_u (local.get $j) (local.get $len)))
        (f32.store (i32.add (local.get $dw) (local.get $j))
          (f32.add (f32.load (i32.add (local.get $dw) (local.get $j)))
            (f32.load (i32.add (local.get $tmp) (local.get $j)))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $sum)))
      (local.set $img (i32.add (local.get $img) (i32.const 1)))
      (br $imgs))))
)
