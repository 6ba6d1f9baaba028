import assert from "node:assert/strict";
import { langArg, parseCommandArgs } from "./args.ts";
import { UsageError } from "./errors.ts";
import { detectLang, lang, LANG_ENV, savedLang, saveLang, setLang } from "./lang.ts";

const SPEC = {
  name: "x",
  summary: "x",
  options: { more: { type: "count", help: "more" } },
} as const;

Deno.test("--lang chooses the language and is accepted by every command's parser", () => {
  try {
    assert.equal(parseCommandArgs(["--lang", "ja"], SPEC).lang, "ja");
    assert.equal(lang(), "ja");
    assert.throws(() => parseCommandArgs(["--nope"], SPEC), /不明なオプション "--nope"/);
    assert.equal(parseCommandArgs(["--lang=en"], SPEC).lang, "en");
    assert.throws(() => parseCommandArgs(["--nope"], SPEC), /: Unknown option "--nope"/);
    assert.throws(() => langArg(["--lang", "fr"]), UsageError);
    assert.equal(parseCommandArgs(["--more", "--more"], SPEC).values.more, 2);
    assert.equal(parseCommandArgs([], SPEC).values.more, 0);
  } finally {
    setLang(undefined);
  }
});

Deno.test("the language: ZEROKARA_LANG, then .kata/settings.json, then the locale", () => {
  const root = Deno.makeTempDirSync();
  const names = [LANG_ENV, "LC_ALL", "LC_MESSAGES", "LANG"];
  const saved = Object.fromEntries(names.map((n) => [n, Deno.env.get(n)]));
  const restore = () => {
    for (const [n, v] of Object.entries(saved)) {
      if (v === undefined) Deno.env.delete(n);
      else Deno.env.set(n, v);
    }
  };
  try {
    for (const n of names) Deno.env.delete(n);
    assert.equal(detectLang(root), "en");
    Deno.env.set("LANG", "ja_JP.UTF-8");
    assert.equal(detectLang(root), "ja");
    Deno.env.set("LC_ALL", "C.UTF-8");
    assert.equal(detectLang(root), "en", "LC_ALL wins over LANG");
    assert.equal(savedLang(root), undefined);
    saveLang("ja", root);
    assert.equal(savedLang(root), "ja");
    assert.equal(detectLang(root), "ja", "the setting wins over the locale");
    Deno.env.set(LANG_ENV, "en");
    assert.equal(detectLang(root), "en", "ZEROKARA_LANG wins over the setting");
    Deno.writeTextFileSync(`${root}/.kata/settings.json`, "{ not json");
    Deno.env.delete(LANG_ENV);
    assert.equal(detectLang(root), "en", "a damaged setting is ignored");
    saveLang("en", root);
    assert.deepEqual(JSON.parse(Deno.readTextFileSync(`${root}/.kata/settings.json`)), {
      lang: "en",
    });
  } finally {
    restore();
    Deno.removeSync(root, { recursive: true });
  }
});

/** A child's environment: LANG Japanese, and only what deno needs to find its cache. */
function japaneseEnv(): Record<string, string> {
  const keep = ["HOME", "PATH", "DENO_DIR", "XDG_CACHE_HOME"];
  const env: Record<string, string> = { LANG: "ja_JP.UTF-8" };
  for (const key of keep) {
    const value = Deno.env.get(key);
    if (value !== undefined) env[key] = value;
  }
  return env;
}

Deno.test("without permissions the language is English, with no error and no prompt", async () => {
  const code = `import { lang } from ${JSON.stringify(new URL("./lang.ts", import.meta.url).href)};
console.log(lang());`;
  const { stdout, stderr, code: exit } = await new Deno.Command(Deno.execPath(), {
    args: ["eval", "--no-prompt", "--no-config", code],
    clearEnv: true,
    env: japaneseEnv(),
    stdin: "null",
  }).output();
  // deno eval has every permission: it reads LANG.
  assert.equal(exit, 0, new TextDecoder().decode(stderr));
  assert.equal(new TextDecoder().decode(stdout).trim(), "ja");
  const dir = Deno.makeTempDirSync();
  try {
    Deno.writeTextFileSync(`${dir}/main.ts`, code);
    const run = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--no-prompt", "--no-config", `${dir}/main.ts`],
      clearEnv: true,
      env: japaneseEnv(),
      stdin: "null",
    }).output();
    assert.equal(run.code, 0, new TextDecoder().decode(run.stderr));
    assert.equal(new TextDecoder().decode(run.stdout).trim(), "en");
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
