// Loaded by .mocharc.js after ts-node. The Pulumi SDK reads `new Error().stack` for every promise it makes
// (runtime/debuggable.js), only to print it if the promise leaks at exit. Through ts-node's source-map support
// each of those stacks was mapped back to TypeScript: a third of `npm test`'s CPU time. Those stacks are kept
// unformatted and formatted (unmapped) only if printed; every other stack, a failing test's included, is mapped.
const mapped = Error.prepareStackTrace;
if (!mapped) throw new Error("test/pulumiPromiseStacks.js must be required after ts-node/register");

Error.prepareStackTrace = (error, frames) =>
  frames.length > 0 && String(frames[0].getFileName()).endsWith("/runtime/debuggable.js")
    ? { toString: () => `${error}\n    at ${frames.join("\n    at ")}` }
    : mapped(error, frames);
