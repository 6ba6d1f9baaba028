/**
 * The networks `deno task train` knows, with their training defaults.
 *
 * @module
 */

import { loadSafetensors } from "../io/safetensors.ts";
import { DeepConvNet } from "../nets/deep_conv_net.ts";
import { FinalConvNet } from "../nets/final_conv_net.ts";
import { copyParams } from "../nets/network.ts";
import { SimpleConvNet } from "../nets/simple_conv_net.ts";
import type { Generator } from "../np/mod.ts";
import type { TrainableNet } from "./loop.ts";
import type { OptimizerName } from "./optimizers.ts";

/** A network the train command can build: the loop's needs, and maybe a dropout generator. */
export interface Model extends TrainableNet {
  /** The generator of dropout masks, if the network has one (its state goes in checkpoints). */
  rng?: Generator;
}

/** How to build one network and how to train it by default. */
export interface ModelSpec {
  /** The class, for messages and file metadata. */
  className: string;
  /** One line for `--help`. */
  description: string;
  /** Builds the network with float32 parameters. */
  create(seed: number): Model;
  /** The default number of epochs. */
  epochs: number;
  /** The default optimizer. */
  optimizer: OptimizerName;
  /** The default learning rate. */
  lr: number;
  /** The default factor of the learning rate from one epoch to the next (1: constant). */
  lrDecay: number;
  /** The default batch size. */
  batchSize: number;
  /** The default data augmentation: shift training images by up to this many pixels (0: none). */
  augment: number;
  /** The chapters whose exercises the network is made of (for `--mine`). */
  chapters: string[];
  /**
   * Whether a batch may be split between two threads (`data_parallel.ts`): only for networks
   * without dropout or batch normalization, whose gradient depends on the weights and the batch
   * alone.
   */
  dataParallel: boolean;
}

/** The networks by `--model` name; the first is the default. */
export const MODELS: Record<string, ModelSpec> = {
  final: {
    className: "FinalConvNet",
    description: "two 5×5 convolutions, LeNet-like (chapter 8's final network; ≥ 99% test)",
    create: (seed) => new FinalConvNet({ seed, dtype: "float32" }),
    epochs: 6,
    optimizer: "adam",
    lr: 0.001,
    lrDecay: 0.7,
    batchSize: 50,
    augment: 2,
    chapters: ["05", "06", "07", "08"],
    dataParallel: true,
  },
  simple: {
    className: "SimpleConvNet",
    description: "the book's SimpleConvNet (§7.5; train_convnet.py: Adam, lr 0.001, 20 epochs)",
    create: (seed) => new SimpleConvNet({ seed, dtype: "float32" }),
    epochs: 20,
    optimizer: "adam",
    lr: 0.001,
    lrDecay: 1,
    batchSize: 100,
    augment: 0,
    chapters: ["05", "06", "07"],
    dataParallel: true,
  },
  deep: {
    className: "DeepConvNet",
    description: "the book's DeepConvNet (§8.1; train_deepnet.py: Adam, lr 0.001, 20 epochs)",
    create: (seed) => new DeepConvNet({ seed, dtype: "float32" }),
    epochs: 20,
    optimizer: "adam",
    lr: 0.001,
    lrDecay: 1,
    batchSize: 100,
    augment: 0,
    chapters: ["05", "06", "07", "08"],
    dataParallel: false, // its dropout masks come from one generator
  },
};

/** The model `deno task train` trains without `--model`. */
export const DEFAULT_MODEL = "final";

/**
 * Rebuilds a trained network from a parameters file written by `deno task train` (or a net's
 * `saveParams`): the file's metadata names the network class.
 *
 * @param path The parameters file, e.g. `out/train/params.safetensors`.
 * @returns The network with the loaded parameters, and its `--model` name.
 * @throws {TypeError} when the file names no network the command knows.
 */
export function loadTrainedModel(path: string): { model: Model; name: string; spec: ModelSpec } {
  const { tensors, metadata } = loadSafetensors(path);
  const entry = Object.entries(MODELS).find(([, spec]) => spec.className === metadata.network);
  if (entry === undefined) {
    throw new TypeError(
      `${path} holds parameters of ${JSON.stringify(metadata.network ?? "an unnamed network")}, ` +
        `not one of ${Object.values(MODELS).map((s) => s.className).join(", ")}`,
    );
  }
  const [name, spec] = entry;
  const model = spec.create(0);
  copyParams(tensors, model.params, path);
  return { model, name, spec };
}
