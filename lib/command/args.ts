/**
 * One argument parser for every command of the workbook, on the model of `deno task train`:
 * `--name value` and `--name=value`, `-h`/`--help`, numbers checked against their bounds, and
 * one-line refusals (exit 2) of unknown options, stray arguments and bad values.
 *
 * ```ts ignore
 * import { commandLine } from "../command/args.ts";
 * const { values } = commandLine(Deno.args, {
 *   name: "ch06:batchnorm",
 *   summary: "Chapter 06: training accuracy with and without Batch Normalization.",
 *   options: { scales: { type: "integer", min: 2, max: 64, default: 16, help: "weight scales" } },
 *   mine: true,
 * });
 * ```
 *
 * @module
 */

import { parseArgs } from "node:util";
import { editDistance } from "../kata/cli.ts";
import { UsageError } from "./errors.ts";
import { defineMessages, type Lang, parseLang, setLang } from "./lang.ts";
import { COMMAND, errorLine } from "./messages.ts";

/** The parser's own words, in both languages. */
const MESSAGES = defineMessages("args", {
  above: (min: number) => `above ${min}`,
  range: (low: string | number, max: number) => `${low} to ${max}`,
  byDefault: (value: string | number) => `default ${value}`,
  mine: "run on your own chapter code where it is finished",
  lang: "the language of the messages: en (English) or ja (日本語)",
  help: "show this help",
  usage: "Usage:",
  options: "Options:",
  needsNumber: (name: string, text: string) => `--${name} needs a number, got "${text}"`,
  wholeNumber: (name: string, min: number, max: number, text: string) =>
    `--${name} must be a whole number from ${min} to ${max}, got ${text}`,
  between: (name: string, exclusive: boolean, min: number, max: number, text: string) =>
    `--${name} must be ${exclusive ? "greater than" : "at least"} ${min} and at most ${max}, ` +
    `got ${text}`,
  unknownOption: (option: string) => `Unknown option "${option}"`,
  didYouMean: (name: string) => `: did you mean --${name}?`,
  theOptions: (list: string) => `: the options are ${list}`,
  emptyValue: (name: string) => `--${name} needs a value, got an empty string`,
  unknownChoice: (name: string, text: string, choices: string) =>
    `Unknown ${name} "${text}": choose one of ${choices}`,
  unexpected: (extra: string, count: number, onlyOptions: boolean) =>
    `Unexpected argument${count > 1 ? "s" : ""} ${extra}${
      onlyOptions ? ": this command takes only options" : ""
    }`,
  missing: (usage: string) => `Missing argument: ${usage}`,
  seeHelp: (name: string) => `Run "deno task ${name} --help" for the options.`,
  optionsPlaceholder: "[options]",
  needsValue: (option: string) => `${option} needs a value`,
  dashValue: (option: string) =>
    `${option} needs a value, and the next argument starts with a dash: write ${option}=-X ` +
    `for a value that starts with one`,
  noValue: (option: string) => `${option} takes no value`,
}, {
  above: (min: number) => `${min} より大きい値`,
  range: (low: string | number, max: number) => `${low} から ${max}`,
  byDefault: (value: string | number) => `既定値 ${value}`,
  mine: "書き終えた章の演習は自分のコードで実行",
  lang: "メッセージの言語: en（English）または ja（日本語）",
  help: "このヘルプを表示",
  usage: "使い方:",
  options: "オプション:",
  needsNumber: (name: string, text: string) => `--${name} には数値を指定してください（"${text}"）`,
  wholeNumber: (name: string, min: number, max: number, text: string) =>
    `--${name} は ${min} から ${max} までの整数で指定してください（${text}）`,
  between: (name: string, exclusive: boolean, min: number, max: number, text: string) =>
    `--${name} は ${min} ${exclusive ? "より大きく" : "以上"}、${max} 以下で指定してください` +
    `（${text}）`,
  unknownOption: (option: string) => `不明なオプション "${option}"`,
  didYouMean: (name: string) => `: --${name} のことですか？`,
  theOptions: (list: string) => `: 使えるオプションは ${list}`,
  emptyValue: (name: string) => `--${name} に値がありません（空文字列）`,
  unknownChoice: (name: string, text: string, choices: string) =>
    `${name} に "${text}" は使えません: ${choices} のいずれかを指定してください`,
  unexpected: (extra: string, _count: number, onlyOptions: boolean) =>
    `余分な引数 ${extra}${onlyOptions ? ": このコマンドはオプションだけを取ります" : ""}`,
  missing: (usage: string) => `引数が足りません: ${usage}`,
  seeHelp: (name: string) => `オプションは "deno task ${name} --help" で確認できます。`,
  optionsPlaceholder: "[オプション]",
  needsValue: (option: string) => `${option} には値が必要です`,
  dashValue: (option: string) =>
    `${option} には値が必要ですが、次の引数がダッシュで始まっています: ダッシュで始まる値は ` +
    `${option}=-X のように書いてください`,
  noValue: (option: string) => `${option} は値を取りません`,
});

/**
 * The language asked for on a command line (`--lang ja`, `--lang=en`), or `undefined`.
 *
 * @example
 * ```ts
 * import { langArg } from "./args.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(langArg(["04", "--lang", "ja"]), "ja");
 * assert.equal(langArg(["--lang=EN"]), "en");
 * assert.equal(langArg(["04"]), undefined);
 * ```
 *
 * @param argv The arguments.
 * @returns The language.
 * @throws {UsageError} when `--lang` names no language of the workbook.
 */
export function langArg(argv: string[]): Lang | undefined {
  let found: Lang | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    let value: string | undefined;
    if (arg === "--lang") value = argv[i + 1] ?? "";
    else if (arg.startsWith("--lang=")) value = arg.slice("--lang=".length);
    else continue;
    found = parseLang(value);
    if (found === undefined) throw new UsageError(COMMAND().badLang(value));
  }
  return found;
}

/** A boolean switch (`--mine`). */
export interface BooleanOption {
  /** The kind. */
  type: "boolean";
  /** One line for `--help`. */
  help: string;
  /** A one-letter alias (`y` for `-y`). */
  short?: string;
}

/** A switch that may be repeated, counted (`--more --more` is 2). */
export interface CountOption {
  /** The kind. */
  type: "count";
  /** One line for `--help`. */
  help: string;
}

/** A whole number within bounds (`--epochs 3`). */
export interface IntegerOption {
  /** The kind. */
  type: "integer";
  /** The smallest value allowed. */
  min: number;
  /** The largest value allowed. */
  max: number;
  /** The value when absent (else `undefined`). */
  default?: number;
  /** One line for `--help`. */
  help: string;
}

/** A number within bounds (`--lr 0.01`). */
export interface NumberOption {
  /** The kind. */
  type: "number";
  /** The lower bound. */
  min: number;
  /** Whether the lower bound itself is refused (`--lr` must be above 0). */
  minExclusive?: boolean;
  /** The largest value allowed. */
  max: number;
  /** The value when absent (else `undefined`). */
  default?: number;
  /** One line for `--help`. */
  help: string;
}

/** A text value, possibly one of a list (`--model simple`). */
export interface StringOption {
  /** The kind. */
  type: "string";
  /** The values allowed (any non-empty text when absent). */
  choices?: readonly string[];
  /** The value when absent (else `undefined`). */
  default?: string;
  /** What the value is in `--help` (`FILE`, `DIR`, `NAME`). */
  value?: string;
  /** One line for `--help`. */
  help: string;
}

/** Any option. */
export type OptionSpec = BooleanOption | CountOption | IntegerOption | NumberOption | StringOption;

/** What a command accepts, and its `--help`. */
export interface CommandSpec<O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  /** The task's name (`ch06:batchnorm`), for `deno task NAME`. */
  name: string;
  /** What the command does, first in `--help`. */
  summary: string;
  /** Usage lines (default: `deno task NAME [options]`). */
  usage?: string[];
  /** The options, by name without dashes (`--help` is always there). */
  options?: O;
  /** Whether it takes `--mine` (run on the learner's finished exercises). */
  mine?: boolean;
  /** Whether it takes `--save` beside `--lang` (`deno task kata --lang ja --save`). */
  saveLang?: boolean;
  /** Positional arguments allowed (default: none). */
  positionals?: { min?: number; max?: number };
  /** Text after the options in `--help`. */
  notes?: string;
  /** A hand-written `--help` that replaces the generated one (summary, usage and options). */
  help?: string;
}

/** The value type of one option. */
export type OptionValue<S extends OptionSpec> = S extends BooleanOption ? boolean
  : S extends CountOption ? number
  : S extends IntegerOption | NumberOption ? (S extends { default: number } ? number
      : number | undefined)
  : S extends { default: string } ? string
  : string | undefined;

/** The parsed command line. */
export interface Parsed<O extends Record<string, OptionSpec>> {
  /** `--help` was given. */
  help: boolean;
  /** `--mine` was given (for commands with `mine`). */
  mine: boolean;
  /** The language given with `--lang` (already made the process's language). */
  lang?: Lang;
  /** `--save` was given (for commands with `saveLang`). */
  save?: boolean;
  /** The options' values. */
  values: { [K in keyof O]: OptionValue<O[K]> };
  /** The positional arguments. */
  positionals: string[];
}

/** The `--help` text of a command, generated from its spec. */
export function helpText(spec: CommandSpec): string {
  if (spec.help !== undefined) return spec.help;
  const m = MESSAGES();
  const rows: [string, string][] = [];
  for (const [name, option] of Object.entries(spec.options ?? {})) {
    const placeholder = option.type === "boolean" || option.type === "count"
      ? ""
      : option.type === "string"
      ? ` ${option.value ?? "TEXT"}`
      : option.type === "integer"
      ? " N"
      : " X";
    const short = option.type === "boolean" && option.short ? `-${option.short}, ` : "";
    let help = option.help;
    if (option.type === "integer" || option.type === "number") {
      const low = option.type === "number" && option.minExclusive
        ? m.above(option.min)
        : option.min;
      help += ` (${m.range(low, option.max)}${
        option.default === undefined ? "" : `; ${m.byDefault(option.default)}`
      })`;
    } else if (option.type === "string") {
      const parts = [
        ...(option.choices ? [option.choices.join(", ")] : []),
        ...(option.default === undefined ? [] : [m.byDefault(option.default)]),
      ];
      if (parts.length > 0) help += ` (${parts.join("; ")})`;
    }
    rows.push([`${short}--${name}${placeholder}`, help]);
  }
  if (spec.mine) rows.push(["--mine", m.mine]);
  rows.push(["--lang en|ja", m.lang]);
  rows.push(["-h, --help", m.help]);
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return [
    spec.summary,
    "",
    m.usage,
    ...(spec.usage ?? [`deno task ${spec.name} ${m.optionsPlaceholder}`]).map((line) =>
      `  ${line}`
    ),
    "",
    m.options,
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`),
    ...(spec.notes ? ["", spec.notes] : []),
  ].join("\n");
}

/** A number option's value, checked. */
function numberValue(name: string, text: string, option: IntegerOption | NumberOption): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value)) {
    throw new UsageError(MESSAGES().needsNumber(name, text));
  }
  if (option.type === "integer") {
    if (!Number.isInteger(value) || value < option.min || value > option.max) {
      throw new UsageError(MESSAGES().wholeNumber(name, option.min, option.max, text));
    }
    return value;
  }
  const low = option.minExclusive ? value <= option.min : value < option.min;
  if (low || value > option.max) {
    throw new UsageError(
      MESSAGES().between(name, option.minExclusive === true, option.min, option.max, text),
    );
  }
  return value;
}

/** The closest option name to a mistyped one, if any is close. */
function closest(word: string, names: string[]): string | undefined {
  let best: string | undefined, bestDistance = Infinity;
  for (const name of names) {
    const d = editDistance(word, name);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/**
 * The {@linkcode UsageError} for an error of `node:util`'s `parseArgs`, in the current
 * language: an unknown option (with the closest known one), a stray argument, a missing value,
 * a value that looks like an option, a value given to a switch.
 *
 * @example
 * ```ts
 * import { parseArgsError } from "./args.ts";
 * import { setLang } from "./lang.ts";
 * import { parseArgs } from "node:util";
 * import assert from "node:assert/strict";
 *
 * const refuse = (args: string[]): string => {
 *   try {
 *     parseArgs({ args, strict: true, options: { lr: { type: "string" } } });
 *   } catch (error) {
 *     return parseArgsError(error, ["lr", "help"]).message;
 *   }
 *   return "accepted";
 * };
 * setLang("ja");
 * assert.equal(refuse(["--lrr"]), '不明なオプション "--lrr": --lr のことですか？');
 * assert.equal(refuse(["--lr"]), "--lr には値が必要です");
 * setLang("en");
 * assert.equal(refuse(["x"]), 'Unexpected argument "x": this command takes only options');
 * setLang(undefined);
 * ```
 *
 * @param error What `parseArgs` threw.
 * @param known The option names the command knows (without dashes), for "did you mean".
 * @returns The error to throw.
 */
export function parseArgsError(error: unknown, known: string[]): UsageError {
  const m = MESSAGES();
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string } | undefined)?.code;
  const unknown = message.match(/^Unknown option '--?([^']+)'/);
  if (unknown) {
    const guess = closest(unknown[1], known);
    return new UsageError(
      m.unknownOption(`${unknown[1].length === 1 ? "-" : "--"}${unknown[1]}`) +
        (guess ? m.didYouMean(guess) : m.theOptions(known.map((k) => `--${k}`).join(", "))),
    );
  }
  const positional = message.match(/^Unexpected argument '([^']*)'/);
  if (positional || code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
    return new UsageError(m.unexpected(JSON.stringify(positional?.[1] ?? ""), 1, true));
  }
  // "Option '--lr <value>' argument missing", "Option '-y, --yes' does not take an argument".
  const option = message.match(/^Option '(?:-\w, )?(-[^' ]+)/)?.[1];
  if (option !== undefined) {
    if (/ambiguous/.test(message)) return new UsageError(m.dashValue(option));
    if (/argument missing/.test(message)) return new UsageError(m.needsValue(option));
    if (/does not take an argument/.test(message)) return new UsageError(m.noValue(option));
  }
  return new UsageError(message.replace(/\. To specify (a positional|an option) argument.*$/s, ""));
}

/**
 * Parses a command line against a spec.
 *
 * @example
 * ```ts
 * import { parseCommandArgs } from "./args.ts";
 * import assert from "node:assert/strict";
 *
 * const spec = {
 *   name: "ch06:init-mnist",
 *   summary: "Weight initialisation on MNIST.",
 *   options: {
 *     iterations: { type: "integer", min: 11, max: 100000, default: 2000, help: "iterations" },
 *   },
 *   mine: true,
 * } as const;
 * assert.equal(parseCommandArgs(["--iterations=50"], spec).values.iterations, 50);
 * assert.equal(parseCommandArgs(["--iterations", "50", "--mine"], spec).mine, true);
 * assert.equal(parseCommandArgs([], spec).values.iterations, 2000);
 * assert.throws(() => parseCommandArgs(["--iteration", "50"], spec), /--iteration.*--iterations/);
 * assert.throws(() => parseCommandArgs(["--iterations", "5"], spec), /from 11 to 100000/);
 * assert.throws(() => parseCommandArgs(["extra"], spec), /Unexpected argument "extra"/);
 * ```
 *
 * @param argv The arguments.
 * @param spec What the command accepts.
 * @returns The values.
 * @throws {UsageError} for an unknown option, a missing or bad value, or a stray argument.
 */
export function parseCommandArgs<const O extends Record<string, OptionSpec>>(
  argv: string[],
  spec: CommandSpec<O>,
): Parsed<O> {
  // --lang first, so that every message below (and --help) speaks it.
  const lang = langArg(argv);
  if (lang !== undefined) setLang(lang);
  const m = MESSAGES();
  const options = (spec.options ?? {}) as Record<string, OptionSpec>;
  const config: Record<
    string,
    { type: "boolean" | "string"; short?: string; multiple?: boolean }
  > = {
    help: { type: "boolean", short: "h" },
  };
  if (spec.mine) config.mine = { type: "boolean" };
  if (spec.saveLang) config.save = { type: "boolean" };
  for (const [name, option] of Object.entries(options)) {
    config[name] = option.type === "boolean"
      ? { type: "boolean", ...(option.short ? { short: option.short } : {}) }
      : option.type === "count"
      ? { type: "boolean", multiple: true }
      : { type: "string" };
  }
  config.lang = { type: "string" };
  const known = Object.keys(config);
  // --help wins over every other mistake, so that it always shows the help.
  if (argv.some((a) => a === "--help" || a === "-h")) {
    return {
      help: true,
      mine: false,
      ...(lang ? { lang } : {}),
      values: {} as Parsed<O>["values"],
      positionals: [],
    };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: config, strict: true, allowPositionals: true });
  } catch (error) {
    throw parseArgsError(error, known);
  }
  const values: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(options)) {
    const raw = (parsed.values as Record<string, string | boolean | boolean[] | undefined>)[name];
    if (option.type === "boolean") {
      values[name] = raw === true;
    } else if (option.type === "count") {
      values[name] = Array.isArray(raw) ? raw.length : raw ? 1 : 0;
    } else if (raw === undefined) {
      values[name] = option.default;
    } else if (option.type === "string") {
      const text = String(raw);
      if (text.trim() === "") throw new UsageError(m.emptyValue(name));
      if (option.choices && !option.choices.includes(text)) {
        throw new UsageError(m.unknownChoice(name, text, option.choices.join(", ")));
      }
      values[name] = text;
    } else {
      values[name] = numberValue(name, String(raw), option);
    }
  }
  const positionals = parsed.positionals;
  const min = spec.positionals?.min ?? 0, max = spec.positionals?.max ?? 0;
  if (positionals.length > max) {
    const extra = positionals.slice(max);
    throw new UsageError(
      m.unexpected(extra.map((a) => JSON.stringify(a)).join(" "), extra.length, max === 0),
    );
  }
  if (positionals.length < min) {
    throw new UsageError(m.missing(spec.usage?.[0] ?? `deno task ${spec.name}`));
  }
  return {
    help: false,
    mine: (parsed.values as Record<string, unknown>).mine === true,
    ...(lang ? { lang } : {}),
    ...(spec.saveLang ? { save: (parsed.values as Record<string, unknown>).save === true } : {}),
    values: values as Parsed<O>["values"],
    positionals,
  };
}

/**
 * {@linkcode parseCommandArgs} for a command's entry: prints the help and exits 0 on `--help`;
 * prints `error: …` (`エラー: …`) and where to find the options, and exits 2, on bad input.
 *
 * @param argv The arguments (`Deno.args`).
 * @param spec What the command accepts.
 * @returns The values.
 */
export function commandLine<const O extends Record<string, OptionSpec>>(
  argv: string[],
  spec: CommandSpec<O>,
): Parsed<O> {
  let parsed: Parsed<O>;
  try {
    parsed = parseCommandArgs(argv, spec);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${errorLine(error.message)}\n${MESSAGES().seeHelp(spec.name)}`);
    Deno.exit(2);
  }
  if (parsed.help) {
    console.log(helpText(spec as CommandSpec));
    Deno.exit(0);
  }
  return parsed;
}
