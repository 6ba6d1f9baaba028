/**
 * The words every command shares, in both languages: the `error: ` / `エラー: ` prefix of a
 * one-line error, the advice for file-system errors, the note under a bug's stack trace, the
 * checks of `ZEROKARA_THREADS` and `ZEROKARA_KERNELS`, why a run stopped, and the Japanese
 * lines for the errors of `lib/io` (a damaged safetensors file, a file that cannot be written). This module
 * imports only `lang.ts`, so any part of `lib/` may use it.
 *
 * @module
 */

import { defineMessages } from "./lang.ts";

/** The shared messages. */
export const COMMAND = defineMessages("command", {
  error: "error: ",
  bug: "This is a bug in the workbook, not in your code or input: please report it with the " +
    "lines above.",
  noSpace: "free some disk space and run the command again",
  checkPath: "check the path (a folder where a file belongs, or a file where a folder " +
    "belongs?) and its permissions",
  threads: (value: string) =>
    `ZEROKARA_THREADS must be a positive whole number (1 or 2: the work is split in at ` +
    `most two), got "${value}": unset it, or set ZEROKARA_THREADS=1 to keep to one thread`,
  kernels: (value: string) =>
    `ZEROKARA_KERNELS must be ts or wasm, got "${value}": unset it to use the WebAssembly ` +
    `kernels`,
  badLang: (value: string) => `--lang must be en or ja, got "${value}"`,
  stopped: (why: string) => `stopped (${why})`,
  parentEnded: "the process that started it ended",
  badSafetensors: (file: string) =>
    `${file} cannot be read as a safetensors file: it is damaged, cut short, or of another ` +
    `kind. Write it again with the command that made it`,
  cannotWrite: (path: string, reason: string, advice: string) =>
    `cannot write ${path} (${reason}): ${advice}`,
  writable: "make the folder writable, or choose another place",
  inTheWay: "a file or folder is in the way: move it, or choose another place",
  checkDisk: "check the path and the disk",
}, {
  error: "エラー: ",
  bug: "これはワークブック自体の不具合です（あなたのコードや入力の問題ではありません）。" +
    "上の行を添えて報告してください。",
  noSpace: "ディスクの空きを作ってから、もう一度コマンドを実行してください",
  checkPath: "パス（ファイルの場所にフォルダーがある、またはその逆ではないか）と" +
    "アクセス権を確かめてください",
  threads: (value: string) =>
    `ZEROKARA_THREADS は正の整数で指定してください（1 か 2。処理は最大2つに分けます）。` +
    `"${value}" は使えません: 設定を外すか、1スレッドにするなら ZEROKARA_THREADS=1 にしてください`,
  kernels: (value: string) =>
    `ZEROKARA_KERNELS は ts か wasm で指定してください。"${value}" は使えません: ` +
    `設定を外すと WebAssembly のカーネルを使います`,
  badLang: (value: string) => `--lang は en か ja で指定してください（"${value}"）`,
  stopped: (why: string) => `中断しました（${why}）`,
  parentEnded: "起動元のプロセスが終了しました",
  badSafetensors: (file: string) =>
    `${file} を safetensors ファイルとして読めません: 壊れているか、途中で切れているか、` +
    `別の形式のファイルです。作ったコマンドでもう一度書き出してください`,
  cannotWrite: (path: string, reason: string, advice: string) =>
    `${path} に書き込めません（${reason}）: ${advice}`,
  writable: "フォルダーを書き込めるようにするか、別の場所を選んでください",
  inTheWay: "ファイルかフォルダーが邪魔をしています: 移動するか、別の場所を選んでください",
  checkDisk: "パスとディスクを確かめてください",
});

/**
 * A one-line error as a command prints it: `error: …`, or `エラー: …` in Japanese.
 *
 * @example
 * ```ts
 * import { errorLine } from "./messages.ts";
 * import { setLang } from "./lang.ts";
 * import assert from "node:assert/strict";
 *
 * setLang("ja");
 * assert.equal(errorLine("--epochs は整数です"), "エラー: --epochs は整数です");
 * setLang("en");
 * assert.equal(errorLine("no checkpoint"), "error: no checkpoint");
 * setLang(undefined);
 * ```
 *
 * @param message The message.
 * @returns The line.
 */
export function errorLine(message: string): string {
  return `${COMMAND().error}${message}`;
}
