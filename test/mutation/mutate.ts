/**
 * A small mutation check: each entry applies a one-line mutation (flip a comparison, drop a branch, make a
 * match case-sensitive), runs the focused tests that guard that code, records whether they failed (killed)
 * or passed (survived), and restores the file. Run: `npx ts-node --transpile-only test/mutation/mutate.ts
 * [name-filter]` (`--list blind26 [name-filter]`: issue 26's blind mutants; `--list blind25b`, `--list blind25c`,
 * `--list blind25d`, `--list blind25e`: issue 25's second to fifth blind rounds); it prints a Markdown
 * table. Not part of `npm test` (it runs mocha once per mutation).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { mutations as blindMutations25 } from "./blindMutations25";
import { blindMutations25b } from "./blindMutations25b";
import { blindMutations25c } from "./blindMutations25c";
import { blindMutations25d } from "./blindMutations25d";
import { blindMutations25e } from "./blindMutations25e";
import { blindMutations26 } from "./blindMutations26";

export interface Mutation {
  name: string;
  file: string;
  /** Exact text, found exactly once in the file. */
  from: string;
  to: string;
  /** The focused tests that guard it; absent: the whole `npm test` suite (a blind mutant's judge). */
  tests?: string[];
  /** Listed in issue 21's mutation check. */
  fromIssue?: boolean;
}

const policyTests = (...files: string[]) => files.map((f) => `test/policy/${f}.test.ts`);

export const mutations: Mutation[] = [
  {
    name: "managed-network compute subnet: silent on an unknown subnet",
    file: "policy/rules/managedNetworkComputeSubnet.ts",
    from: "|| compute.subnet === undefined) return [];",
    to: "|| compute.subnet === undefined || isUnknown(compute.subnet)) return [];",
    tests: policyTests("ruleBranches", "managedNetwork"),
    fromIssue: true,
  },
  {
    name: "managed-network compute subnet: compute instances dropped",
    file: "policy/rules/managedNetworkComputeSubnet.ts",
    from: 'new Set(["amlcompute", "computeinstance"])',
    to: 'new Set(["amlcompute"])',
    tests: policyTests("ruleBranches", "managedNetwork"),
    fromIssue: true,
  },
  {
    name: 'online endpoint selected IPs: case-sensitive "Disabled"',
    file: "policy/rules/onlineEndpointSelectedIps.ts",
    from: 'access?.toLowerCase() === "disabled"',
    to: 'access === "Disabled"',
    tests: policyTests("ruleBranches", "endpointsAndSelectedIps"),
    fromIssue: true,
  },
  {
    name: "online endpoint selected IPs: unknown access reported",
    file: "policy/rules/onlineEndpointSelectedIps.ts",
    from: "if (isUnknown(access) || access",
    to: "if (access",
    tests: policyTests("ruleBranches", "endpointsAndSelectedIps"),
  },
  {
    name: "argKinds: invisible-character check skipped",
    file: "sdk/validation/argKinds.ts",
    from: "if (invisible !== undefined)",
    to: "if (invisible !== undefined && propertyPath === '')",
    tests: ["test/validation/argKinds.test.ts", "test/validation/junkArguments.test.ts"],
    fromIssue: true,
  },
  {
    name: "provisionNetworkNow lost when the mode is an Output",
    file: "sdk/managedNetwork/managedNetworkBody.ts",
    from: "(m === IsolationModes.Disabled ? undefined : (p ?? true))",
    to: "(m === IsolationModes.Disabled ? undefined : p)",
    tests: ["test/validation/argKinds.test.ts"],
    fromIssue: true,
  },
  {
    name: "HTML tree table: names unescaped",
    file: "plan/htmlReport.ts",
    from: "    escapeHtml(r.name),\n",
    to: "    r.name,\n",
    tests: [
      "test/plan/providedStacks.e2e.ts",
      "test/plan/topologyDiagram.test.ts",
      "test/plan/hostileNames.test.ts",
    ],
    fromIssue: true,
  },
  {
    name: "invalid IP rules: limit off by one",
    file: "policy/rules/invalidIpRules.ts",
    from: "if (count > config.maxRules)",
    to: "if (count >= config.maxRules)",
    tests: policyTests("ipRules"),
  },
  {
    name: "batch endpoint selected IPs: workspace mode not checked",
    file: "policy/rules/batchEndpointSelectedIps.ts",
    from: "if (!workspace || accessMode(workspace) !== AccessModes.selectedIps) return [];",
    to: "if (!workspace) return [];",
    tests: policyTests("endpointsAndSelectedIps"),
  },
  {
    name: "IP rules on a Disabled workspace: one rule ignored",
    file: "policy/rules/ipRulesOnDisabledWorkspace.ts",
    from: "rules.length === 0)",
    to: "rules.length <= 1)",
    tests: policyTests("ipRules"),
  },
  {
    name: "registry premium: case-sensitive SKU",
    file: "policy/rules/registryPremium.ts",
    from: 'sku.toLowerCase() === "premium"',
    to: 'sku === "Premium"',
    tests: policyTests("ruleBranches", "networkAndCompute"),
  },
  {
    name: "synapse exfiltration: unknown protection reported",
    file: "policy/rules/synapseExfiltration.ts",
    from: "if (host?.preventDataExfiltration !== true) return [];",
    to: "if (host?.preventDataExfiltration === false) return [];",
    tests: policyTests("ruleBranches", "networkAndCompute"),
  },
  {
    name: "endpoint subnet policies: case-sensitive Disabled",
    file: "policy/rules/endpointSubnetPolicies.ts",
    from: 'policies.toLowerCase() === "disabled"',
    to: 'policies === "Disabled"',
    tests: policyTests("ruleBranches", "networkAndCompute"),
  },
  {
    name: "compute region: display names not normalised",
    file: "policy/rules/computeRegion.ts",
    from: "if (normalizeLocation(where) === normalizeLocation(home)) return [];",
    to: "if (where === home) return [];",
    tests: policyTests("ruleBranches", "networkAndCompute", "classicModel", "managedNetwork"),
  },
  {
    name: "managed-network unsupported compute: case-sensitive type",
    file: "policy/rules/managedNetworkUnsupportedCompute.ts",
    from: "unsupported.get(type.toLowerCase())",
    to: "unsupported.get(type)",
    tests: policyTests("managedNetwork"),
  },
  {
    name: "outbound rule types: port 8080 allowed",
    file: "policy/rules/managedNetworkOutboundRuleTypes.ts",
    from: "new Set([80, 443])",
    to: "new Set([80, 443, 8080])",
    tests: policyTests("managedNetwork"),
  },
  {
    name: "outbound rule types: storage subdomains not recognised",
    file: "policy/rules/managedNetworkOutboundRuleTypes.ts",
    from: "h === suffix || h.endsWith(`.${suffix}`)",
    to: "h === suffix",
    tests: policyTests("managedNetwork"),
  },
  {
    name: "public access with endpoints: a single endpoint ignored",
    file: "policy/rules/publicAccessWithEndpoints.ts",
    from: "if (endpoints.length === 0 ||",
    to: "if (endpoints.length <= 1 ||",
    tests: policyTests("publicAccessAndDependencies"),
  },
  {
    name: "exemption glob: '?' taken literally",
    file: "policy/pack/glob.ts",
    from: 'if (c !== "?" && c !== text[from + i]) return false;',
    to: "if (c !== text[from + i]) return false;",
    tests: policyTests("exemptionGlob", "exemptions"),
  },
  {
    name: "exemption glob: skips candidate positions",
    file: "policy/pack/glob.ts",
    from: "!segmentAt(segment, text, from, counter)) from++;",
    to: "!segmentAt(segment, text, from, counter)) from += 2;",
    tests: policyTests("exemptionGlob", "exemptions"),
  },
  {
    name: "exemptions: name patterns matched against the whole URN",
    file: "policy/pack/exemptions.ts",
    from: 'byName?.(urn.slice(urn.lastIndexOf("::") + 2))',
    to: "byName?.(urn)",
    tests: policyTests("exemptionGlob", "exemptions"),
  },
  {
    name: "secrets: parts masked inside longer words",
    file: "policy/model/secrets.ts",
    from: "(!isWordChar(text[at - 1]) && !isWordChar(text[end]))",
    to: "true",
    tests: policyTests("secrets"),
  },
  {
    name: "secrets: parts of a secret not masked",
    file: "policy/model/secrets.ts",
    from: "[secret, ...parts.filter((p) => p.length >= 3 && p !== secret)]",
    to: "[secret]",
    tests: policyTests("secrets"),
  },
  {
    name: "secrets: case-sensitive masking",
    file: "policy/model/secrets.ts",
    from: "folds && lowered.length === fragment.length ? [lower, lowered] : [text, fragment]",
    to: "[text, fragment]",
    tests: policyTests("secrets"),
  },
  {
    name: "secrets: quoted documents masked too",
    file: "policy/model/secrets.ts",
    from: "if (whole && !kept.some(([from, to]) => at >= from && end <= to))",
    to: "if (whole)",
    tests: policyTests("secrets"),
  },
  {
    name: "secrets: value-reading layer records nothing",
    file: "policy/model/values.ts",
    from: "if (secrets) addSecretTexts(plain, secrets);",
    to: "",
    tests: [...policyTests("secrets"), "test/analyzer/secrets.test.ts"],
  },
  {
    name: "secrets: config type error prints a secret key's value",
    file: "plan/stackConfig.ts",
    from: "declaration.secret ? secretMask :",
    to: "false ? secretMask :",
    tests: policyTests("secrets"),
  },
  {
    name: "transpile cache: entry hash not checked",
    file: "plan/verifiedCache.ts",
    from: "=== sha256(content) ? content : undefined",
    to: '!== "" ? content : undefined',
    tests: ["test/plan/caches.test.ts"],
  },
  {
    name: "transpile cache: refused write throws",
    file: "plan/verifiedCache.ts",
    from: "        refuse(e);\n        try {",
    to: "        throw e;\n        try {",
    tests: ["test/plan/caches.test.ts"],
  },
  {
    name: "compiled pack: copy served unverified",
    file: "plan/compiledPack.ts",
    from: "=== treeHash(copy, packFiles(copy));",
    to: '!== "";',
    tests: ["test/plan/caches.test.ts"],
  },
];

const root = path.resolve(__dirname, "..", "..");

function run(m: Mutation): "killed" | "survived" {
  const file = path.join(root, m.file);
  const original = fs.readFileSync(file, "utf8");
  const at = original.indexOf(m.from);
  if (at < 0 || original.indexOf(m.from, at + 1) >= 0)
    throw new Error(`${m.name}: the text to mutate is not found exactly once in ${m.file}`);
  fs.writeFileSync(file, original.slice(0, at) + m.to + original.slice(at + m.from.length));
  try {
    const result = spawnSync(
      process.execPath,
      [
        path.join(root, "node_modules/mocha/bin/mocha.js"),
        "--no-config",
        "-r",
        "ts-node/register/transpile-only",
        "--extension",
        "ts",
        "--timeout",
        "120000",
        "--bail",
        "--reporter",
        "dot",
        ...(m.tests ?? ["test/**/*.test.ts"]),
      ],
      { cwd: root, encoding: "utf8" },
    );
    return result.status === 0 ? "survived" : "killed";
  } finally {
    fs.writeFileSync(file, original);
  }
}

/** Lists written without reading the tests, by `--list <name>` (issue 25's five rounds and issue 26's blind mutants). */
const blindLists: Record<string, readonly Mutation[]> = {
  blind25: blindMutations25,
  blind25b: blindMutations25b,
  blind25c: blindMutations25c,
  blind25d: blindMutations25d,
  blind25e: blindMutations25e,
  blind26: blindMutations26,
};

if (require.main === module) {
  const args = process.argv.slice(2);
  const listAt = args.indexOf("--list");
  const listName = listAt >= 0 ? args.splice(listAt, 2)[1] : undefined;
  const chosen = listName === undefined ? mutations : blindLists[listName];
  if (!chosen) throw new Error(`unknown list ${listName}; known: ${Object.keys(blindLists).join(", ")}`);
  const filter = args[0] ?? "";
  const rows = ["| mutation | file | issue 21 | result |", "|---|---|---|---|"];
  for (const m of chosen.filter((x) => x.name.includes(filter))) {
    const result = run(m);
    rows.push(`| ${m.name} | ${m.file} | ${m.fromIssue ? "yes" : ""} | ${result} |`);
    process.stderr.write(`${result}: ${m.name}\n`);
  }
  process.stdout.write(`${rows.join("\n")}\n`);
}
