// A long synchronous loop that checks for an interruption, as deno task train's batches do.
import { InterruptedError } from "../errors.ts";
import { watchInterrupts } from "../interrupt.ts";

const watch = await watchInterrupts({ parent: Deno.args.includes("--parent") });
console.log(`ready ${Deno.pid}`);
try {
  for (;;) {
    const until = Date.now() + 5;
    while (Date.now() < until) { /* a batch */ }
    watch.check();
  }
} catch (error) {
  if (!(error instanceof InterruptedError)) throw error;
  const file = Deno.env.get("INTERRUPT_REPORT");
  if (file) Deno.writeTextFileSync(file, error.message);
  console.error(`error: ${error.message}`);
  Deno.exit(error.exitCode);
} finally {
  watch.stop();
}
