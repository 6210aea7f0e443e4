/** The plan command's arguments. */

export interface CliArgs {
  target: string;
  stack?: string;
  preview: boolean;
  json: boolean;
  diagram?: string;
  policyPack?: string | false;
  policyPackConfig?: string;
  typecheckPack: boolean;
}

export const usage = `usage: npm run plan -- <stack | program-dir> [options]

  <stack>                 a provided stack (stacks/Pulumi.<stack>.yaml of the project here)
  <program-dir>           any Pulumi TypeScript program directory (with its Pulumi.yaml)
  --stack NAME            the stack of a program given by directory (its Pulumi.NAME.yaml)
  --preview               run as pulumi preview: in-stack ids and computed outputs unknown
  --json                  print one JSON document instead of text
  --diagram FILE          write a Mermaid flowchart of the topology to FILE
  --policy-pack DIR       the policy pack to check with (default: policy/)
  --policy-pack-config F  the pack's config JSON, as for pulumi --policy-pack-config
  --no-policy-pack        plan without a policy pack
  --typecheck-pack        serve a TypeScript pack from its sources, type-checked as pulumi does
                          (default: a cached transpiled copy, seconds faster)

exit code: 0 when no mandatory policy violation, 1 with one, 2 on a usage or program error`;

const valued = new Set(["--stack", "--diagram", "--policy-pack", "--policy-pack-config"]);

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const positional: string[] = [];
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const [arg, inline] = argv[i].split(/=(.*)/s, 2);
    if (valued.has(arg)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      values[arg] = value;
    } else if (["--preview", "--json", "--no-policy-pack", "--typecheck-pack"].includes(arg)) {
      flags.add(arg);
    } else if (arg.startsWith("-")) {
      throw new Error(`unknown option ${arg}`);
    } else {
      positional.push(argv[i]);
    }
  }
  if (positional.length !== 1) throw new Error("give exactly one stack name or program directory");
  if (flags.has("--no-policy-pack") && values["--policy-pack"]) {
    throw new Error("--policy-pack and --no-policy-pack exclude each other");
  }
  return {
    target: positional[0],
    stack: values["--stack"],
    preview: flags.has("--preview"),
    json: flags.has("--json"),
    diagram: values["--diagram"],
    policyPack: flags.has("--no-policy-pack") ? false : values["--policy-pack"],
    policyPackConfig: values["--policy-pack-config"],
    typecheckPack: flags.has("--typecheck-pack"),
  };
}
