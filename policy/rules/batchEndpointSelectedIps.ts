/** Rule 2: a batch endpoint in a workspace limited to selected IP addresses (not supported). */
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { StackRule } from "../pack/rule";
import { workspaceOf } from "../model/queries";
import { accessMode, AccessModes } from "../model/workspaceAccess";
import { quotes } from "./quotes";

export const batchEndpointSelectedIps: StackRule<object> = {
  name: "batch-endpoint-in-selected-ip-workspace",
  description:
    "Batch endpoints do not support a workspace whose public access is limited to selected IP addresses.",
  enforcementLevel: "mandatory",
  configSchema: { properties: {} },
  defaults: {},
  severity: "medium",
  framework: benchmark("NS-2"),
  remediationSteps: [
    "Batch endpoints have no public access flag and do not work with selected IPs: call them through private endpoints in a workspace whose public access is Disabled.",
    "",
    '- azure-native: set the workspace\'s `publicNetworkAccess` to `"Disabled"` and remove its `networkAcls.ipRules` (or host the `machinelearningservices.BatchEndpoint` in another workspace).',
    '- Components: `SecuredWorkspace` with `publicNetworkAccess: "Disabled"` (no `allowedIpRanges`), reached through a `WorkspaceNetwork` set in the callers\' VNet.',
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/machine-learning/how-to-configure-private-link",
  tags: ["batch-endpoint", "selected-ips"],
  check: (model) =>
    model.batchEndpoints.flatMap((endpoint) => {
      const workspace = workspaceOf(model, endpoint.workspace);
      if (!workspace || accessMode(workspace) !== AccessModes.selectedIps) return [];
      return [
        {
          urn: endpoint.urn,
          message: message({
            subject: endpoint.label,
            problem: `is in ${workspace.label}, whose public access is limited to selected IP addresses`,
            quote: quotes.batchEndpointSelectedIps,
            fix: "call batch endpoints through the workspace's private endpoints and set the workspace's publicNetworkAccess to Disabled (removing its IP rules), or host them in a workspace without selected IPs",
          }),
        },
      ];
    }),
};
