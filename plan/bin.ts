#!/usr/bin/env node
/**
 * The installed package's command, `azureml-network-isolation plan <program-dir | stack> [options]` or
 * `azureml-network-isolation audit <export.json>… [options]` (through
 * npx, or an npm script of the user's project): the plan command, compiled, with this package's policy pack
 * (bin/policy) by default. Under `npm run plan` in the repository, cli.ts runs the same command from sources.
 */
import { auditUsage, runAudit } from "./audit/auditCommand";
import { exitAfterOutput } from "./exitAfterOutput";
import { runCli } from "./planCommand";
import { usage } from "./cliArgs";

const [command, ...rest] = process.argv.slice(2);
if (command === "plan") {
  runCli(rest).then(exitAfterOutput);
} else if (command === "audit") {
  runAudit(rest).then(exitAfterOutput);
} else if (command === "--help" || command === "-h" || command === "help") {
  process.stdout.write(`${usage}\n\n${auditUsage}\n`);
} else {
  process.stderr.write(
    `${command === undefined ? "no command" : `unknown command '${command}'`}\n\n${usage}\n\n${auditUsage}\n`,
  );
  process.exitCode = 2;
}
