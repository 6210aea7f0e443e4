/** Managed network (2): Kubernetes (AKS or Arc) and attached VMs in a managed-network workspace. */
import { message } from "../pack/message";
import type { StackRule } from "../pack/rule";
import { managedNetworkComputes } from "../model/queries";
import { managedNetworkDocs, managedNetworkRuleBase } from "./managedNetworkMetadata";
import { quotes } from "./quotes";

/** Compute types (lower case) a managed network does not support, named for messages. */
const unsupported: ReadonlyMap<string, string> = new Map([
  ["aks", "an attached AKS cluster"],
  ["kubernetes", "an attached Kubernetes cluster"],
  ["virtualmachine", "an attached VM"],
]);

export const managedNetworkUnsupportedCompute: StackRule<object> = {
  name: "managed-network-unsupported-compute",
  description: "A workspace with a managed network cannot use Kubernetes (AKS, Arc) or attached VM computes.",
  enforcementLevel: "mandatory",
  ...managedNetworkRuleBase,
  severity: "high",
  remediationSteps: [
    "Use managed computes (compute clusters, compute instances, serverless compute, managed online endpoints) in a managed-network workspace.",
    "- azure-native: replace the `Compute` of type `AKS`, `Kubernetes` or `VirtualMachine` by one of type `AmlCompute` or `ComputeInstance` without a subnet.",
    "- Components: use `PrivateCompute`; `AttachedAksCompute` needs a workspace whose `managedNetwork.isolationMode` is `Disabled` (customer VNet).",
  ].join("\n"),
  url: managedNetworkDocs.howTo,
  check: (model) =>
    managedNetworkComputes(model).flatMap(({ compute, workspace, computeType: type }) => {
      const what = unsupported.get(type.toLowerCase());
      if (!what) return [];
      return [
        {
          urn: compute.urn,
          message: message({
            subject: compute.label,
            problem: `is ${what} (${type}), but ${workspace.label} has a managed network (${String(workspace.managedNetworkMode)})`,
            quote: quotes.managedNetworkUnsupportedCompute,
            fix: "use a compute cluster or instance in the managed VNet, or keep this compute in a workspace without a managed network",
          }),
        },
      ];
    }),
};
