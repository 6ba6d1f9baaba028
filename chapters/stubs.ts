/**
 * The list of stub modules and their references in `lib/`. It is read by the self-check
 * (to build the reference-mode import map) and by `deno task solution`, and `deno check`
 * fails when a stub's exports drift from its reference's.
 *
 * Add one line per stub module, in chapter order:
 * `Expect<SameExports<typeof import("./NN/file.ts"), typeof import("../lib/…/file.ts")>>,`
 *
 * @module
 */

import type { Expect, SameExports } from "../lib/kata/same_exports.ts";

/** One entry per stub module: the stub, then its reference. */
export type StubsMatchTheirReferences = [
  Expect<SameExports<typeof import("./01/broadcast.ts"), typeof import("../lib/np/broadcast.ts")>>,
  Expect<SameExports<typeof import("./01/basics.ts"), typeof import("../lib/np/basics.ts")>>,
  Expect<
    SameExports<
      typeof import("./01/sin_cos.ts"),
      typeof import("../lib/experiments/ch01/sin_cos.ts")
    >
  >,
  Expect<
    SameExports<typeof import("./02/perceptron.ts"), typeof import("../lib/perceptron/mod.ts")>
  >,
  Expect<
    SameExports<
      typeof import("./03/activation.ts"),
      typeof import("../lib/functions/activation.ts")
    >
  >,
  Expect<
    SameExports<
      typeof import("./03/three_layer_net.ts"),
      typeof import("../lib/nets/three_layer_net.ts")
    >
  >,
  Expect<SameExports<typeof import("./04/loss.ts"), typeof import("../lib/functions/loss.ts")>>,
  Expect<
    SameExports<typeof import("./04/gradient.ts"), typeof import("../lib/gradient/numerical.ts")>
  >,
  Expect<
    SameExports<
      typeof import("./04/two_layer_net.ts"),
      typeof import("../lib/nets/two_layer_net_ch04.ts")
    >
  >,
  Expect<
    SameExports<typeof import("./05/simple_layers.ts"), typeof import("../lib/layers/simple.ts")>
  >,
  Expect<SameExports<typeof import("./05/relu.ts"), typeof import("../lib/layers/relu.ts")>>,
  Expect<SameExports<typeof import("./05/sigmoid.ts"), typeof import("../lib/layers/sigmoid.ts")>>,
  Expect<SameExports<typeof import("./05/affine.ts"), typeof import("../lib/layers/affine.ts")>>,
  Expect<
    SameExports<
      typeof import("./05/softmax_with_loss.ts"),
      typeof import("../lib/layers/softmax_with_loss.ts")
    >
  >,
  Expect<
    SameExports<
      typeof import("./05/two_layer_net.ts"),
      typeof import("../lib/nets/two_layer_net.ts")
    >
  >,
  Expect<
    SameExports<
      typeof import("./06/optimizers.ts"),
      typeof import("../lib/optimizers/optimizer.ts")
    >
  >,
  Expect<
    SameExports<typeof import("./06/weight_init.ts"), typeof import("../lib/init/weight_init.ts")>
  >,
  Expect<
    SameExports<
      typeof import("./06/batch_normalization.ts"),
      typeof import("../lib/layers/batch_normalization.ts")
    >
  >,
  Expect<SameExports<typeof import("./06/dropout.ts"), typeof import("../lib/layers/dropout.ts")>>,
  Expect<
    SameExports<
      typeof import("./06/multi_layer_net.ts"),
      typeof import("../lib/nets/multi_layer_net.ts")
    >
  >,
  Expect<
    SameExports<
      typeof import("./06/multi_layer_net_extend.ts"),
      typeof import("../lib/nets/multi_layer_net_extend.ts")
    >
  >,
  Expect<
    SameExports<
      typeof import("./06/hyperparameter_search.ts"),
      typeof import("../lib/experiments/ch06/hyperparameter_search.ts")
    >
  >,
  Expect<SameExports<typeof import("./07/im2col.ts"), typeof import("../lib/layers/im2col.ts")>>,
  Expect<
    SameExports<typeof import("./07/convolution.ts"), typeof import("../lib/layers/convolution.ts")>
  >,
  Expect<SameExports<typeof import("./07/pooling.ts"), typeof import("../lib/layers/pooling.ts")>>,
  Expect<
    SameExports<
      typeof import("./07/simple_conv_net.ts"),
      typeof import("../lib/nets/simple_conv_net.ts")
    >
  >,
  Expect<
    SameExports<
      typeof import("./08/deep_conv_net.ts"),
      typeof import("../lib/nets/deep_conv_net.ts")
    >
  >,
  Expect<
    SameExports<
      typeof import("./08/final_conv_net.ts"),
      typeof import("../lib/nets/final_conv_net.ts")
    >
  >,
];
