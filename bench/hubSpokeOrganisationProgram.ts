/**
 * A synthetic hub-and-spoke organisation: one platform hub (VNet, central private DNS zones, a DNS Private
 * Resolver with an inbound endpoint and a forwarding ruleset to on-premises, an Azure Firewall with DNS proxy)
 * and, per workspace, a workspace spoke holding its endpoints and a clients spoke. Both spokes are peered with
 * the hub, resolve through the resolver and send everything (0.0.0.0/0) to the hub firewall, which is how the
 * clients spoke reaches the workspace spoke. The spokes of workspace `w` lie in `spokePrefixes(w)`, which the
 * benchmark replaces when it copies the first workspace's records.
 */
import * as dnsresolver from "@pulumi/azure-native/dnsresolver";
import * as network from "@pulumi/azure-native/network";
import * as resources from "@pulumi/azure-native/resources";
import {
  CentralPrivateDns,
  DnsModes,
  PrivateCompute,
  PrivateComputeKinds,
  SecuredWorkspace,
  SubnetOutbounds,
  WorkspaceNetwork,
} from "../sdk";
import { workspaceName, type OrganisationShape } from "./organisationProgram";

const location = "westeurope";
const hubAddressSpace = "10.0.0.0/16";
const onPremisesDns = "192.168.10.10";

/**
 * The first three octets of workspace `w`'s two spokes (workspace spoke, clients spoke): consecutive /24s
 * from 10.100.0.0, never the hub's 10.0.0.0/16; 38,000 workspaces fit.
 */
export function spokePrefixes(w: number): [string, string] {
  const prefix = (block: number) => `10.${100 + Math.floor(block / 256)}.${block % 256}.`;
  return [prefix(2 * w), prefix(2 * w + 1)];
}

function hub() {
  const group = new resources.ResourceGroup("hub-rg", { location });
  const vnet = new network.VirtualNetwork("hub-vnet", {
    resourceGroupName: group.name,
    location,
    addressSpace: { addressPrefixes: [hubAddressSpace] },
  });
  const subnet = (name: string, prefix: string, delegation?: string) =>
    new network.Subnet(`hub-${name}`, {
      resourceGroupName: group.name,
      virtualNetworkName: vnet.name,
      subnetName: name,
      addressPrefix: prefix,
      defaultOutboundAccess: false,
      ...(delegation ? { delegations: [{ name: "delegation", serviceName: delegation }] } : {}),
    });
  const dns = new CentralPrivateDns("hub-dns", {
    resourceGroupName: group.name,
    location,
    virtualNetworkIds: { hub: vnet.id },
    resolverVirtualNetworkId: vnet.id,
    inboundSubnetPrefix: "10.0.4.0/28",
  });
  // On-premises names leave through the resolver's outbound endpoint (the ruleset is linked to the hub).
  const outbound = new dnsresolver.OutboundEndpoint("hub-outbound", {
    resourceGroupName: group.name,
    dnsResolverName: dns.resolverId.apply((id) => id.split("/").pop() ?? ""),
    location,
    subnet: { id: subnet("snet-dns-outbound", "10.0.5.0/28", "Microsoft.Network/dnsResolvers").id },
  });
  const ruleset = new dnsresolver.DnsForwardingRuleset("hub-ruleset", {
    resourceGroupName: group.name,
    location,
    dnsResolverOutboundEndpoints: [{ id: outbound.id }],
  });
  new dnsresolver.ForwardingRule("hub-onprem-rule", {
    resourceGroupName: group.name,
    dnsForwardingRulesetName: ruleset.name,
    domainName: "corp.contoso.com.",
    targetDnsServers: [{ ipAddress: onPremisesDns, port: 53 }],
  });
  new dnsresolver.PrivateResolverVirtualNetworkLink("hub-ruleset-link", {
    resourceGroupName: group.name,
    dnsForwardingRulesetName: ruleset.name,
    virtualNetwork: { id: vnet.id },
  });
  const policy = new network.FirewallPolicy("hub-fw-policy", {
    resourceGroupName: group.name,
    location,
    dnsSettings: { enableProxy: true },
  });
  const firewall = new network.AzureFirewall("hub-fw", {
    resourceGroupName: group.name,
    location,
    sku: { name: "AZFW_VNet", tier: "Standard" },
    firewallPolicy: { id: policy.id },
    ipConfigurations: [
      { name: "configuration", subnet: { id: subnet("AzureFirewallSubnet", "10.0.6.0/26").id } },
    ],
  });
  const firewallIp = firewall.ipConfigurations.apply((c) => c?.[0]?.privateIPAddress ?? "");
  return { vnetId: vnet.id, dns, firewallIp };
}

export function hubSpokeOrganisationProgram(shape: OrganisationShape): () => void {
  return () => {
    const { vnetId, dns, firewallIp } = hub();
    for (let w = 0; w < shape.workspaces; w++) {
      const name = workspaceName(w);
      const [spoke, clients] = spokePrefixes(w);
      const group = new resources.ResourceGroup(`${name}-rg`, { location });
      const workspace = new SecuredWorkspace(name, {
        resourceGroupName: group.name,
        location,
        workspaceName: `mlw-${name}`,
        imageBuildCompute: "cpu-cluster",
        protectStatefulResources: false,
      });
      const asSpoke = {
        hubVirtualNetworkId: vnetId,
        hubAddressSpace: [hubAddressSpace],
        dnsServers: [dns.inboundEndpointIp],
        subnetOutbound: SubnetOutbounds.Firewall,
        firewallPrivateIp: firewallIp,
      };
      const net = new WorkspaceNetwork(`${name}-net`, {
        ...workspace.endpointTargets(),
        sets: {
          services: {
            ...asSpoke,
            addressSpace: [`${spoke}0/24`],
            endpointSubnetPrefix: `${spoke}0/26`,
            servicesSet: true,
            dnsMode: DnsModes.ExistingZones,
            existingZoneIds: dns.zoneIdsByName(),
          },
          clients: {
            ...asSpoke,
            addressSpace: [`${clients}0/24`],
            endpointSubnetPrefix: `${clients}0/26`,
            endpoints: [],
          },
        },
      });
      new PrivateCompute(`${name}-build`, {
        kind: PrivateComputeKinds.Cluster,
        workspaceName: workspace.workspaceName,
        resourceGroupName: group.name,
        workspaceLocation: location,
        subnetId: net.servicesSubnetId,
        computeName: "cpu-cluster",
        vmSize: "Standard_DS3_v2",
      });
    }
  };
}
