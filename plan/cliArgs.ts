/** The plan command's arguments. */
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { checkStackName } from "./stackName";

export interface CliArgs {
  target: string;
  stack?: string;
  preview: boolean;
  json: boolean;
  diagram?: string;
  html?: string;
  policyPack?: string | false;
  policyPackConfig?: string;
  typecheckPack: boolean;
  /** The state file (or directory of per-stack state files) the plan starts from and, after an update, keeps. */
  state?: string;
}

export const usage = `usage: azureml-network-isolation plan <stack | program-dir> [options]
       npm run plan -- <stack | program-dir> [options]      (in a clone of the repository)

  <stack>                 a stack of the Pulumi project in the working directory (its Pulumi.<stack>.yaml;
                          in the repository, a provided stack)
  <program-dir>           any Pulumi TypeScript program directory (with its Pulumi.yaml)
  --stack NAME            the stack of a program given by directory (its Pulumi.NAME.yaml)
  --preview               run as pulumi preview: in-stack ids and computed outputs unknown
  --json                  print one JSON document instead of text
  --diagram FILE          write the topology's picture to FILE, in the format of its extension:
                          .svg (Graphviz), .mmd (Mermaid), .md (Mermaid in a fenced block)
  --html FILE             write one self-contained page: picture, findings, VNet tables, resource tree
  --policy-pack DIR       the policy pack to check with (default: this package's pack)
  --policy-pack-config F  the pack's config JSON, as for pulumi --policy-pack-config
  --no-policy-pack        plan without a policy pack
  --typecheck-pack        serve a TypeScript pack from its sources, type-checked as pulumi does
                          (default: a cached transpiled copy, seconds faster)
  --state FILE|DIR        start from the fake Azure and outputs a previous plan kept there (DIR: one
                          <stack>.json per stack) and show create/update/replace/delete like pulumi preview;
                          a plan that succeeds (not --preview) keeps its result there for the next one

exit code: 0 when the plan succeeds; 1 when pulumi preview would fail: a mandatory policy violation, or a
protected resource the plan would delete or replace; 2 on a mistake in the arguments, the stack, the
program's component arguments or stack values (one message), or on a crash (with its stack trace)`;

const options = {
  stack: { type: "string" },
  preview: { type: "boolean", default: false },
  json: { type: "boolean", default: false },
  diagram: { type: "string" },
  html: { type: "string" },
  "policy-pack": { type: "string" },
  "policy-pack-config": { type: "string" },
  "no-policy-pack": { type: "boolean", default: false },
  "typecheck-pack": { type: "boolean", default: false },
  state: { type: "string" },
} as const;

/** Node's own parser; its errors ("Unknown option '--x'", "Option '--stack <value>' argument missing") are kept. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options,
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new Error("give exactly one stack name or program directory");
  if (values["no-policy-pack"] && values["policy-pack"]) {
    throw new Error("--policy-pack and --no-policy-pack exclude each other");
  }
  if (values.stack !== undefined) checkStackName(values.stack);
  return {
    target: positionals[0],
    stack: values.stack,
    preview: values.preview,
    json: values.json,
    diagram: values.diagram,
    html: values.html,
    policyPack: values["no-policy-pack"] ? false : values["policy-pack"],
    policyPackConfig: values["policy-pack-config"],
    typecheckPack: values["typecheck-pack"],
    ...(values.state !== undefined && { state: values.state }),
  };
}

/**
 * Refuses output files the plan could not write, before it runs: a directory that does not exist (also the
 * state file's), a path that is a directory, and two outputs on one file (the second would overwrite the first).
 */
export function checkOutputPaths(args: Pick<CliArgs, "diagram" | "html" | "state">): void {
  const outputs = (["diagram", "html"] as const).flatMap((option) => {
    const file = args[option];
    return file === undefined ? [] : [{ option, file, resolved: path.resolve(file) }];
  });
  for (const { option, file, resolved } of outputs) {
    const dir = path.dirname(resolved);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
      throw new Error(
        `--${option} ${file}: the directory ${dir} does not exist; create it or write elsewhere`,
      );
    if (fs.existsSync(resolved) && fs.statSync(resolved).isDirectory())
      throw new Error(`--${option} ${file} is a directory; give a file name`);
  }
  if (args.state !== undefined) {
    const dir = /[\\/]$/.test(args.state) ? args.state : path.dirname(path.resolve(args.state));
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
      throw new Error(`--state ${args.state}: the directory ${dir} does not exist; create it first`);
  }
  if (outputs.length === 2 && outputs[0].resolved === outputs[1].resolved)
    throw new Error(`--diagram and --html name the same file ${outputs[0].file}; give each its own`);
}
