/** Rule 3: IP rules left on a workspace whose public access is Disabled; online endpoints keep honouring them. */
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { StackRule } from "../pack/rule";
import { accessMode, AccessModes } from "../model/workspaceAccess";
import { quotes } from "./quotes";

export const ipRulesOnDisabledWorkspace: StackRule<object> = {
  name: "ip-rules-on-private-workspace",
  description:
    "A workspace with public access Disabled should carry no IP rules: its online endpoints keep honouring them.",
  enforcementLevel: "advisory",
  configSchema: { properties: {} },
  defaults: {},
  severity: "medium",
  framework: benchmark("NS-2"),
  remediationSteps: [
    "Remove the IP rules when public access is Disabled: managed online endpoints keep honouring a stale list.",
    "",
    '- azure-native: drop `networkAcls.ipRules` (or `ipAllowlist`) from the workspace, keeping `publicNetworkAccess: "Disabled"`.',
    '- Components: `SecuredWorkspace` always clears the list when `publicNetworkAccess` is `"Disabled"`; leave `allowedIpRanges` empty.',
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/machine-learning/how-to-configure-private-link",
  tags: ["workspace", "selected-ips"],
  check: (model) =>
    model.workspaces.flatMap((workspace) => {
      const rules = workspace.ipRules;
      if (accessMode(workspace) !== AccessModes.disabled || !Array.isArray(rules) || rules.length === 0)
        return [];
      return [
        {
          urn: workspace.urn,
          message: message({
            subject: workspace.label,
            problem: `has public access Disabled but still lists ${rules.length} IP rule(s) in ${workspace.ipRulesInput} (${rules.slice(0, 3).join(", ")}${rules.length > 3 ? ", ..." : ""})`,
            quote: quotes.ipRulesKeptAfterDisable,
            fix: `remove ${workspace.ipRulesInput} from the workspace`,
          }),
        },
      ];
    }),
};
