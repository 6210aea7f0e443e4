/**
 * Rule 10 (image builds): with private dependencies, ACR tasks cannot build images; name a build cluster.
 * Not on a hub (nor its projects): hubs support no compute clusters, so the fix would be refused.
 */
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { StackRule } from "../pack/rule";
import { dependenciesOf, isPrivateService } from "../model/queries";
import { kindHas } from "../model/workspaceKinds";
import { quotes } from "./quotes";

export const imageBuildCompute: StackRule<object> = {
  name: "image-build-compute-with-private-dependencies",
  description:
    "A workspace whose storage account, key vault or registry is private must set imageBuildCompute.",
  enforcementLevel: "mandatory",
  configSchema: { properties: {} },
  defaults: {},
  severity: "medium",
  framework: benchmark("NS-2"),
  remediationSteps: [
    "Name a compute cluster that builds images: ACR tasks cannot reach private dependencies.",
    "",
    "- azure-native: set `imageBuildCompute` on the workspace to a cluster's name and create that `machinelearningservices.Compute` in the services subnet.",
    '- Components: `SecuredWorkspace` requires `imageBuildCompute`; create the cluster with `PrivateCompute` (`kind: "Cluster"`).',
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/machine-learning/how-to-secure-workspace-vnet",
  tags: ["workspace", "container-registry", "compute"],
  check: (model) =>
    model.workspaces.flatMap((workspace) => {
      if (workspace.imageBuildCompute !== undefined) return [];
      if (kindHas(workspace.workspaceKind, "computeClusters") !== true) return [];
      const privateDeps = dependenciesOf(workspace).filter((d) => isPrivateService(model, d.key));
      if (privateDeps.length === 0) return [];
      return [
        {
          urn: workspace.urn,
          message: message({
            subject: workspace.label,
            problem: `has private dependencies (${privateDeps.map((d) => model.label(d.key)).join(", ")}) but no imageBuildCompute`,
            quote: quotes.imageBuildCompute,
            fix: "set imageBuildCompute to the name of a compute cluster in the workspace",
          }),
        },
      ];
    }),
};
