/**
 * Azure Policy's "ML Computes should be in a virtual network" (7804b5c7): a compute cluster or instance
 * names a subnet. Stricter than the built-in where it is wrong: a compute of a workspace whose managed
 * network is on runs in the Microsoft-managed VNet and has no subnet by design, so it is not flagged; a
 * compute whose workspace is outside the stack (its network unseen) or unknown at preview is left out, and
 * so is one of a hub or its projects, which support no customer VNet.
 */
import { builtInQuote, builtInTags } from "../azure/builtins";
import { benchmark } from "../pack/benchmark";
import { usesManagedNetwork, workspaceOf } from "../model/queries";
import { kindHas } from "../model/workspaceKinds";
import { message } from "../pack/message";
import type { StackRule } from "../pack/rule";

const builtInId = "7804b5c7-01dc-4723-969b-ae300cc07ff1";
const computeTypesInVnet = new Set(["amlcompute", "computeinstance"]);

export const computeInVirtualNetwork: StackRule<object> = {
  name: "compute-in-virtual-network",
  description:
    "An ML compute cluster or instance should be in a subnet of a virtual network, unless its workspace's managed network runs it.",
  enforcementLevel: "advisory",
  configSchema: { properties: {} },
  defaults: {},
  severity: "medium",
  framework: benchmark("NS-2"),
  remediationSteps:
    "Set `properties.properties.subnet.id` on the `azure-native:machinelearningservices:Compute` (AmlCompute or ComputeInstance) to a subnet of a VNet holding a workspace private endpoint, or turn on the workspace's managed network (`managedNetwork.isolationMode`). `PrivateCompute` takes `subnetId` and places the compute there.",
  url: "https://learn.microsoft.com/azure/machine-learning/how-to-secure-training-vnet",
  tags: ["network-isolation", ...builtInTags(builtInId)],
  check: (model) =>
    model.computes.flatMap((compute) => {
      const type = compute.computeType;
      if (typeof type !== "string" || !computeTypesInVnet.has(type.toLowerCase())) return [];
      if (compute.subnet !== undefined) return [];
      const workspace = workspaceOf(model, compute.workspace);
      if (!workspace || usesManagedNetwork(workspace) !== false) return [];
      // A hub (and its projects) cannot put computes in a customer VNet.
      if (kindHas(workspace.workspaceKind, "customerVnet") !== true) return [];
      return [
        {
          urn: compute.urn,
          message: message({
            subject: compute.label,
            problem: `(${type}) names no subnet, and ${workspace.label} has no managed network to run it in`,
            quote: builtInQuote(builtInId),
            fix: "set properties.properties.subnet.id to a subnet of a VNet holding a workspace private endpoint, or turn on the workspace's managed network",
          }),
        },
      ];
    }),
};
