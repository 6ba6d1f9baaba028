/**
 * The worker of {@linkcode import("./interrupt.ts").watchInterrupts}: it listens for signals and
 * watches the parent process on its own thread, so it answers while the main thread is busy in
 * a synchronous loop, and tells the main thread through shared memory.
 *
 * @module
 */

/** What the main thread sends. */
interface Start {
  /** Shared flag: 0 while running; the signal number, or -1 when the parent is gone. */
  flag: SharedArrayBuffer;
  /** The parent's process id to watch, or null not to watch. */
  parent: number | null;
  /** Whether to kill the whole process when the parent is gone (commands without a loop). */
  killOnOrphan: boolean;
  /** Whether to catch SIGINT and SIGTERM (a loop that stops cleanly) or leave their default. */
  signals: boolean;
}

const self = globalThis as unknown as {
  onmessage: ((event: MessageEvent<Start>) => void) | null;
  postMessage(message: unknown): void;
};

self.onmessage = (event: MessageEvent<Start>) => {
  const { flag, parent, killOnOrphan, signals } = event.data;
  const state = new Int32Array(flag);
  const raise = (value: number) => {
    if (Atomics.load(state, 0) === 0) Atomics.store(state, 0, value);
  };
  if (signals) {
    Deno.addSignalListener("SIGINT", () => raise(2));
    if (Deno.build.os !== "windows") Deno.addSignalListener("SIGTERM", () => raise(15));
  }
  if (parent !== null) {
    setInterval(() => {
      if (Deno.ppid === parent) return;
      raise(-1);
      // Nobody waits for this process any more: stop it even inside a synchronous loop.
      if (killOnOrphan) Deno.kill(Deno.pid, "SIGKILL");
    }, 500);
  }
  self.postMessage("ready");
};
