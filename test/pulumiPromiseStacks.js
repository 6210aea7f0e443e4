// Loaded by .mocharc.js (and test:e2e) after ts-node. The Pulumi SDK reads `new Error().stack` for every
// promise it makes (runtime/debuggable.js) and prints it only for a promise leaked at exit, and only under
// PULUMI_DEBUG_PROMISE_LEAKS. Mapped back to TypeScript by ts-node's source-map support, those unread stacks
// cost over a quarter of the suite's CPU time (profiled), more with their garbage. Without that variable they
// are left as the bare error line; every other stack, a failing test's included, is mapped as before.
if (!process.env.PULUMI_DEBUG_PROMISE_LEAKS) {
  const mapped = Error.prepareStackTrace;
  if (!mapped) throw new Error("test/pulumiPromiseStacks.js must be required after ts-node/register");
  Error.prepareStackTrace = (error, frames) =>
    frames.length > 0 && String(frames[0].getFileName()).endsWith("/runtime/debuggable.js")
      ? String(error)
      : mapped(error, frames);
}
