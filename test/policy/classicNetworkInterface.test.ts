/**
 * A classic `@pulumi/azure` NIC in the model's network graph: its subnet places it in a VNet and its private
 * IP makes it a possible DNS server VM, as an azure-native NIC's do.
 */
import { expect } from "chai";
import { buildModel } from "../../policy/model/buildModel";
import { describePath, resolveName } from "../../policy/model/resolution";
import type { StackResource } from "../../policy/model/stackResource";

const rgId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg";
const vnetId = (name: string) => `${rgId}/providers/Microsoft.Network/virtualNetworks/${name}`;

/** A classic resource after update (ids known, no property dependencies). */
function classic(token: string, name: string, props: Record<string, unknown>): StackResource {
  return { type: `azure:${token}`, name, urn: `urn:pulumi:s::p::azure:${token}::${name}`, props };
}

const vnet = (name: string, cidr: string, dnsServers?: string[]) =>
  classic("network/virtualNetwork:VirtualNetwork", name, {
    name,
    id: vnetId(name),
    resourceGroupName: "rg",
    addressSpaces: [cidr],
    dnsServers,
  });

const peering = (from: string, to: string) =>
  classic("network/virtualNetworkPeering:VirtualNetworkPeering", `${from}-to-${to}`, {
    name: `${from}-to-${to}`,
    id: `${vnetId(from)}/virtualNetworkPeerings/${from}-to-${to}`,
    resourceGroupName: "rg",
    virtualNetworkName: from,
    remoteVirtualNetworkId: vnetId(to),
    allowVirtualNetworkAccess: true,
  });

/** The hub's jump host NIC as azurerm returns it after create: the private IP Azure gave it. */
const nic = classic("network/networkInterface:NetworkInterface", "dsvm", {
  name: "nic-dsvm",
  id: `${rgId}/providers/Microsoft.Network/networkInterfaces/nic-dsvm`,
  resourceGroupName: "rg",
  ipConfigurations: [
    {
      name: "configuration",
      subnetId: `${vnetId("hub")}/subnets/snet-jumphost`,
      privateIpAddressAllocation: "Dynamic",
      privateIpAddress: "10.1.2.4",
    },
  ],
  privateIpAddress: "10.1.2.4",
});

const zoneName = "privatelink.api.azureml.ms";
const zoneId = `${rgId}/providers/Microsoft.Network/privateDnsZones/${zoneName}`;

describe("policy model: a classic NIC in the network graph", () => {
  it("a spoke whose DNS server is a classic NIC's IP in the hub resolves through that VM and the hub's links", () => {
    const model = buildModel([
      vnet("hub", "10.1.0.0/16"),
      vnet("spoke", "10.0.0.0/16", ["10.1.2.4"]),
      classic("network/subnet:Subnet", "snet-jumphost", {
        name: "snet-jumphost",
        id: `${vnetId("hub")}/subnets/snet-jumphost`,
        resourceGroupName: "rg",
        virtualNetworkName: "hub",
        addressPrefixes: ["10.1.2.0/24"],
      }),
      peering("hub", "spoke"),
      peering("spoke", "hub"),
      nic,
      classic("privatedns/zone:Zone", "api", { name: zoneName, id: zoneId, resourceGroupName: "rg" }),
      classic("privatedns/zoneVirtualNetworkLink:ZoneVirtualNetworkLink", "api-hub", {
        name: "api-hub",
        id: `${zoneId}/virtualNetworkLinks/api-hub`,
        resourceGroupName: "rg",
        privateDnsZoneName: zoneName,
        virtualNetworkId: vnetId("hub"),
      }),
    ]);
    const vnetKey = (name: string) =>
      [...model.vnets.values()].find((v) => v.label === `VNet '${name}'`)!.key;
    const [read] = model.networkInterfaces;
    expect([read.vnet, read.ips]).to.deep.equal([vnetKey("hub"), ["10.1.2.4"]]);
    const answer = resolveName(model.network, vnetKey("spoke"), zoneName);
    expect(answer.verdict).to.equal("ok");
    expect(describePath(answer)).to.include("DNS server VM on network interface 'dsvm' in VNet 'hub'");
  });
});
