/** Rule 9 (VNet): a compute in a VNet must be in a VNet that holds one of its workspace's private endpoints. */
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { StackRule } from "../pack/rule";
import { endpointsOf, usesManagedNetwork, workspaceOf } from "../model/queries";
import { quotes } from "./quotes";

export const computeVnet: StackRule<object> = {
  name: "compute-in-endpoint-vnet",
  description: "A compute placed in a VNet must be in a VNet that holds a private endpoint of its workspace.",
  enforcementLevel: "mandatory",
  configSchema: { properties: {} },
  defaults: {},
  severity: "medium",
  framework: benchmark("NS-2"),
  remediationSteps: [
    "Place the compute in a VNet that holds one of the workspace's private endpoints (with the dependency endpoints).",
    "",
    "- azure-native: set the compute's `properties.properties.subnet.id` to a subnet of such a VNet.",
    "- Components: `PrivateCompute` with `subnetId: network.servicesSubnetId` (a `WorkspaceNetwork` output).",
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/machine-learning/how-to-configure-private-link",
  tags: ["compute", "vnet"],
  check: (model) =>
    model.computes.flatMap((compute) => {
      const workspace = workspaceOf(model, compute.workspace);
      const vnet = compute.vnet;
      // With a managed network computes run in the managed VNet; a subnet of their own is another rule's finding.
      if (!workspace || usesManagedNetwork(workspace) !== false || typeof vnet !== "string") return [];
      const endpoints = endpointsOf(model, workspace.key);
      if (endpoints.length === 0 || endpoints.some((e) => typeof e.vnet !== "string")) return [];
      if (endpoints.some((e) => e.vnet === vnet)) return [];
      return [
        {
          urn: compute.urn,
          message: message({
            subject: compute.label,
            problem: `is in ${model.label(vnet)}, which holds no private endpoint of ${workspace.label}`,
            quote: quotes.computeVnet,
            fix: "put the compute in the VNet of one of the workspace's endpoints, or add a workspace endpoint (with dependency endpoints) to this VNet",
          }),
        },
      ];
    }),
};
