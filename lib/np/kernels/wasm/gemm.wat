;; gemm.wat: the matrix product C = op(A)·op(B) (or C += …) in WebAssembly SIMD, for float32
;; and float64. Built by `deno task build:wasm` into gemm_wasm.ts; called from matmul_wasm.ts.
;;
;; The method is the one of GotoBLAS/BLIS, in three layers:
;;   1. blocking: k is cut into slices of KC, n into blocks of NC and m into blocks of MC, so that
;;      a packed block of A (MC×KC) stays in the L2 cache and a panel of B (KC×NR) in L1;
;;   2. packing: each block is copied into panels, MR rows of A or NR columns of B side by side
;;      for every step of k, so the micro-kernel reads both with sequential loads; padding rows
;;      and columns are zero, so the micro-kernel never looks at the edges;
;;   3. the micro-kernel: an MR×NR block of C held in twelve v128 accumulators while one pass
;;      over k adds the outer product of an A column (splat) and a B row (two vectors).
;;      When A's rows are contiguous along k (no transpose), the micro-kernel reads them in place
;;      instead of from a packed copy: when n is small, packing A costs as much as it saves.
;;
;; float32: MR×NR = 6×8 (f32x4); float64: 6×4 (f64x2). Twelve accumulators, two B vectors and one
;; splat of A fill the 15 SIMD registers V8 allocates on x64, so nothing spills.
;;
;; Each element of C is the sum over k in a fixed order: per slice of KC, products added one by
;; one, then the slices added to C in order. A caller that splits C into row or column ranges
;; between threads therefore gets the same bits as one thread.
;;
;; The products are added with relaxed SIMD's multiply-add (`relaxed_madd`), which V8 fuses
;; (one rounding, a·b + c exactly rounded) on CPUs with FMA and splits into mul + add on the
;; others: nearly twice the speed of mul + add on this code (x86-64 with FMA3: 30 → 55 GFLOP/s
;; float32, 15 → 24 float64). Results may therefore differ in the last bits between machines,
;; but not on one machine: V8's baseline (Liftoff) and optimizing (TurboFan) compilers lower it
;; alike (matmul_test.ts checks), and both threads run the same code.
;;
;; Strides are in elements; pointers in bytes. op(A)[i][p] is at a + (i·rsa + p·csa)·size, so
;; the caller expresses transposes as strides. The caller provides WORK_BYTES of scratch
;; memory per thread (see the exported global).
;;
;; A's k may also come in segments: with segLen > 0, op(A)[i][p] is at
;; a + (i·rsa + p + floor(p / segLen)·segGap)·size (csa must then be 1). A stride-1 convolution
;; reads its patches this way straight from a channels-last image: segment i is the run of
;; FW·C values under filter row i, and the next row of the image is segGap further
;; (lib/engine/shifted_conv.ts). A k-slice then holds whole segments, or lies inside one.
;; B's columns may come in segments the same way (bSegLen, a multiple of 8 (float32) or 4
;; (float64), and bSegGap): op(B)[p][j] is at b + (p·rsb + j·csb + floor(j / bSegLen)·bSegGap)·size.
(module
  (import "env" "memory" (memory 1 65536 shared))

  ;; Scratch layout (bytes): the edge tile, then the packed block of A, then the packed B.
  ;;   KC = 256, MC = 96 (a multiple of MR = 6), NC = 2048 (a multiple of 8 and 4).
  ;;   tile: 512 ≥ 6·8·8; packed A: MC·KC·8 = 196608; packed B: KC·NC·8 = 4194304.
  (global (export "WORK_BYTES") i32 (i32.const 4391424))
  (global $KC i32 (i32.const 256))
  (global $MC i32 (i32.const 96))
  (global $NC i32 (i32.const 2048))
  (global $PACK_A i32 (i32.const 512))
  (global $PACK_B i32 (i32.const 197120))

  ;; C (m×n, row stride ldc) = op(A)·op(B), or C += op(A)·op(B) when accumulate is 1.
  ;; f64 selects float64 (6×4 tiles) instead of float32 (6×8 tiles).
  (func (export "gemm")
    (param $f64 i32) (param $m i32) (param $n i32) (param $k i32)
    (param $a i32) (param $rsa i32) (param $csa i32)
    (param $b i32) (param $rsb i32) (param $csb i32)
    (param $c i32) (param $ldc i32) (param $accumulate i32) (param $work i32)
    (param $segLen i32) (param $segGap i32) (param $bSegLen i32) (param $bSegGap i32)
    (local $s0 i32) (local $s1 i32)
    (local $size i32) (local $nr i32) (local $sliceMax i32) (local $slicePieces i32) (local $piece i32)
    (local $jc i32) (local $nc i32) (local $pc i32) (local $kc i32) (local $ic i32) (local $mc i32)
    (local $jr i32) (local $ir i32) (local $add i32)
    (local $packA i32) (local $packB i32) (local $tile i32)
    (local $direct i32) (local $aBlock i32) (local $edge i32) (local $pa i32) (local $lda i32) (local $astep i32)
    (if (i32.or (i32.or (i32.eqz (local.get $m)) (i32.eqz (local.get $n))) (i32.eqz (local.get $k)))
      (then return))
    (local.set $size (select (i32.const 8) (i32.const 4) (local.get $f64)))
    (local.set $nr (select (i32.const 4) (i32.const 8) (local.get $f64)))
    ;; From here on strides are in bytes.
    (local.set $rsa (i32.mul (local.get $rsa) (local.get $size)))
    (local.set $csa (i32.mul (local.get $csa) (local.get $size)))
    (local.set $rsb (i32.mul (local.get $rsb) (local.get $size)))
    (local.set $csb (i32.mul (local.get $csb) (local.get $size)))
    (local.set $ldc (i32.mul (local.get $ldc) (local.get $size)))
    ;; No segments (segLen 0, the usual call): one segment of length k.
    (if (i32.eqz (local.get $segLen))
      (then (local.set $segLen (local.get $k)) (local.set $segGap (i32.const 0))))
    (local.set $segGap (i32.mul (local.get $segGap) (local.get $size)))
    (if (i32.eqz (local.get $bSegLen))
      (then (local.set $bSegLen (local.get $n)) (local.set $bSegGap (i32.const 0))))
    (local.set $bSegGap (i32.mul (local.get $bSegGap) (local.get $size)))
    ;; The longest k-slice: whole segments when they fit in KC, else KC (inside a segment).
    (local.set $sliceMax
      (select
        (i32.mul (local.get $segLen) (i32.div_u (global.get $KC) (local.get $segLen)))
        (global.get $KC)
        (i32.le_u (local.get $segLen) (global.get $KC))))
    (local.set $tile (local.get $work))
    (local.set $packA (i32.add (local.get $work) (global.get $PACK_A)))
    (local.set $packB (i32.add (local.get $work) (global.get $PACK_B)))
    ;; When A's rows are contiguous along k, the micro-kernel can read them in place: packing
    ;; would cost as much as it saves when n is small (each A element serves n / NR tiles).
    (local.set $direct (i32.eq (local.get $csa) (local.get $size)))

    (local.set $jc (i32.const 0))
    (loop $columnBlocks
      (local.set $nc (call $min (global.get $NC) (i32.sub (local.get $n) (local.get $jc))))
      (local.set $pc (i32.const 0))
      (loop $kSlices
        (local.set $kc
          (call $min (i32.sub (local.get $k) (local.get $pc))
            (select
              (local.get $sliceMax)
              ;; A segment longer than KC is cut at its end.
              (call $min (global.get $KC)
                (i32.sub (local.get $segLen) (i32.rem_u (local.get $pc) (local.get $segLen))))
              (i32.le_u (local.get $segLen) (global.get $KC)))))
        ;; The segment pieces of this slice: whole segments, or one piece of one.
        (local.set $slicePieces (call $min (local.get $segLen) (local.get $kc)))
        ;; The first slice overwrites C unless the caller accumulates; later slices add.
        (local.set $add (i32.or (local.get $accumulate) (i32.ne (local.get $pc) (i32.const 0))))
        ;; B[pc.., jc..] as panels of NR columns: a column steps by csb, k by rsb; one call per
        ;; piece of a column segment.
        (local.set $s0 (local.get $jc))
        (loop $bPieces
          (local.set $s1
            (call $min (i32.add (local.get $jc) (local.get $nc))
              (i32.mul (i32.add (i32.div_u (local.get $s0) (local.get $bSegLen)) (i32.const 1))
                (local.get $bSegLen))))
          (call $pack
            (i32.add (local.get $b)
              (i32.add (i32.mul (local.get $pc) (local.get $rsb))
                (i32.add (i32.mul (local.get $s0) (local.get $csb))
                  (i32.mul (i32.div_u (local.get $s0) (local.get $bSegLen)) (local.get $bSegGap)))))
            (local.get $csb) (local.get $rsb) (i32.sub (local.get $s1) (local.get $s0)) (local.get $kc)
            (local.get $nr) (local.get $size)
            (i32.add (local.get $packB)
              (i32.mul (i32.mul (i32.sub (local.get $s0) (local.get $jc)) (local.get $kc)) (local.get $size))))
          (br_if $bPieces (i32.lt_u (local.tee $s0 (local.get $s1)) (i32.add (local.get $jc) (local.get $nc)))))
        (local.set $ic (i32.const 0))
        (loop $rowBlocks
          (local.set $mc (call $min (global.get $MC) (i32.sub (local.get $m) (local.get $ic))))
          (local.set $aBlock
            (i32.add (local.get $a)
              (i32.add (i32.mul (local.get $ic) (local.get $rsa))
                (i32.add (i32.mul (local.get $pc) (local.get $csa))
                  (i32.mul (i32.div_u (local.get $pc) (local.get $segLen)) (local.get $segGap))))))
          ;; Packed A: panels of MR = 6 rows, a row steps by rsa, k by csa. Read in place, only
          ;; the last, partial panel is packed (its missing rows must read as zeros).
          (local.set $edge (i32.sub (local.get $mc) (i32.rem_u (local.get $mc) (i32.const 6))))
          (if (local.get $direct)
            (then
              (if (i32.lt_u (local.get $edge) (local.get $mc))
                (then
                  ;; One panel, packed segment piece by segment piece (its k-steps contiguous).
                  (local.set $piece (i32.const 0))
                  (loop $pieces
                    (call $pack
                      (i32.add (i32.add (local.get $aBlock) (i32.mul (local.get $edge) (local.get $rsa)))
                        (i32.add (i32.mul (local.get $piece) (local.get $csa))
                          (i32.mul (i32.div_u (local.get $piece) (local.get $slicePieces)) (local.get $segGap))))
                      (local.get $rsa) (local.get $csa) (i32.sub (local.get $mc) (local.get $edge))
                      (local.get $slicePieces) (i32.const 6) (local.get $size)
                      (i32.add (local.get $packA) (i32.mul (local.get $piece) (i32.mul (i32.const 6) (local.get $size)))))
                    (br_if $pieces
                      (i32.lt_u (local.tee $piece (i32.add (local.get $piece) (local.get $slicePieces))) (local.get $kc)))))))
            (else
              (call $pack
                (local.get $aBlock) (local.get $rsa) (local.get $csa) (local.get $mc) (local.get $kc)
                (i32.const 6) (local.get $size) (local.get $packA))))
          ;; One B panel (in L1) against every A panel of the block (in L2).
          (local.set $jr (i32.const 0))
          (loop $columnPanels
            (local.set $ir (i32.const 0))
            (loop $rowPanels
              (if (i32.and (local.get $direct) (i32.lt_u (local.get $ir) (local.get $edge)))
                (then
                  ;; A's rows in place: row r at pa + r·rsa, k steps by one element.
                  (local.set $pa (i32.add (local.get $aBlock) (i32.mul (local.get $ir) (local.get $rsa))))
                  (local.set $lda (local.get $rsa))
                  (local.set $astep (local.get $size))
                  (local.set $piece (local.get $slicePieces)))
                (else
                  ;; A packed: row r at pa + r·size, k steps by 6 elements.
                  (local.set $pa
                    (i32.add (local.get $packA)
                      (select (i32.const 0) (i32.mul (i32.mul (local.get $ir) (local.get $kc)) (local.get $size))
                        (local.get $direct))))
                  (local.set $lda (local.get $size))
                  (local.set $astep (i32.mul (local.get $size) (i32.const 6)))
                  ;; Packed, the segments are contiguous.
                  (local.set $piece (local.get $kc))))
              (call $tile
                (local.get $f64) (local.get $pa) (local.get $lda) (local.get $astep)
                (local.get $piece) (select (local.get $segGap) (i32.const 0) (i32.lt_u (local.get $piece) (local.get $kc)))
                (i32.add (local.get $packB) (i32.mul (i32.mul (local.get $jr) (local.get $kc)) (local.get $size)))
                (local.get $kc)
                (i32.add (local.get $c)
                  (i32.add
                    (i32.mul (i32.add (local.get $ic) (local.get $ir)) (local.get $ldc))
                    (i32.mul (i32.add (local.get $jc) (local.get $jr)) (local.get $size))))
                (local.get $ldc) (local.get $add)
                (call $min (i32.const 6) (i32.sub (local.get $mc) (local.get $ir)))
                (call $min (local.get $nr) (i32.sub (local.get $nc) (local.get $jr)))
                (local.get $tile))
              (br_if $rowPanels
                (i32.lt_u (local.tee $ir (i32.add (local.get $ir) (i32.const 6))) (local.get $mc))))
            (br_if $columnPanels
              (i32.lt_u (local.tee $jr (i32.add (local.get $jr) (local.get $nr))) (local.get $nc))))
          (br_if $rowBlocks
            (i32.lt_u (local.tee $ic (i32.add (local.get $ic) (global.get $MC))) (local.get $m))))
        (br_if $kSlices
          (i32.lt_u (local.tee $pc (i32.add (local.get $pc) (local.get $kc))) (local.get $k))))
      (br_if $columnBlocks
        (i32.lt_u (local.tee $jc (i32.add (local.get $jc) (global.get $NC))) (local.get $n))))
  )

  (func $min (param $x i32) (param $y i32) (result i32)
    (select (local.get $x) (local.get $y) (i32.lt_s (local.get $x) (local.get $y))))

  ;; Copies `rows` rows (row r at src + r·rs) of kc elements (element p at + p·ps) into panels
  ;; of `width` rows, k-major: dst[panel][p][r], `width`·`size` = 24, 32 or 48 bytes per step
  ;; of k. Rows past `rows` are zero. Elements are moved as bits, never rounded.
  (func $pack
    (param $src i32) (param $rs i32) (param $ps i32) (param $rows i32) (param $kc i32)
    (param $width i32) (param $size i32) (param $dst i32)
    (local $r0 i32) (local $valid i32) (local $from i32) (local $bytes i32)
    (local.set $bytes (i32.mul (local.get $width) (local.get $size)))
    (local.set $r0 (i32.const 0))
    (loop $panels
      (local.set $valid (call $min (local.get $width) (i32.sub (local.get $rows) (local.get $r0))))
      (local.set $from (i32.add (local.get $src) (i32.mul (local.get $r0) (local.get $rs))))
      (if (i32.and (i32.eq (local.get $valid) (local.get $width)) (i32.eq (local.get $rs) (local.get $size)))
        (then (call $copyPanel (local.get $from) (local.get $ps) (local.get $kc) (local.get $bytes) (local.get $dst)))
        (else
          (if (i32.and (i32.eq (local.get $valid) (local.get $width))
                (i32.and (i32.eq (local.get $ps) (local.get $size)) (i32.eq (local.get $bytes) (i32.const 32))))
            (then (call $transposePanel (local.get $from) (local.get $rs) (local.get $kc) (local.get $size) (local.get $dst)))
            (else
              (call $gatherPanel (local.get $from) (local.get $rs) (local.get $ps) (local.get $kc)
                (local.get $valid) (local.get $width) (local.get $size) (local.get $dst))))))
      (local.set $dst (i32.add (local.get $dst) (i32.mul (local.get $kc) (local.get $bytes))))
      (br_if $panels
        (i32.lt_u (local.tee $r0 (i32.add (local.get $r0) (local.get $width))) (local.get $rows))))
  )

  ;; A full panel whose rows are adjacent in memory: each step of k copies 24, 32 or 48 bytes.
  (func $copyPanel (param $from i32) (param $ps i32) (param $kc i32) (param $bytes i32) (param $dst i32)
    (loop $ks
      (v128.store (local.get $dst) (v128.load (local.get $from)))
      (if (i32.eq (local.get $bytes) (i32.const 24))
        (then (i64.store offset=16 (local.get $dst) (i64.load offset=16 (local.get $from))))
        (else (v128.store offset=16 (local.get $dst) (v128.load offset=16 (local.get $from)))))
      (if (i32.eq (local.get $bytes) (i32.const 48))
        (then (v128.store offset=32 (local.get $dst) (v128.load offset=32 (local.get $from)))))
      (local.set $from (i32.add (local.get $from) (local.get $ps)))
      (local.set $dst (i32.add (local.get $dst) (local.get $bytes)))
      (br_if $ks (local.tee $kc (i32.sub (local.get $kc) (i32.const 1)))))
  )

  ;; A full panel of 32 bytes per step whose rows run along k (a transposed operand): blocks of
  ;; 4×4 float32 (or 2×2 float64) are loaded row-wise and stored column-wise with shuffles.
  (func $transposePanel (param $from i32) (param $rs i32) (param $kc i32) (param $size i32) (param $dst i32)
    (local $p i32) (local $g i32) (local $row i32) (local $to i32)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128) (local $t0 v128) (local $t1 v128)
    (local.set $p (i32.const 0))
    (if (i32.eq (local.get $size) (i32.const 4))
      (then
        ;; float32: 8 rows = two groups of 4; 4 steps of k at a time.
        (block $done
          (loop $steps
            (br_if $done (i32.gt_u (i32.add (local.get $p) (i32.const 4)) (local.get $kc)))
            (local.set $g (i32.const 0))
            (loop $groups
              (local.set $row
                (i32.add (local.get $from)
                  (i32.add (i32.mul (i32.shl (local.get $g) (i32.const 2)) (local.get $rs)) (i32.shl (local.get $p) (i32.const 2)))))
              (local.set $x0 (v128.load (local.get $row)))
              (local.set $x1 (v128.load (local.tee $row (i32.add (local.get $row) (local.get $rs)))))
              (local.set $x2 (v128.load (local.tee $row (i32.add (local.get $row) (local.get $rs)))))
              (local.set $x3 (v128.load (i32.add (local.get $row) (local.get $rs))))
              ;; t0 = x0[0] x1[0] x0[1] x1[1], t1 = x2[0] x3[0] x2[1] x3[1], then the low halves.
              (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $x0) (local.get $x1)))
              (local.set $t1 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $x2) (local.get $x3)))
              (local.set $to (i32.add (local.get $dst) (i32.add (i32.shl (local.get $p) (i32.const 5)) (i32.shl (local.get $g) (i32.const 4)))))
              (v128.store (local.get $to) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t1)))
              (v128.store offset=32 (local.get $to) (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t1)))
              ;; The same with lanes 2 and 3.
              (local.set $t0 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $x0) (local.get $x1)))
              (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $x2) (local.get $x3)))
              (v128.store offset=64 (local.get $to) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t1)))
              (v128.store offset=96 (local.get $to) (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t1)))
              (br_if $groups (i32.lt_u (local.tee $g (i32.add (local.get $g) (i32.const 1))) (i32.const 2))))
            (local.set $p (i32.add (local.get $p) (i32.const 4)))
            (br $steps))))
      (else
        ;; float64: 4 rows = two groups of 2; 2 steps of k at a time.
        (block $done
          (loop $steps
            (br_if $done (i32.gt_u (i32.add (local.get $p) (i32.const 2)) (local.get $kc)))
            (local.set $g (i32.const 0))
            (loop $groups
              (local.set $row
                (i32.add (local.get $from)
                  (i32.add (i32.mul (i32.shl (local.get $g) (i32.const 1)) (local.get $rs)) (i32.shl (local.get $p) (i32.const 3)))))
              (local.set $x0 (v128.load (local.get $row)))
              (local.set $x1 (v128.load (i32.add (local.get $row) (local.get $rs))))
              (local.set $to (i32.add (local.get $dst) (i32.add (i32.shl (local.get $p) (i32.const 5)) (i32.shl (local.get $g) (i32.const 4)))))
              (v128.store (local.get $to) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x0) (local.get $x1)))
              (v128.store offset=32 (local.get $to) (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x0) (local.get $x1)))
              (br_if $groups (i32.lt_u (local.tee $g (i32.add (local.get $g) (i32.const 1))) (i32.const 2))))
            (local.set $p (i32.add (local.get $p) (i32.const 2)))
            (br $steps)))))
    ;; The last steps of k, if kc is not a multiple of the block.
    (if (i32.lt_u (local.get $p) (local.get $kc))
      (then
        (call $gatherPanel
          (i32.add (local.get $from) (i32.mul (local.get $p) (local.get $size)))
          (local.get $rs) (local.get $size) (i32.sub (local.get $kc) (local.get $p))
          (i32.div_u (i32.const 32) (local.get $size)) (i32.div_u (i32.const 32) (local.get $size))
          (local.get $size) (i32.add (local.get $dst) (i32.shl (local.get $p) (i32.const 5))))))
  )

  ;; Any panel, element by element: the `valid` rows are copied, the rest of the width is zero.
  (func $gatherPanel
    (param $from i32) (param $rs i32) (param $ps i32) (param $kc i32) (param $valid i32)
    (param $width i32) (param $size i32) (param $dst i32)
    (local $bytes i32) (local $r i32) (local $p i32) (local $src i32) (local $to i32)
    (local.set $bytes (i32.mul (local.get $width) (local.get $size)))
    (if (i32.lt_u (local.get $valid) (local.get $width))
      (then (memory.fill (local.get $dst) (i32.const 0) (i32.mul (local.get $kc) (local.get $bytes)))))
    (local.set $r (i32.const 0))
    (loop $rowsOfPanel
      (local.set $src (i32.add (local.get $from) (i32.mul (local.get $r) (local.get $rs))))
      (local.set $to (i32.add (local.get $dst) (i32.mul (local.get $r) (local.get $size))))
      (local.set $p (local.get $kc))
      (if (i32.eq (local.get $size) (i32.const 4))
        (then
          (loop $ks
            (i32.store (local.get $to) (i32.load (local.get $src)))
            (local.set $src (i32.add (local.get $src) (local.get $ps)))
            (local.set $to (i32.add (local.get $to) (local.get $bytes)))
            (br_if $ks (local.tee $p (i32.sub (local.get $p) (i32.const 1))))))
        (else
          (loop $ks
            (i64.store (local.get $to) (i64.load (local.get $src)))
            (local.set $src (i32.add (local.get $src) (local.get $ps)))
            (local.set $to (i32.add (local.get $to) (local.get $bytes)))
            (br_if $ks (local.tee $p (i32.sub (local.get $p) (i32.const 1)))))))
      (br_if $rowsOfPanel (i32.lt_u (local.tee $r (i32.add (local.get $r) (i32.const 1))) (local.get $valid))))
  )

  ;; One rows×cols tile of C (at most 6×NR). A full tile goes straight to C; an edge tile is
  ;; computed whole into `tmp` and only its valid part copied to C.
  (func $tile
    (param $f64 i32) (param $pa i32) (param $lda i32) (param $astep i32)
    (param $segLen i32) (param $segGap i32) (param $pb i32) (param $kc i32)
    (param $c i32) (param $ldc i32) (param $add i32) (param $rows i32) (param $cols i32) (param $tmp i32)
    (local $full i32) (local $to i32) (local $from i32) (local $end i32) (local $rowEnd i32)
    (local.set $full
      (i32.and (i32.eq (local.get $rows) (i32.const 6))
        (i32.eq (local.get $cols) (select (i32.const 4) (i32.const 8) (local.get $f64)))))
    (if (local.get $full)
      (then
        (if (local.get $f64)
          (then (call $kernel64 (local.get $pa) (local.get $lda) (local.get $astep) (local.get $segLen) (local.get $segGap) (local.get $pb) (local.get $kc)
            (local.get $c) (local.get $ldc) (local.get $add)))
          (else (call $kernel32 (local.get $pa) (local.get $lda) (local.get $astep) (local.get $segLen) (local.get $segGap) (local.get $pb) (local.get $kc)
            (local.get $c) (local.get $ldc) (local.get $add))))
        (return)))
    (if (local.get $f64)
      (then (call $kernel64 (local.get $pa) (local.get $lda) (local.get $astep) (local.get $segLen) (local.get $segGap) (local.get $pb) (local.get $kc)
        (local.get $tmp) (i32.const 32) (i32.const 0)))
      (else (call $kernel32 (local.get $pa) (local.get $lda) (local.get $astep) (local.get $segLen) (local.get $segGap) (local.get $pb) (local.get $kc)
        (local.get $tmp) (i32.const 32) (i32.const 0))))
    ;; Copy the valid rows×cols corner of the tile (rows of 32 bytes) to C, 16 bytes at a time
    ;; where a whole vector fits, then element by element.
    (if (i32.eqz (local.get $f64)) (then (local.set $cols (i32.shl (local.get $cols) (i32.const 2)))))
    (if (local.get $f64) (then (local.set $cols (i32.shl (local.get $cols) (i32.const 3)))))
    (local.set $end (i32.add (local.get $tmp) (i32.shl (local.get $rows) (i32.const 5))))
    (loop $rowsOfTile
      (local.set $to (local.get $c))
      (local.set $from (local.get $tmp))
      (local.set $rowEnd (i32.add (local.get $tmp) (local.get $cols)))
      (block $vectorsDone
        (loop $vectors
          (br_if $vectorsDone (i32.gt_u (i32.add (local.get $from) (i32.const 16)) (local.get $rowEnd)))
          (v128.store (local.get $to)
            (if (result v128) (local.get $add)
              (then
                (if (result v128) (local.get $f64)
                  (then (f64x2.add (v128.load (local.get $to)) (v128.load (local.get $from))))
                  (else (f32x4.add (v128.load (local.get $to)) (v128.load (local.get $from))))))
              (else (v128.load (local.get $from)))))
          (local.set $to (i32.add (local.get $to) (i32.const 16)))
          (local.set $from (i32.add (local.get $from) (i32.const 16)))
          (br $vectors)))
      ;; At most one float64 or three float32 remain.
      (block $scalarsDone
        (loop $scalars
          (br_if $scalarsDone (i32.ge_u (local.get $from) (local.get $rowEnd)))
          (if (local.get $f64)
            (then
              (f64.store (local.get $to)
                (f64.add (f64.load (local.get $from))
                  (select (f64.load (local.get $to)) (f64.const 0) (local.get $add))))
              (local.set $to (i32.add (local.get $to) (i32.const 8)))
              (local.set $from (i32.add (local.get $from) (i32.const 8))))
            (else
              (f32.store (local.get $to)
                (f32.add (f32.load (local.get $from))
                  (select (f32.load (local.get $to)) (f32.const 0) (local.get $add))))
              (local.set $to (i32.add (local.get $to) (i32.const 4)))
              (local.set $from (i32.add (local.get $from) (i32.const 4)))))
          (br $scalars)))
      (local.set $c (i32.add (local.get $c) (local.get $ldc)))
      (br_if $rowsOfTile
        (i32.lt_u (local.tee $tmp (i32.add (local.get $tmp) (i32.const 32))) (local.get $end))))
  )

  ;; float32 micro-kernel: C[6×8] (+)= Σ_p A panel[p][0..6] ⊗ B panel[p][0..8], kc ≥ 1 steps.
  ;; Row r of C is at c + r·ldc (bytes); add is 1 to add to C, 0 to overwrite it. A's steps
  ;; come in segments of segLen, the next segment segGap bytes after the end of one.
  (func $kernel32
    (param $pa i32) (param $lda i32) (param $astep i32) (param $segLen i32) (param $segGap i32)
    (param $pb i32) (param $kc i32) (param $c i32) (param $ldc i32) (param $add i32)
    (local $left i32)
    (local $a1 i32) (local $a2 i32) (local $a3 i32) (local $a4 i32) (local $a5 i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $c40 v128) (local $c41 v128) (local $c50 v128) (local $c51 v128)
    (local $b0 v128) (local $b1 v128) (local $ai v128) (local $pa2 i32) (local $quads i32)
    (local.set $a1 (local.get $lda))
    (local.set $a2 (i32.add (local.get $a1) (local.get $lda)))
    (local.set $a3 (i32.add (local.get $a2) (local.get $lda)))
    (local.set $a4 (i32.add (local.get $a3) (local.get $lda)))
    (local.set $a5 (i32.add (local.get $a4) (local.get $lda)))
    (local.set $left (local.get $kc))
    (loop $segments
    (local.set $kc (call $min (local.get $segLen) (local.get $left)))
    (local.set $left (i32.sub (local.get $left) (local.get $kc)))
    ;; Four steps of k per pass (a quarter faster than one on Zen 2: fewer loop overheads
    ;; per multiply-add), then the last kc mod 4 steps one by one.
    (local.set $quads (i32.shr_u (local.get $kc) (i32.const 2)))
    (if (local.get $quads)
      (then
        (loop $k4
          (local.set $b0 (v128.load offset=0 (local.get $pb)))
          (local.set $b1 (v128.load offset=16 (local.get $pb)))
          (local.set $ai (v128.load32_splat (local.get $pa)))
          (local.set $c00 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c00)))
          (local.set $c01 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c01)))
          (local.set $ai (v128.load32_splat (i32.add (local.get $pa) (local.get $a1))))
          (local.set $c10 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c10)))
          (local.set $c11 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c11)))
          (local.set $ai (v128.load32_splat (i32.add (local.get $pa) (local.get $a2))))
          (local.set $c20 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c20)))
          (local.set $c21 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c21)))
          (local.set $ai (v128.load32_splat (i32.add (local.get $pa) (local.get $a3))))
          (local.set $c30 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c30)))
          (local.set $c31 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c31)))
          (local.set $ai (v128.load32_splat (i32.add (local.get $pa) (local.get $a4))))
          (local.set $c40 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c40)))
          (local.set $c41 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c41)))
          (local.set $ai (v128.load32_splat (i32.add (local.get $pa) (local.get $a5))))
          (local.set $c50 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c50)))
          (local.set $c51 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c51)))
          (local.set $pa2 (i32.add (local.get $pa) (local.get $astep)))
          (local.set $b0 (v128.load offset=32 (local.get $pb)))
          (local.set $b1 (v128.load offset=48 (local.get $pb)))
          (local.set $ai (v128.load32_splat (local.get $pa2)))
          (local.set $c00 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c00)))
          (local.set $c01 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c01)))
          (local.set $ai (v128.load32_splat (i32.add (local.get $pa2) (local.get $a1))))
          (local.set $c10 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c10)))
          (local.set $c11 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c11)))
          (local.set $ai (v128.load32_splat (i32.add (local.get $pa2) (local.get $a2))))
          (local.set $c20 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c20)))
          (local.set $c21 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c21)))
          (local.set $ai (v128.load32_splat (i32.add (local.get $pa2) (local.get $a3))))
          (local.set $c30 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c30)))
          (local.set $c31 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c31)))
          (local.set $ai (v128.load32_splat (i32.add (local.get $pa2) (local.get $a4))))
          (local.set $c40 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c40)))
          (local.set $c41 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c41)))
          (local.set $ai (v128.load32_splat (i32.add (local.get $pa2) (local.get $a5))))
          (local.set $c50 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c50)))
          (local.set $c51 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c51)))
          (local.set $pa2 (i32.add (local.get $pa2) (local.get $astep)))
          (local.set $b0 (v128.load offset=64 (local.get $pb)))
          (local.set $b1 (v128.load offset=80 (local.get $pb)))
          (local.set $ai (v128.load32_splat (local.get $pa2)))
          (local.set $c00 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c00)))
          (local.set $c01 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c01)))
          (local.set $ai (v128.load32_splat (i32.add (local.get $pa2) (local.get $a1))))
          (local.set $c10 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c10)))
          (local.set $c11 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c11)))
          (local.set $ai (v128.load32_splat (i32.add (local.get $pa2) (local.get $a2))))
          (local.set $c20 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c20)))
          (local.set $c21 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c21)))
          (local.set $ai (v128.load32_splat (i32.add (local.get $pa2) (local.get $a3))))
          (local.set $c30 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c30)))
          (local.set $c31 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c31)))
          (local.set $ai (v128.load32_splat (i32.add (local.get $pa2) (local.get $a4))))
          (local.set $c40 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c40)))
          (local.set $c41 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c41)))
          (local.set $ai (v128.load32_splat (i32.add (local.get $pa2) (local.get $a5))))
          (local.set $c50 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c50)))
          (local.set $c51 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c51)))
          (local.set $pa2 (i32.add (local.get $pa2) (local.get $astep)))
          (local.set $b0 (v128.load offset=96 (local.get $pb)))
          (local.set $b1 (v128.load offset=112 (local.get $pb)))
          (local.set $ai (v128.load32_splat (local.get $pa2)))
          (local.set $c00 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c00)))
          (local.set $c01 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c01)))
          (local.set $ai (v128.load32_splat (i32.add (local.get $pa2) (local.get $a1))))
          (local.set $c10 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c10)))
          (local.set $c11 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c11)))
          (local.set $ai (v128.load32_splat (i32.add (local.get $pa2) (local.get $a2))))
          (local.set $c20 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c20)))
          (local.set $c21 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c21)))
          (local.set $ai (v128.load32_splat (i32.add (local.get $pa2) (local.get $a3))))
          (local.set $c30 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c30)))
          (local.set $c31 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c31)))
          (local.set $ai (v128.load32_splat (i32.add (local.get $pa2) (local.get $a4))))
          (local.set $c40 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c40)))
          (local.set $c41 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c41)))
          (local.set $ai (v128.load32_splat (i32.add (local.get $pa2) (local.get $a5))))
          (local.set $c50 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c50)))
          (local.set $c51 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c51)))
          (local.set $pa (i32.add (local.get $pa2) (local.get $astep)))
          (local.set $pb (i32.add (local.get $pb) (i32.const 128)))
          (br_if $k4 (local.tee $quads (i32.sub (local.get $quads) (i32.const 1)))))))
    (if (local.tee $kc (i32.and (local.get $kc) (i32.const 3)))
      (then
        (loop $k
          (local.set $b0 (v128.load offset=0 (local.get $pb)))
          (local.set $b1 (v128.load offset=16 (local.get $pb)))
          (local.set $ai (v128.load32_splat (local.get $pa)))
          (local.set $c00 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c00)))
          (local.set $c01 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c01)))
          (local.set $ai (v128.load32_splat (i32.add (local.get $pa) (local.get $a1))))
          (local.set $c10 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c10)))
          (local.set $c11 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c11)))
          (local.set $ai (v128.load32_splat (i32.add (local.get $pa) (local.get $a2))))
          (local.set $c20 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c20)))
          (local.set $c21 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c21)))
          (local.set $ai (v128.load32_splat (i32.add (local.get $pa) (local.get $a3))))
          (local.set $c30 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c30)))
          (local.set $c31 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c31)))
          (local.set $ai (v128.load32_splat (i32.add (local.get $pa) (local.get $a4))))
          (local.set $c40 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c40)))
          (local.set $c41 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c41)))
          (local.set $ai (v128.load32_splat (i32.add (local.get $pa) (local.get $a5))))
          (local.set $c50 (f32x4.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c50)))
          (local.set $c51 (f32x4.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c51)))
          (local.set $pa (i32.add (local.get $pa) (local.get $astep)))
          (local.set $pb (i32.add (local.get $pb) (i32.const 32)))
          (br_if $k (local.tee $kc (i32.sub (local.get $kc) (i32.const 1)))))))
    (local.set $pa (i32.add (local.get $pa) (local.get $segGap)))
    (br_if $segments (local.get $left)))
    (if (local.get $add)
      (then
        (call $add32 (local.get $c) (local.get $c00) (local.get $c01))
        (call $add32 (local.tee $c (i32.add (local.get $c) (local.get $ldc))) (local.get $c10) (local.get $c11))
        (call $add32 (local.tee $c (i32.add (local.get $c) (local.get $ldc))) (local.get $c20) (local.get $c21))
        (call $add32 (local.tee $c (i32.add (local.get $c) (local.get $ldc))) (local.get $c30) (local.get $c31))
        (call $add32 (local.tee $c (i32.add (local.get $c) (local.get $ldc))) (local.get $c40) (local.get $c41))
        (call $add32 (local.tee $c (i32.add (local.get $c) (local.get $ldc))) (local.get $c50) (local.get $c51)))
      (else
        (call $store (local.get $c) (local.get $c00) (local.get $c01))
        (call $store (local.tee $c (i32.add (local.get $c) (local.get $ldc))) (local.get $c10) (local.get $c11))
        (call $store (local.tee $c (i32.add (local.get $c) (local.get $ldc))) (local.get $c20) (local.get $c21))
        (call $store (local.tee $c (i32.add (local.get $c) (local.get $ldc))) (local.get $c30) (local.get $c31))
        (call $store (local.tee $c (i32.add (local.get $c) (local.get $ldc))) (local.get $c40) (local.get $c41))
        (call $store (local.tee $c (i32.add (local.get $c) (local.get $ldc))) (local.get $c50) (local.get $c51))))
  )

  ;; float64 micro-kernel: C[6×4] (+)= Σ_p A panel[p][0..6] ⊗ B panel[p][0..4].
  (func $kernel64
    (param $pa i32) (param $lda i32) (param $astep i32) (param $segLen i32) (param $segGap i32)
    (param $pb i32) (param $kc i32) (param $c i32) (param $ldc i32) (param $add i32)
    (local $left i32) (local $steps i32)
    (local $a1 i32) (local $a2 i32) (local $a3 i32) (local $a4 i32) (local $a5 i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $c40 v128) (local $c41 v128) (local $c50 v128) (local $c51 v128)
    (local $b0 v128) (local $b1 v128) (local $ai v128)
    (local.set $a1 (local.get $lda))
    (local.set $a2 (i32.add (local.get $a1) (local.get $lda)))
    (local.set $a3 (i32.add (local.get $a2) (local.get $lda)))
    (local.set $a4 (i32.add (local.get $a3) (local.get $lda)))
    (local.set $a5 (i32.add (local.get $a4) (local.get $lda)))
    (local.set $left (local.get $kc))
    (loop $segments
    (local.set $steps (call $min (local.get $segLen) (local.get $left)))
    (local.set $left (i32.sub (local.get $left) (local.get $steps)))
    (loop $k
      (local.set $b0 (v128.load (local.get $pb)))
      (local.set $b1 (v128.load offset=16 (local.get $pb)))
      (local.set $ai (v128.load64_splat (local.get $pa)))
      (local.set $c00 (f64x2.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c00)))
      (local.set $c01 (f64x2.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c01)))
      (local.set $ai (v128.load64_splat (i32.add (local.get $pa) (local.get $a1))))
      (local.set $c10 (f64x2.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c10)))
      (local.set $c11 (f64x2.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c11)))
      (local.set $ai (v128.load64_splat (i32.add (local.get $pa) (local.get $a2))))
      (local.set $c20 (f64x2.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c20)))
      (local.set $c21 (f64x2.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c21)))
      (local.set $ai (v128.load64_splat (i32.add (local.get $pa) (local.get $a3))))
      (local.set $c30 (f64x2.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c30)))
      (local.set $c31 (f64x2.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c31)))
      (local.set $ai (v128.load64_splat (i32.add (local.get $pa) (local.get $a4))))
      (local.set $c40 (f64x2.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c40)))
      (local.set $c41 (f64x2.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c41)))
      (local.set $ai (v128.load64_splat (i32.add (local.get $pa) (local.get $a5))))
      (local.set $c50 (f64x2.relaxed_madd (local.get $ai) (local.get $b0) (local.get $c50)))
      (local.set $c51 (f64x2.relaxed_madd (local.get $ai) (local.get $b1) (local.get $c51)))
      (local.set $pa (i32.add (local.get $pa) (local.get $astep)))
      (local.set $pb (i32.add (local.get $pb) (i32.const 32)))
      (br_if $k (local.tee $steps (i32.sub (local.get $steps) (i32.const 1)))))
    (local.set $pa (i32.add (local.get $pa) (local.get $segGap)))
    (br_if $segments (local.get $left)))
    (if (local.get $add)
      (then
        (call $add64 (local.get $c) (local.get $c00) (local.get $c01))
        (call $add64 (local.tee $c (i32.add (local.get $c) (local.get $ldc))) (local.get $c10) (local.get $c11))
        (call $add64 (local.tee $c (i32.add (local.get $c) (local.get $ldc))) (local.get $c20) (local.get $c21))
        (call $add64 (local.tee $c (i32.add (local.get $c) (local.get $ldc))) (local.get $c30) (local.get $c31))
        (call $add64 (local.tee $c (i32.add (local.get $c) (local.get $ldc))) (local.get $c40) (local.get $c41))
        (call $add64 (local.tee $c (i32.add (local.get $c) (local.get $ldc))) (local.get $c50) (local.get $c51)))
      (else
        (call $store (local.get $c) (local.get $c00) (local.get $c01))
        (call $store (local.tee $c (i32.add (local.get $c) (local.get $ldc))) (local.get $c10) (local.get $c11))
        (call $store (local.tee $c (i32.add (local.get $c) (local.get $ldc))) (local.get $c20) (local.get $c21))
        (call $store (local.tee $c (i32.add (local.get $c) (local.get $ldc))) (local.get $c30) (local.get $c31))
        (call $store (local.tee $c (i32.add (local.get $c) (local.get $ldc))) (local.get $c40) (local.get $c41))
        (call $store (local.tee $c (i32.add (local.get $c) (local.get $ldc))) (local.get $c50) (local.get $c51))))
  )

  ;; One row of a tile: 32 bytes at `to`, two vectors.
  (func $store (param $to i32) (param $x0 v128) (param $x1 v128)
    (v128.store (local.get $to) (local.get $x0))
    (v128.store offset=16 (local.get $to) (local.get $x1)))

  (func $add32 (param $to i32) (param $x0 v128) (param $x1 v128)
    (v128.store (local.get $to) (f32x4.add (v128.load (local.get $to)) (local.get $x0)))
    (v128.store offset=16 (local.get $to) (f32x4.add (v128.load offset=16 (local.get $to)) (local.get $x1))))

  (func $add64 (param $to i32) (param $x0 v128) (param $x1 v128)
    (v128.store (local.get $to) (f64x2.add (v128.load (local.get $to)) (local.get $x0)))
    (v128.store offset=16 (local.get $to) (f64x2.add (v128.load offset=16 (local.get $to)) (local.get $x1))))
)
