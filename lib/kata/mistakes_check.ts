/**
 * The self-check's proof that wrong answers fail: every mistake of the chapters' catalogues
 * (`lib/mistakes/chNN.ts`) takes the place of its exercise, the exercise's tests run on it, and
 * the mistake must be caught by one of them (a test named after that exercise fails) and named
 * in the first failure (its message says "This looks like: …" with the mistake's name). In
 * Japanese (`lang: "ja"`), the first failure must name it by its Japanese name and carry no
 * English sentence: every label, library error and the namer's lines speak the learner's
 * language.
 *
 * @module
 */

import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { englishRuns } from "../command/bilingual.ts";
import type { Lang } from "../command/lang.ts";
import type { Mistake } from "../testing/mistakes.ts";
import { referenceImportMap, writeImportMapWith } from "./import_map.ts";
import { exercisesOfWorkbook, testBelongsTo, type Workbook } from "./manifest.ts";
import { pool } from "./progress.ts";
import { firstLine, runTests } from "./test_run.ts";

/** A catalogued mistake, where it comes from. */
export interface CataloguedMistake extends Mistake {
  /** The chapter, two digits. */
  chapter: string;
  /** Its index in the chapter's `MISTAKES`. */
  index: number;
}

/** What became of one mistake. */
export interface MistakeOutcome {
  /** The mistake. */
  mistake: CataloguedMistake;
  /** A test of its exercise failed. */
  caught: boolean;
  /** The first failing test of its exercise named it. */
  named: boolean;
  /** Why not, for the report. */
  problem?: string;
  /** In Japanese: the English runs left in the first failure (none when it is all Japanese). */
  english?: string[];
}

/** The catalogue files, `lib/mistakes/chNN.ts`, by chapter. */
export function catalogueFiles(root: string): Record<string, string> {
  const dir = join(root, "lib", "mistakes");
  const files: Record<string, string> = {};
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir).sort()) {
    const chapter = name.match(/^ch(\d\d)\.ts$/)?.[1];
    if (chapter) files[chapter] = join(dir, name);
  }
  return files;
}

/**
 * Every catalogued mistake of the workbook at `root`.
 *
 * @param root The repo root.
 * @returns The mistakes, chapter by chapter.
 */
export async function readCatalogues(root: string): Promise<CataloguedMistake[]> {
  const all: CataloguedMistake[] = [];
  for (const [chapter, file] of Object.entries(catalogueFiles(root))) {
    const module = await import(pathToFileURL(file).href) as { MISTAKES?: Mistake[] };
    (module.MISTAKES ?? []).forEach((m, index) => all.push({ ...m, chapter, index }));
  }
  return all;
}

/** The `--filter` pattern of exactly one exercise's tests. */
function exerciseFilter(name: string): string {
  // deno's --filter patterns have no lookahead; \b after a name is the same here.
  return `/^${name}\\b/`;
}

/**
 * Runs one mistake in place of its exercise and judges the outcome.
 *
 * @param workbook The workbook.
 * @param mistake The mistake.
 * @param lang The language the tests speak (English by default).
 * @returns Whether it was caught and named.
 */
export async function tryMistake(
  workbook: Workbook,
  mistake: CataloguedMistake,
  lang: Lang = "en",
): Promise<MistakeOutcome> {
  const root = workbook.root;
  const exercise = exercisesOfWorkbook(workbook, mistake.chapter)
    .find((e) => e.name === mistake.exercise);
  const pair = workbook.pairs.find((p) => p.stub === exercise?.file);
  if (!exercise || !pair) {
    return {
      mistake,
      caught: false,
      named: false,
      problem: `names no exercise of chapter ${mistake.chapter}`,
    };
  }
  const catalogue = pathToFileURL(catalogueFiles(root)[mistake.chapter]).href;
  const reference = pathToFileURL(join(root, pair.reference)).href;
  const mapPath = writeImportMapWith((dir) => {
    const path = join(dir, "mistake.ts");
    const map = referenceImportMap(root, workbook.pairs);
    map.imports[pathToFileURL(join(root, pair.stub)).href] = pathToFileURL(path).href;
    return {
      map,
      modules: {
        [path]: `import { MISTAKES } from "${catalogue}";\nexport * from "${reference}";\n` +
          `export const ${mistake.exercise} = MISTAKES[${mistake.index}].code;\n`,
      },
    };
  });
  try {
    // The exercise's tests live beside its module (x.ts → x_test.ts); loading only that file
    // keeps each run short.
    const own = pair.stub.replace(/\.ts$/, "_test.ts");
    const paths = existsSync(join(root, own)) ? [own] : [`chapters/${mistake.chapter}/`];
    const run = await runTests(paths, {
      root,
      importMap: mapPath,
      // A learner's plain deno test has no permissions (English); Japanese needs ZEROKARA_LANG.
      ...(lang === "ja"
        ? { permissions: "lang", env: { ZEROKARA_LANG: "ja" } }
        : { permissions: "none" }),
      args: ["--filter", exerciseFilter(mistake.exercise)],
    });
    const failed = run.tests.filter((t) =>
      t.status === "failed" && testBelongsTo(t.name, mistake.exercise)
    );
    if (failed.length === 0) {
      const why = run.errors.length > 0 ? `: ${firstLine(run.errors[0].error)}` : "";
      return { mistake, caught: false, named: false, problem: `no test caught it${why}` };
    }
    const first = failed[0];
    const named = (first.error ?? "").includes(
      lang === "ja" && mistake.ja ? mistake.ja : mistake.name,
    );
    // The message and the failing line's source; not the stack's "at …" lines.
    const message = (first.error ?? "").split("\n").filter((l) => !/^\s+at /.test(l)).join("\n");
    const english = lang === "ja" ? englishRuns(message) : [];
    return {
      mistake,
      caught: true,
      named,
      english,
      problem: !named
        ? `"${first.name}" fails without naming it: ${firstLine(first.error)}`
        : english.length > 0
        ? `"${first.name}" fails with English in Japanese: ${english.join(" / ")}`
        : undefined,
    };
  } finally {
    Deno.removeSync(join(mapPath, ".."), { recursive: true });
  }
}

/**
 * Runs every catalogued mistake, two at a time.
 *
 * @param workbook The workbook.
 * @param concurrency How many test processes at once.
 * @param lang The language the tests speak (English by default).
 * @returns One outcome per mistake.
 */
export async function tryAllMistakes(
  workbook: Workbook,
  concurrency = 2,
  lang: Lang = "en",
): Promise<MistakeOutcome[]> {
  const mistakes = await readCatalogues(workbook.root);
  return await pool(mistakes, concurrency, (m) => tryMistake(workbook, m, lang));
}

if (import.meta.main) {
  // `deno run -A lib/kata/mistakes_check.ts [--ja] [05 …]`: the mistakes of some chapters, one
  // line each (--ja: in Japanese, which also reports English left in a failure).
  const { readWorkbook } = await import("./manifest.ts");
  const { REPO_ROOT } = await import("./cli.ts");
  const workbook = readWorkbook(REPO_ROOT);
  const lang = Deno.args.includes("--ja") ? "ja" : "en";
  const wanted = Deno.args.filter((a) => a !== "--ja");
  const mistakes = (await readCatalogues(REPO_ROOT))
    .filter((m) => wanted.length === 0 || wanted.includes(m.chapter));
  const outcomes = await pool(mistakes, 2, (m) => tryMistake(workbook, m, lang));
  for (const o of outcomes) {
    const mark = !o.caught
      ? "MISSED"
      : !o.named
      ? "UNNAMED"
      : o.english?.length
      ? "ENGLISH"
      : "ok    ";
    console.log(
      `${mark} ${o.mistake.chapter} ${o.mistake.exercise}: ${o.mistake.name}` +
        (o.problem ? `\n         ${o.problem}` : ""),
    );
  }
  const caught = outcomes.filter((o) => o.caught).length;
  const named = outcomes.filter((o) => o.named).length;
  const english = outcomes.filter((o) => o.english?.length).length;
  console.log(
    `mistakes: ${caught} caught, ${outcomes.length - caught} missed; ${named} named` +
      (lang === "ja" ? `; ${english} with English` : ""),
  );
  Deno.exitCode = named === outcomes.length && english === 0 ? 0 : 1;
}
