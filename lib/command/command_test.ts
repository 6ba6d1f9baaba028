import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { helpText, parseCommandArgs } from "./args.ts";
import { UsageError, userMessage } from "./errors.ts";
import { LANG_ENV, setLang } from "./lang.ts";
import { reportError } from "./run.ts";
import { displayWidth, padDisplay } from "./width.ts";

// These tests read the English messages, whatever the locale of the machine that runs them;
// the commands they start are told so too.
setLang("en");
const ENGLISH = { [LANG_ENV]: "en" };

const SPEC = {
  name: "ch06:test",
  summary: "A test command.",
  options: {
    iterations: { type: "integer", min: 11, max: 1000, default: 200, help: "iterations" },
    lr: { type: "number", min: 0, minExclusive: true, max: 10, help: "learning rate" },
    model: { type: "string", choices: ["simple", "deep"], help: "network" },
    out: { type: "string", value: "FILE", help: "output" },
    yes: { type: "boolean", short: "y", help: "no question" },
  },
  mine: true,
} as const;

Deno.test("parseCommandArgs() takes --name value and --name=value, and defaults", () => {
  const a = parseCommandArgs(["--iterations=50", "--lr", "0.5", "--model=deep", "-y"], SPEC);
  assert.deepEqual(a.values, {
    iterations: 50,
    lr: 0.5,
    model: "deep",
    out: undefined,
    yes: true,
  });
  assert.equal(a.mine, false);
  const b = parseCommandArgs(["--mine"], SPEC);
  assert.equal(b.values.iterations, 200);
  assert.equal(b.values.yes, false);
  assert.equal(b.mine, true);
});

Deno.test("parseCommandArgs() refuses bad input with one-line UsageErrors", () => {
  const cases: [string[], RegExp][] = [
    [["--iteration", "50"], /^Unknown option "--iteration": did you mean --iterations\?$/],
    [["--zzzzzzzz"], /^Unknown option "--zzzzzzzz": the options are --help, --mine, /],
    [["extra"], /^Unexpected argument "extra": this command takes only options$/],
    [["--iterations", "5"], /^--iterations must be a whole number from 11 to 1000, got 5$/],
    [["--iterations", "1e9"], /from 11 to 1000, got 1e9/],
    [["--iterations", "12.5"], /whole number/],
    [["--iterations", "many"], /^--iterations needs a number, got "many"$/],
    [["--iterations", ""], /needs a number/],
    [["--lr", "0"], /^--lr must be greater than 0 and at most 10, got 0$/],
    [["--lr=-1"], /greater than 0/],
    [["--lr", "NaN"], /needs a number/],
    [["--lr", "Infinity"], /needs a number/],
    [["--model", "huge"], /^Unknown model "huge": choose one of simple, deep$/],
    [["--out", ""], /^--out needs a value/],
    [["--out"], /^--out needs a value$/],
    [["--yes=1"], /^--yes takes no value$/],
    [["--lr", "-1"], /^--lr needs a value, .* --lr=-X /],
  ];
  for (const [argv, message] of cases) {
    assert.throws(() => parseCommandArgs(argv, SPEC), (error: unknown) => {
      assert.ok(error instanceof UsageError, `${argv.join(" ")}: ${error}`);
      assert.equal(error.exitCode, 2);
      assert.match(error.message, message, argv.join(" "));
      assert.ok(!error.message.includes("\n"), `${argv.join(" ")}: one line`);
      return true;
    });
  }
});

Deno.test("--help wins over every other argument and lists every option", () => {
  for (const argv of [["--help"], ["-h"], ["--frob", "--help"], ["x", "--iterations=1", "-h"]]) {
    assert.equal(parseCommandArgs(argv, SPEC).help, true, argv.join(" "));
  }
  const help = helpText(SPEC);
  for (const option of ["--iterations N", "--lr X", "--model TEXT", "--out FILE", "-y, --yes"]) {
    assert.ok(help.includes(option), option);
  }
  assert.match(help, /11 to 1000; default 200/);
  assert.match(help, /--mine/);
  assert.match(help, /-h, --help/);
});

Deno.test("reportError() prints one line for a user's error and the stack for a bug", () => {
  const lines: string[] = [];
  const error = console.error;
  console.error = (...args: unknown[]) =>
    lines.push(args.map((a) => a instanceof Error ? a.stack : String(a)).join(" "));
  try {
    assert.equal(reportError(new UsageError("--epochs needs a number")), 2);
    assert.deepEqual(lines, ["error: --epochs needs a number"]);
    lines.length = 0;
    const full = new Error("No space left on device (os error 28): write 'out/x'");
    assert.equal(reportError(full), 1);
    assert.match(lines[0], /^error: No space left on device .*free some disk space/);
    lines.length = 0;
    assert.equal(reportError(new TypeError("x is undefined")), 70);
    assert.match(lines.join("\n"), /TypeError: x is undefined\n\s+at /);
    assert.match(lines.join("\n"), /a bug in the workbook/);
  } finally {
    console.error = error;
  }
  assert.equal(userMessage(new RangeError("bug")), undefined);
});

const LOOP = fileURLToPath(new URL("./testdata/interrupted_loop.ts", import.meta.url));

/** Starts the loop script; resolves with the child once it says it is ready. */
async function startLoop(args: string[], env: Record<string, string>) {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", LOOP, ...args],
    stdout: "piped",
    stderr: "piped",
    env,
  }).spawn();
  const reader = child.stdout.getReader();
  let text = "";
  while (!text.includes("ready")) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  reader.releaseLock();
  return child;
}

Deno.test("a synchronous loop stops cleanly on SIGINT and SIGTERM", async () => {
  for (
    const [signal, reason, code] of [["SIGINT", "Ctrl-C", 130], [
      "SIGTERM",
      "SIGTERM",
      130,
    ]] as const
  ) {
    const child = await startLoop([], ENGLISH);
    child.kill(signal);
    const { code: exit, stderr } = await child.output();
    assert.equal(exit, code, signal);
    assert.equal(new TextDecoder().decode(stderr).trim(), `error: stopped (${reason})`);
  }
});

Deno.test("a loop whose parent is killed with SIGKILL stops too", async () => {
  const dir = Deno.makeTempDirSync();
  const report = join(dir, "report.txt");
  // A shell is the parent; killing it leaves the loop an orphan, which must notice.
  const shell = new Deno.Command("sh", {
    args: ["-c", `"${Deno.execPath()}" run -A "${LOOP}" --parent > "${join(dir, "out")}" 2>&1`],
    env: { INTERRUPT_REPORT: report, ...ENGLISH },
  }).spawn();
  const out = join(dir, "out");
  while (!(existsSync(out) && Deno.readTextFileSync(out).includes("ready"))) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  shell.kill("SIGKILL");
  await shell.status;
  while (!existsSync(report)) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(Deno.readTextFileSync(report), "stopped (the process that started it ended)");
  Deno.removeSync(dir, { recursive: true });
});

Deno.test("a command refuses a bad ZEROKARA_THREADS in one line with exit 2", async () => {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", fileURLToPath(new URL("../experiments/ch01/plot.ts", import.meta.url))],
    env: { ZEROKARA_THREADS: "abc", ...ENGLISH },
    stdout: "null",
    stderr: "piped",
  }).output();
  assert.equal(code, 2);
  assert.match(
    new TextDecoder().decode(stderr),
    /^error: ZEROKARA_THREADS must be a positive whole number.*"abc".*\n$/,
  );
});

Deno.test("in Japanese, a command's error line starts with エラー: and its bug note is Japanese", async () => {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", fileURLToPath(new URL("../experiments/ch01/plot.ts", import.meta.url))],
    env: { ZEROKARA_THREADS: "abc", [LANG_ENV]: "ja" },
    stdout: "null",
    stderr: "piped",
  }).output();
  assert.equal(code, 2);
  assert.match(new TextDecoder().decode(stderr), /^エラー: ZEROKARA_THREADS は正の整数で/);
  const lines: string[] = [];
  const error = console.error;
  console.error = (...args: unknown[]) => lines.push(args.map(String).join(" "));
  try {
    setLang("ja");
    assert.equal(reportError(new UsageError("--epochs は整数です")), 2);
    reportError(new TypeError("x is undefined"));
    assert.equal(lines[0], "エラー: --epochs は整数です");
    assert.match(lines.at(-1)!, /ワークブック自体の不具合/);
  } finally {
    console.error = error;
    setLang("en");
  }
});

Deno.test("displayWidth() counts kana, kanji and fullwidth punctuation as two columns", () => {
  assert.equal(displayWidth("ReLU, 標準偏差 0.01"), 19);
  assert.equal(displayWidth("（既定）"), 8);
  assert.equal(displayWidth("x²/20 — …"), 9);
  const rows = ["sigmoid, 標準偏差 1", "sigmoid, Xavier", "ReLU, He"].map((label) =>
    padDisplay(label, 20) + "|"
  );
  assert.deepEqual(rows.map(displayWidth), [21, 21, 21]);
});
