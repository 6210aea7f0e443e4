/** Rule 4: IP rules Azure rejects: not IPv4, private or reserved, malformed, or too many. */
import { distinctIpRules, ipRuleProblem, maxIpRules } from "../azure/ipRules";
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { StackRule } from "../pack/rule";
import { quotes } from "./quotes";

export interface InvalidIpRulesConfig {
  /** At most this many distinct rules per workspace (Azure's limit is 200; an organisation may set less). */
  maxRules: number;
}

export const invalidIpRules: StackRule<InvalidIpRulesConfig> = {
  name: "workspace-ip-rules-valid",
  description: "Workspace IP rules must be public IPv4 addresses or CIDR ranges, at most 200 per workspace.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      maxRules: { type: "integer", minimum: 1, maximum: maxIpRules, default: maxIpRules },
    },
  },
  defaults: { maxRules: maxIpRules },
  severity: "medium",
  framework: benchmark("NS-2"),
  remediationSteps: [
    "Use public IPv4 addresses or CIDR ranges only, at most 200 distinct rules (or the limit your organisation configures).",
    "",
    "- azure-native: fix `networkAcls.ipRules[*].value` on the workspace (e.g. `16.17.18.0/24`), merging addresses into ranges.",
    "- Components: `SecuredWorkspace`'s `allowedIpRanges` is validated at preview with the same rules; pass public ranges there.",
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/machine-learning/how-to-configure-private-link",
  tags: ["workspace", "selected-ips"],
  check: (model, config) =>
    model.workspaces.flatMap((workspace) => {
      const rules = workspace.ipRules;
      if (!Array.isArray(rules)) return [];
      const problems = rules.flatMap((value) => {
        const reason = ipRuleProblem(value);
        return reason ? [`'${value}': ${reason}`] : [];
      });
      const count = distinctIpRules(rules).length;
      if (count > config.maxRules)
        problems.push(`${count} distinct rules, more than the limit of ${config.maxRules}`);
      return problems.map((problem) => ({
        urn: workspace.urn,
        message: message({
          subject: workspace.label,
          problem: `has an invalid IP rule in ${workspace.ipRulesInput}: ${problem}`,
          quote: quotes.ipRuleRestrictions,
          fix: "use public IPv4 addresses (16.17.18.19) or CIDR ranges (16.17.18.0/24), merging addresses into ranges to stay within the limit",
        }),
      }));
    }),
};
