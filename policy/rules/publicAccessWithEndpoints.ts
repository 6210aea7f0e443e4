/**
 * Rule 5: a workspace open to all networks while it has private endpoints, and the SDK v1 flag
 * `allowPublicAccessWhenBehindVnet` set alongside `publicNetworkAccess` (each overrides the other).
 */
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { StackRule, Violation } from "../pack/rule";
import { endpointsOf } from "../model/queries";
import { accessMode, AccessModes } from "../model/workspaceAccess";
import type { StackModel, Workspace } from "../model/types";
import { quotes } from "./quotes";

function openWithEndpoints(model: StackModel, workspace: Workspace): Violation[] {
  const endpoints = endpointsOf(model, workspace.key);
  if (endpoints.length === 0 || accessMode(workspace) !== AccessModes.allNetworks) return [];
  return [
    {
      urn: workspace.urn,
      message: message({
        subject: workspace.label,
        problem: `is open to all networks (publicNetworkAccess ${typeof workspace.publicNetworkAccess === "string" ? workspace.publicNetworkAccess : "omitted, which Azure treats as Enabled"}) although it has ${endpoints.length} private endpoint(s)`,
        quote: quotes.publicAccessWithEndpoints,
        fix: `set publicNetworkAccess to "Disabled", or limit it to selected IP addresses with networkAcls`,
      }),
    },
  ];
}

function legacyFlagAlongside(workspace: Workspace): Violation[] {
  if (
    typeof workspace.publicNetworkAccess !== "string" ||
    typeof workspace.allowPublicAccessWhenBehindVnet !== "boolean"
  ) {
    return [];
  }
  return [
    {
      urn: workspace.urn,
      message: message({
        subject: workspace.label,
        problem: `sets both publicNetworkAccess (${workspace.publicNetworkAccess}) and allowPublicAccessWhenBehindVnet (${workspace.allowPublicAccessWhenBehindVnet})`,
        quote: quotes.legacyPublicAccessFlag,
        fix: "remove allowPublicAccessWhenBehindVnet and keep publicNetworkAccess",
      }),
    },
  ];
}

export const publicAccessWithEndpoints: StackRule<object> = {
  name: "workspace-public-access-with-private-endpoints",
  description:
    "A workspace with private endpoints should not be open to all networks, and should not set allowPublicAccessWhenBehindVnet alongside publicNetworkAccess.",
  enforcementLevel: "advisory",
  configSchema: { properties: {} },
  defaults: {},
  severity: "high",
  framework: benchmark("NS-2"),
  remediationSteps: [
    "A workspace with private endpoints should not stay open to all networks, and should not set the SDK v1 flag alongside `publicNetworkAccess`.",
    "",
    '- azure-native: set `publicNetworkAccess: "Disabled"` on the workspace (or limit it with `networkAcls`) and remove `allowPublicAccessWhenBehindVnet`.',
    '- Components: `SecuredWorkspace` with `publicNetworkAccess: "Disabled"` (default) or `"EnabledFromSelectedIps"` with `allowedIpRanges`.',
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/machine-learning/how-to-configure-private-link",
  tags: ["workspace", "public-access", "private-endpoint"],
  check: (model) =>
    model.workspaces.flatMap((w) => [...openWithEndpoints(model, w), ...legacyFlagAlongside(w)]),
};
