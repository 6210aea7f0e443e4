/**
 * One program for the Azure Policy parity corrections, with raw azure-native v3 and classic `@pulumi/azure`
 * resources: computes of every type (e96a9a5f / a6f9a2d0 judge only ComputeInstance and AmlCompute), storage
 * accounts allowing anonymous blob access (one of them Azure Red Hat OpenShift's, which 4fa4b6c0 leaves out;
 * one classic, whose input is `allowNestedItemsToBePublic`), classic network interfaces with and without a
 * public IP, and two endpoints with zone groups, one through an automatic and one through a manual
 * connection (Azure Policy's private DNS built-ins count only the automatic ones). In the literal form,
 * references are literal names and ARM ids (no property dependencies).
 */
import * as azure from "@pulumi/azure-native";
import * as classicMl from "@pulumi/azure/machinelearning";
import * as classicNetwork from "@pulumi/azure/network";
import * as classicStorage from "@pulumi/azure/storage";
import type * as pulumi from "@pulumi/pulumi";
import { fakeSubscriptionId } from "../../../plan/fakeAzure";
import { location } from "./workspaceWithDependencies";

const rgName = "rg-corrections";
const rgId = (group: string) => `/subscriptions/${fakeSubscriptionId}/resourceGroups/${group}`;

/** Compute types Azure ML attaches rather than runs nodes for: outside the two built-ins. */
export const attachedComputeTypes = ["AKS", "Kubernetes", "VirtualMachine", "Databricks", "SynapseSpark"];

export function parityCorrections(args: { literal: boolean }): () => void {
  return () => {
    const pick = <T>(output: pulumi.Input<T>, literal: T): pulumi.Input<T> =>
      args.literal ? literal : output;
    const rg = new azure.resources.ResourceGroup("corrections-rg", { resourceGroupName: rgName });
    const resourceGroupName = pick(rg.name, rgName);
    const aroRg = new azure.resources.ResourceGroup("aro-rg", { resourceGroupName: "aro-x7k2p" });

    const workspace = new azure.machinelearningservices.Workspace("mlw", {
      resourceGroupName,
      workspaceName: "mlw-corrections",
      location,
      identity: { type: "SystemAssigned" },
      publicNetworkAccess: "Disabled",
    });
    const workspaceName = pick(workspace.name, "mlw-corrections");
    const workspaceId = `${rgId(rgName)}/providers/Microsoft.MachineLearningServices/workspaces/mlw-corrections`;

    const compute = (name: string, properties: azure.machinelearningservices.ComputeArgs["properties"]) =>
      new azure.machinelearningservices.Compute(name, {
        resourceGroupName,
        workspaceName,
        computeName: name,
        location,
        properties,
      });
    for (const computeType of attachedComputeTypes)
      compute(`attached-${computeType.toLowerCase()}`, {
        computeType,
        resourceId: `${rgId(rgName)}/providers/Microsoft.Compute/virtualMachines/vm-${computeType.toLowerCase()}`,
      } as azure.machinelearningservices.ComputeArgs["properties"]);
    compute("cluster-localauth", {
      computeType: "AmlCompute",
      disableLocalAuth: false,
      properties: { vmSize: "Standard_DS3_v2", enableNodePublicIp: true },
    });
    // Declares SSH access: a6f9a2d0 has no exception for it.
    compute("instance-ssh", {
      computeType: "ComputeInstance",
      properties: {
        vmSize: "Standard_DS3_v2",
        enableNodePublicIp: false,
        idleTimeBeforeShutdown: "PT30M",
        sshSettings: { sshPublicAccess: "Enabled", adminPublicKey: "ssh-rsa AAAA" },
      },
    });

    const storage = (name: string, group: pulumi.Input<string>, allowBlobPublicAccess: boolean) =>
      new azure.storage.StorageAccount(name, {
        resourceGroupName: group,
        accountName: name,
        location,
        kind: "StorageV2",
        sku: { name: "Standard_LRS" },
        publicNetworkAccess: "Disabled",
        allowBlobPublicAccess,
      });
    // Azure Red Hat OpenShift's own registry storage: left out by 4fa4b6c0.
    storage("imageregistryx7k2p", pick(aroRg.name, "aro-x7k2p"), true);
    // The same name outside an aro- group is judged.
    storage("imageregistryplain", resourceGroupName, true);
    const target = storage("sttarget", resourceGroupName, false);
    const targetId = pick(target.id, `${rgId(rgName)}/providers/Microsoft.Storage/storageAccounts/sttarget`);

    const vnet = new azure.network.VirtualNetwork("corrections-vnet", {
      resourceGroupName,
      virtualNetworkName: "vnet-corrections",
      location,
      addressSpace: { addressPrefixes: ["10.40.0.0/24"] },
    });
    const subnet = new azure.network.Subnet("corrections-snet", {
      resourceGroupName,
      virtualNetworkName: pick(vnet.name, "vnet-corrections"),
      subnetName: "snet-pe",
      addressPrefix: "10.40.0.0/26",
      privateEndpointNetworkPolicies: "Disabled",
      defaultOutboundAccess: false,
    });
    const subnetId = pick(
      subnet.id,
      `${rgId(rgName)}/providers/Microsoft.Network/virtualNetworks/vnet-corrections/subnets/snet-pe`,
    );
    const zone = new azure.privatedns.PrivateZone("corrections-zone-blob", {
      resourceGroupName,
      privateZoneName: "privatelink.blob.core.windows.net",
      location: "global",
    });
    const zoneId = pick(
      zone.id,
      `${rgId(rgName)}/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net`,
    );
    const endpoint = (name: string, manual: boolean) => {
      const connection = [{ name, privateLinkServiceId: targetId, groupIds: ["blob"] }];
      const pe = new azure.network.PrivateEndpoint(name, {
        resourceGroupName,
        privateEndpointName: name,
        location,
        subnet: { id: subnetId },
        ...(manual
          ? { manualPrivateLinkServiceConnections: connection }
          : { privateLinkServiceConnections: connection }),
      });
      new azure.network.PrivateDnsZoneGroup(`${name}-dns`, {
        resourceGroupName,
        privateEndpointName: pick(pe.name, name),
        privateDnsZoneGroupName: "default",
        privateDnsZoneConfigs: [{ name: "blob", privateDnsZoneId: zoneId }],
      });
    };
    endpoint("pe-auto", false);
    endpoint("pe-manual", true);

    // Classic: inputs of their own for the same settings.
    new classicMl.ComputeCluster("classic-cluster", {
      name: "classic-cluster",
      machineLearningWorkspaceId: workspaceId,
      location,
      vmPriority: "Dedicated",
      vmSize: "Standard_DS3_v2",
      scaleSettings: { minNodeCount: 0, maxNodeCount: 2, scaleDownNodesAfterIdleDuration: "PT5M" },
      localAuthEnabled: true,
      nodePublicIpEnabled: true,
    });
    new classicMl.InferenceCluster("classic-inference", {
      name: "classic-inference",
      machineLearningWorkspaceId: workspaceId,
      location,
      kubernetesClusterId: `${rgId(rgName)}/providers/Microsoft.ContainerService/managedClusters/aks-corrections`,
    });
    new classicStorage.Account("classic-st", {
      name: "stclassicblob",
      resourceGroupName: rgName,
      location,
      accountTier: "Standard",
      accountReplicationType: "LRS",
      publicNetworkAccessEnabled: false,
      allowNestedItemsToBePublic: true,
    });
    const nic = (name: string, publicIpAddressId?: string) =>
      new classicNetwork.NetworkInterface(name, {
        name,
        resourceGroupName: rgName,
        location,
        ipConfigurations: [
          {
            name: "ip",
            subnetId: `${rgId(rgName)}/providers/Microsoft.Network/virtualNetworks/vnet-corrections/subnets/snet-vm`,
            privateIpAddressAllocation: "Dynamic",
            publicIpAddressId,
          },
        ],
      });
    nic("classic-nic-public", `${rgId(rgName)}/providers/Microsoft.Network/publicIPAddresses/pip-vm`);
    nic("classic-nic-private");
  };
}
