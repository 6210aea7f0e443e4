/**
 * The plan command: the offline plan of a stack (see plan.ts) printed as text or JSON, optionally with a
 * diagram (SVG or Mermaid, by the file's extension) and a self-contained HTML page; its exit code is 1 on a
 * mandatory violation, as the Pulumi CLI fails a preview, and 2 on a user mistake (one readable message) or a
 * crash (with its stack trace).
 */
import * as fs from "fs";
import { checkOutputPaths, parseCliArgs, usage } from "./cliArgs";
import { checkDiagramFile, diagramText } from "./diagramFile";
import { htmlReport } from "./htmlReport";
import { exitCodeOf, planProgram, type PlanOptions } from "./plan";
import { PlanInputError, reportFailure } from "./planErrors";
import type { PolicyPackConfig } from "./policy/policyConfig";
import { textReport } from "./textReport";
import { topologySvg } from "./topologySvg";

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
    if (args.diagram) checkDiagramFile(args.diagram);
    checkOutputPaths(args);
  } catch (e) {
    io.stderr(`${(e as Error).message}\n\n${usage}\n`);
    return 2;
  }
  try {
    const policyPackConfig = args.policyPackConfig ? readPackConfig(args.policyPackConfig) : undefined;
    const doc = await planProgram(args.target, {
      stack: args.stack,
      preview: args.preview,
      policyPack: args.policyPack,
      policyPackConfig,
      typecheckPack: args.typecheckPack || undefined,
      session: io.session,
      state: args.state,
      outputFiles: (["html", "diagram"] as const).flatMap((option) => {
        const file = args[option];
        return file === undefined ? [] : [{ option: `--${option}`, file }];
      }),
    });
    if (args.diagram) fs.writeFileSync(args.diagram, await diagramText(doc, args.diagram));
    if (args.html)
      fs.writeFileSync(args.html, htmlReport(doc, await topologySvg(doc.topology, { inline: true })));
    io.stdout(args.json ? JSON.stringify(doc, null, 2) + "\n" : textReport(doc));
    return exitCodeOf(doc);
  } catch (e) {
    return reportFailure(e, "plan", args.json, io);
  }
}

export function readPackConfig(file: string): PolicyPackConfig {
  if (!fs.existsSync(file)) throw new PlanInputError(`--policy-pack-config ${file}: no such file`);
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as PolicyPackConfig;
  } catch (e) {
    throw new PlanInputError(`--policy-pack-config ${file}: not JSON (${(e as Error).message})`);
  }
}
