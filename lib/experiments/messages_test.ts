import { assertBilingual } from "../command/bilingual.ts";
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

Deno.test("the chapter commands', train's and the lab's catalogues say everything in both languages", () => {
  assertBilingual(OURS);
});
