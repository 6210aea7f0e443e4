/**
 * A spoke stack whose hub is the platform team's (issue 25 §1): the workspace and its endpoints in the spoke,
 * peered one side with the hub another stack runs, resolving through the hub's DNS server and writing its
 * records into the platform's central zones. The hub is given loose (`hubVirtualNetworkId`, `hubAddressSpace`,
 * `dnsServers`, `existingZoneIds`) or as one `platformHub` argument.
 */
import * as resources from "@pulumi/azure-native/resources";
import { AzureClouds } from "../../../policy/azure/clouds";
import { centralZoneNames } from "../../../sdk/dns/centralPrivateDns";
import { PrivateCompute, SecuredWorkspace, WorkspaceNetwork, type PlatformHub } from "../../../sdk";

const platformRg = "/subscriptions/99999999-1111-2222-3333-444444444444/resourceGroups";

/** The platform's hub, as its team describes it in the pack config. */
export const contosoHub: PlatformHub = {
  name: "contoso-hub-weu",
  virtualNetworkId: `${platformRg}/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub-weu`,
  addressSpace: ["10.0.0.0/16"],
  dnsServers: [{ ip: "10.0.4.4", kind: "resolverInbound" }],
  firewalls: [{ ip: "10.0.2.4" }],
  privateDnsZoneIds: centralZoneNames(AzureClouds.AzureCloud).map(
    (name) => `${platformRg}/rg-dns/providers/Microsoft.Network/privateDnsZones/${name}`,
  ),
};

export interface PlatformSpokeOptions {
  /** The spoke VNet's DNS server (default the hub's resolver, 10.0.4.4). */
  dnsServer?: string;
  /** Give the hub as one `platformHub` argument (this description) instead of the loose arguments. */
  platformHub?: PlatformHub;
}

export function platformSpoke(options: PlatformSpokeOptions = {}) {
  return () => {
    const location = "westeurope";
    const group = new resources.ResourceGroup("rg", { location });
    const workspace = new SecuredWorkspace("mlw-spoke", {
      resourceGroupName: group.name,
      location,
      imageBuildCompute: "cpu-cluster",
      protectStatefulResources: false,
    });
    const zoneIds = Object.fromEntries(
      (contosoHub.privateDnsZoneIds ?? []).map((id) => [id.split("/").pop()!, id]),
    );
    const hub = options.platformHub
      ? { platformHub: options.platformHub, dnsServers: options.dnsServer ? [options.dnsServer] : undefined }
      : {
          hubVirtualNetworkId: contosoHub.virtualNetworkId,
          hubAddressSpace: contosoHub.addressSpace,
          dnsServers: [options.dnsServer ?? "10.0.4.4"],
          existingZoneIds: zoneIds,
        };
    const net = new WorkspaceNetwork("net", {
      ...workspace.endpointTargets(),
      sets: {
        ml: {
          addressSpace: ["10.1.0.0/16"],
          endpointSubnetPrefix: "10.1.1.0/24",
          servicesSet: true,
          dnsMode: "ExistingZones",
          hubPeering: "ThisSideOnly",
          subnetOutbound: "NatGateway",
          ...hub,
        },
      },
    });
    new PrivateCompute("train", {
      kind: "Cluster",
      workspaceName: workspace.workspaceName,
      resourceGroupName: group.name,
      workspaceLocation: location,
      subnetId: net.endpointSet("ml").subnetId,
      computeName: "cpu-cluster",
      vmSize: "Standard_DS3_v2",
    });
  };
}
