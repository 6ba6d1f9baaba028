/**
 * Runs `deno test` in a child process and reads what happened to each test, from the JUnit
 * report (`--junit-path`) and, for errors that JUnit leaves out (a test module that throws
 * at load time, a module that cannot be found), from the console output.
 *
 * @module
 */

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UsageError } from "../command/errors.ts";
import { defineMessages } from "../command/lang.ts";

/** What a run reports about itself (not about a test), in both languages. */
const MESSAGES = defineMessages("testRun", {
  badTimeout: (name: string, text: string) =>
    `${name} must be a whole number of seconds per chapter (0: no limit), got "${text}"`,
  timedOut: (what: string, seconds: number, name: string) =>
    `${TIMEOUT_ERROR}: ${what} did not finish within ${seconds} s, so the run was stopped. An ` +
    `endless loop in that exercise? (${name}=N sets the limit per chapter in seconds.)`,
  theTest: (test: string, file: string) => `the test "${test}" (${file})`,
  theTests: (where: string) => `the tests of ${where}`,
  exited: (code: number, output: string) => `deno test exited with code ${code}: ${output}`,
  noOutput: "(no output)",
}, {
  badTimeout: (name: string, text: string) =>
    `${name} は章ごとの秒数を整数で指定してください（0 なら制限なし）。"${text}" は使えません`,
  timedOut: (what: string, seconds: number, name: string) =>
    `時間切れ: ${what}が ${seconds} 秒以内に終わらなかったので、実行を止めました。` +
    `その演習に無限ループはありませんか？（章ごとの制限は ${name}=N 秒で変えられます）`,
  theTest: (test: string, file: string) => `テスト "${test}"（${file}）`,
  theTests: (where: string) => `${where} のテスト`,
  exited: (code: number, output: string) =>
    `deno test が終了コード ${code} で終わりました: ${output}`,
  noOutput: "（出力なし）",
});

/**
 * The start of {@linkcode TestRun}'s message for a run that exited with an error outside the
 * tests, in either language (for one-line reports that leave it out).
 */
export const EXITED_PREFIX =
  /^(?:deno test exited with code \d+|deno test が終了コード \d+ で終わりました): /;

/** The outcome of one test (steps are folded into their test). */
export interface TestResult {
  /** The test module, root-relative (`"chapters/04/loss_test.ts"`). */
  file: string;
  /** The test's name. */
  name: string;
  /** The 1-based line of the `Deno.test` call. */
  line: number;
  /** `"passed"`, `"failed"` or `"skipped"`. */
  status: "passed" | "failed" | "skipped";
  /** The error, for a failed test: the full text. */
  error?: string;
}

/** A failure that belongs to no test: a module that failed to load, or the run itself. */
export interface RunError {
  /** The test module, root-relative, or `""` for the run as a whole. */
  file: string;
  /** The error's text. */
  error: string;
}

/** Everything a `deno test` run reported. */
export interface TestRun {
  /** The tests, in report order. */
  tests: TestResult[];
  /** Errors outside tests. */
  errors: RunError[];
  /** The exit code of `deno test`. */
  code: number;
  /** The console output (stdout then stderr), colourless. */
  output: string;
  /** Whether the run was stopped at its time limit (a hung test; see `errors`). */
  timedOut?: boolean;
}

/** The start of the error of a run stopped at its time limit. */
export const TIMEOUT_ERROR = "Timed out";

/** Decodes the five XML entities and numeric references. */
export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    switch (e.toLowerCase()) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
    }
    const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    return String.fromCodePoint(code);
  });
}

function attribute(tag: string, name: string): string | undefined {
  const match = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
  return match ? decodeXml(match[1]) : undefined;
}

/** `./chapters/04/x_test.ts` or `file:///…/chapters/…#12-20.ts` → root-relative. */
function relativeFile(classname: string, rootUrl: string): string {
  if (rootUrl && classname.startsWith(rootUrl)) return classname.slice(rootUrl.length);
  return classname.replace(/^\.\//, "");
}

/**
 * Parses a JUnit report of `deno test`. Steps (`"parent > step"`) are folded into their test:
 * a test that failed because a step failed carries the step's error.
 *
 * @example
 * ```ts
 * import { parseJunit } from "./test_run.ts";
 * import assert from "node:assert/strict";
 *
 * const xml = `<testsuites><testsuite name="./a_test.ts">
 *   <testcase name="f() works" classname="./a_test.ts" line="3" col="6">
 *     <failure message="Uncaught NotImplementedError: f() is not written yet">x</failure>
 *   </testcase>
 *   <testcase name="g() works" classname="./a_test.ts" line="4" col="6"></testcase>
 * </testsuite></testsuites>`;
 * assert.deepEqual(parseJunit(xml), [
 *   {
 *     file: "a_test.ts", name: "f() works", line: 3, status: "failed",
 *     error: "NotImplementedError: f() is not written yet",
 *   },
 *   { file: "a_test.ts", name: "g() works", line: 4, status: "passed" },
 * ]);
 * ```
 *
 * @param xml The report.
 * @param options `rootUrl`: the repo root as a `file://` URL ending in `/`, to make doc
 *   tests' file names relative.
 * @returns One result per test.
 */
export function parseJunit(xml: string, options: { rootUrl?: string } = {}): TestResult[] {
  const rootUrl = options.rootUrl ?? "";
  const all: (TestResult & { col: number })[] = [];
  const pattern = /<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g;
  for (const match of xml.matchAll(pattern)) {
    const tag = match[1];
    const body = match[3] ?? "";
    let name = attribute(tag, "name") ?? "";
    const classname = attribute(tag, "classname") ?? "";
    const file = relativeFile(classname, rootUrl);
    if (name.startsWith("file://")) name = relativeFile(name, rootUrl);
    const result: TestResult & { col: number } = {
      file,
      name,
      line: Number(attribute(tag, "line") ?? 0),
      col: Number(attribute(tag, "col") ?? 0),
      status: "passed",
    };
    const failure = body.match(/<(failure|error)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/);
    if (failure) {
      result.status = "failed";
      const message = attribute(failure[2], "message");
      const text = decodeXml(failure[3] ?? "").trim();
      result.error = (message ?? text).replace(/^Uncaught (\(in promise\) )?/, "");
      if (text.length > result.error.length) result.error = text;
    } else if (/<skipped\b/.test(body)) {
      result.status = "skipped";
    }
    all.push(result);
  }
  // Fold steps: "parent > step" in the same file, after its parent.
  const tests: (TestResult & { col: number })[] = [];
  for (const result of all) {
    const parent = tests.find((t) =>
      t.file === result.file && result.name.startsWith(`${t.name} > `)
    );
    if (parent) {
      if (
        result.status === "failed" &&
        (parent.error === undefined || /^\d+ test steps? failed/.test(parent.error))
      ) {
        parent.status = "failed";
        parent.error = result.error;
      }
      continue;
    }
    tests.push(result);
  }
  return tests.map(({ col: _col, ...rest }) => rest);
}

/**
 * Reads the errors that a JUnit report leaves out from `deno test`'s colourless console
 * output: modules that threw while loading (`./x_test.ts (uncaught error)`) and errors
 * that stopped the run before any test (`error: Module not found …`).
 *
 * @example
 * ```ts
 * import { parseRunErrors } from "./test_run.ts";
 * import assert from "node:assert/strict";
 *
 * const out = "./b_test.ts (uncaught error)\nerror: (in promise) Error: boom\n    at …\n";
 * assert.deepEqual(parseRunErrors(out), [{ file: "b_test.ts", error: "Error: boom\n    at …" }]);
 * ```
 *
 * @param output stdout and stderr of the run, without colours.
 * @returns The errors found, per module.
 */
export function parseRunErrors(output: string): RunError[] {
  const errors: RunError[] = [];
  const lines = output.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const match = lines[i].match(/^\.\/(\S+) \(uncaught error\)\s*$/);
    if (!match) continue;
    if (errors.some((e) => e.file === match[1])) continue;
    const body: string[] = [];
    for (let j = i + 1; j < lines.length && lines[j].trim() !== ""; j++) {
      if (/^(This error was not caught|It most likely originated)/.test(lines[j])) break;
      body.push(lines[j]);
    }
    const text = body.join("\n").replace(/^error: /, "").replace(/^\(in promise\) /, "");
    // The FAILURES summary repeats the header with no body; keep the one with the error.
    if (text) errors.push({ file: match[1], error: text });
  }
  return errors;
}

/** Removes ANSI colour codes. */
export function stripAnsi(text: string): string {
  // deno-lint-ignore no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, "");
}

/** Options of {@linkcode runTests}. */
export interface RunTestsOptions {
  /** The repo root, the child's working directory. */
  root: string;
  /** An import map file for `--import-map` (replaces deno.json's imports). */
  importMap?: string;
  /** Type-check before running (`false` passes `--no-check`; default `false`). */
  check?: boolean;
  /** Evaluate JSDoc code blocks too (`--doc`). */
  doc?: boolean;
  /** Extra arguments before the paths (e.g. `["--fail-fast"]`). */
  args?: string[];
  /**
   * `"all"` (the default) runs with `-A`; `"none"` runs without permissions, as a learner's
   * plain `deno test chapters/04` does; `"lang"` allows only the variables that choose the
   * language (`ZEROKARA_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG`).
   */
  permissions?: "all" | "none" | "lang";
  /** Variables to set in the child (besides `NO_COLOR`). */
  env?: Record<string, string>;
  /**
   * Milliseconds before the run is stopped as hung (an endless loop in the learner's code).
   * Default: {@linkcode defaultTimeout} of the paths; `0` means no limit.
   */
  timeoutMs?: number;
}

/** The environment variable that sets the time limit per chapter, in seconds (`0`: none). */
export const TIMEOUT_ENV = "ZEROKARA_TEST_TIMEOUT";

/** The time limit per chapter without {@linkcode TIMEOUT_ENV}, in seconds. */
export const DEFAULT_CHAPTER_SECONDS = 60;

/**
 * The default time limit of a run, in milliseconds: `ZEROKARA_TEST_TIMEOUT` (seconds per
 * chapter, default 60) times the number of chapter folders or files among the paths, when
 * every path is inside one chapter (`chapters/04/`, `chapters/05/x_test.ts`); no limit (0) for
 * other runs (the self-check's lib tests, all chapters at once), which have their own pace.
 *
 * @example
 * ```ts
 * import { defaultTimeout } from "./test_run.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(defaultTimeout(["chapters/04/"], {}), 60_000);
 * assert.equal(defaultTimeout(["chapters/04/", "chapters/05/a_test.ts"], {}), 120_000);
 * assert.equal(defaultTimeout(["chapters/04/"], { ZEROKARA_TEST_TIMEOUT: "5" }), 5_000);
 * assert.equal(defaultTimeout(["lib/"], {}), 0);
 * assert.throws(() => defaultTimeout(["chapters/04/"], { ZEROKARA_TEST_TIMEOUT: "soon" }));
 * ```
 *
 * @param paths The run's paths, relative to the root.
 * @param env The environment (default: the process's).
 * @returns Milliseconds, or 0 for no limit.
 * @throws {UsageError} when `ZEROKARA_TEST_TIMEOUT` is not a whole number of seconds.
 */
export function defaultTimeout(
  paths: string[],
  env: Record<string, string | undefined> = Deno.env.toObject(),
): number {
  const chapters = new Set<string>();
  for (const path of paths) {
    const match = path.replace(/^\.\//, "").match(/^chapters\/(\d\d)(\/|$)/);
    if (!match) return 0;
    chapters.add(match[1]);
  }
  const text = env[TIMEOUT_ENV];
  let seconds = DEFAULT_CHAPTER_SECONDS;
  if (text !== undefined) {
    if (!/^\s*\d+\s*$/.test(text)) {
      throw new UsageError(MESSAGES().badTimeout(TIMEOUT_ENV, text));
    }
    seconds = Number(text);
  }
  return seconds * 1000 * chapters.size;
}

/**
 * The test that was running when a run was stopped: the last `name ...` line of the pretty
 * reporter without its result, with the module it came from.
 *
 * @example
 * ```ts
 * import { unfinishedTest } from "./test_run.ts";
 * import assert from "node:assert/strict";
 *
 * const out = "running 2 tests from ./chapters/03/relu_test.ts\nrelu() a ... ok (1ms)\n" +
 *   "relu() b ...";
 * assert.deepEqual(unfinishedTest(out), { file: "chapters/03/relu_test.ts", name: "relu() b" });
 * ```
 *
 * @param output The colourless stdout of the stopped run.
 * @returns The test, or `undefined` when none had started.
 */
export function unfinishedTest(output: string): { file: string; name: string } | undefined {
  const lines = output.split("\n");
  let file = "";
  let pending: string | undefined;
  for (const line of lines) {
    const module = line.match(/^running \d+ tests? from \.\/(\S+)/);
    if (module) {
      file = module[1];
      pending = undefined;
      continue;
    }
    const started = line.match(/^\s*(.+?) \.\.\.(.*)$/);
    if (started) pending = /\b(ok|FAILED|ignored)\b/.test(started[2]) ? undefined : started[1];
  }
  return pending === undefined ? undefined : { file, name: pending };
}

/**
 * Runs `deno test` (with `-A` unless told otherwise) on some paths and reports each test's outcome. A run that exits
 * non-zero with no failed test and no module error gets a run error of its own (a type error,
 * a missing module, a `Deno.test.only`), so that no failure goes unseen.
 *
 * @example
 * ```ts ignore
 * import { runTests } from "./test_run.ts";
 *
 * const run = await runTests(["chapters/04"], { root: Deno.cwd() });
 * console.log(run.tests.filter((t) => t.status === "passed").length);
 * ```
 *
 * @param paths Files or folders, relative to the root.
 * @param options Where and how to run.
 * @returns The outcome of every test, and errors outside tests.
 */
export async function runTests(paths: string[], options: RunTestsOptions): Promise<TestRun> {
  const dir = mkdtempSync(join(tmpdir(), "zerokara-junit-"));
  const junit = join(dir, "report.xml");
  try {
    // The pretty reporter names each test as it starts, so a hung one can be named.
    const args = ["test", "--permit-no-files", "--reporter=pretty", `--junit-path=${junit}`];
    if (options.permissions === "lang") {
      args.push("--allow-env=ZEROKARA_LANG,LC_ALL,LC_MESSAGES,LANG");
    } else if (options.permissions !== "none") args.push("-A");
    if (!options.check) args.push("--no-check");
    if (options.doc) args.push("--doc");
    if (options.importMap) args.push(`--import-map=${options.importMap}`);
    args.push(...(options.args ?? []), ...paths);
    const child = new Deno.Command(Deno.execPath(), {
      args,
      cwd: options.root,
      env: { ...options.env, NO_COLOR: "1" },
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const limit = options.timeoutMs ?? defaultTimeout(paths);
    let timedOut = false;
    const timer = limit > 0
      ? setTimeout(() => {
        timedOut = true;
        try {
          child.kill("SIGKILL");
        } catch {
          // It ended meanwhile.
        }
      }, limit)
      : undefined;
    let stdout: Uint8Array, stderr: Uint8Array, code: number;
    try {
      const result = await child.output();
      ({ stdout, stderr, code } = result);
    } finally {
      clearTimeout(timer);
    }
    const decoder = new TextDecoder();
    const output = stripAnsi(decoder.decode(stdout) + decoder.decode(stderr));
    let xml = "";
    try {
      xml = readFileSync(junit, "utf8");
    } catch {
      // No report: the run stopped before the tests (its error is in the output).
    }
    const rootUrl = new URL(`file://${options.root.replace(/\/?$/, "/")}`).href;
    const tests = parseJunit(xml, { rootUrl });
    const errors = parseRunErrors(output);
    if (timedOut) {
      const hung = unfinishedTest(stripAnsi(new TextDecoder().decode(stdout)));
      const where = paths.join(" ");
      errors.push({
        file: hung?.file ?? "",
        error: MESSAGES().timedOut(
          hung ? MESSAGES().theTest(hung.name, hung.file) : MESSAGES().theTests(where),
          Math.round(limit / 1000),
          TIMEOUT_ENV,
        ),
      });
      return { tests, errors, code: code === 0 ? 1 : code, output, timedOut: true };
    }
    if (code !== 0 && errors.length === 0 && !tests.some((t) => t.status === "failed")) {
      errors.push({ file: "", error: runFailure(output, code) });
    }
    return { tests, errors, code, output, timedOut: false };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The useful part of a failed run's output: its `error:` lines, else its last lines. */
function runFailure(output: string, code: number): string {
  const lines = output.split("\n").filter((l) => !/^\s*(Stack backtrace:|\d+: <unknown>)/.test(l));
  const start = lines.findIndex((l) => /^(error|TS\d+ |\w*Error)\b|\[ERROR\]/.test(l));
  const picked = start >= 0 ? lines.slice(start, start + 12) : lines.slice(-8);
  return MESSAGES().exited(code, picked.join("\n").trim() || MESSAGES().noOutput);
}

/**
 * The first line of an error's root cause: what a wrapper such as fast-check's "Property
 * failed" reports under `Caused by:`, else the error's own first line.
 *
 * @example
 * ```ts
 * import { rootCause } from "./test_run.ts";
 * import assert from "node:assert/strict";
 *
 * const error = "Error: Property failed after 1 tests\n    at x\n" +
 *   "Caused by: NotImplementedError: f() is not written yet (chapter 04).\n    at todo";
 * assert.equal(rootCause(error), "NotImplementedError: f() is not written yet (chapter 04).");
 * assert.equal(rootCause("TypeError: no\n    at y"), "TypeError: no");
 * ```
 *
 * @param error The error's text.
 * @returns One line.
 */
export function rootCause(error: string | undefined): string {
  const causes = [...(error ?? "").matchAll(/^Caused by: (.*)$/gm)];
  return causes.length > 0 ? causes[causes.length - 1][1].trim() : firstLine(error);
}

/** The first line of an error, for one-line reports. */
export function firstLine(error: string | undefined): string {
  return (error ?? "").split("\n").find((l) => l.trim() !== "")?.trim() ?? "";
}
