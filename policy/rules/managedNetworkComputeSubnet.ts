/** Managed network (1): a compute cluster or instance given a subnet in a managed-network workspace. */
import { message } from "../pack/message";
import type { StackRule } from "../pack/rule";
import { managedNetworkComputes } from "../model/queries";
import { isUnknown } from "../model/values";
import { managedNetworkDocs, managedNetworkRuleBase } from "./managedNetworkMetadata";
import { quotes } from "./quotes";

/** The compute types Azure runs in the managed VNet (the others are attached, see the unsupported rule). */
const managedComputeTypes = new Set(["amlcompute", "computeinstance"]);

export const managedNetworkComputeSubnet: StackRule<object> = {
  name: "managed-network-compute-subnet",
  description:
    "A compute cluster or instance of a workspace with a managed network must not be placed in a subnet of your own: it runs in the managed VNet.",
  enforcementLevel: "mandatory",
  ...managedNetworkRuleBase,
  severity: "high",
  remediationSteps: [
    "Leave the subnet out: the compute runs in the workspace's managed VNet and reaches the dependencies through its outbound rules.",
    "- azure-native: remove `properties.properties.subnet` from the `Compute` and keep `enableNodePublicIp: false`.",
    "- `PrivateCompute`: give no `subnetId` when its workspace has a managed network.",
    "To keep computes in your own VNet instead, set the workspace's `managedNetwork.isolationMode` to `Disabled` (only possible before the managed network is first enabled).",
  ].join("\n"),
  url: managedNetworkDocs.howTo,
  check: (model) =>
    managedNetworkComputes(model).flatMap(({ compute, workspace, computeType: type }) => {
      if (!managedComputeTypes.has(type.toLowerCase()) || compute.subnet === undefined) return [];
      const subnet = isUnknown(compute.subnet) ? "a subnet" : model.label(compute.subnet);
      return [
        {
          urn: compute.urn,
          message: message({
            subject: compute.label,
            problem: `(${type}) is placed in ${subnet}, but ${workspace.label} has a managed network (${String(workspace.managedNetworkMode)})`,
            quote: quotes.managedNetworkCustomVnet,
            fix: "remove the compute's subnet so it runs in the managed VNet",
          }),
        },
      ];
    }),
};
