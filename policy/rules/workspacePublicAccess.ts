/**
 * Rule 12 (workspace): public network access should be Disabled (Azure Policy's built-in). Remediation sets
 * it to Disabled and drops the IP rules, which online endpoints would otherwise keep honouring.
 */
import { message } from "../pack/message";
import type { ResourceRule } from "../pack/rule";
import { isClassicToken } from "../model/classicShapes";
import { genericResourceToken } from "../model/kinds";
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
  configSchema: { properties: { allowSelectedIps: { type: "boolean", default: false } } },
  defaults: { allowSelectedIps: false },
  check: (view, config) => {
    if (view.kind !== "workspace") return [];
    const access = str(view.inputs, "publicNetworkAccess");
    if (isUnknown(access) || access?.toLowerCase() === "disabled") return [];
    if (config.allowSelectedIps && hasIpRules(view.inputs)) return [];
    return [
      message({
        subject: `ML workspace '${view.name}'`,
        problem: `has publicNetworkAccess ${access ?? "omitted (Azure treats it as Enabled)"}`,
        quote: quotes.workspacePublicAccess,
        fix: `set publicNetworkAccess to "Disabled" and reach the workspace through private endpoints`,
      }),
    ];
  },
  remediate: (view, props) => {
    // The classic provider's flag; its workspace has no IP rules.
    if (isClassicToken(view.type)) {
      props.publicNetworkAccessEnabled = false;
      return props;
    }
    // A generic resource carries the workspace's inputs in its ARM `properties` bag.
    const target = genericResourceToken.test(view.type) ? props.properties : props;
    if (!target || typeof target !== "object") return undefined;
    const inputs = target as Record<string, unknown>;
    inputs.publicNetworkAccess = "Disabled";
    delete inputs.networkAcls;
    delete inputs.ipAllowlist;
    return props;
  },
};
