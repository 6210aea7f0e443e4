/**
 * The workspace's public network access modes and the ARM body fragment each one sends. The fragment always
 * carries `networkAcls`, so switching modes only changes property values of the same resource (an in-place
 * update) and switching away from selected IPs clears the old list: online endpoints keep honouring a stale
 * list otherwise (azure-facts §3).
 */
import { distinctIpRules } from "../../policy/azure/ipRules";
import { shown, type ArgProblem } from "../validation/argProblem";
import { ipRangeProblems } from "../validation/ipRanges";

/** Who may reach the workspace over the public internet. */
export const PublicNetworkAccess = {
  /** Only through private endpoints (the default). */
  Disabled: "Disabled",
  /** From any public address, as well as through private endpoints. */
  Enabled: "Enabled",
  /** From the ranges in `allowedIpRanges` only, as well as through private endpoints. */
  EnabledFromSelectedIps: "EnabledFromSelectedIps",
} as const;
export type PublicNetworkAccess = (typeof PublicNetworkAccess)[keyof typeof PublicNetworkAccess];

/** The preview schema's `networkAcls` (NetworkAcls / IPRule of Microsoft.MachineLearningServices/workspaces). */
export interface WorkspaceNetworkAcls {
  defaultAction: "Allow" | "Deny";
  ipRules: { value: string }[];
}

/** The part of the workspace's ARM `properties` a mode decides. */
export interface WorkspaceNetworkBody {
  publicNetworkAccess: "Enabled" | "Disabled";
  networkAcls: WorkspaceNetworkAcls;
}

interface ModeFacts {
  armPublicNetworkAccess: WorkspaceNetworkBody["publicNetworkAccess"];
  defaultAction: WorkspaceNetworkAcls["defaultAction"];
  takesIpRanges: boolean;
}

const modes: Record<PublicNetworkAccess, ModeFacts> = {
  Disabled: { armPublicNetworkAccess: "Disabled", defaultAction: "Deny", takesIpRanges: false },
  Enabled: { armPublicNetworkAccess: "Enabled", defaultAction: "Allow", takesIpRanges: false },
  EnabledFromSelectedIps: { armPublicNetworkAccess: "Enabled", defaultAction: "Deny", takesIpRanges: true },
};

export function isPublicNetworkAccess(value: string): value is PublicNetworkAccess {
  return Object.prototype.hasOwnProperty.call(modes, value);
}

/** The body fragment for a valid mode and range list (ranges de-duplicated, in first-seen order). */
export function workspaceNetworkBody(
  mode: PublicNetworkAccess,
  ipRanges: readonly string[],
): WorkspaceNetworkBody {
  const facts = modes[mode];
  return {
    publicNetworkAccess: facts.armPublicNetworkAccess,
    networkAcls: {
      defaultAction: facts.defaultAction,
      ipRules: facts.takesIpRanges ? distinctIpRules(ipRanges).map((value) => ({ value })) : [],
    },
  };
}

/** Problems of the mode and its IP ranges together. */
export function publicAccessProblems(mode: string, ipRanges: readonly string[]): ArgProblem[] {
  if (!isPublicNetworkAccess(mode)) {
    return [
      {
        propertyPath: "publicNetworkAccess",
        reason: `${shown(mode)} is not a public access mode; use one of ${Object.keys(modes).join(", ")}`,
      },
    ];
  }
  if (!modes[mode].takesIpRanges && ipRanges.length > 0) {
    return [
      {
        propertyPath: "allowedIpRanges",
        reason:
          `${shown(ipRanges)} is given but publicNetworkAccess is "${mode}", which ignores IP ranges; ` +
          `set publicNetworkAccess to "EnabledFromSelectedIps" or remove allowedIpRanges`,
      },
    ];
  }
  if (modes[mode].takesIpRanges && ipRanges.length === 0) {
    return [
      {
        propertyPath: "allowedIpRanges",
        reason:
          `[] is empty but publicNetworkAccess is "EnabledFromSelectedIps"; list at least one public IPv4 ` +
          `address or CIDR range, or set publicNetworkAccess to "Disabled"`,
      },
    ];
  }
  return ipRangeProblems("allowedIpRanges", ipRanges);
}
