/**
 * Type-level checks that keep each stub module in step with its reference in `lib/`:
 * `chapters/stubs.ts` applies them to every pair, so `deno check` fails on drift.
 *
 * @module
 */

/** `true` when A and B are assignable to each other, else `false`. */
export type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * `true` when two modules export the same value names, each with mutually assignable types
 * (functions with the same signature, classes with the same constructor and members).
 */
export type SameExports<Stub, Ref> = Mutual<keyof Stub, keyof Ref> extends true ? (
    { [K in keyof Ref]: K extends keyof Stub ? Mutual<Stub[K], Ref[K]> : false }[keyof Ref] extends
      true ? true
      : false
  )
  : false;

/** Compiles only when T is `true`: `Expect<SameExports<typeof import(…), typeof import(…)>>`. */
export type Expect<T extends true> = T;
