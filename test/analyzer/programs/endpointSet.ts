/**
 * One VNet's private endpoints for a workspace and its dependencies, written with raw azure-native v3
 * resources: the VNet and an endpoint subnet with network policies disabled (or an existing subnet by
 * literal id), one endpoint per group id with a zone group, and the set's own private DNS zones in its own
 * resource group, linked to its VNet only (isolated VNets cannot share zones: records would collide).
 */
import * as azure from "@pulumi/azure-native";
import type * as pulumi from "@pulumi/pulumi";
import { existingIds } from "./existingIds";
import { location, type Targets } from "./workspaceWithDependencies";

export type GroupId = "amlworkspace" | "blob" | "file" | "vault" | "registry";

export const allGroupIds: readonly GroupId[] = ["amlworkspace", "blob", "file", "vault", "registry"];

/** Azure public cloud zones per group id (azure-facts §1); both workspace zones go in one group. */
export const zoneNames: Record<GroupId, readonly string[]> = {
  amlworkspace: ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"],
  blob: ["privatelink.blob.core.windows.net"],
  file: ["privatelink.file.core.windows.net"],
  vault: ["privatelink.vaultcore.azure.net"],
  registry: ["privatelink.azurecr.io"],
};

export const targetOf: Record<GroupId, keyof Targets> = {
  amlworkspace: "workspace",
  blob: "storage",
  file: "storage",
  vault: "vault",
  registry: "registry",
};

export interface EndpointSetArgs {
  /** Names the set's VNet, resource group and resources. */
  prefix: string;
  cidr: string;
  subnetCidr: string;
  groupIds: readonly GroupId[];
  targets: Targets;
  /** The VNet and subnet exist outside the program and are referenced by literal id. */
  existingNetwork: boolean;
}

function network(args: EndpointSetArgs, resourceGroupName: pulumi.Input<string>) {
  if (args.existingNetwork) {
    return { vnetId: existingIds.vnet(args.prefix), subnetId: existingIds.subnet(args.prefix) };
  }
  const vnet = new azure.network.VirtualNetwork(`${args.prefix}-vnet`, {
    resourceGroupName,
    virtualNetworkName: `vnet-${args.prefix}`,
    location,
    addressSpace: { addressPrefixes: [args.cidr] },
  });
  const subnet = new azure.network.Subnet(`${args.prefix}-snet`, {
    resourceGroupName,
    virtualNetworkName: vnet.name,
    subnetName: "snet-pe",
    addressPrefix: args.subnetCidr,
    privateEndpointNetworkPolicies: "Disabled",
  });
  return { vnetId: vnet.id, subnetId: subnet.id };
}

export function endpointSet(args: EndpointSetArgs): void {
  const { prefix } = args;
  const rg = new azure.resources.ResourceGroup(`${prefix}-rg`, { resourceGroupName: `rg-${prefix}` });
  const { vnetId, subnetId } = network(args, rg.name);
  for (const groupId of args.groupIds) {
    const endpoint = new azure.network.PrivateEndpoint(`${prefix}-pe-${groupId}`, {
      resourceGroupName: rg.name,
      privateEndpointName: `pe-${prefix}-${groupId}`,
      location,
      subnet: { id: subnetId },
      privateLinkServiceConnections: [
        {
          name: `${prefix}-${groupId}`,
          privateLinkServiceId: args.targets[targetOf[groupId]],
          groupIds: [groupId],
        },
      ],
    });
    const zones = zoneNames[groupId].map((zoneName) => {
      const zone = new azure.privatedns.PrivateZone(`${prefix}-${zoneName}`, {
        resourceGroupName: rg.name,
        privateZoneName: zoneName,
        location: "global",
      });
      new azure.privatedns.VirtualNetworkLink(`${prefix}-${zoneName}-link`, {
        resourceGroupName: rg.name,
        privateZoneName: zone.name,
        virtualNetworkLinkName: `link-${prefix}`,
        location: "global",
        virtualNetwork: { id: vnetId },
        registrationEnabled: false,
      });
      return zone;
    });
    new azure.network.PrivateDnsZoneGroup(`${prefix}-zg-${groupId}`, {
      resourceGroupName: rg.name,
      privateEndpointName: endpoint.name,
      privateDnsZoneGroupName: "default",
      privateDnsZoneConfigs: zones.map((zone, i) => ({
        name: zoneNames[groupId][i].replace(/\./g, "-"),
        privateDnsZoneId: zone.id,
      })),
    });
  }
}
