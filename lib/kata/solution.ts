/**
 * `deno task solution 04 crossEntropyError`: prints the reference for one exercise: the
 * `export function`/`export class` block of its reference module in `lib/`, with its JSDoc,
 * and the module's private helpers it uses. When your tests for it do not pass yet, it warns
 * and asks first (`--yes` skips the question).
 *
 * @module
 */

import { dirname, join, posix } from "node:path";
import { commandLine } from "../command/args.ts";
import { defineMessages, exportLang, lang } from "../command/lang.ts";
import { chapterArg, confirmOnTerminal, didYouMean, REPO_ROOT, type Style, style } from "./cli.ts";
import { importSpecifiers } from "./imports.ts";
import {
  parseDeclarations,
  readText,
  readWorkbook,
  stripComments,
  testBelongsTo,
  type Workbook,
} from "./manifest.ts";
import { inJapanese } from "./solution_ja.ts";
import { firstLine, runTests } from "./test_run.ts";

/** What `deno task solution` says, in both languages. */
const MESSAGES = defineMessages("solution", {
  usesHelpers: (file: string) => `// It uses these helpers of ${file}:`,
  imports: (file: string, list: string) => `// ${file} imports: ${list}`,
  noChapter: (text: string, chapters: string) =>
    `No exercises in chapter "${text}". Chapters: ${chapters}.`,
  noExercise: (chapter: string, name: string, guesses: string, names: string) =>
    `Chapter ${chapter} has no exercise "${name}".` +
    (guesses ? ` Did you mean ${guesses}?` : "") + `\nIts exercises: ${names}.`,
  noBlock: (name: string, file: string) =>
    `Cannot find "export function ${name}" or "export class ${name}" in ${file} ` +
    `(its reference, per chapters/stubs.ts).`,
  running: (name: string) => `Running your tests for ${name}…`,
  notPassing: (name: string, failing: number, total: number, chapter: string) =>
    `Your tests for ${name} do not pass yet (${failing} of ${total} fail). ` +
    `Reading the solution now skips the part where you learn it.\n` +
    `Try a hint first: deno task hint ${chapter} ${name} --more`,
  noTerminal: "No terminal to confirm on; add --yes to print it anyway.",
  question: "Show the solution anyway?",
  help: `deno task solution: print the reference solution of one exercise

When your tests of the exercise do not pass yet, it asks first; without a terminal (piped, in
a script) it cannot ask, so add --yes there.

Usage:
  deno task solution 04 crossEntropyError          warns and asks if your tests fail
  deno task solution 04 crossEntropyError --yes    no question (needed without a terminal)
  deno task solution 04 crossEntropyError --lang ja
                                                   in Japanese

It prints the exercise's block from its reference module in lib/ (listed in
chapters/stubs.ts), with its documentation and the private helpers it uses.`,
}, {
  usesHelpers: (file: string) => `// ${file} の次の補助関数を使います:`,
  imports: (file: string, list: string) => `// ${file} の import: ${list}`,
  noChapter: (text: string, chapters: string) =>
    `"${text}" 章に演習はありません。章: ${chapters}。`,
  noExercise: (chapter: string, name: string, guesses: string, names: string) =>
    `${chapter}章に "${name}" という演習はありません。` +
    (guesses ? `${guesses} のことですか？` : "") + `\nこの章の演習: ${names}。`,
  noBlock: (name: string, file: string) =>
    `${file}（chapters/stubs.ts が示す解答）に "export function ${name}" も ` +
    `"export class ${name}" も見つかりません。`,
  running: (name: string) => `${name} のテストを実行中…`,
  notPassing: (name: string, failing: number, total: number, chapter: string) =>
    `${name} のテストはまだ通っていません（${total} 件中 ${failing} 件が失敗）。` +
    `いま解答を読むと、自分で身につける部分を飛ばしてしまいます。\n` +
    `まずはヒントを: deno task hint ${chapter} ${name} --more`,
  noTerminal: "確認できる端末がありません。それでも表示するなら --yes を付けてください。",
  question: "それでも解答を表示しますか？",
  help: `deno task solution: 演習の解答（リファレンス実装）を表示

演習のテストがまだ通っていなければ、先に確認します。端末がない場合（パイプや
スクリプト）は確認できないので、--yes を付けてください。

使い方:
  deno task solution 04 crossEntropyError          テストが失敗していれば警告して確認
  deno task solution 04 crossEntropyError --yes    確認なし（端末がないときに必要）
  deno task solution 04 crossEntropyError --lang en
                                                   英語で表示

lib/ にある解答モジュール（chapters/stubs.ts に一覧）から演習のブロックを、
そのドキュメントと使っている非公開の補助関数と一緒に表示します。`,
});

/** A block of source: where it is and its text. */
export interface SourceBlock {
  /** Root-relative file. */
  file: string;
  /** 1-based first line (its JSDoc). */
  line: number;
  /** The text. */
  text: string;
}

/**
 * Finds the declaration of an exported name in a module, following `export … from`
 * re-exports (a `mod.ts` that gathers other files).
 *
 * @param root The repo root.
 * @param file The module, root-relative.
 * @param name The exported name.
 * @returns The block with its JSDoc, or `undefined`.
 */
export function findExport(
  root: string,
  file: string,
  name: string,
  seen: Set<string> = new Set(),
): SourceBlock | undefined {
  if (seen.has(file)) return undefined;
  seen.add(file);
  const source = readText(join(root, file));
  if (source === undefined) return undefined;
  const lines = source.split("\n");
  const declaration = parseDeclarations(source).find((d) => d.name === name);
  if (declaration) {
    return {
      file,
      line: declaration.docLine,
      text: lines.slice(declaration.docLine - 1, declaration.endLine).join("\n"),
    };
  }
  // export { a, b as c } from "./x.ts" / export * from "./x.ts"
  const code = stripComments(source);
  for (const match of code.matchAll(/export\s*(\*|\{[^}]*\})\s*from\s*["']([^"']+)["']/g)) {
    const [, what, specifier] = match;
    if (!specifier.startsWith(".")) continue;
    let inner = name;
    if (what !== "*") {
      const names = what.slice(1, -1).split(",").map((x) => x.trim()).filter((x) => x);
      const entry = names.map((x) => x.replace(/^type\s+/, "").split(/\s+as\s+/))
        .find(([original, alias]) => (alias ?? original) === name);
      if (!entry) continue;
      inner = entry[0];
    }
    const target = posix.normalize(posix.join(posix.dirname(file), specifier));
    const found = findExport(root, target, inner, seen);
    if (found) return found;
  }
  return undefined;
}

/**
 * The module-level helpers (not exported) of a file that a block uses, with their JSDoc.
 *
 * @param root The repo root.
 * @param block The block (from {@linkcode findExport}).
 * @returns The helpers' blocks, in file order.
 */
export function helpersUsed(root: string, block: SourceBlock): SourceBlock[] {
  const source = readText(join(root, block.file)) ?? "";
  const lines = source.split("\n");
  const helpers: SourceBlock[] = [];
  const body = stripComments(block.text);
  for (let i = 0; i < lines.length; i++) {
    const match = lines[i].match(
      /^(?:async\s+)?(?:function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)/,
    );
    if (!match || !new RegExp(`(^|[^\\w$.])${match[1].replace(/\$/g, "\\$")}\\b`).test(body)) {
      continue;
    }
    // Reuse the export parser on the line made exported.
    const fake = [...lines.slice(0, i), `export ${lines[i]}`, ...lines.slice(i + 1)].join("\n");
    const d = parseDeclarations(fake).find((x) => x.line === i + 1);
    if (!d) continue;
    helpers.push({
      file: block.file,
      line: d.docLine,
      text: lines.slice(d.docLine - 1, d.endLine).join("\n"),
    });
  }
  return helpers;
}

/** Where an exercise's stub and reference are. */
export interface ExerciseLocation {
  /** The exercise's exported name. */
  name: string;
  /** Its stub module. */
  stub: string;
  /** Its reference module. */
  reference: string;
}

/**
 * Finds the stub module of chapter `chapter` that exports `name` (via `chapters/stubs.ts`).
 *
 * @param workbook The workbook.
 * @param chapter Two digits.
 * @param name The exported name (a `Class.method` finds the class).
 * @returns Where it is, or the chapter's exported names to suggest.
 */
export function locateExercise(
  workbook: Workbook,
  chapter: string,
  name: string,
): ExerciseLocation | { names: string[] } {
  const wanted = name.split(".")[0];
  const names: string[] = [];
  for (const pair of workbook.pairs.filter((p) => p.chapter === chapter)) {
    const source = readText(join(workbook.root, pair.stub)) ?? "";
    const exported = parseDeclarations(source)
      .filter((d) => d.kind === "function" || d.kind === "class");
    names.push(...exported.map((d) => d.name));
    const found = exported.find((d) => d.name === wanted) ??
      exported.find((d) => d.name.toLowerCase() === wanted.toLowerCase());
    if (found) return { name: found.name, stub: pair.stub, reference: pair.reference };
  }
  return { names };
}

/** The solution's text: a header, the reference block, and the helpers it uses. */
export function renderSolution(block: SourceBlock, helpers: SourceBlock[], s: Style): string {
  const lines = [s.bold(`// ${block.file}:${block.line}`), block.text];
  if (helpers.length > 0) {
    lines.push("", s.dim(MESSAGES().usesHelpers(block.file)));
    for (const helper of helpers) {
      lines.push("", s.dim(`// ${helper.file}:${helper.line}`), helper.text);
    }
  }
  const imports = importSpecifiers(readText(join(REPO_ROOT, block.file)) ?? "");
  if (imports.length > 0) {
    lines.push("", s.dim(MESSAGES().imports(block.file, imports.join(", "))));
  }
  return lines.join("\n");
}

if (import.meta.main) {
  const args = commandLine(Deno.args, {
    name: "solution",
    summary: "",
    get help() {
      return MESSAGES().help;
    },
    usage: ["deno task solution 04 crossEntropyError [--yes]"],
    options: {
      yes: { type: "boolean", short: "y", help: "" },
    },
    positionals: { min: 2, max: 2 },
  });
  // The tests run in a child process: they speak the same language.
  exportLang();
  const m = MESSAGES();
  const [chapterText, name] = args.positionals as [string, string];
  const s = style();
  const workbook = readWorkbook(REPO_ROOT);
  const chapter = chapterArg(chapterText);
  const withStubs = [...new Set(workbook.pairs.map((p) => p.chapter))].sort();
  if (chapter === undefined || !withStubs.includes(chapter)) {
    console.error(m.noChapter(chapterText, withStubs.join(" ")));
    Deno.exit(1);
  }
  const located = locateExercise(workbook, chapter, name);
  if ("names" in located) {
    const guesses = didYouMean(name, located.names);
    console.error(m.noExercise(chapter, name, guesses.join(" or "), located.names.join(", ")));
    Deno.exit(1);
  }
  const block = findExport(REPO_ROOT, located.reference, located.name);
  if (!block) {
    console.error(m.noBlock(located.name, located.reference));
    Deno.exit(1);
  }
  if (!args.values.yes) {
    if (Deno.stderr.isTerminal()) console.error(s.dim(m.running(located.name)));
    const run = await runTests([dirname(located.stub) + "/"], { root: REPO_ROOT });
    if (run.timedOut) {
      for (const error of run.errors) console.error(s.yellow(firstLine(error.error)));
    }
    const mine = run.tests.filter((t) => testBelongsTo(t.name, located.name));
    const failing = mine.filter((t) => t.status !== "passed");
    if (failing.length > 0 || mine.length === 0) {
      console.error(s.yellow(m.notPassing(located.name, failing.length, mine.length, chapter)));
      if (!Deno.stdin.isTerminal()) {
        console.error(m.noTerminal);
        Deno.exit(1);
      }
      if (!confirmOnTerminal(m.question)) Deno.exit(1);
    }
  }
  let helpers = helpersUsed(REPO_ROOT, block);
  if (lang() === "ja") {
    // The answer key's comments are English: the stub's Japanese ones replace them.
    const stub = readText(join(REPO_ROOT, located.stub)) ?? "";
    block.text = inJapanese(block.text, stub);
    helpers = helpers.map((helper) => ({ ...helper, text: inJapanese(helper.text, stub) }));
  }
  console.log(renderSolution(block, helpers, s));
}
