/**
 * Recipe: a dedicated spoke for the private endpoints, reached from a clients spoke through the hub's Azure
 * Firewall — Microsoft's "Hub and spoke architecture - Dedicated virtual network for private endpoints"
 * (private-link/inspect-traffic-with-azure-firewall, Scenario 1). Both spokes are peered with the hub only; the
 * clients subnet's default route goes to the firewall, whose policy allows the clients' range to the endpoints'
 * range and SNATs that traffic so the replies come back through it (docs/recipes/README.md). The stack's
 * `routeClientsThroughFirewall` config says whether the clients subnet has that route: its broken twin
 * (`Pulumi.broken.yaml`) leaves it out.
 */
import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";
import {
  CentralPrivateDns,
  DnsModes,
  SecuredWorkspace,
  SubnetOutbounds,
  WorkspaceNetwork,
} from "azureml-network-isolation";

const config = new pulumi.Config();
const location = "westeurope";
const resourceGroupName = "rg-ml-endpoints";
const hubAddressSpace = ["10.0.0.0/16"];
const clientsAddressSpace = ["10.1.0.0/16"];
const endpointsAddressSpace = ["10.2.0.0/16"];

const workspace = new SecuredWorkspace("ml", {
  resourceGroupName,
  location,
  workspaceName: "mlw-endpoints",
  imageBuildCompute: "cpu-cluster",
});

// The hub: the platform's VNet with its firewall (in a landing zone it is another stack's; here it is built).
const hub = new azure.network.VirtualNetwork("hub-vnet", {
  resourceGroupName,
  location,
  virtualNetworkName: "vnet-hub",
  addressSpace: { addressPrefixes: hubAddressSpace },
});
const firewallSubnet = new azure.network.Subnet("hub-firewall-subnet", {
  resourceGroupName,
  virtualNetworkName: hub.name,
  // Azure Firewall's subnet must have this name.
  subnetName: "AzureFirewallSubnet",
  addressPrefix: "10.0.1.0/26",
  // Private: the firewall's egress is its own public IP, never Azure's default outbound access.
  defaultOutboundAccess: false,
});
const firewallIp = new azure.network.PublicIPAddress("hub-firewall-ip", {
  resourceGroupName,
  location,
  publicIpAddressName: "pip-afw-hub",
  sku: { name: "Standard" },
  publicIPAllocationMethod: "Static",
});
const policy = new azure.network.FirewallPolicy("hub-firewall-policy", {
  resourceGroupName,
  location,
  firewallPolicyName: "afwp-hub",
  // Network rules do not SNAT private destinations by default; 255.255.255.255/32 makes them always SNAT, so
  // the endpoints' replies return through the firewall (firewall/snat-private-range).
  snat: { privateRanges: ["255.255.255.255/32"] },
});
const rules = new azure.network.FirewallPolicyRuleCollectionGroup("hub-firewall-rules", {
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
          name: "https-and-smb",
          ipProtocols: ["TCP"],
          sourceAddresses: clientsAddressSpace,
          destinationAddresses: endpointsAddressSpace,
          destinationPorts: ["443", "445"],
        },
      ],
    },
  ],
});
const firewall = new azure.network.AzureFirewall(
  "hub-firewall",
  {
    resourceGroupName,
    location,
    azureFirewallName: "afw-hub",
    sku: { name: "AZFW_VNet", tier: "Standard" },
    firewallPolicy: { id: policy.id },
    ipConfigurations: [
      { name: "ipconfig", subnet: { id: firewallSubnet.id }, publicIPAddress: { id: firewallIp.id } },
    ],
  },
  { dependsOn: [rules] },
);
const firewallPrivateIp = firewall.ipConfigurations.apply((c) => c?.[0]?.privateIPAddress ?? "");

// The zones, linked to the hub (the firewall resolves there) and by each spoke to its own VNet
// (linkExistingZones): every VNet resolves the privatelink names through Azure DNS.
const dns = new CentralPrivateDns("dns", { resourceGroupName, location, virtualNetworkIds: { hub: hub.id } });

const net = new WorkspaceNetwork("net", {
  ...workspace.endpointTargets(),
  sets: {
    // The dedicated spoke: every endpoint of the workspace and its dependencies, nothing else.
    endpoints: {
      addressSpace: endpointsAddressSpace,
      endpointSubnetPrefix: "10.2.1.0/24",
      servicesSet: true,
      hubVirtualNetworkId: hub.id,
      hubAddressSpace,
      dnsMode: DnsModes.ExistingZones,
      existingZoneIds: dns.zoneIdsByName(),
      linkExistingZones: true,
      subnetOutbound: SubnetOutbounds.None,
    },
    // No endpoint of its own, peered with the hub only: its default route takes it through the firewall.
    clients: {
      servicesSet: false,
      endpoints: [],
      addressSpace: clientsAddressSpace,
      endpointSubnetPrefix: "10.1.1.0/24",
      hubVirtualNetworkId: hub.id,
      hubAddressSpace,
      dnsMode: DnsModes.ExistingZones,
      existingZoneIds: dns.zoneIdsByName(),
      linkExistingZones: true,
      ...((config.getBoolean("routeClientsThroughFirewall") ?? true)
        ? { subnetOutbound: SubnetOutbounds.Firewall, firewallPrivateIp }
        : { subnetOutbound: SubnetOutbounds.None }),
    },
  },
});

export const firewallIpAddress = firewallPrivateIp;
export const virtualNetworkIds = net.virtualNetworkIds;
