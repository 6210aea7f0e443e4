/**
 * Rule 9 (VNet): a compute in a VNet must be in a VNet that holds one of its workspace's private endpoints.
 * A compute cluster may instead use a VNet peered (both ways) with a workspace endpoint's VNet, when its VNet
 * resolves the workspace's api and notebooks names to an endpoint it reaches (how-to-secure-training-vnet,
 * "Scenario: VNet peering") and its storage, key vault and registry too; a compute instance, or any other
 * compute type, may not. A VNet connected to no
 * workspace endpoint's VNet gets the finding it always had.
 */
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { StackRule, Violation } from "../pack/rule";
import { GroupIds } from "../azure/clouds";
import { endpointsOf, usesManagedNetwork, workspaceOf } from "../model/queries";
import { describePath } from "../model/resolution";
import { cloudOfLocation, resolveGroupId, unreachedDependencies } from "../model/resolutionQueries";
import type { Compute, Key, StackModel, Workspace } from "../model/types";
import { quotes } from "./quotes";

/** The compute type the peering scenario documents. */
const peerableComputeType = "amlcompute";

function check(model: StackModel, compute: Compute, workspace: Workspace, vnet: Key): Violation[] {
  const endpoints = endpointsOf(model, workspace.key);
  if (endpoints.length === 0 || endpoints.some((e) => typeof e.vnet !== "string")) return [];
  if (endpoints.some((e) => e.vnet === vnet)) return [];
  const peered = [...new Set(endpoints.map((e) => e.vnet as Key))].filter(
    (v) => model.network.connected(vnet, v).verdict !== "broken",
  );
  if (peered.length === 0)
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
  const peeredLabels = peered.map((v) => model.label(v)).join(", ");
  const type = typeof compute.computeType === "string" ? compute.computeType : "compute";
  if (type.toLowerCase() !== peerableComputeType)
    return [
      {
        urn: compute.urn,
        message: message({
          subject: compute.label,
          problem: `(${type}) is in ${model.label(vnet)}, which holds no private endpoint of ${workspace.label}; only a compute cluster may use a VNet peered with the workspace endpoint's ${peeredLabels}`,
          quote: quotes.computeClusterPeering,
          fix: "put the compute in the VNet of one of the workspace's endpoints, or add a workspace endpoint (with dependency endpoints) to this VNet",
        }),
      },
    ];
  const answer = resolveGroupId(
    model,
    vnet,
    workspace.key,
    GroupIds.amlworkspace,
    cloudOfLocation(workspace.location),
  );
  if (!answer || answer.verdict !== "broken") return dependenciesUnreached(model, compute, workspace, vnet);
  return [
    {
      urn: compute.urn,
      message: message({
        subject: compute.label,
        problem: `is in ${model.label(vnet)}, peered with the workspace endpoint's ${peeredLabels}, but the workspace's names do not resolve there to an endpoint it reaches: ${describePath(answer)}`,
        quote: quotes.computeClusterPeering,
        fix: "link the privatelink.api.azureml.ms and privatelink.notebooks.azure.net zones holding the workspace's records to the VNet that answers this VNet's DNS queries",
      }),
    },
  ];
}

/** A peered cluster's VNet must reach the workspace's storage, key vault and registry too. */
function dependenciesUnreached(
  model: StackModel,
  compute: Compute,
  workspace: Workspace,
  vnet: Key,
): Violation[] {
  const unreached = unreachedDependencies(model, vnet, workspace);
  if (unreached.length === 0) return [];
  const names = unreached.map((u) => `${u.groupId} (${model.label(u.key)})`).join(", ");
  return [
    {
      urn: compute.urn,
      message: message({
        subject: compute.label,
        problem: `is in ${model.label(vnet)}, which resolves the workspace but not ${names} to an endpoint it reaches: ${[...new Set(unreached.map((u) => describePath(u.answer)))].join(" | ")}`,
        quote: quotes.computeClusterDependencies,
        fix: "link the zones holding the dependencies' records (blob, file, vault, registry) to the VNet that answers this VNet's DNS queries, and peer it with the VNet holding their endpoints",
      }),
    },
  ];
}

export const computeVnet: StackRule<object> = {
  name: "compute-in-endpoint-vnet",
  description:
    "A compute placed in a VNet must be in a VNet that holds a private endpoint of its workspace; a compute cluster may use a VNet peered with one that resolves the workspace's names.",
  enforcementLevel: "mandatory",
  configSchema: { properties: {} },
  defaults: {},
  severity: "medium",
  framework: benchmark("NS-2"),
  remediationSteps: [
    "Place the compute in a VNet that holds one of the workspace's private endpoints (with the dependency endpoints); a compute cluster may instead use a VNet peered both ways with it, linked to the api and notebooks zones (how-to-secure-training-vnet).",
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
      return check(model, compute, workspace, vnet);
    }),
};
