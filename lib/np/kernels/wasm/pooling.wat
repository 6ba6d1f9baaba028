;; pooling.wat: max pooling straight from NCHW images in WebAssembly SIMD, for the Pooling layer
;; (chapter 7). Built by `deno task build:wasm` into pooling_wasm.ts; called from ../pooling.ts.
;;
;; The max and argmax of each window are chosen with bit masks instead of branches: on real
;; activations (random signs, many ties at 0 after a ReLU) a branch per comparison mispredicts
;; about every other time. The rules are those of the TypeScript loop in ../pooling.ts, which
;; are NumPy's max/argmax: a strictly larger value wins, so ties keep the first position; NaN
;; wins and then stays.
(module
  (memory (export "memory") 1 65536)

  ;; Four float32 values `step` bytes apart, starting at byte `at`: the same tap of four
  ;; neighbouring windows. Neighbours 4 bytes apart (stride 1) are one load; 8 bytes apart
  ;; (stride 2) two loads and a shuffle of the even lanes (this reads 4 bytes past the fourth
  ;; value, so the caller leaves 16 bytes of slack after the images).
  (func $gather32 (param $at i32) (param $step i32) (result v128)
    (if (result v128) (i32.eq (local.get $step) (i32.const 4))
      (then (v128.load (local.get $at)))
      (else
        (if (result v128) (i32.eq (local.get $step) (i32.const 8))
          (then
            (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
              (v128.load (local.get $at))
              (v128.load offset=16 (local.get $at))))
          (else
            (v128.load32_lane 3
              (i32.add (local.get $at) (i32.mul (local.get $step) (i32.const 3)))
              (v128.load32_lane 2
                (i32.add (local.get $at) (i32.shl (local.get $step) (i32.const 1)))
                (v128.load32_lane 1
                  (i32.add (local.get $at) (local.get $step))
                  (v128.load32_zero (local.get $at))))))))))

  ;; Max pooling without padding of `planes` float32 planes of h×w stored one after another at
  ;; byte `x`, with a ph×pw window moved by `stride`: out[plane, oy, ox] (at byte `out`) is the
  ;; window's maximum and arg[plane, oy, ox] (at byte `arg`, float32) its position fy·pw + fx.
  ;; Four outputs of a row at a time, so outW must be at least 4; the last group of a row is
  ;; moved back to end at the row's end, overlapping the previous group (same values again).
  (func (export "maxpool32")
    (param $x i32) (param $planes i32) (param $h i32) (param $w i32)
    (param $ph i32) (param $pw i32) (param $stride i32) (param $outH i32) (param $outW i32)
    (param $out i32) (param $arg i32)
    (local $plane i32) (local $oy i32) (local $ox i32) (local $fy i32) (local $fx i32)
    (local $t i32) (local $step i32) (local $rowAt i32) (local $at i32) (local $o i32)
    (local $v v128) (local $best v128) (local $bestAt v128) (local $take v128)
    (local.set $step (i32.shl (local.get $stride) (i32.const 2)))
    (block $planesDone
      (loop $planes
        (br_if $planesDone (i32.ge_u (local.get $plane) (local.get $planes)))
        (local.set $oy (i32.const 0))
        (block $rowsDone
          (loop $rows
            (br_if $rowsDone (i32.ge_u (local.get $oy) (local.get $outH)))
            ;; Byte address of the window row (oy·stride, 0) of this plane.
            (local.set $rowAt
              (i32.add (local.get $x)
                (i32.shl
                  (i32.add
                    (i32.mul (local.get $plane) (i32.mul (local.get $h) (local.get $w)))
                    (i32.mul (i32.mul (local.get $oy) (local.get $stride)) (local.get $w)))
                  (i32.const 2))))
            (local.set $ox (i32.const 0))
            (block $groupsDone
              (loop $groups
                (if (i32.gt_s (local.get $ox) (i32.sub (local.get $outW) (i32.const 4)))
                  (then (local.set $ox (i32.sub (local.get $outW) (i32.const 4)))))
                (local.set $at
                  (i32.add (local.get $rowAt) (i32.mul (local.get $ox) (local.get $step))))
                ;; Tap 0 starts the maximum; the others replace it where they win.
                (local.set $best (call $gather32 (local.get $at) (local.get $step)))
                (local.set $bestAt (v128.const i32x4 0 0 0 0))
                (local.set $t (i32.const 0))
                (local.set $fy (i32.const 0))
                (loop $tapRows
                  (local.set $fx (i32.const 0))
                  (loop $taps
                    (if (local.get $t)
                      (then
                        (local.set $v
                          (call $gather32
                            (i32.add (local.get $at)
                              (i32.shl
                                (i32.add (i32.mul (local.get $fy) (local.get $w)) (local.get $fx))
                                (i32.const 2)))
                            (local.get $step)))
                        ;; take = !(v <= best) && best == best: larger, or NaN over a number.
                        (local.set $take
                          (v128.andnot
                            (f32x4.eq (local.get $best) (local.get $best))
                            (f32x4.le (local.get $v) (local.get $best))))
                        (local.set $best
                          (v128.bitselect (local.get $v) (local.get $best) (local.get $take)))
                        (local.set $bestAt
                          (v128.bitselect (i32x4.splat (local.get $t)) (local.get $bestAt)
                            (local.get $take)))))
                    (local.set $t (i32.add (local.get $t) (i32.const 1)))
                    (local.set $fx (i32.add (local.get $fx) (i32.const 1)))
                    (br_if $taps (i32.lt_u (local.get $fx) (local.get $pw))))
                  (local.set $fy (i32.add (local.get $fy) (i32.const 1)))
                  (br_if $tapRows (i32.lt_u (local.get $fy) (local.get $ph))))
                ;; Byte offset of output (plane, oy, ox).
                (local.set $o
                  (i32.shl
                    (i32.add
                      (i32.mul
                        (i32.add (i32.mul (local.get $plane) (local.get $outH)) (local.get $oy))
                        (local.get $outW))
                      (local.get $ox))
                    (i32.const 2)))
                (v128.store (i32.add (local.get $out) (local.get $o)) (local.get $best))
                (v128.store (i32.add (local.get $arg) (local.get $o))
                  (f32x4.convert_i32x4_s (local.get $bestAt)))
                (local.set $ox (i32.add (local.get $ox) (i32.const 4)))
                (br_if $groups (i32.lt_s (local.get $ox) (local.get $outW)))))
            (local.set $oy (i32.add (local.get $oy) (i32.const 1)))
            (br $rows)))
        (local.set $plane (i32.add (local.get $plane) (i32.const 1)))
        (br $planes)))
  )
)
