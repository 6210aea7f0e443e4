/**
 * Resources the model cannot read next to ones it can: a classic token it has no table for (Synapse Spark
 * attached to a workspace), a generic azure-native resource of an ML type it does not know (an ML
 * registry), a resource of a provider it does not know at all that states its ARM type (AzAPI-style),
 * and, not governed, a network security group.
 */
import * as core from "@pulumi/azure/core";
import * as ml from "@pulumi/azure/machinelearning";
import * as network from "@pulumi/azure/network";
import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";
import { existingIds } from "./existingIds";
import { location } from "./workspaceWithDependencies";

/** A resource of a provider the pack has never heard of, declaring the ARM type and API version it deploys. */
class AzapiResource extends pulumi.CustomResource {
  constructor(name: string, props: Record<string, pulumi.Input<unknown>>) {
    super("azapi:index/resource:Resource", name, props);
  }
}

export function unreadResources(): () => void {
  return () => {
    const rg = new core.ResourceGroup("spark-rg", { name: "rg-spark", location });
    new ml.SynapseSpark("spark", {
      name: "spark",
      machineLearningWorkspaceId: existingIds.workspace,
      location,
      synapseSparkPoolId: `${existingIds.workspace.split("/providers/")[0]}/providers/Microsoft.Synapse/workspaces/syn/bigDataPools/pool`,
    });
    new azure.resources.Resource("ml-registry", {
      resourceGroupName: "rg-ml",
      resourceProviderNamespace: "Microsoft.MachineLearningServices",
      parentResourcePath: "",
      resourceType: "registries",
      resourceName: "mlreg",
      apiVersion: "2024-10-01",
      location,
      properties: { publicNetworkAccess: "Enabled" },
    });
    new AzapiResource("pe-by-azapi", {
      type: "Microsoft.Network/privateEndpoints@2024-05-01",
      name: "pe-azapi",
      parentId: rg.id,
      body: { properties: { subnet: { id: existingIds.subnet("services") } } },
    });
    new network.NetworkSecurityGroup("nsg", { name: "nsg-spark", resourceGroupName: rg.name, location });
  };
}
