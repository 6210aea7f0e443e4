/**
 * The Azure Verified Modules Terraform ML workspace module's `private_ai_hub` example
 * (Azure/terraform-azurerm-avm-res-machinelearningservices-workspace, examples/private_ai_hub/main.tf),
 * translated into raw azure-native v3 resources: one VNet (192.168.0.0/24) with an endpoint subnet; the
 * api, notebooks, vault, blob, file and registry zones, each linked to it; a Premium registry, a key vault
 * and a storage account, public access off, each with its endpoints and zone groups; and the `kind: Hub`
 * workspace (managed network AllowOnlyApprovedOutbound, public access off, no imageBuildCompute) with one
 * endpoint whose zone group names the api and notebooks zones. The module's `hub_and_projects` example adds
 * a `kind: Project` workspace naming the hub by `hubResourceId`, with no endpoint or dependency of its own.
 * Left out: the AI Services account and its connection, the role assignment (none is a resource the pack
 * governs). In the literal form, references are literal names and ARM ids (no property dependencies).
 */
import * as azure from "@pulumi/azure-native";
import type * as pulumi from "@pulumi/pulumi";
import { fakeSubscriptionId, fakeTenantId } from "../../../plan/fakeAzure";
import { location } from "./workspaceWithDependencies";

const rgName = "rg-aihub";
const rgId = `/subscriptions/${fakeSubscriptionId}/resourceGroups/${rgName}`;

const zones = {
  api: "privatelink.api.azureml.ms",
  notebooks: "privatelink.notebooks.azure.net",
  vault: "privatelink.vaultcore.azure.net",
  blob: "privatelink.blob.core.windows.net",
  file: "privatelink.file.core.windows.net",
  registry: "privatelink.azurecr.io",
} as const;

export interface PrivateAiHubArgs {
  /** References by literal name and ARM id instead of outputs. */
  literal: boolean;
  /** Add the `hub_and_projects` example's project. */
  project: boolean;
  /** The hub's kind: `Hub` as the example writes it, or `Default` for the same workspace as a plain one. */
  kind: "Hub" | "Default";
}

export function privateAiHub(args: PrivateAiHubArgs): () => void {
  return () => {
    const pick = <T>(output: pulumi.Input<T>, literal: T): pulumi.Input<T> =>
      args.literal ? literal : output;
    const rg = new azure.resources.ResourceGroup("aihub-rg", { resourceGroupName: rgName });
    const resourceGroupName = pick(rg.name, rgName);
    const idOf = (res: { id: pulumi.Output<string> }, path: string) =>
      pick(res.id, `${rgId}/providers/${path}`);

    const vnet = new azure.network.VirtualNetwork("aihub-vnet", {
      resourceGroupName,
      virtualNetworkName: "vnet-aihub",
      location,
      addressSpace: { addressPrefixes: ["192.168.0.0/24"] },
    });
    const vnetId = idOf(vnet, "Microsoft.Network/virtualNetworks/vnet-aihub");
    const subnet = new azure.network.Subnet("aihub-snet-pe", {
      resourceGroupName,
      virtualNetworkName: pick(vnet.name, "vnet-aihub"),
      subnetName: "private_endpoints",
      addressPrefix: "192.168.0.0/24",
      privateEndpointNetworkPolicies: "Disabled",
    });
    const subnetId = idOf(subnet, "Microsoft.Network/virtualNetworks/vnet-aihub/subnets/private_endpoints");

    const zoneIds = Object.fromEntries(
      Object.entries(zones).map(([key, zoneName]) => {
        const zone = new azure.privatedns.PrivateZone(`aihub-zone-${key}`, {
          resourceGroupName,
          privateZoneName: zoneName,
          location: "global",
        });
        new azure.privatedns.VirtualNetworkLink(`aihub-link-${key}`, {
          resourceGroupName,
          privateZoneName: pick(zone.name, zoneName),
          virtualNetworkLinkName: "dnslink",
          location: "global",
          virtualNetwork: { id: vnetId },
          registrationEnabled: false,
        });
        return [key, idOf(zone, `Microsoft.Network/privateDnsZones/${zoneName}`)];
      }),
    ) as Record<keyof typeof zones, pulumi.Input<string>>;

    const endpoint = (
      name: string,
      target: pulumi.Input<string>,
      groupId: string,
      zoneKeys: (keyof typeof zones)[],
    ) => {
      const pe = new azure.network.PrivateEndpoint(name, {
        resourceGroupName,
        privateEndpointName: name,
        location,
        subnet: { id: subnetId },
        privateLinkServiceConnections: [{ name, privateLinkServiceId: target, groupIds: [groupId] }],
      });
      new azure.network.PrivateDnsZoneGroup(`${name}-dns`, {
        resourceGroupName,
        privateEndpointName: pick(pe.name, name),
        privateDnsZoneGroupName: "default",
        privateDnsZoneConfigs: zoneKeys.map((key) => ({ name: key, privateDnsZoneId: zoneIds[key] })),
      });
    };

    const registry = new azure.containerregistry.Registry("aihub-acr", {
      resourceGroupName,
      registryName: "acraihub",
      location,
      sku: { name: "Premium" },
      publicNetworkAccess: "Disabled",
      zoneRedundancy: "Disabled",
    });
    const registryId = idOf(registry, "Microsoft.ContainerRegistry/registries/acraihub");
    endpoint("pe-containerregistry-regsitry", registryId, "registry", ["registry"]);

    const vault = new azure.keyvault.Vault("aihub-kv", {
      resourceGroupName,
      vaultName: "kv-aihub",
      location,
      properties: {
        tenantId: fakeTenantId,
        sku: { family: "A", name: "standard" },
        publicNetworkAccess: "Disabled",
        networkAcls: { bypass: "AzureServices", defaultAction: "Deny" },
      },
    });
    const vaultId = idOf(vault, "Microsoft.KeyVault/vaults/kv-aihub");
    endpoint("pe-keyvault-vault", vaultId, "vault", ["vault"]);

    const storage = new azure.storage.StorageAccount("aihub-st", {
      resourceGroupName,
      accountName: "staihub",
      location,
      kind: "StorageV2",
      sku: { name: "Standard_ZRS" },
      publicNetworkAccess: "Disabled",
      allowBlobPublicAccess: false,
      allowSharedKeyAccess: true,
      networkRuleSet: { bypass: "Logging, Metrics, AzureServices", defaultAction: "Deny" },
    });
    const storageId = idOf(storage, "Microsoft.Storage/storageAccounts/staihub");
    endpoint("pe-storage-blob", storageId, "blob", ["blob"]);
    endpoint("pe-storage-file", storageId, "file", ["file"]);

    const hub = new azure.machinelearningservices.Workspace("aihub", {
      resourceGroupName,
      workspaceName: "hubaihub",
      location,
      kind: args.kind,
      identity: { type: "SystemAssigned" },
      friendlyName: "Private AI Studio Hub",
      publicNetworkAccess: "Disabled",
      storageAccount: storageId,
      keyVault: vaultId,
      containerRegistry: registryId,
      managedNetwork: { isolationMode: "AllowOnlyApprovedOutbound" },
    });
    const hubId = idOf(hub, "Microsoft.MachineLearningServices/workspaces/hubaihub");
    endpoint("pe-hub-aihub", hubId, "amlworkspace", ["api", "notebooks"]);

    if (args.project)
      new azure.machinelearningservices.Workspace("aihub-project", {
        resourceGroupName,
        workspaceName: "prjaihub",
        location,
        kind: "Project",
        identity: { type: "SystemAssigned" },
        friendlyName: "AI Project",
        hubResourceId: hubId,
      });
  };
}
