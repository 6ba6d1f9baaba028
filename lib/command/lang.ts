/**
 * The language of the learner's tools, English or Japanese, and the message catalogues that
 * speak it. The language is, first to last:
 *
 * 1. `--lang ja` or `--lang en` on the command line ({@linkcode setLang}, which the shared
 *    parser in `args.ts` calls);
 * 2. `ZEROKARA_LANG` (`ja` or `en`): what a tool passes on to the processes it starts, so that
 *    `deno task kata --lang ja` runs the chapters' tests in Japanese too;
 * 3. the setting in `.kata/settings.json` (`{"lang": "ja"}`, written by
 *    `deno task kata --lang ja --save`);
 * 4. the locale: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set (POSIX
 *    precedence) says Japanese when it starts with `ja` (`ja_JP.UTF-8`);
 * 5. else English.
 *
 * Reading the environment and the settings file needs permissions that a learner's
 * `deno test chapters/04` does not have: without them the language is English, and nothing
 * throws or prompts (`deno task watch` runs the tests with `-A`, so they speak the locale's
 * language).
 *
 * A catalogue is one object per language with the same keys ({@linkcode defineMessages}):
 *
 * ```ts ignore
 * const MESSAGES = defineMessages("kata", {
 *   done: (n: number) => `${n} exercises done.`,
 * }, {
 *   done: (n: number) => `${n} 問できました。`,
 * });
 * console.log(MESSAGES().done(3));
 * ```
 *
 * @module
 */

import { fileURLToPath } from "node:url";

/** A language of the workbook. */
export type Lang = "en" | "ja";

/** The languages, in `--help` order. */
export const LANGS: readonly Lang[] = ["en", "ja"];

/** The environment variable a tool sets for the processes it starts. */
export const LANG_ENV = "ZEROKARA_LANG";

/** The repo root (two folders above `lib/command/`). */
const ROOT = fileURLToPath(new URL("../../", import.meta.url)).replace(/\/$/, "");

/** The settings file, `.kata/settings.json` under a root. */
export function settingsPath(root: string = ROOT): string {
  return `${root}/.kata/settings.json`;
}

/**
 * The language a locale asks for: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set
 * and not empty decides; Japanese when it starts with `ja`.
 *
 * @example
 * ```ts
 * import { langFromLocale } from "./lang.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(langFromLocale({ LANG: "ja_JP.UTF-8" }), "ja");
 * assert.equal(langFromLocale({ LANG: "ja_JP.UTF-8", LC_ALL: "C" }), "en");
 * assert.equal(langFromLocale({ LANG: "en_US.UTF-8", LC_MESSAGES: "ja_JP" }), "ja");
 * assert.equal(langFromLocale({ LC_ALL: "", LANG: "ja" }), "ja");
 * assert.equal(langFromLocale({}), "en");
 * ```
 *
 * @param env The variables (those missing count as unset).
 * @returns The language.
 */
export function langFromLocale(env: Record<string, string | undefined>): Lang {
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const value = env[name];
    if (value) return /^ja/i.test(value) ? "ja" : "en";
  }
  return "en";
}

/** `"ja"` or `"en"` for a value that names one (any case), else `undefined`. */
export function parseLang(value: unknown): Lang | undefined {
  if (typeof value !== "string") return undefined;
  const v = value.trim().toLowerCase();
  return v === "ja" || v === "en" ? v : undefined;
}

/** Whether a permission is granted, without prompting or throwing. */
function granted(descriptor: Deno.PermissionDescriptor): boolean {
  try {
    return Deno.permissions.querySync(descriptor).state === "granted";
  } catch {
    return false;
  }
}

/** An environment variable, or `undefined` when it is unset or may not be read. */
function envVar(name: string): string | undefined {
  if (!granted({ name: "env", variable: name })) return undefined;
  try {
    return Deno.env.get(name);
  } catch {
    return undefined;
  }
}

/**
 * The language saved in `.kata/settings.json`, or `undefined` (no file, not readable, no
 * permission, or no valid `"lang"`).
 *
 * @param root The repo root.
 * @returns The language.
 */
export function savedLang(root: string = ROOT): Lang | undefined {
  const path = settingsPath(root);
  if (!granted({ name: "read", path })) return undefined;
  try {
    const settings = JSON.parse(Deno.readTextFileSync(path));
    return parseLang(settings?.lang);
  } catch {
    return undefined;
  }
}

/**
 * Saves the language in `.kata/settings.json`, keeping the file's other settings.
 *
 * @param lang The language.
 * @param root The repo root.
 * @returns The file's path.
 */
export function saveLang(lang: Lang, root: string = ROOT): string {
  const path = settingsPath(root);
  let settings: Record<string, unknown> = {};
  try {
    const old = JSON.parse(Deno.readTextFileSync(path));
    if (typeof old === "object" && old !== null && !Array.isArray(old)) settings = old;
  } catch {
    // No file, or not JSON: start again.
  }
  settings.lang = lang;
  Deno.mkdirSync(`${root}/.kata`, { recursive: true });
  Deno.writeTextFileSync(path, JSON.stringify(settings, null, 2) + "\n");
  return path;
}

/**
 * The language this process detects by itself (everything but `--lang`), never throwing.
 *
 * @param root The repo root (for the settings file).
 * @returns The language.
 */
export function detectLang(root: string = ROOT): Lang {
  return parseLang(envVar(LANG_ENV)) ?? savedLang(root) ??
    langFromLocale({
      LC_ALL: envVar("LC_ALL"),
      LC_MESSAGES: envVar("LC_MESSAGES"),
      LANG: envVar("LANG"),
    });
}

let chosen: Lang | undefined;

/**
 * The language of this process: the one {@linkcode setLang} chose, else
 * {@linkcode detectLang}'s.
 */
export function lang(): Lang {
  chosen ??= detectLang();
  return chosen;
}

/**
 * Chooses the language (from `--lang`; `undefined` forgets the choice, so it is detected again).
 *
 * @param value The language.
 */
export function setLang(value: Lang | undefined): void {
  chosen = value;
}

/**
 * Passes this process's language on to the processes it will start (sets `ZEROKARA_LANG`),
 * when it may.
 */
export function exportLang(): void {
  if (!granted({ name: "env", variable: LANG_ENV })) return;
  try {
    Deno.env.set(LANG_ENV, lang());
  } catch {
    // Without the permission the children detect the language by themselves.
  }
}

/** A catalogue's entries: fixed texts, or functions of their parameters. */
// deno-lint-ignore no-explicit-any
export type Messages = Record<string, string | ((...args: any[]) => string)>;

/** A registered catalogue, for the check that both languages say everything. */
export interface Catalogue {
  /** Whose messages (`"kata"`, `"todo"`). */
  name: string;
  /** The messages in each language. */
  languages: Record<Lang, Messages>;
}

/** Every catalogue defined so far (by the modules loaded). */
export const CATALOGUES: Catalogue[] = [];

/**
 * Defines a tool's messages in both languages (the same keys, checked by the types and by
 * `lang_test.ts`), and returns the function that gives those of the current language.
 *
 * @example
 * ```ts
 * import { defineMessages, setLang } from "./lang.ts";
 * import assert from "node:assert/strict";
 *
 * const m = defineMessages("example", { hello: (who: string) => `Hello, ${who}.` }, {
 *   hello: (who: string) => `こんにちは、${who}さん。`,
 * });
 * setLang("ja");
 * assert.equal(m().hello("Ada"), "こんにちは、Adaさん。");
 * setLang("en");
 * assert.equal(m().hello("Ada"), "Hello, Ada.");
 * setLang(undefined);
 * ```
 *
 * @param name Whose messages.
 * @param en The English messages.
 * @param ja The Japanese ones, with the same keys and parameters.
 * @returns The messages of the current language.
 */
export function defineMessages<E extends Messages>(
  name: string,
  en: E,
  ja: { [K in keyof E]: E[K] },
): () => E {
  CATALOGUES.push({ name, languages: { en, ja } });
  return () => (lang() === "ja" ? ja : en);
}
