/**
 * The audit command: `azureml-network-isolation audit <export.json>… [--json] [--html FILE] [--diagram FILE]
 * [--policy-pack-config FILE]`. Exit codes as the plan's: 0 with no mandatory finding, 1 with one, 2 on an
 * input mistake (one message naming the file, the row and the field) or a crash (with its trace).
 */
import * as fs from "fs";
import { parseArgs } from "util";
import { checkOutputPaths } from "../cliArgs";
import { checkDiagramFile, diagramText } from "../diagramFile";
import { exitCodeOf } from "../plan";
import { reportFailure } from "../planErrors";
import { readPackConfig, type CliIo } from "../planCommand";
import { inert } from "../textReport";
import { topologySvg } from "../topologySvg";
import { auditEstate } from "./auditEstate";
import { auditPage } from "./auditPage";
import { auditText } from "./auditText";

export const auditUsage = `usage: azureml-network-isolation audit <export.json>... [options]
       npm run audit -- <export.json>... [options]      (in a clone of the repository)

  <export.json>           Azure Resource Graph output (az graph query -o json: one file per page, or a JSON
                          array of rows) and the companion az rest lists (zone groups, computes, forwarding
                          rules, ruleset links), in any order (README: "Audit an existing estate")
  --json                  print one JSON document instead of text
  --diagram FILE          write the picture to FILE: .svg, .mmd (Mermaid) or .md
  --html FILE             write one self-contained page: picture, findings, VNet tables, resources
  --policy-pack DIR       the policy pack to check with (default: this package's pack)
  --policy-pack-config F  the pack's config JSON: the platform network, who writes private DNS records

exit code: 0 when no finding is mandatory; 1 with a mandatory finding; 2 on a mistake in the arguments or the
export (one message naming the file, row and field), or on a crash (with its stack trace)`;

const options = {
  json: { type: "boolean", default: false },
  diagram: { type: "string" },
  html: { type: "string" },
  "policy-pack": { type: "string" },
  "policy-pack-config": { type: "string" },
} as const;

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export async function runAudit(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let args;
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options,
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length === 0) throw new Error("give at least one export file");
    args = { ...values, files: positionals };
    if (args.diagram) checkDiagramFile(args.diagram);
    checkOutputPaths({ diagram: args.diagram, html: args.html });
  } catch (e) {
    io.stderr(`${inert((e as Error).message)}\n\n${auditUsage}\n`);
    return 2;
  }
  try {
    const doc = await auditEstate(args.files, {
      policyPack: args["policy-pack"],
      policyPackConfig: args["policy-pack-config"] ? readPackConfig(args["policy-pack-config"]) : undefined,
      session: io.session,
    });
    if (args.diagram) fs.writeFileSync(args.diagram, await diagramText(doc, args.diagram));
    if (args.html)
      fs.writeFileSync(args.html, auditPage(doc, await topologySvg(doc.topology, { inline: true })));
    io.stdout(args.json ? JSON.stringify(doc, null, 2) + "\n" : auditText(doc));
    return exitCodeOf(doc);
  } catch (e) {
    return reportFailure(e, "audit", args.json, io);
  }
}
