;; elementwise.wat: the element-wise loops that branch on data, in WebAssembly SIMD, where the
;; JavaScript versions lose most of their time to mispredicted branches (random signs):
;; `where` (ReLU's mask) and the max/argmax of short runs (max pooling's windows).
;; Built by `deno task build:wasm` into elementwise_wasm.ts; called from elementwise_wasm.ts.
;;
;; Both select with bit masks instead of branches, and both give exactly what the JavaScript
;; loops give: values are moved, never rounded; NaN wins a max as in NumPy; ties keep the first.
;; Pointers are in bytes; each function has a float32 (…32) and a float64 (…64) version.
(module
  (memory (export "memory") 1 65536)

  ;; out[i] = cond[i] != 0 ? x[i·sx] : y[i·sy] for i < n, where sx and sy are 1 (an array of n)
  ;; or 0 (one value). cond has the element type of out. NaN counts as true, as in NumPy.
  (func (export "where32")
    (param $cond i32) (param $x i32) (param $sx i32) (param $y i32) (param $sy i32)
    (param $out i32) (param $n i32)
    (local $end i32) (local $xs v128) (local $ys v128) (local $mask v128)
    ;; A single value is splat once; an array is read four at a time.
    (local.set $xs (v128.load32_splat (local.get $x)))
    (local.set $ys (v128.load32_splat (local.get $y)))
    (local.set $sx (i32.shl (local.get $sx) (i32.const 4)))
    (local.set $sy (i32.shl (local.get $sy) (i32.const 4)))
    (local.set $end (i32.add (local.get $out) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (block $vectorsDone
      (loop $vectors
        (br_if $vectorsDone (i32.ge_u (local.get $out) (local.get $end)))
        (local.set $mask (f32x4.ne (v128.load (local.get $cond)) (f32x4.splat (f32.const 0))))
        (v128.store (local.get $out)
          (v128.bitselect
            (if (result v128) (local.get $sx) (then (v128.load (local.get $x))) (else (local.get $xs)))
            (if (result v128) (local.get $sy) (then (v128.load (local.get $y))) (else (local.get $ys)))
            (local.get $mask)))
        (local.set $cond (i32.add (local.get $cond) (i32.const 16)))
        (local.set $x (i32.add (local.get $x) (local.get $sx)))
        (local.set $y (i32.add (local.get $y) (local.get $sy)))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (br $vectors)))
    ;; The last n mod 4 elements.
    (local.set $sx (i32.shr_u (local.get $sx) (i32.const 2)))
    (local.set $sy (i32.shr_u (local.get $sy) (i32.const 2)))
    (local.set $end (i32.add (local.get $end) (i32.shl (i32.and (local.get $n) (i32.const 3)) (i32.const 2))))
    (block $done
      (loop $scalars
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        (i32.store (local.get $out)
          (select (i32.load (local.get $x)) (i32.load (local.get $y))
            (f32.ne (f32.load (local.get $cond)) (f32.const 0))))
        (local.set $cond (i32.add (local.get $cond) (i32.const 4)))
        (local.set $x (i32.add (local.get $x) (local.get $sx)))
        (local.set $y (i32.add (local.get $y) (local.get $sy)))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (br $scalars)))
  )

  (func (export "where64")
    (param $cond i32) (param $x i32) (param $sx i32) (param $y i32) (param $sy i32)
    (param $out i32) (param $n i32)
    (local $end i32) (local $xs v128) (local $ys v128) (local $mask v128)
    (local.set $xs (v128.load64_splat (local.get $x)))
    (local.set $ys (v128.load64_splat (local.get $y)))
    (local.set $sx (i32.shl (local.get $sx) (i32.const 4)))
    (local.set $sy (i32.shl (local.get $sy) (i32.const 4)))
    (local.set $end (i32.add (local.get $out) (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (block $vectorsDone
      (loop $vectors
        (br_if $vectorsDone (i32.ge_u (local.get $out) (local.get $end)))
        (local.set $mask (f64x2.ne (v128.load (local.get $cond)) (f64x2.splat (f64.const 0))))
        (v128.store (local.get $out)
          (v128.bitselect
            (if (result v128) (local.get $sx) (then (v128.load (local.get $x))) (else (local.get $xs)))
            (if (result v128) (local.get $sy) (then (v128.load (local.get $y))) (else (local.get $ys)))
            (local.get $mask)))
        (local.set $cond (i32.add (local.get $cond) (i32.const 16)))
        (local.set $x (i32.add (local.get $x) (local.get $sx)))
        (local.set $y (i32.add (local.get $y) (local.get $sy)))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (br $vectors)))
    ;; The last element if n is odd.
    (if (i32.and (local.get $n) (i32.const 1))
      (then
        (i64.store (local.get $out)
          (select (i64.load (local.get $x)) (i64.load (local.get $y))
            (f64.ne (f64.load (local.get $cond)) (f64.const 0))))))
  )

  ;; For each of `runs` runs of n values (run o at x + o·n·4): the max (or, with min = 1, the
  ;; min) into out[o], or with index = 1 the position of the first max (min) in the run.
  ;; Four runs at a time, one per lane; runs must be a multiple of 4 (the caller does the rest).
  ;; A lane takes value v at position r when !(v <= best) (!(v >= best) for the min), which is
  ;; true for a larger value or NaN, and only while best is not NaN yet: NaN wins, ties keep
  ;; the first, exactly as the scalar loop.
  (func (export "runs32")
    (param $x i32) (param $runs i32) (param $n i32) (param $min i32) (param $index i32) (param $out i32)
    (local $stride i32) (local $end i32) (local $at i32) (local $r i32)
    (local $v v128) (local $best v128) (local $bestAt v128) (local $take v128)
    (local.set $stride (i32.shl (local.get $n) (i32.const 2)))
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $runs) (i32.const 2))))
    (block $done
      (loop $groups
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        (local.set $best (call $gather32 (local.get $x) (local.get $stride)))
        (local.set $bestAt (v128.const i32x4 0 0 0 0))
        (local.set $r (i32.const 1))
        (local.set $at (i32.add (local.get $x) (i32.const 4)))
        (block $runDone
          (loop $values
            (br_if $runDone (i32.ge_u (local.get $r) (local.get $n)))
            (local.set $v (call $gather32 (local.get $at) (local.get $stride)))
            (local.set $take
              (v128.and
                (v128.not
                  (if (result v128) (local.get $min)
                    (then (f32x4.ge (local.get $v) (local.get $best)))
                    (else (f32x4.le (local.get $v) (local.get $best)))))
                (f32x4.eq (local.get $best) (local.get $best))))
            (local.set $best (v128.bitselect (local.get $v) (local.get $best) (local.get $take)))
            (local.set $bestAt
              (v128.bitselect (i32x4.splat (local.get $r)) (local.get $bestAt) (local.get $take)))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (local.set $at (i32.add (local.get $at) (i32.const 4)))
            (br $values)))
        (v128.store (local.get $out)
          (if (result v128) (local.get $index)
            (then (f32x4.convert_i32x4_s (local.get $bestAt)))
            (else (local.get $best))))
        (local.set $x (i32.add (local.get $x) (i32.shl (local.get $stride) (i32.const 2))))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (br $groups)))
  )

  ;; The same in float64, two runs at a time.
  (func (export "runs64")
    (param $x i32) (param $runs i32) (param $n i32) (param $min i32) (param $index i32) (param $out i32)
    (local $stride i32) (local $end i32) (local $at i32) (local $r i32)
    (local $v v128) (local $best v128) (local $bestAt v128) (local $take v128)
    (local.set $stride (i32.shl (local.get $n) (i32.const 3)))
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $runs) (i32.const 3))))
    (block $done
      (loop $groups
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        (local.set $best (call $gather64 (local.get $x) (local.get $stride)))
        (local.set $bestAt (v128.const i64x2 0 0))
        (local.set $r (i32.const 1))
        (local.set $at (i32.add (local.get $x) (i32.const 8)))
        (block $runDone
          (loop $values
            (br_if $runDone (i32.ge_u (local.get $r) (local.get $n)))
            (local.set $v (call $gather64 (local.get $at) (local.get $stride)))
            (local.set $take
              (v128.and
                (v128.not
                  (if (result v128) (local.get $min)
                    (then (f64x2.ge (local.get $v) (local.get $best)))
                    (else (f64x2.le (local.get $v) (local.get $best)))))
                (f64x2.eq (local.get $best) (local.get $best))))
            (local.set $best (v128.bitselect (local.get $v) (local.get $best) (local.get $take)))
            ;; Positions as float64 lanes directly: a mask of 64-bit lanes selects whole values.
            (local.set $bestAt
              (v128.bitselect (f64x2.splat (f64.convert_i32_u (local.get $r))) (local.get $bestAt) (local.get $take)))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (local.set $at (i32.add (local.get $at) (i32.const 8)))
            (br $values)))
        (v128.store (local.get $out)
          (if (result v128) (local.get $index) (then (local.get $bestAt)) (else (local.get $best))))
        (local.set $x (i32.add (local.get $x) (i32.shl (local.get $stride) (i32.const 1))))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (br $groups)))
  )

  ;; Lanes l = 0..3 of the result: the float32 at p + l·stride.
  (func $gather32 (param $p i32) (param $stride i32) (result v128)
    (f32x4.replace_lane 3
      (f32x4.replace_lane 2
        (f32x4.replace_lane 1
          (v128.load32_zero (local.get $p))
          (f32.load (i32.add (local.get $p) (local.get $stride))))
        (f32.load (i32.add (local.get $p) (i32.shl (local.get $stride) (i32.const 1)))))
      (f32.load (i32.add (local.get $p) (i32.mul (local.get $stride) (i32.const 3))))))

  (func $gather64 (param $p i32) (param $stride i32) (result v128)
    (v128.load64_lane 1 (i32.add (local.get $p) (local.get $stride)) (v128.load64_zero (local.get $p))))
)
