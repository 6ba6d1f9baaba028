import { assertBilingual } from "../command/bilingual.ts";
import { CATALOGUES } from "../command/lang.ts";
import "../command/args.ts";
import "../command/messages.ts";
import "./test_run.ts";
import "./status.ts";
import "./hint.ts";
import "./watch.ts";
import "./mine.ts";
import "./reset.ts";
import "./solution.ts";
import "./todo.ts";
import "../testing/mistakes.ts";
import "../testing/messages.ts";
import "../np/messages.ts";
import "../layers/messages.ts";
import "../nets/messages.ts";
import "../optimizers/messages.ts";
import "../functions/messages.ts";
import "../gradient/messages.ts";

Deno.test("every message exists in both languages, and the Japanese ones are Japanese", () => {
  const tools = [
    "args",
    "command",
    "functions",
    "gradient",
    "hint",
    "kata",
    "layers",
    "mine",
    "mistakes",
    "nets",
    "np",
    "np_describe",
    "np_subjects",
    "optimizers",
    "reset",
    "solution",
    "testing",
    "testRun",
    "todo",
    "watch",
  ];
  const loaded = CATALOGUES.map((c) => c.name);
  assertBilingual([...new Set([...tools, ...loaded])], { translated: true });
});
