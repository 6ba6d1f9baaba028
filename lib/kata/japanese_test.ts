/**
 * The learner's commands in Japanese, as a learner with `LANG=ja_JP.UTF-8` runs them: every
 * command's `--help`, a bad option for each kind of parser, `deno task kata 04`, every hint
 * tier and every exercise's solution, with no English sentence left in what they print
 * (`englishRuns`; in a solution, its comments: the code is the code).
 */

import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { englishRuns } from "../command/bilingual.ts";
import { LANG_ENV, setLang } from "../command/lang.ts";
import { REPO_ROOT } from "./cli.ts";
import { hintCommand } from "./hint.ts";
import { parseHints } from "./hints_file.ts";
import { exercisesOfWorkbook, readWorkbook } from "./manifest.ts";
import { findExport, helpersUsed, locateExercise } from "./solution.ts";
import { inJapanese } from "./solution_ja.ts";

/** The tasks of deno.json that are for the workbook's contributors, not for the learner. */
const CONTRIBUTORS = new Set([
  "test",
  "test:reference",
  "test:lab",
  "stubs:manifest",
  "build:wasm",
  "bench",
  "bench:numpy",
]);

/** The learner's tasks and the scripts they run (`deno run -A lib/…`). */
function learnerTasks(): { task: string; script: string }[] {
  const config = JSON.parse(readFileSync(join(REPO_ROOT, "deno.json"), "utf8"));
  return Object.entries(config.tasks as Record<string, { command: string }>)
    .filter(([task]) => !CONTRIBUTORS.has(task))
    .map(([task, { command }]) => ({
      task,
      script: command.match(/^deno run -A (\S+\.ts)$/)?.[1] ?? "",
    }));
}

/** Runs a script as `deno task` would, in Japanese, and returns what it printed. */
async function run(script: string, args: string[]) {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", script, ...args],
    cwd: REPO_ROOT,
    env: { [LANG_ENV]: "ja", NO_COLOR: "1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder();
  return { code, stdout: text.decode(stdout), stderr: text.decode(stderr) };
}

/** Runs the jobs, `width` at a time. */
async function pool<T>(jobs: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]();
      }
    }),
  );
  return results;
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** One task for each kind of argument parser (the shared one, kata's, hint's, train's, the book trainer's). */
const BAD_OPTION = [
  "kata",
  "hint",
  "watch",
  "solution",
  "train",
  "ch07:train",
  "ch04:train",
  "lab",
];

Deno.test("every learner command's --help, and a bad option, carry no English sentence in Japanese", async () => {
  const tasks = learnerTasks();
  for (const { task, script } of tasks) assert.ok(script, `${task}: a deno run -A script`);
  const cases = [
    ...tasks.map(({ task, script }) => ({ task, script, args: ["--help"] })),
    ...tasks.filter(({ task }) => BAD_OPTION.includes(task))
      .map(({ task, script }) => ({ task, script, args: ["--bogus"] })),
  ];
  const results = await pool(cases.map(({ script, args }) => () => run(script, args)), 4);
  cases.forEach(({ task, args }, i) => {
    const { code, stdout, stderr } = results[i];
    const what = `deno task ${task} ${args.join(" ")}`;
    if (args[0] === "--help") {
      assert.equal(code, 0, `${what}: ${stderr}`);
      assert.match(stdout, JAPANESE, what);
      assert.deepEqual(englishRuns(stdout), [], `${what}:\n${stdout}`);
    } else {
      assert.equal(code, 2, `${what}: ${stderr}`);
      assert.match(stderr, /^エラー: /, what);
      assert.deepEqual(englishRuns(stderr), [], `${what}:\n${stderr}`);
    }
  });
});

Deno.test("deno task kata 04 in Japanese: no English sentence, a test command that speaks Japanese", async () => {
  const { code, stdout, stderr } = await run("lib/kata/status.ts", ["04"]);
  assert.equal(code, 0, stderr);
  assert.match(stdout, /進み具合/);
  assert.match(stdout, /deno test -A chapters\/04\/ --filter \S+/);
  assert.deepEqual(englishRuns(stdout + stderr), [], stdout);
});

Deno.test("every hint tier in Japanese carries no English sentence", () => {
  const root = mkdtempSync(join(tmpdir(), "zerokara-hints-ja-"));
  try {
    const checked: string[] = [];
    for (let n = 1; n <= 8; n++) {
      const chapter = String(n).padStart(2, "0");
      const from = join(REPO_ROOT, "chapters", chapter);
      if (!existsSync(join(from, "HINTS.ja.md"))) continue;
      mkdirSync(join(root, "chapters", chapter), { recursive: true });
      for (const file of ["HINTS.md", "HINTS.ja.md"]) {
        cpSync(join(from, file), join(root, "chapters", chapter, file));
      }
      for (const { name } of parseHints(readFileSync(join(from, "HINTS.md"), "utf8"))) {
        for (const more of [[], ["--more"], ["--more"]]) {
          const { text, code } = hintCommand(root, [chapter, name, "--lang", "ja", ...more]);
          assert.equal(code, 0, text);
          assert.deepEqual(englishRuns(text), [], `deno task hint ${chapter} ${name}:\n${text}`);
        }
        checked.push(`${chapter}/${name}`);
      }
    }
    assert.ok(checked.length >= 50, `hints checked: ${checked.length}`);
  } finally {
    setLang(undefined);
    rmSync(root, { recursive: true, force: true });
  }
});

Deno.test("every exercise's solution in Japanese: comments without an English sentence", () => {
  const workbook = readWorkbook(REPO_ROOT);
  const problems: string[] = [];
  for (const exercise of exercisesOfWorkbook(workbook)) {
    const located = locateExercise(workbook, exercise.chapter, exercise.name);
    if ("names" in located) continue;
    const block = findExport(REPO_ROOT, located.reference, located.name);
    assert.ok(block, `${exercise.chapter} ${exercise.name}: no reference block`);
    const stub = readFileSync(join(REPO_ROOT, located.stub), "utf8");
    for (const part of [block, ...helpersUsed(REPO_ROOT, block)]) {
      const comments = inJapanese(part.text, stub).split("\n")
        .filter((line) => /^\s*(\/\/|\/\*\*|\*)/.test(line)).join("\n");
      const runs = englishRuns(comments);
      if (runs.length > 0) {
        problems.push(`${exercise.chapter} ${exercise.name}: ${runs.join(" / ")}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
