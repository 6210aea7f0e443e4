/** The plan command's arguments. */
import { parseArgs } from "util";

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

exit code: 0 when no mandatory policy violation, 1 with one, 2 on a mistake in the arguments, the stack or
the program's component arguments (one message), or on a crash (with its stack trace)`;

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
  };
}
