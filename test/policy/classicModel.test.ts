/**
 * Classic `@pulumi/azure` resources the engine-faithful programs do not declare (datastores, attached AKS,
 * outbound rules), read through the same model as azure-native ones.
 */
import { expect } from "chai";
import { buildModel } from "../../policy/model/buildModel";
import { viewOf } from "../../policy/model/resourceView";
import { computeRegion } from "../../policy/rules/computeRegion";
import { dependencyEndpointsPerVnet } from "../../policy/rules/dependencyEndpointsPerVnet";
import type { StackResource } from "../../policy/model/stackResource";
import { messagesOf } from "./check";

const sub = "/subscriptions/00000000-0000-0000-0000-000000000000";
const rgId = `${sub}/resourceGroups/rg-ml`;
const wsId = `${rgId}/providers/Microsoft.MachineLearningServices/workspaces/mlw`;
const stId = (name: string) => `${rgId}/providers/Microsoft.Storage/storageAccounts/${name}`;
const vnetId = `${rgId}/providers/Microsoft.Network/virtualNetworks/vnet`;

/** A classic resource after update (ids known, no property dependencies). */
function classic(token: string, name: string, props: Record<string, unknown>): StackResource {
  return { type: `azure:${token}`, name, urn: `urn:pulumi:s::p::azure:${token}::${name}`, props };
}

const endpoint = (name: string, target: string, groupId: string) =>
  classic("privatelink/endpoint:Endpoint", name, {
    name,
    resourceGroupName: "rg-ml",
    location: "westeurope",
    id: `${rgId}/providers/Microsoft.Network/privateEndpoints/${name}`,
    subnetId: `${vnetId}/subnets/pe`,
    privateServiceConnection: {
      name,
      isManualConnection: false,
      privateConnectionResourceId: target,
      subresourceNames: [groupId],
    },
  });

const account = (name: string) =>
  classic("storage/account:Account", name, {
    name,
    id: stId(name),
    resourceGroupName: "rg-ml",
    accountTier: "Standard",
    accountReplicationType: "LRS",
    publicNetworkAccessEnabled: false,
  });

const workspace = classic("machinelearning/workspace:Workspace", "mlw", {
  name: "mlw",
  id: wsId,
  resourceGroupName: "rg-ml",
  location: "westeurope",
  storageAccountId: stId("stml"),
  publicNetworkAccessEnabled: false,
});

describe("policy model: classic provider resources", () => {
  it("a blob datastore names its account through the container id; the VNet lacks that account's blob endpoint", () => {
    const resources = [
      workspace,
      account("stml"),
      account("stdata"),
      endpoint("pe-ws", wsId, "amlworkspace"),
      endpoint("pe-blob", stId("stml"), "blob"),
      endpoint("pe-file", stId("stml"), "file"),
      classic("machinelearning/datastoreBlobstorage:DatastoreBlobstorage", "data", {
        name: "data",
        workspaceId: wsId,
        storageContainerId: `${stId("stdata")}/blobServices/default/containers/raw`,
      }),
    ];
    const model = buildModel(resources);
    expect(model.datastores.map((d) => [d.datastoreType, d.workspace, d.storageAccount])).to.deep.equal([
      ["AzureBlob", workspace.urn, resources[2].urn],
    ]);
    // stdata is private (public access off) but has no endpoint: nothing of it in the workspace's VNet.
    expect(messagesOf(resources, dependencyEndpointsPerVnet)).to.have.length(1);
  });

  it("an inference cluster attaches an AKS cluster: its region is the cluster's", () => {
    const aksId = `${rgId}/providers/Microsoft.ContainerService/managedClusters/aks`;
    const resources = [
      workspace,
      endpoint("pe-ws", wsId, "amlworkspace"),
      classic("containerservice/kubernetesCluster:KubernetesCluster", "aks", {
        name: "aks",
        id: aksId,
        resourceGroupName: "rg-ml",
        location: "northeurope",
        defaultNodePool: { name: "system", vnetSubnetId: `${vnetId}/subnets/aks` },
      }),
      classic("machinelearning/inferenceCluster:InferenceCluster", "attach", {
        name: "attach",
        machineLearningWorkspaceId: wsId,
        kubernetesClusterId: aksId,
        location: "westeurope",
      }),
    ];
    expect(messagesOf(resources, computeRegion)).to.have.length(1);
    expect(buildModel(resources).computes[0].vnet).to.equal(
      "arm:microsoft.network/virtualnetworks|rg-ml|vnet",
    );
  });

  it("outbound rules read in azure-native's ManagedNetworkSettingsRule shape, under their workspace", () => {
    const view = viewOf(
      classic(
        "machinelearning/workspaceNetworkOutboundRulePrivateEndpoint:WorkspaceNetworkOutboundRulePrivateEndpoint",
        "to-data",
        { name: "to-data", workspaceId: wsId, serviceResourceId: stId("stdata"), subResourceTarget: "blob" },
      ),
    );
    expect([view?.kind, view?.resourceGroup, view?.armNames, view?.inputs]).to.deep.equal([
      "outboundRule",
      "rg-ml",
      ["mlw", "to-data"],
      {
        workspaceName: "mlw",
        resourceGroupName: "rg-ml",
        ruleName: "to-data",
        properties: {
          type: "PrivateEndpoint",
          destination: { serviceResourceId: stId("stdata"), subresourceTarget: "blob" },
        },
      },
    ]);
  });
});
