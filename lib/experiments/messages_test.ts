import assert from "node:assert/strict";
import { CATALOGUES, type Messages } from "../command/lang.ts";
import { englishRuns } from "../kata/messages_test.ts";
import "./messages.ts";
import "./ch01/messages.ts";
import "./ch02/messages.ts";
import "./ch03/messages.ts";
import "./ch04/messages.ts";
import "./ch05/messages.ts";
import "./ch06/messages.ts";
import "./ch07/messages.ts";
import "./ch08/messages.ts";
import "../book_trainer/messages.ts";
import "../train_command/messages.ts";
import "../train_command/checkpoint_messages.ts";
import "../lab/messages.ts";

/** The catalogues of the chapter commands, train and the lab. */
const OURS = [
  "experiments",
  "ch01",
  "ch02",
  "ch03",
  "ch04",
  "ch05",
  "ch06",
  "ch07",
  "ch08",
  "book_trainer",
  "train",
  "checkpoint",
  "lab",
  "lab_command",
  "lab_make_weights",
];

/** A message as text, with identifier-like placeholders for its parameters. */
function render(message: Messages[string]): string {
  if (typeof message === "string") return message;
  return message(...Array.from({ length: message.length }, (_, i) => `arg${i}`));
}

Deno.test("the chapter commands', train's and the lab's catalogues say everything in both languages", () => {
  const names = CATALOGUES.map((c) => c.name);
  for (const name of OURS) assert.ok(names.includes(name), `the ${name} catalogue is loaded`);
  for (const { name, languages: { en, ja } } of CATALOGUES) {
    if (!OURS.includes(name)) continue;
    assert.deepEqual(Object.keys(ja).sort(), Object.keys(en).sort(), `${name}: the same keys`);
    for (const key of Object.keys(en)) {
      assert.equal(typeof ja[key], typeof en[key], `${name}.${key}: the same kind`);
      if (typeof en[key] === "function") {
        assert.equal(
          (ja[key] as () => string).length,
          (en[key] as () => string).length,
          `${name}.${key}: the same parameters`,
        );
      }
      const text = render(ja[key]);
      assert.ok(/[\u3040-\u30ff\u4e00-\u9fff]/.test(text), `${name}.${key} is Japanese: ${text}`);
      assert.deepEqual(englishRuns(text), [], `${name}.${key} has English in it: ${text}`);
    }
  }
});
