/**
 * How a workspace is reachable from the internet. `publicNetworkAccess` wins over the SDK v1 flag
 * `allowPublicAccessWhenBehindVnet`; ARM defaults an omitted value to Enabled. "Selected IPs" is Enabled
 * plus IP rules with the default action Deny (or the older `ipAllowlist`).
 */
import type { Workspace } from "./types";
import { isUnknown, unknown, type Unknown } from "./values";

export const AccessModes = {
  disabled: "disabled",
  selectedIps: "selectedIps",
  allNetworks: "allNetworks",
} as const;
export type AccessMode = (typeof AccessModes)[keyof typeof AccessModes];

export function accessMode(workspace: Workspace): AccessMode | Unknown {
  const declared = workspace.publicNetworkAccess;
  if (isUnknown(declared)) return unknown;
  if (declared === undefined) {
    const legacy = workspace.allowPublicAccessWhenBehindVnet;
    if (isUnknown(legacy)) return unknown;
    if (legacy === false) return AccessModes.disabled;
  } else if (declared.toLowerCase() === "disabled") {
    return AccessModes.disabled;
  }
  const rules = workspace.ipRules;
  if (isUnknown(rules)) return unknown;
  if (!rules || rules.length === 0) return AccessModes.allNetworks;
  if (workspace.ipRulesInput === "ipAllowlist") return AccessModes.selectedIps;
  const action = workspace.ipDefaultAction;
  if (isUnknown(action)) return unknown;
  return action?.toLowerCase() === "allow" ? AccessModes.allNetworks : AccessModes.selectedIps;
}
