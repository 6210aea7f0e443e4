/**
 * Exits once stdout and stderr have taken everything written. A pipe's writes can be asynchronous (npm
 * and npx leave their stdout non-blocking, and the child shares it), and `process.exit` right after a
 * large write cuts it at 64 KiB: the `--json` document through `npx … | jq` arrived truncated. The plan
 * exits explicitly because a failed program can leave handles open.
 */
export function exitAfterOutput(code: number): void {
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
}
