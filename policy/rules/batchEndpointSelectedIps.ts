/** Rule 2: a batch endpoint in a workspace limited to selected IP addresses (not supported). */
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
