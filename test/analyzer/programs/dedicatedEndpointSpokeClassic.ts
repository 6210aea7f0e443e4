/**
 * Microsoft's "Scenario 1: Hub and spoke architecture - Dedicated virtual network for private endpoints"
 * (private-link/inspect-traffic-with-azure-firewall) in the classic `@pulumi/azure` provider, as the azure-native
 * translation (dedicatedEndpointSpoke.ts): "A route pointing to the network address space where the private
 * endpoints are deployed is created." A hub with an Azure Firewall; a dedicated spoke holding the quickstart's
 * workspace and dependencies' endpoints (workspace.tf, quickstart301Classic.ts); a clients spoke whose subnet is
 * associated (`SubnetRouteTableAssociation`) with a route table sending the endpoint spoke's range to the firewall
 * (`nextHopInIpAddress`); both spokes peered both ways with the hub, allowing forwarded traffic; the zones linked
 * to both spokes.
 */
import * as core from "@pulumi/azure/core";
import * as network from "@pulumi/azure/network";
import * as privatedns from "@pulumi/azure/privatedns";
import * as privatelink from "@pulumi/azure/privatelink";
import { allGroupIds, targetOf, zoneNames } from "./endpointSet";
import { classicWorkspaceWithDependencies } from "./quickstart301Classic";

export interface DedicatedEndpointSpokeClassicArgs {
  /** The clients' subnet has no route table (default: it routes the endpoint spoke to the firewall). */
  withoutRoutes?: boolean;
  /** The route is a `network.Route` of its own rather than inline in the table. */
  routeResource?: boolean;
}

const location = "East US";
const endpointsCidr = "10.2.0.0/16";

export function dedicatedEndpointSpokeClassic(args: DedicatedEndpointSpokeClassicArgs = {}) {
  return () => {
    const rg = new core.ResourceGroup("net", { name: "rg-net", location });
    const resourceGroupName = rg.name;
    const vnet = (name: string, cidr: string) =>
      new network.VirtualNetwork(`${name}-vnet`, {
        name: `vnet-${name}`,
        resourceGroupName,
        location,
        addressSpaces: [cidr],
      });
    const hub = vnet("hub", "10.0.0.0/16");
    const endpoints = vnet("endpoints", endpointsCidr);
    const clients = vnet("clients", "10.1.0.0/16");
    const subnet = (logical: string, of: network.VirtualNetwork, subnetName: string, prefix: string) =>
      new network.Subnet(logical, {
        name: subnetName,
        resourceGroupName,
        virtualNetworkName: of.name,
        addressPrefixes: [prefix],
        defaultOutboundAccessEnabled: false,
      });

    const policy = new network.FirewallPolicy("fw-policy", { name: "afwp-hub", resourceGroupName, location });
    const firewall = new network.Firewall("fw", {
      name: "afw-hub",
      resourceGroupName,
      location,
      skuName: "AZFW_VNet",
      skuTier: "Standard",
      firewallPolicyId: policy.id,
      ipConfigurations: [
        {
          name: "configuration",
          subnetId: subnet("hub-fw-snet", hub, "AzureFirewallSubnet", "10.0.1.0/26").id,
        },
      ],
    });

    for (const [name, spoke] of [
      ["endpoints", endpoints],
      ["clients", clients],
    ] as const)
      for (const [logical, from, to] of [
        [`${name}-to-hub`, spoke, hub],
        [`hub-to-${name}`, hub, spoke],
      ] as const)
        new network.VirtualNetworkPeering(logical, {
          name: logical,
          resourceGroupName,
          virtualNetworkName: from.name,
          remoteVirtualNetworkId: to.id,
          allowVirtualNetworkAccess: true,
          allowForwardedTraffic: true,
        });

    const clientsSubnet = subnet("clients-snet", clients, "snet-workload", "10.1.1.0/24");
    if (!args.withoutRoutes) {
      const route = {
        addressPrefix: endpointsCidr,
        nextHopType: "VirtualAppliance",
        nextHopInIpAddress: firewall.ipConfigurations.apply((c) => c![0].privateIpAddress!),
      };
      const table = new network.RouteTable("clients-routes", {
        name: "rt-clients",
        resourceGroupName,
        location,
        ...(args.routeResource ? {} : { routes: [{ name: "to-private-endpoints", ...route }] }),
      });
      if (args.routeResource)
        new network.Route("clients-route", {
          name: "to-private-endpoints",
          resourceGroupName,
          routeTableName: table.name,
          ...route,
        });
      new network.SubnetRouteTableAssociation("clients-routes-association", {
        subnetId: clientsSubnet.id,
        routeTableId: table.id,
      });
    }
    const endpointSubnet = new network.Subnet("endpoints-snet", {
      name: "snet-pe",
      resourceGroupName,
      virtualNetworkName: endpoints.name,
      addressPrefixes: ["10.2.1.0/24"],
      privateEndpointNetworkPolicies: "Disabled",
      defaultOutboundAccessEnabled: false,
    });

    const zoneIds = new Map(
      Object.values(zoneNames)
        .flat()
        .map((zoneName) => {
          const zone = new privatedns.Zone(`zone-${zoneName}`, { name: zoneName, resourceGroupName });
          // Linked to both spokes: each asks Azure DNS from its own VNet.
          for (const [name, spoke] of [
            ["endpoints", endpoints],
            ["clients", clients],
          ] as const)
            new privatedns.ZoneVirtualNetworkLink(`link-${name}-${zoneName}`, {
              name: `link-${name}`,
              resourceGroupName,
              privateDnsZoneName: zone.name,
              virtualNetworkId: spoke.id,
            });
          return [zoneName, zone.id] as const;
        }),
    );
    const targets = classicWorkspaceWithDependencies(rg);
    for (const groupId of allGroupIds)
      new privatelink.Endpoint(`pe-${groupId}`, {
        name: `pe-${groupId}`,
        resourceGroupName,
        location,
        subnetId: endpointSubnet.id,
        privateDnsZoneGroup: {
          name: "default",
          privateDnsZoneIds: zoneNames[groupId].map((zoneName) => zoneIds.get(zoneName)!),
        },
        privateServiceConnection: {
          name: groupId,
          privateConnectionResourceId: targets[targetOf[groupId]],
          subresourceNames: [groupId],
          isManualConnection: false,
        },
      });
  };
}
