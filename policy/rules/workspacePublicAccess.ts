/**
 * Rule 12 (workspace): public network access should be Disabled (Azure Policy's built-in). Remediation sets
 * it to Disabled and drops the IP rules, which online endpoints would otherwise keep honouring.
 */
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { ResourceRule } from "../pack/rule";
import { writableInputs } from "../model/resourceView";
import { describeSetting, writeSetting } from "../model/settingInputs";
import { kindHas } from "../model/workspaceKinds";
import { isUnknown, str } from "../model/values";
import { quotes } from "./quotes";

export interface WorkspacePublicAccessConfig {
  /** Accept "Enabled from selected IP addresses". */
  allowSelectedIps: boolean;
}

function hasIpRules(inputs: unknown): boolean {
  const acls = str(inputs, "networkAcls", "defaultAction");
  return (
    (typeof acls === "string" && acls.toLowerCase() === "deny") ||
    Array.isArray((inputs as Record<string, unknown>)?.ipAllowlist)
  );
}

export const workspacePublicAccess: ResourceRule<WorkspacePublicAccessConfig> = {
  name: "workspace-public-network-access-disabled",
  description: "An Azure ML workspace should have publicNetworkAccess Disabled.",
  enforcementLevel: "advisory",
  kinds: ["workspace"],
  configSchema: { properties: { allowSelectedIps: { type: "boolean", default: false } } },
  defaults: { allowSelectedIps: false },
  severity: "high",
  framework: benchmark("NS-2"),
  remediationSteps: [
    "Disable public network access on the workspace (enforcement level `remediate` does it for you) and reach it through private endpoints.",
    "",
    '- azure-native: `publicNetworkAccess: "Disabled"` on `machinelearningservices.Workspace` (or in the generic resource\'s `properties`), without IP rules.',
    '- Components: `SecuredWorkspace` with `publicNetworkAccess: "Disabled"` (the default) plus a `WorkspaceNetwork`.',
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/machine-learning/how-to-integrate-azure-policy",
  tags: ["workspace", "public-access", "azure-policy-builtin"],
  check: (view, config) => {
    // A project takes its hub's public access setting; the hub is the one checked.
    if (view.kind !== "workspace" || kindHas(str(view.inputs, "kind"), "ownNetwork") === false) return [];
    const access = str(view.inputs, "publicNetworkAccess");
    if (isUnknown(access) || access?.toLowerCase() === "disabled") return [];
    if (config.allowSelectedIps && hasIpRules(view.inputs)) return [];
    return [
      message({
        subject: `ML workspace '${view.name}'`,
        problem: `has publicNetworkAccess ${access ?? "omitted (Azure treats it as Enabled)"}`,
        quote: quotes.workspacePublicAccess,
        fix: `set ${describeSetting(view.type, "publicNetworkAccess", "Disabled")} and reach the workspace through private endpoints`,
      }),
    ];
  },
  remediate: (view, props) => {
    const written = writeSetting(view, props, "publicNetworkAccess", "Disabled");
    // The IP rules go too (the classic workspace has none): online endpoints would keep honouring them.
    const inputs = written && writableInputs(view, props);
    delete inputs?.networkAcls;
    delete inputs?.ipAllowlist;
    return written;
  },
};
