/**
 * Microsoft's "Scenario 1: Hub and spoke architecture - Dedicated virtual network for private endpoints"
 * (private-link/inspect-traffic-with-azure-firewall), translated into raw azure-native v3: "This scenario is the
 * most expandable architecture to connect privately to multiple Azure services using private endpoints. A route
 * pointing to the network address space where the private endpoints are deployed is created."
 *
 * - A hub VNet holding an Azure Firewall (its policy allows the clients' range to the endpoints' range).
 * - A dedicated spoke holding the workspace's and dependencies' private endpoints, with their zones.
 * - A clients spoke, peered with the hub only, whose subnet's route table sends the endpoint spoke's address
 *   space to the firewall (next hop type VirtualAppliance); the zones are linked to it, so its Azure DNS
 *   resolves the names to the endpoints' IPs.
 * - Both spokes peered both ways with the hub, every peering allowing forwarded traffic.
 *
 * Each option removes one piece the path needs.
 */
import * as azure from "@pulumi/azure-native";
import type * as pulumi from "@pulumi/pulumi";
import { allGroupIds, targetOf, zoneNames } from "./endpointSet";
import { location, workspaceWithDependencies } from "./workspaceWithDependencies";

export interface DedicatedEndpointSpokeArgs {
  /** The clients' subnet has no route table (default: it routes the endpoint spoke to the firewall). */
  withoutRoutes?: boolean;
  /** The route goes to the firewall as the default route `0.0.0.0/0` instead of the endpoint spoke's range. */
  defaultRoute?: boolean;
  /** The endpoint spoke's peering to the hub leaves allowForwardedTraffic at its default (false). */
  endpointSpokeDropsForwarded?: boolean;
  /** The route is a resource of its own (`network.Route`) rather than inline in the table. */
  routeResource?: boolean;
  /** The firewall policy's rule collection group (a network rule from the clients to the endpoints). */
  networkRule?: boolean;
  /**
   * What the clients spoke holds besides users: a compute cluster of the workspace, and/or a second workspace
   * endpoint (with no zone group of its own: the endpoint spoke's records answer). Either makes it a VNet the
   * workspace's rules judge directly rather than a client VNet; its route still goes through the firewall.
   */
  clientsHold?: readonly ("compute" | "workspaceEndpoint")[];
}

export const hubCidr = "10.0.0.0/16";
export const clientsCidr = "10.1.0.0/16";
export const endpointsCidr = "10.2.0.0/16";

export function dedicatedEndpointSpoke(args: DedicatedEndpointSpokeArgs = {}) {
  return () => {
    const targets = workspaceWithDependencies("none");
    const rg = new azure.resources.ResourceGroup("net-rg", { resourceGroupName: "rg-net" });
    const resourceGroupName = rg.name;
    const vnet = (name: string, cidr: string) =>
      new azure.network.VirtualNetwork(`${name}-vnet`, {
        resourceGroupName,
        virtualNetworkName: `vnet-${name}`,
        location,
        addressSpace: { addressPrefixes: [cidr] },
      });
    const hub = vnet("hub", hubCidr);
    const endpoints = vnet("endpoints", endpointsCidr);
    const clients = vnet("clients", clientsCidr);

    const policy = new azure.network.FirewallPolicy("fw-policy", {
      resourceGroupName,
      firewallPolicyName: "afwp-hub",
      location,
    });
    if (args.networkRule)
      new azure.network.FirewallPolicyRuleCollectionGroup("fw-rules", {
        resourceGroupName,
        firewallPolicyName: policy.name,
        ruleCollectionGroupName: "private-endpoints",
        priority: 200,
        ruleCollections: [
          {
            ruleCollectionType: "FirewallPolicyFilterRuleCollection",
            name: "clients-to-endpoints",
            priority: 100,
            action: { type: "Allow" },
            rules: [
              {
                ruleType: "NetworkRule",
                name: "https",
                ipProtocols: ["TCP"],
                sourceAddresses: [clientsCidr],
                destinationAddresses: [endpointsCidr],
                destinationPorts: ["443"],
              },
            ],
          },
        ],
      });
    const firewallSubnet = new azure.network.Subnet("hub-fw-snet", {
      resourceGroupName,
      virtualNetworkName: hub.name,
      subnetName: "AzureFirewallSubnet",
      addressPrefix: "10.0.1.0/26",
    });
    const firewall = new azure.network.AzureFirewall("fw", {
      resourceGroupName,
      azureFirewallName: "afw-hub",
      location,
      sku: { name: "AZFW_VNet", tier: "Standard" },
      firewallPolicy: { id: policy.id },
      ipConfigurations: [{ name: "configuration", subnet: { id: firewallSubnet.id } }],
    });
    const firewallIp = firewall.ipConfigurations.apply((c) => c![0].privateIPAddress!);

    for (const [name, spoke] of [
      ["endpoints", endpoints],
      ["clients", clients],
    ] as const) {
      const dropsForwarded = name === "endpoints" && args.endpointSpokeDropsForwarded;
      new azure.network.VirtualNetworkPeering(`${name}-to-hub`, {
        resourceGroupName,
        virtualNetworkName: spoke.name,
        virtualNetworkPeeringName: "to-hub",
        remoteVirtualNetwork: { id: hub.id },
        allowVirtualNetworkAccess: true,
        ...(dropsForwarded ? {} : { allowForwardedTraffic: true }),
      });
      new azure.network.VirtualNetworkPeering(`hub-to-${name}`, {
        resourceGroupName,
        virtualNetworkName: hub.name,
        virtualNetworkPeeringName: `to-${name}`,
        remoteVirtualNetwork: { id: spoke.id },
        allowVirtualNetworkAccess: true,
        allowForwardedTraffic: true,
      });
    }

    const routePrefix = args.defaultRoute ? "0.0.0.0/0" : endpointsCidr;
    const route = {
      addressPrefix: routePrefix,
      nextHopType: "VirtualAppliance",
      nextHopIpAddress: firewallIp,
    };
    let routeTable: azure.network.RouteTable | undefined;
    if (!args.withoutRoutes) {
      routeTable = new azure.network.RouteTable("clients-routes", {
        resourceGroupName,
        routeTableName: "rt-clients",
        location,
        ...(args.routeResource ? {} : { routes: [{ name: "to-private-endpoints", ...route }] }),
      });
      if (args.routeResource)
        new azure.network.Route("clients-route", {
          resourceGroupName,
          routeTableName: routeTable.name,
          routeName: "to-private-endpoints",
          ...route,
        });
    }
    const clientsSubnet = new azure.network.Subnet("clients-snet", {
      resourceGroupName,
      virtualNetworkName: clients.name,
      subnetName: "snet-workload",
      addressPrefix: "10.1.1.0/24",
      defaultOutboundAccess: false,
      ...(routeTable ? { routeTable: { id: routeTable.id } } : {}),
    });
    const endpointSubnet = new azure.network.Subnet("endpoints-snet", {
      resourceGroupName,
      virtualNetworkName: endpoints.name,
      subnetName: "snet-pe",
      addressPrefix: "10.2.1.0/24",
      privateEndpointNetworkPolicies: "Disabled",
      defaultOutboundAccess: false,
    });

    const zones = new Map<string, azure.privatedns.PrivateZone>();
    for (const zoneName of Object.values(zoneNames).flat()) {
      const zone = new azure.privatedns.PrivateZone(`zone-${zoneName}`, {
        resourceGroupName,
        privateZoneName: zoneName,
        location: "global",
      });
      zones.set(zoneName, zone);
      // Linked to both spokes: each asks Azure DNS from its own VNet.
      for (const [name, spoke] of [
        ["endpoints", endpoints],
        ["clients", clients],
      ] as const)
        new azure.privatedns.VirtualNetworkLink(`link-${name}-${zoneName}`, {
          resourceGroupName,
          privateZoneName: zone.name,
          virtualNetworkLinkName: `link-${name}`,
          location: "global",
          virtualNetwork: { id: spoke.id },
          registrationEnabled: false,
        });
    }
    for (const groupId of allGroupIds) {
      const endpoint = new azure.network.PrivateEndpoint(`pe-${groupId}`, {
        resourceGroupName,
        privateEndpointName: `pe-${groupId}`,
        location,
        subnet: { id: endpointSubnet.id },
        privateLinkServiceConnections: [
          {
            name: groupId,
            privateLinkServiceId: targets[targetOf[groupId]] as pulumi.Input<string>,
            groupIds: [groupId],
          },
        ],
      });
      new azure.network.PrivateDnsZoneGroup(`zg-${groupId}`, {
        resourceGroupName,
        privateEndpointName: endpoint.name,
        privateDnsZoneGroupName: "default",
        privateDnsZoneConfigs: zoneNames[groupId].map((zoneName) => ({
          name: zoneName.replace(/\./g, "-"),
          privateDnsZoneId: zones.get(zoneName)!.id,
        })),
      });
    }
    if (args.clientsHold?.includes("compute"))
      new azure.machinelearningservices.Compute("clients-cluster", {
        resourceGroupName: "rg-ml",
        workspaceName: "mlw-private",
        computeName: "cpu-cluster",
        location,
        properties: {
          computeType: "AmlCompute",
          disableLocalAuth: true,
          properties: {
            vmSize: "STANDARD_DS2_V2",
            enableNodePublicIp: false,
            subnet: { id: clientsSubnet.id },
          },
        },
      });
    if (args.clientsHold?.includes("workspaceEndpoint"))
      new azure.network.PrivateEndpoint("clients-pe-amlworkspace", {
        resourceGroupName,
        privateEndpointName: "pe-clients-amlworkspace",
        location,
        subnet: { id: clientsSubnet.id },
        privateLinkServiceConnections: [
          { name: "amlworkspace", privateLinkServiceId: targets.workspace, groupIds: ["amlworkspace"] },
        ],
      });
  };
}
