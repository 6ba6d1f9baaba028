;; winograd.wat: the transforms of Winograd's F(2×2, 3×3) (lib/engine/winograd.ts) for float32,
;; four channels at a time. Built by `deno task build:wasm` into winograd_wasm.ts; instantiated
;; on the matrix kernels' memory, where the convolution's arena lives.
;;
;; Pointers and strides are in bytes. A transformed batch is 16 planes ξ of [tiles][channels],
;; `plane` bytes apart; channel counts are multiples of 4.
(module
  (import "env" "memory" (memory 1 65536 shared))

  ;; V[ξ][tile][c] = (Bᵀ d B)[ξ] for the 4×4 tile d of the channels-last grid under each 2×2
  ;; block of outputs: tile (img, ty, tx) starts at pixel img·imagePixels + 2ty·width + 2tx.
  (func (export "inputTiles")
    (param $grid i32) (param $width i32) (param $imagePixels i32) (param $n i32)
    (param $tilesH i32) (param $tilesW i32) (param $channels i32) (param $v i32) (param $plane i32)
    (local $img i32) (local $ty i32) (local $tx i32) (local $c i32) (local $p i32) (local $o i32)
    (local $row i32) (local $col i32) (local $cBytes i32)
    (local $d0 v128) (local $d1 v128) (local $d2 v128) (local $d3 v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local $q i32)
    (local.set $cBytes (i32.shl (local.get $channels) (i32.const 2)))
    (local.set $col (local.get $cBytes))
    (local.set $row (i32.mul (local.get $width) (local.get $cBytes)))
    (local.set $o (local.get $v))
    (local.set $img (i32.const 0))
    (loop $images
      (local.set $ty (i32.const 0))
      (loop $rows
        (local.set $tx (i32.const 0))
        (loop $tiles
          (local.set $p
            (i32.add (local.get $grid)
              (i32.mul (local.get $cBytes)
                (i32.add (i32.mul (local.get $img) (local.get $imagePixels))
                  (i32.shl (i32.add (i32.mul (local.get $ty) (local.get $width)) (local.get $tx))
                    (i32.const 1))))))
          (local.set $c (i32.const 0))
          (loop $channelQuads
            ;; Rows 0 and 2 of the tile give t0 = d0 - d2; rows 1 and 2 give t1 and t2; rows 1 and
            ;; 3 give t3. Each row is four v128 (columns 0..3, four channels each).
            (local.set $q (local.get $p))
            (local.set $d0 (v128.load (local.get $q)))
            (local.set $d1 (v128.load (i32.add (local.get $q) (local.get $col))))
            (local.set $d2 (v128.load (i32.add (local.get $q) (i32.shl (local.get $col) (i32.const 1)))))
            (local.set $d3 (v128.load (i32.add (local.get $q) (i32.mul (local.get $col) (i32.const 3)))))
            (local.set $q (i32.add (local.get $p) (i32.shl (local.get $row) (i32.const 1))))
            (local.set $a0 (f32x4.sub (local.get $d0) (v128.load (local.get $q))))
            (local.set $a1 (f32x4.sub (local.get $d1) (v128.load (i32.add (local.get $q) (local.get $col)))))
            (local.set $a2 (f32x4.sub (local.get $d2) (v128.load (i32.add (local.get $q) (i32.shl (local.get $col) (i32.const 1))))))
            (local.set $a3 (f32x4.sub (local.get $d3) (v128.load (i32.add (local.get $q) (i32.mul (local.get $col) (i32.const 3))))))
            ;; ξ = 0..3: t0 B
            (call $store4 (local.get $o) (local.get $plane) (i32.const 0) (local.get $a0) (local.get $a1) (local.get $a2) (local.get $a3))
            ;; rows 1 and 2
            (local.set $q (i32.add (local.get $p) (local.get $row)))
            (local.set $d0 (v128.load (local.get $q)))
            (local.set $d1 (v128.load (i32.add (local.get $q) (local.get $col))))
            (local.set $d2 (v128.load (i32.add (local.get $q) (i32.shl (local.get $col) (i32.const 1)))))
            (local.set $d3 (v128.load (i32.add (local.get $q) (i32.mul (local.get $col) (i32.const 3)))))
            (local.set $q (i32.add (local.get $p) (i32.shl (local.get $row) (i32.const 1))))
            (local.set $a0 (v128.load (local.get $q)))
            (local.set $a1 (v128.load (i32.add (local.get $q) (local.get $col))))
            (local.set $a2 (v128.load (i32.add (local.get $q) (i32.shl (local.get $col) (i32.const 1)))))
            (local.set $a3 (v128.load (i32.add (local.get $q) (i32.mul (local.get $col) (i32.const 3)))))
            ;; ξ = 4..7: (d1 + d2) B; ξ = 8..11: (d2 - d1) B
            (call $store4 (local.get $o) (local.get $plane) (i32.const 4)
              (f32x4.add (local.get $d0) (local.get $a0)) (f32x4.add (local.get $d1) (local.get $a1))
              (f32x4.add (local.get $d2) (local.get $a2)) (f32x4.add (local.get $d3) (local.get $a3)))
            (call $store4 (local.get $o) (local.get $plane) (i32.const 8)
              (f32x4.sub (local.get $a0) (local.get $d0)) (f32x4.sub (local.get $a1) (local.get $d1))
              (f32x4.sub (local.get $a2) (local.get $d2)) (f32x4.sub (local.get $a3) (local.get $d3)))
            ;; ξ = 12..15: (d1 - d3) B
            (local.set $q (i32.add (local.get $p) (i32.mul (local.get $row) (i32.const 3))))
            (call $store4 (local.get $o) (local.get $plane) (i32.const 12)
              (f32x4.sub (local.get $d0) (v128.load (local.get $q)))
              (f32x4.sub (local.get $d1) (v128.load (i32.add (local.get $q) (local.get $col))))
              (f32x4.sub (local.get $d2) (v128.load (i32.add (local.get $q) (i32.shl (local.get $col) (i32.const 1)))))
              (f32x4.sub (local.get $d3) (v128.load (i32.add (local.get $q) (i32.mul (local.get $col) (i32.const 3))))))
            (local.set $p (i32.add (local.get $p) (i32.const 16)))
            (local.set $o (i32.add (local.get $o) (i32.const 16)))
            (br_if $channelQuads
              (i32.lt_u (local.tee $c (i32.add (local.get $c) (i32.const 4))) (local.get $channels))))
          (br_if $tiles (i32.lt_u (local.tee $tx (i32.add (local.get $tx) (i32.const 1))) (local.get $tilesW))))
        (br_if $rows (i32.lt_u (local.tee $ty (i32.add (local.get $ty) (i32.const 1))) (local.get $tilesH))))
      (br_if $images (i32.lt_u (local.tee $img (i32.add (local.get $img) (i32.const 1))) (local.get $n))))
  )

  ;; One row t of Bᵀ d times B: (t0 - t2, t1 + t2, t2 - t1, t1 - t3) into planes first..first+3.
  (func $store4
    (param $o i32) (param $plane i32) (param $first i32)
    (param $t0 v128) (param $t1 v128) (param $t2 v128) (param $t3 v128)
    (local.set $o (i32.add (local.get $o) (i32.mul (local.get $first) (local.get $plane))))
    (v128.store (local.get $o) (f32x4.sub (local.get $t0) (local.get $t2)))
    (local.set $o (i32.add (local.get $o) (local.get $plane)))
    (v128.store (local.get $o) (f32x4.add (local.get $t1) (local.get $t2)))
    (local.set $o (i32.add (local.get $o) (local.get $plane)))
    (v128.store (local.get $o) (f32x4.sub (local.get $t2) (local.get $t1)))
    (local.set $o (i32.add (local.get $o) (local.get $plane)))
    (v128.store (local.get $o) (f32x4.sub (local.get $t1) (local.get $t3))))

  ;; out[img][k][2ty + a][2tx + b] = (Aᵀ M A)[a][b] + bias[k] for each tile and output channel
  ;; k: M[ξ][tile][k] in 16 planes; out is [n, K, outH, outW] (NCHW).
  (func (export "outputTiles")
    (param $m i32) (param $plane i32) (param $n i32) (param $tilesH i32) (param $tilesW i32)
    (param $channels i32) (param $out i32) (param $bias i32)
    (local $img i32) (local $ty i32) (local $tx i32) (local $k i32) (local $o i32)
    (local $to i32) (local $image i32) (local $outW i32) (local $pixels i32) (local $lane i32)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local $e0 v128) (local $e1 v128) (local $e2 v128) (local $e3 v128)
    (local $x v128) (local $y00 v128) (local $y01 v128) (local $y10 v128) (local $y11 v128)
    (local.set $outW (i32.shl (local.get $tilesW) (i32.const 1)))
    ;; Bytes of one output channel's image.
    (local.set $pixels (i32.shl (i32.mul (local.get $outW) (i32.shl (local.get $tilesH) (i32.const 1))) (i32.const 2)))
    (local.set $o (local.get $m))
    (local.set $img (i32.const 0))
    (loop $images
      (local.set $image (i32.add (local.get $out) (i32.mul (i32.mul (local.get $img) (local.get $channels)) (local.get $pixels))))
      (local.set $ty (i32.const 0))
      (loop $rows
        (local.set $tx (i32.const 0))
        (loop $tiles
          (local.set $k (i32.const 0))
          (loop $channelQuads
            ;; s = rows 0 + 1 + 2 of M, e = rows 1 - 2 - 3, column by column
            (local.set $s0 (call $rowSum (local.get $o) (local.get $plane) (i32.const 0)))
            (local.set $s1 (call $rowSum (local.get $o) (local.get $plane) (i32.const 1)))
            (local.set $s2 (call $rowSum (local.get $o) (local.get $plane) (i32.const 2)))
            (local.set $s3 (call $rowSum (local.get $o) (local.get $plane) (i32.const 3)))
            (local.set $e0 (call $rowDiff (local.get $o) (local.get $plane) (i32.const 0)))
            (local.set $e1 (call $rowDiff (local.get $o) (local.get $plane) (i32.const 1)))
            (local.set $e2 (call $rowDiff (local.get $o) (local.get $plane) (i32.const 2)))
            (local.set $e3 (call $rowDiff (local.get $o) (local.get $plane) (i32.const 3)))
            (local.set $x (v128.load (i32.add (local.get $bias) (i32.shl (local.get $k) (i32.const 2)))))
            (local.set $y00 (f32x4.add (f32x4.add (f32x4.add (local.get $s0) (local.get $s1)) (local.get $s2)) (local.get $x)))
            (local.set $y01 (f32x4.add (f32x4.sub (f32x4.sub (local.get $s1) (local.get $s2)) (local.get $s3)) (local.get $x)))
            (local.set $y10 (f32x4.add (f32x4.add (f32x4.add (local.get $e0) (local.get $e1)) (local.get $e2)) (local.get $x)))
            (local.set $y11 (f32x4.add (f32x4.sub (f32x4.sub (local.get $e1) (local.get $e2)) (local.get $e3)) (local.get $x)))
            ;; Four channels: their 2×2 blocks, one channel image apart.
            (local.set $to
              (i32.add (i32.add (local.get $image) (i32.mul (local.get $k) (local.get $pixels)))
                (i32.shl (i32.add (i32.mul (i32.shl (local.get $ty) (i32.const 1)) (local.get $outW))
                  (i32.shl (local.get $tx) (i32.const 1))) (i32.const 2))))
            (call $block (local.get $to) (local.get $outW) (f32x4.extract_lane 0 (local.get $y00)) (f32x4.extract_lane 0 (local.get $y01)) (f32x4.extract_lane 0 (local.get $y10)) (f32x4.extract_lane 0 (local.get $y11)))
            (local.set $to (i32.add (local.get $to) (local.get $pixels)))
            (call $block (local.get $to) (local.get $outW) (f32x4.extract_lane 1 (local.get $y00)) (f32x4.extract_lane 1 (local.get $y01)) (f32x4.extract_lane 1 (local.get $y10)) (f32x4.extract_lane 1 (local.get $y11)))
            (local.set $to (i32.add (local.get $to) (local.get $pixels)))
            (call $block (local.get $to) (local.get $outW) (f32x4.extract_lane 2 (local.get $y00)) (f32x4.extract_lane 2 (local.get $y01)) (f32x4.extract_lane 2 (local.get $y10)) (f32x4.extract_lane 2 (local.get $y11)))
            (local.set $to (i32.add (local.get $to) (local.get $pixels)))
            (call $block (local.get $to) (local.get $outW) (f32x4.extract_lane 3 (local.get $y00)) (f32x4.extract_lane 3 (local.get $y01)) (f32x4.extract_lane 3 (local.get $y10)) (f32x4.extract_lane 3 (local.get $y11)))
            (local.set $o (i32.add (local.get $o) (i32.const 16)))
            (br_if $channelQuads
              (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 4))) (local.get $channels))))
          (br_if $tiles (i32.lt_u (local.tee $tx (i32.add (local.get $tx) (i32.const 1))) (local.get $tilesW))))
        (br_if $rows (i32.lt_u (local.tee $ty (i32.add (local.get $ty) (i32.const 1))) (local.get $tilesH))))
      (br_if $images (i32.lt_u (local.tee $img (i32.add (local.get $img) (i32.const 1))) (local.get $n))))
  )

  ;; Column j of rows 0 + 1 + 2 of a tile's M (planes j, 4 + j, 8 + j).
  (func $rowSum (param $o i32) (param $plane i32) (param $j i32) (result v128)
    (local.set $o (i32.add (local.get $o) (i32.mul (local.get $j) (local.get $plane))))
    (f32x4.add
      (f32x4.add (v128.load (local.get $o))
        (v128.load (i32.add (local.get $o) (i32.shl (local.get $plane) (i32.const 2)))))
      (v128.load (i32.add (local.get $o) (i32.shl (local.get $plane) (i32.const 3))))))

  ;; Column j of rows 1 - 2 - 3 (planes 4 + j, 8 + j, 12 + j).
  (func $rowDiff (param $o i32) (param $plane i32) (param $j i32) (result v128)
    (local.set $o (i32.add (local.get $o) (i32.mul (local.get $j) (local.get $plane))))
    (f32x4.sub
      (f32x4.sub (v128.load (i32.add (local.get $o) (i32.shl (local.get $plane) (i32.const 2))))
        (v128.load (i32.add (local.get $o) (i32.shl (local.get $plane) (i32.const 3)))))
      (v128.load (i32.add (local.get $o) (i32.mul (local.get $plane) (i32.const 12))))))

  ;; A 2×2 block of one output channel: y00 y01 on one row, y10 y11 on the next.
  (func $block (param $to i32) (param $outW i32) (param $y00 f32) (param $y01 f32) (param $y10 f32) (param $y11 f32)
    (f32.store (local.get $to) (local.get $y00))
    (f32.store offset=4 (local.get $to) (local.get $y01))
    (local.set $to (i32.add (local.get $to) (i32.shl (local.get $outW) (i32.const 2))))
    (f32.store (local.get $to) (local.get $y10))
    (f32.store offset=4 (local.get $to) (local.get $y11)))
)
