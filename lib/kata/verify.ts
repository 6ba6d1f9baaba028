/**
 * `deno task test`: the workbook's self-check, what CI runs. Case by case it checks that
 * lib's tests and doc examples pass; that every chapter test passes against the reference
 * (reference mode) and fails with `NotImplementedError` against the shipped stubs; that fmt,
 * lint and the type check are clean; that every exercise has three tiers of hints and at least
 * one test; the import rules; and that `chapters/stubs.ts` lists exactly the stub modules.
 *
 * It ends with the line `test: N passed, M failed` (N, M counting checks) and exits non-zero
 * when M > 0. Every function takes the repo root, so that `verify_test.ts` runs it on a
 * small fixture.
 *
 * @module
 */

import { existsSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs, REPO_ROOT, type Style, style, unknownFlags } from "./cli.ts";
import { hintProblem, parseHints } from "./hints_file.ts";
import { referenceImportMap, writeImportMap } from "./import_map.ts";
import { configProblems, importProblems, importSpecifiers } from "./imports.ts";
import {
  type Exercise,
  exercisesOfWorkbook,
  readText,
  readWorkbook,
  testBelongsTo,
  type Workbook,
} from "./manifest.ts";
import { pool } from "./progress.ts";
import { catalogueFiles, type MistakeOutcome, tryAllMistakes } from "./mistakes_check.ts";
import { codeInComments } from "./stub_comments.ts";
import { firstLine, rootCause, runTests, type TestRun } from "./test_run.ts";

/** The result of one group of checks. */
export interface GroupResult {
  /** What the group checks, e.g. `"chapter tests, stub mode"`. */
  name: string;
  /** How many checks passed. */
  passed: number;
  /** One message per failed check. */
  failures: string[];
  /** A remark shown beside the counts (e.g. skipped tests, nothing to check). */
  note?: string;
  /** Seconds spent, for groups that ran a process. */
  seconds?: number;
  /** The words for passed and failed (`["caught", "missed"]`); `["passed", "failed"]` by default. */
  labels?: [string, string];
}

/** The whole self-check. */
export interface VerifyReport {
  /** The groups in report order. */
  groups: GroupResult[];
  /** Checks passed in all groups. */
  passed: number;
  /** Checks failed in all groups. */
  failed: number;
}

/** Folders never walked: dependencies, outputs, the learner's own state. */
const SKIPPED_DIRS = new Set(["node_modules", ".git", "out", ".kata", "coverage"]);

/** Every `.ts` file under the root, root-relative and sorted. */
export function typeScriptFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      } else if (entry.name.endsWith(".ts")) {
        files.push(`${prefix}${entry.name}`);
      }
    }
  };
  walk(root, "");
  return files.sort();
}

/** Runs a deno subcommand at the root; returns its exit code and colourless output. */
async function deno(root: string, args: string[]): Promise<{ code: number; output: string }> {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args,
    cwd: root,
    env: { NO_COLOR: "1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decoder = new TextDecoder();
  return { code, output: (decoder.decode(stdout) + decoder.decode(stderr)).trim() };
}

/** At most `lines` lines of a tool's output, without progress lines and backtrace noise. */
function excerpt(output: string, lines = 30): string {
  const kept = output.split("\n").filter((l) =>
    !/^\s*(Stack backtrace:|\d+: <unknown>)$/.test(l) && !/^(Check|Download) /.test(l)
  );
  const shown = kept.slice(0, lines);
  if (kept.length > lines) shown.push(`… (${kept.length - lines} more lines)`);
  return shown.join("\n");
}

/** A one-tool check (fmt, lint, types): one check, passed when the tool exits 0. */
async function toolCheck(root: string, name: string, args: string[]): Promise<GroupResult> {
  const start = performance.now();
  const { code, output } = await deno(root, args);
  const command = args.filter((a) => !a.endsWith(".ts")).join(" ");
  const result: GroupResult = {
    name,
    passed: code === 0 ? 1 : 0,
    failures: code === 0 ? [] : [`deno ${command} failed:\n${excerpt(output)}`],
    seconds: (performance.now() - start) / 1000,
  };
  return result;
}

/** `file › test name`, the way failures name a test. */
function testLabel(test: { file: string; name: string; line: number }): string {
  if (test.name === test.file) return `${test.file} (doc example)`;
  return `${test.file}:${test.line} › ${test.name}`;
}

/**
 * Judges lib's run: each test and doc example is a check. Skipped tests are noted, not failed.
 *
 * @param run The `deno test --doc lib/` run.
 * @returns The group's result.
 */
export function judgeLibRun(run: TestRun): GroupResult {
  const result: GroupResult = { name: "lib tests and doc tests", passed: 0, failures: [] };
  let skipped = 0;
  for (const test of run.tests) {
    if (test.status === "passed") result.passed++;
    else if (test.status === "skipped") skipped++;
    else result.failures.push(`${testLabel(test)}: ${firstLine(test.error)}`);
  }
  for (const error of run.errors) {
    result.failures.push(`${error.file || "deno test lib/"}: ${excerpt(error.error, 12)}`);
  }
  if (skipped > 0) result.note = `${skipped} skipped`;
  return result;
}

/**
 * Judges the chapter tests run against the reference: each must pass (none skipped).
 *
 * @param run The reference-mode run.
 * @returns The group's result.
 */
export function judgeReferenceRun(run: TestRun): GroupResult {
  const result: GroupResult = { name: "chapter tests, reference mode", passed: 0, failures: [] };
  for (const test of run.tests) {
    if (test.status === "passed") result.passed++;
    else if (test.status === "skipped") {
      result.failures.push(`${testLabel(test)}: is skipped (chapter tests are never skipped)`);
    } else {
      result.failures.push(
        `${testLabel(test)}: fails against the reference: ${firstLine(test.error)}`,
      );
    }
  }
  for (const error of run.errors) {
    result.failures.push(`${error.file || "deno test chapters/"}: ${excerpt(error.error, 12)}`);
  }
  return result;
}

/**
 * Judges the chapter tests run against the shipped stubs: each must fail, and with a
 * `NotImplementedError`. A test that passes (a solved stub, or a test that never calls it)
 * or fails for another reason (it fails before reaching the stub) is reported with its error.
 *
 * @example
 * ```ts
 * import { judgeStubRun } from "./verify.ts";
 * import assert from "node:assert/strict";
 *
 * const result = judgeStubRun({
 *   code: 1, output: "", errors: [], tests: [
 *     { file: "chapters/01/a_test.ts", name: "f() works", line: 3, status: "failed",
 *       error: "NotImplementedError: f() is not written yet" },
 *     { file: "chapters/01/a_test.ts", name: "g() works", line: 9, status: "failed",
 *       error: "TypeError: x is undefined\n    at …" },
 *   ],
 * });
 * assert.equal(result.passed, 1);
 * assert.deepEqual(result.failures, [
 *   "chapters/01/a_test.ts:9 › g() works: fails with \"TypeError: x is undefined\" " +
 *   "instead of NotImplementedError (it must call the stub before anything else can fail)",
 * ]);
 * ```
 *
 * @param run The stub-mode run.
 * @returns The group's result.
 */
export function judgeStubRun(run: TestRun): GroupResult {
  const result: GroupResult = { name: "chapter tests, stub mode", passed: 0, failures: [] };
  for (const test of run.tests) {
    const error = firstLine(test.error);
    const cause = rootCause(test.error);
    if (test.status === "passed") {
      result.failures.push(
        `${testLabel(test)}: passes against the shipped stub ` +
          `(is the stub solved, or does the test not call it?)`,
      );
    } else if (test.status === "skipped") {
      result.failures.push(`${testLabel(test)}: is skipped (chapter tests are never skipped)`);
    } else if (/^NotImplementedError\b/.test(cause)) {
      // Also when a wrapper (fast-check's "Property failed") reports it as its cause.
      result.passed++;
    } else {
      const shown = cause === error ? error : `${error}" caused by "${cause}`;
      result.failures.push(
        `${testLabel(test)}: fails with "${shown}" instead of NotImplementedError ` +
          `(it must call the stub before anything else can fail)`,
      );
    }
  }
  for (const error of run.errors) {
    result.failures.push(
      `${error.file || "deno test chapters/"}: fails outside any test: ${excerpt(error.error, 12)}`,
    );
  }
  return result;
}

/**
 * Every exercise needs a `## name` section in its chapter's HINTS.md (HINTS.ja.md in Japanese)
 * with three non-empty tiers. One check per exercise.
 *
 * @param root The repo root.
 * @param exercises The exercises of all chapters.
 * @param language Which file: English (`HINTS.md`) or Japanese (`HINTS.ja.md`).
 * @returns The group's result.
 */
export function checkHints(
  root: string,
  exercises: Exercise[],
  language: "en" | "ja" = "en",
): GroupResult {
  const file = language === "ja" ? "HINTS.ja.md" : "HINTS.md";
  const result: GroupResult = {
    name: language === "ja" ? "hints in Japanese" : "hints",
    passed: 0,
    failures: [],
  };
  const cache = new Map<string, ReturnType<typeof parseHints> | undefined>();
  for (const exercise of exercises) {
    const path = `chapters/${exercise.chapter}/${file}`;
    if (!cache.has(path)) {
      const text = readText(join(root, path));
      cache.set(path, text === undefined ? undefined : parseHints(text));
    }
    const sections = cache.get(path);
    const problem = sections === undefined
      ? `${path} is missing`
      : hintProblem(sections, exercise.name);
    if (problem) {
      result.failures.push(`${exercise.name} (${exercise.file}:${exercise.line}): ${problem}`);
    } else result.passed++;
  }
  if (exercises.length === 0) result.note = "no exercises yet";
  return result;
}

/**
 * Every exercise needs at least one test whose name starts with its name (that is how
 * `deno task kata` finds its tests). One check per exercise.
 *
 * @param exercises The exercises.
 * @param run The reference-mode run (where every test shows up with its name).
 * @returns The group's result.
 */
export function checkExerciseTests(exercises: Exercise[], run: TestRun): GroupResult {
  const result: GroupResult = { name: "exercises have tests", passed: 0, failures: [] };
  for (const exercise of exercises) {
    const dir = `chapters/${exercise.chapter}/`;
    const tests = run.tests.filter((t) =>
      t.file.startsWith(dir) && testBelongsTo(t.name, exercise.name)
    );
    if (tests.length > 0) result.passed++;
    else {
      result.failures.push(
        `${exercise.name} (${exercise.file}:${exercise.line}): no test in ${dir} is named ` +
          `"${exercise.name}…" (a test's name starts with its exercise's name)`,
      );
    }
  }
  if (exercises.length === 0) result.note = "no exercises yet";
  return result;
}

/**
 * Stubs ask instead of answering: no code in a stub module's comments
 * (`stub_comments.ts` says what counts). One check per stub module.
 *
 * @param workbook The workbook.
 * @returns The group's result.
 */
export function checkStubComments(workbook: Workbook): GroupResult {
  const result: GroupResult = {
    name: "stubs ask (no code in their comments)",
    passed: 0,
    failures: [],
  };
  for (const file of workbook.stubModules) {
    const found = codeInComments(readText(join(workbook.root, file)) ?? "");
    if (found.length === 0) result.passed++;
    else result.failures.push(...found.map((f) => `${file}:${f.line}: ${f.what}`));
  }
  if (workbook.stubModules.length === 0) result.note = "no stub modules yet";
  return result;
}

/**
 * `deno test chapters/NN --filter name` runs that exercise's tests only: no test of a chapter
 * contains the name of an exercise it does not belong to. One check per exercise.
 *
 * @param exercises The exercises.
 * @param run The reference-mode run.
 * @returns The group's result.
 */
export function checkFilters(exercises: Exercise[], run: TestRun): GroupResult {
  const result: GroupResult = { name: "--filter selects one exercise", passed: 0, failures: [] };
  for (const exercise of exercises) {
    const dir = `chapters/${exercise.chapter}/`;
    // A longer name that contains this one (MultiLayerNetExtend, MultiLayerNet) cannot be
    // told apart by a substring; the chapter's README gives the filter with a dot for it.
    const longer = exercises.filter((e) =>
      e.chapter === exercise.chapter && e.name !== exercise.name && e.name.includes(exercise.name)
    );
    const strays = run.tests.filter((t) =>
      t.file.startsWith(dir) && t.name.includes(exercise.name) &&
      !testBelongsTo(t.name, exercise.name) && !longer.some((e) => testBelongsTo(t.name, e.name))
    );
    if (strays.length === 0) result.passed++;
    else {
      result.failures.push(
        `--filter ${exercise.name} also runs ${
          strays.map((t) => `"${t.name}"`).join(", ")
        }: rename the test so that it names only its own exercise`,
      );
    }
  }
  if (exercises.length === 0) result.note = "no exercises yet";
  return result;
}

/**
 * Wrong answers fail: each catalogued mistake is caught by a test of its exercise.
 *
 * @param outcomes What became of each mistake.
 * @returns The group's result, counted as caught and missed.
 */
export function mistakesCaught(outcomes: MistakeOutcome[]): GroupResult {
  const missed = outcomes.filter((o) => !o.caught);
  return {
    name: "mistakes",
    labels: ["caught", "missed"],
    passed: outcomes.length - missed.length,
    failures: missed.map((o) =>
      `${o.mistake.chapter} ${o.mistake.exercise}: "${o.mistake.name}" ${o.problem}`
    ),
  };
}

/**
 * Failures name the mistake: the first failing test of a caught mistake's exercise says
 * "This looks like: …" with its name.
 *
 * @param outcomes What became of each mistake.
 * @returns The group's result.
 */
export function mistakesNamed(outcomes: MistakeOutcome[]): GroupResult {
  const caught = outcomes.filter((o) => o.caught);
  const unnamed = caught.filter((o) => !o.named);
  return {
    name: "mistakes named in the first failure",
    labels: ["named", "not named"],
    passed: caught.length - unnamed.length,
    failures: unnamed.map((o) =>
      `${o.mistake.chapter} ${o.mistake.exercise}: "${o.mistake.name}": ${o.problem}`
    ),
  };
}

/**
 * Failures speak Japanese: with the tests in Japanese, the first failing test of each caught
 * mistake names it by its Japanese name, and nothing in it is an English sentence (labels,
 * lib's errors, the namer's lines; code identifiers may stay).
 *
 * @param outcomes What became of each mistake, run in Japanese.
 * @returns The group's result.
 */
export function mistakesInJapanese(outcomes: MistakeOutcome[]): GroupResult {
  const caught = outcomes.filter((o) => o.caught);
  const bad = caught.filter((o) => !o.named || (o.english?.length ?? 0) > 0);
  return {
    name: "mistakes' failures in Japanese",
    labels: ["Japanese", "not"],
    passed: caught.length - bad.length,
    failures: bad.map((o) =>
      `${o.mistake.chapter} ${o.mistake.exercise}: "${o.mistake.name}": ${o.problem}`
    ),
  };
}

/**
 * Every exercise has at least two catalogued mistakes. One check per exercise.
 *
 * @param exercises The exercises.
 * @param outcomes What became of each mistake.
 * @returns The group's result.
 */
export function mistakesPerExercise(
  exercises: Exercise[],
  outcomes: MistakeOutcome[],
): GroupResult {
  const result: GroupResult = {
    name: "two mistakes or more per exercise",
    passed: 0,
    failures: [],
  };
  for (const exercise of exercises) {
    const n = outcomes.filter((o) =>
      o.mistake.chapter === exercise.chapter && o.mistake.exercise === exercise.name
    ).length;
    if (n >= 2) {
      result.passed++;
    } else {
      result.failures.push(
        `${exercise.chapter} ${exercise.name}: ${n} in lib/mistakes/ch${exercise.chapter}.ts`,
      );
    }
  }
  return result;
}

/**
 * The import rules, one check per `.ts` file, plus one for `deno.json` and `deno.lock`.
 *
 * @param root The repo root.
 * @param files The `.ts` files, root-relative.
 * @returns The group's result.
 */
export function checkImports(root: string, files: string[]): GroupResult {
  const result: GroupResult = { name: "import rules", passed: 0, failures: [] };
  for (const file of files) {
    const problems = importProblems(file, importSpecifiers(readText(join(root, file)) ?? ""));
    if (problems.length === 0) result.passed++;
    else result.failures.push(...problems.map((p) => `${file} ${p}`));
  }
  const configs: string[] = [];
  for (const name of ["deno.json", "deno.lock"]) {
    const text = readText(join(root, name));
    if (text === undefined) continue;
    try {
      configs.push(...configProblems(name, JSON.parse(text)));
    } catch (error) {
      configs.push(`${name} is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (configs.length === 0) result.passed++;
  else result.failures.push(...configs);
  return result;
}

/**
 * `chapters/stubs.ts` lists exactly the stub modules: every listed stub and reference exists,
 * and every stub module on disk (a non-test `.ts` file in `chapters/NN/` that calls `todo(`)
 * is listed. One check per listed pair and per stub module found.
 *
 * @param workbook The workbook.
 * @returns The group's result.
 */
export function checkManifest(workbook: Workbook): GroupResult {
  const result: GroupResult = { name: "stubs.ts lists the stubs", passed: 0, failures: [] };
  const seen = new Set<string>();
  for (const pair of workbook.pairs) {
    const problems: string[] = [];
    if (!/^chapters\/\d\d\/[^/]+\.ts$/.test(pair.stub)) {
      problems.push(`stub ${pair.stub} is not a module of a chapters/NN/ folder`);
    } else if (!existsSync(join(workbook.root, pair.stub))) {
      problems.push(`stub ${pair.stub} does not exist`);
    }
    if (!pair.reference.startsWith("lib/")) {
      problems.push(`reference ${pair.reference} is not in lib/`);
    } else if (!existsSync(join(workbook.root, pair.reference))) {
      problems.push(`reference ${pair.reference} does not exist`);
    }
    if (seen.has(pair.stub)) problems.push(`stub ${pair.stub} is listed twice`);
    seen.add(pair.stub);
    if (problems.length === 0) result.passed++;
    else result.failures.push(...problems.map((p) => `chapters/stubs.ts: ${p}`));
  }
  for (const stub of workbook.stubModules) {
    if (seen.has(stub)) result.passed++;
    else {
      result.failures.push(
        `${stub} calls todo() but chapters/stubs.ts does not list it: add ` +
          `Expect<SameExports<typeof import("./${stub.slice("chapters/".length)}"), ` +
          `typeof import("../lib/….ts")>>`,
      );
    }
  }
  if (workbook.pairs.length === 0 && workbook.stubModules.length === 0) {
    result.note = "no stub modules yet";
  }
  return result;
}

/** Options of {@linkcode verify}. */
export interface VerifyOptions {
  /** How many deno processes at once (default 2: the machine's cores). */
  concurrency?: number;
  /** Called when a process-backed group starts and ends (for progress on a terminal). */
  onProgress?: (event: { group: string; done: boolean }) => void;
}

/**
 * Runs the whole self-check on the workbook at `root`.
 *
 * @param root The repo root.
 * @param options Concurrency and a progress callback.
 * @returns The report (print it with {@linkcode formatReport}).
 */
export async function verify(root: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const workbook = readWorkbook(root);
  const files = typeScriptFiles(root);
  const exercises = exercisesOfWorkbook(workbook);
  const mapPath = writeImportMap(referenceImportMap(root, workbook.pairs));
  const hasChapters = existsSync(join(root, "chapters"));
  const hasLib = existsSync(join(root, "lib"));
  const emptyRun: TestRun = { tests: [], errors: [], code: 0, output: "" };
  let referenceRun = emptyRun;
  const timed = async (group: string, job: () => Promise<GroupResult>) => {
    options.onProgress?.({ group, done: false });
    const start = performance.now();
    const result = await job();
    result.seconds ??= (performance.now() - start) / 1000;
    options.onProgress?.({ group, done: true });
    return result;
  };
  // Longest first, so that two workers finish together.
  const jobs: [string, () => Promise<GroupResult>][] = [
    ["types", () => toolCheck(root, "types (deno check --doc)", ["check", "--doc", ...files])],
    ["lib", async () => {
      const result = hasLib
        ? judgeLibRun(await runTests(["lib/"], { root, doc: true }))
        : { name: "lib tests and doc tests", passed: 0, failures: [], note: "no lib/" };
      return result;
    }],
    ["reference", async () => {
      if (!hasChapters) {
        return { name: "chapter tests, reference mode", passed: 0, failures: [], note: "none" };
      }
      referenceRun = await runTests(["chapters/"], {
        root,
        importMap: mapPath,
        permissions: "none",
      });
      const result = judgeReferenceRun(referenceRun);
      if (referenceRun.tests.length === 0 && result.failures.length === 0) {
        result.note = "no chapter tests yet";
      }
      return result;
    }],
    ["stub", async () => {
      if (!hasChapters) {
        return { name: "chapter tests, stub mode", passed: 0, failures: [], note: "none" };
      }
      const run = await runTests(["chapters/"], { root, permissions: "none" });
      const result = judgeStubRun(run);
      if (run.tests.length === 0 && result.failures.length === 0) {
        result.note = "no chapter tests yet";
      }
      return result;
    }],
    ["lint", () => toolCheck(root, "lint (deno lint)", ["lint"])],
    ["fmt", () => toolCheck(root, "fmt (deno fmt --check)", ["fmt", "--check"])],
  ];
  let results: GroupResult[];
  try {
    results = await pool(jobs, options.concurrency ?? 2, ([group, job]) => timed(group, job));
  } finally {
    rmSync(dirname(mapPath), { recursive: true, force: true });
  }
  const [types, lib, reference, stub, lint, fmt] = results;
  // The mistakes run after the other test processes, two at a time.
  let found: MistakeOutcome[] = [];
  const concurrency = options.concurrency ?? 2;
  const mistakes = Object.keys(catalogueFiles(root)).length === 0 ? undefined : await timed(
    "mistakes",
    async () => mistakesCaught(found = await tryAllMistakes(workbook, concurrency)),
  );
  const japanese = mistakes === undefined ? undefined : await timed(
    "mistakes in Japanese",
    async () => mistakesInJapanese(await tryAllMistakes(workbook, concurrency, "ja")),
  );
  const groups = [
    lib,
    reference,
    stub,
    fmt,
    lint,
    types,
    checkHints(root, exercises),
    checkHints(root, exercises, "ja"),
    checkExerciseTests(exercises, referenceRun),
    checkFilters(exercises, referenceRun),
    checkStubComments(workbook),
    ...(mistakes ? [mistakes, mistakesNamed(found), mistakesPerExercise(exercises, found)] : []),
    ...(japanese ? [japanese] : []),
    checkImports(root, files),
    checkManifest(workbook),
  ];
  return {
    groups,
    passed: groups.reduce((n, g) => n + g.passed, 0),
    failed: groups.reduce((n, g) => n + g.failures.length, 0),
  };
}

/**
 * The report as lines: one per group with its counts, the failures under it, and as the very
 * last line `test: N passed, M failed`.
 *
 * @example
 * ```ts
 * import { formatReport } from "./verify.ts";
 * import { style } from "./cli.ts";
 * import assert from "node:assert/strict";
 *
 * const lines = formatReport({
 *   groups: [{ name: "hints", passed: 2, failures: ["relu: no ## relu section"] }],
 *   passed: 2,
 *   failed: 1,
 * }, style(false));
 * assert.deepEqual(lines, [
 *   "FAIL hints: 2 passed, 1 failed",
 *        "       relu: no ## relu section",
 *   "",
 *   "test: 2 passed, 1 failed",
 * ]);
 * ```
 *
 * @param report The report.
 * @param s The styles (colours on a terminal).
 * @returns The lines to print.
 */
export function formatReport(report: VerifyReport, s: Style): string[] {
  const lines: string[] = [];
  for (const group of report.groups) {
    const ok = group.failures.length === 0;
    const mark = ok ? s.green(" ok ") : s.red("FAIL");
    const [pass, fail] = group.labels ?? ["passed", "failed"];
    const counts = `${group.passed} ${pass}, ${group.failures.length} ${fail}`;
    const extras = [
      group.note,
      group.seconds !== undefined ? `${group.seconds.toFixed(1)}s` : undefined,
    ].filter((x) => x);
    const extra = extras.length > 0 ? s.dim(` (${extras.join(", ")})`) : "";
    lines.push(`${mark} ${s.bold(group.name)}: ${counts}${extra}`);
    for (const failure of group.failures) {
      const [first, ...rest] = failure.split("\n");
      lines.push(`       ${first}`);
      for (const line of rest) lines.push(`         ${s.dim(line)}`);
    }
  }
  lines.push("");
  lines.push(`test: ${report.passed} passed, ${report.failed} failed`);
  return lines;
}

const HELP = `deno task test: the workbook's self-check (what CI runs)

Checks, case by case:
  lib tests and doc tests   deno test --doc lib/ (each test and doc example is a check)
  reference mode            every chapter test passes against lib/ (an import map swaps stubs)
  stub mode                 every chapter test fails with NotImplementedError on the stubs
  fmt, lint, types          deno fmt --check, deno lint, deno check --doc (all .ts files)
  hints                     every exercise has ## name with ### 1, ### 2, ### 3 in HINTS.md,
                            and in HINTS.ja.md (Japanese)
  exercises have tests      every exercise has a test whose name starts with its name
  --filter                  a test's name contains no other exercise's name
  stubs ask                 no code in a stub module's comments (lib/kata/stub_comments.ts)
  mistakes                  every mistake of lib/mistakes/chNN.ts, put in its exercise's place,
                            is caught by a test of that exercise and named in its first failure;
                            two or more per exercise; run again in Japanese, the first failure
                            names it in Japanese and holds no English sentence
  import rules              chapters import only lib/ and their own folder; lib/ never
                            imports chapters/; nothing from JSR
  stubs.ts                  chapters/stubs.ts lists exactly the stub modules

Ends with "test: N passed, M failed" and exits 1 when M > 0.

Usage: deno task test [--help]`;

if (import.meta.main) {
  const args = parseArgs(Deno.args);
  if (args.flags.has("help")) {
    console.log(HELP);
    Deno.exit(0);
  }
  const unknown = [...unknownFlags(args, ["help"]), ...args.positional];
  if (unknown.length > 0) {
    console.error(`Unknown argument ${unknown.join(" ")}; deno task test takes none.\n`);
    console.error(HELP);
    Deno.exit(2);
  }
  // Tests and doc examples check English text: the self-check speaks English whatever the
  // learner's language setting.
  Deno.env.set("ZEROKARA_LANG", "en");
  const s = style();
  const started = performance.now();
  const terminal = Deno.stderr.isTerminal();
  const running = new Set<string>();
  console.log(s.dim(`Checking the workbook in ${REPO_ROOT} …`));
  const report = await verify(REPO_ROOT, {
    onProgress: ({ group, done }) => {
      if (done) running.delete(group);
      else running.add(group);
      if (terminal) {
        const text = running.size > 0 ? `  running: ${[...running].join(", ")}` : "";
        Deno.stderr.writeSync(new TextEncoder().encode(`\r\x1b[2K${s.dim(text)}`));
      }
    },
  });
  const lines = formatReport(report, s);
  const elapsed = ((performance.now() - started) / 1000).toFixed(1);
  lines.splice(lines.length - 1, 0, s.dim(`(${elapsed}s)`));
  console.log(lines.join("\n"));
  Deno.exit(report.failed > 0 ? 1 : 0);
}
