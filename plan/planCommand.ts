/**
 * The plan command: the offline plan of a stack (see plan.ts) printed as text or JSON, optionally with a
 * Mermaid diagram; its exit code is non-zero on a mandatory violation, as the Pulumi CLI fails a preview.
 */
import * as fs from "fs";
import { parseCliArgs, usage } from "./cliArgs";
import { exitCodeOf, planProgram, type PlanOptions } from "./plan";
import type { PolicyPackConfig } from "./policy/policyConfig";
import { textReport } from "./textReport";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** A pack already started, used instead of starting one (tests). */
  session?: PlanOptions["session"];
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (e) {
    io.stderr(`${(e as Error).message}\n\n${usage}\n`);
    return 2;
  }
  try {
    const policyPackConfig = args.policyPackConfig
      ? (JSON.parse(fs.readFileSync(args.policyPackConfig, "utf8")) as PolicyPackConfig)
      : undefined;
    const doc = await planProgram(args.target, {
      stack: args.stack,
      preview: args.preview,
      policyPack: args.policyPack,
      policyPackConfig,
      typecheckPack: args.typecheckPack || undefined,
      session: io.session,
    });
    if (args.diagram) fs.writeFileSync(args.diagram, doc.diagram);
    io.stdout(args.json ? JSON.stringify(doc, null, 2) + "\n" : textReport(doc));
    return exitCodeOf(doc);
  } catch (e) {
    io.stderr(`plan failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}
