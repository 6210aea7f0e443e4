/**
 * Rule 9 (region): computes of a workspace with private endpoints, or with a managed network, must be in the
 * workspace's region.
 */
import { normalizeLocation } from "../azure/locations";
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { StackRule } from "../pack/rule";
import { endpointsOf, usesManagedNetwork, workspaceOf } from "../model/queries";
import { quotes } from "./quotes";

export const computeRegion: StackRule<object> = {
  name: "compute-in-workspace-region",
  description:
    "Compute instances, clusters and attached AKS clusters of a workspace with private endpoints or a managed network must be in the workspace's region.",
  enforcementLevel: "mandatory",
  configSchema: { properties: {} },
  defaults: {},
  severity: "medium",
  framework: benchmark("NS-2"),
  remediationSteps: [
    "Create computes and attached AKS clusters in the workspace's region.",
    "",
    "- azure-native: set `location` of the `machinelearningservices.Compute` (and the `containerservice.ManagedCluster`) to the workspace's.",
    "- Components: `PrivateCompute` and `AttachedAksCompute` default to the workspace's region and reject another one.",
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/machine-learning/how-to-configure-private-link",
  tags: ["compute", "region"],
  check: (model) =>
    model.computes.flatMap((compute) => {
      const workspace = workspaceOf(model, compute.workspace);
      if (!workspace) return [];
      const managed = usesManagedNetwork(workspace) === true;
      if (!managed && endpointsOf(model, workspace.key).length === 0) return [];
      const [where, home] = [compute.location, workspace.location];
      if (typeof where !== "string" || typeof home !== "string") return [];
      if (normalizeLocation(where) === normalizeLocation(home)) return [];
      return [
        {
          urn: compute.urn,
          message: message({
            subject: compute.label,
            problem: `(${typeof compute.computeType === "string" ? compute.computeType : "compute"}) runs in ${where}, but ${workspace.label} uses ${managed ? "a managed network" : "private endpoints"} and is in ${home}`,
            quote: managed ? quotes.managedNetworkComputeRegion : quotes.computeRegion,
            fix: `create the compute (or the attached AKS cluster) in ${home}`,
          }),
        },
      ];
    }),
};
