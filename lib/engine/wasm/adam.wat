;; adam.wat: the book's Adam update (common/optimizer.py) of float32 arrays in WebAssembly SIMD,
;; for the engine's Adam (../adam.ts). Built by `deno task build:wasm` into adam_wasm.ts.
;;
;; The arithmetic is the answer key's loop (lib/optimizers/optimizer.ts) exactly: each value
;; is widened to float64, m += a1·(g − m) and v += a2·(g² − v) are rounded to float32 when
;; stored, and p −= lrT·m / (√v + 1e-7) uses those stored m and v, in float64, rounded once to
;; float32. Two values per f64x2 step (float64 division and square root are correctly rounded,
;; as JavaScript's), so the engine's Adam gives the answer key's bits.
(module
  (memory (export "memory") 1 65536)

  ;; p, g, m, v: `len` float32 values each at these byte addresses; p, m and v updated in place.
  (func (export "adam32")
    (param $p i32) (param $g i32) (param $m i32) (param $v i32) (param $len i32)
    (param $lrT f64) (param $a1 f64) (param $a2 f64)
    (local $i i32) (local $end i32)
    (local $g2 v128) (local $m2 v128) (local $v2 v128) (local $p2 v128)
    (local $a1v v128) (local $a2v v128) (local $lrv v128) (local $eps v128)
    (local $gs f64) (local $ms f64) (local $vs f64)
    (local.set $a1v (f64x2.splat (local.get $a1)))
    (local.set $a2v (f64x2.splat (local.get $a2)))
    (local.set $lrv (f64x2.splat (local.get $lrT)))
    (local.set $eps (f64x2.splat (f64.const 1e-7)))
    (local.set $end (i32.shl (i32.and (local.get $len) (i32.const -2)) (i32.const 2)))
    (local.set $i (i32.const 0))
    (block $done (loop $pairs
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $g2 (f64x2.promote_low_f32x4
        (v128.load64_zero (i32.add (local.get $g) (local.get $i)))))
      (local.set $m2 (f64x2.promote_low_f32x4
        (v128.load64_zero (i32.add (local.get $m) (local.get $i)))))
      (local.set $v2 (f64x2.promote_low_f32x4
        (v128.load64_zero (i32.add (local.get $v) (local.get $i)))))
      (local.set $p2 (f64x2.promote_low_f32x4
        (v128.load64_zero (i32.add (local.get $p) (local.get $i)))))
      ;; m += a1·(g − m), stored as float32 and read back
      (local.set $m2 (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero
        (f64x2.add (local.get $m2)
          (f64x2.mul (local.get $a1v) (f64x2.sub (local.get $g2) (local.get $m2)))))))
      (v128.store64_lane 0 (i32.add (local.get $m) (local.get $i))
        (f32x4.demote_f64x2_zero (local.get $m2)))
      ;; v += a2·(g·g − v)
      (local.set $v2 (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero
        (f64x2.add (local.get $v2)
          (f64x2.mul (local.get $a2v)
            (f64x2.sub (f64x2.mul (local.get $g2) (local.get $g2)) (local.get $v2)))))))
      (v128.store64_lane 0 (i32.add (local.get $v) (local.get $i))
        (f32x4.demote_f64x2_zero (local.get $v2)))
      ;; p −= lrT·m / (√v + 1e-7)
      (v128.store64_lane 0 (i32.add (local.get $p) (local.get $i))
        (f32x4.demote_f64x2_zero
          (f64x2.sub (local.get $p2)
            (f64x2.div (f64x2.mul (local.get $lrv) (local.get $m2))
              (f64x2.add (f64x2.sqrt (local.get $v2)) (local.get $eps))))))
      (local.set $i (i32.add (local.get $i) (i32.const 8)))
      (br $pairs)))
    ;; an odd last value
    (if (i32.and (local.get $len) (i32.const 1)) (then
      (local.set $gs (f64.promote_f32 (f32.load (i32.add (local.get $g) (local.get $i)))))
      (local.set $ms (f64.promote_f32 (f32.load (i32.add (local.get $m) (local.get $i)))))
      (local.set $vs (f64.promote_f32 (f32.load (i32.add (local.get $v) (local.get $i)))))
      (local.set $ms (f64.promote_f32 (f32.demote_f64 (f64.add (local.get $ms)
        (f64.mul (local.get $a1) (f64.sub (local.get $gs) (local.get $ms)))))))
      (f32.store (i32.add (local.get $m) (local.get $i)) (f32.demote_f64 (local.get $ms)))
      (local.set $vs (f64.promote_f32 (f32.demote_f64 (f64.add (local.get $vs)
        (f64.mul (local.get $a2)
          (f64.sub (f64.mul (local.get $gs) (local.get $gs)) (local.get $vs)))))))
      (f32.store (i32.add (local.get $v) (local.get $i)) (f32.demote_f64 (local.get $vs)))
      (f32.store (i32.add (local.get $p) (local.get $i))
        (f32.demote_f64 (f64.sub
          (f64.promote_f32 (f32.load (i32.add (local.get $p) (local.get $i))))
          (f64.div (f64.mul (local.get $lrT) (local.get $ms))
            (f64.add (f64.sqrt (local.get $vs)) (f64.const 1e-7)))))))))
)
