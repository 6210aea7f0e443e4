/**
 * A VNet's inline `virtualNetworkPeerings` (azure-native's VirtualNetwork input, and what a VNet read back from
 * Azure lists): every entry is a peering of that VNet, each keyed and labelled apart, named or not.
 */
import { expect } from "chai";
import { buildModel } from "../../policy/model/buildModel";
import type { StackResource } from "../../policy/model/stackResource";

const rgId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg";
const vnetId = (name: string) => `${rgId}/providers/Microsoft.Network/virtualNetworks/${name}`;

function vnet(name: string, cidr: string, peerings?: unknown[]): StackResource {
  return {
    type: "azure-native:network:VirtualNetwork",
    name,
    urn: `urn:pulumi:s::p::azure-native:network:VirtualNetwork::${name}`,
    props: {
      id: vnetId(name),
      resourceGroupName: "rg",
      virtualNetworkName: name,
      addressSpace: { addressPrefixes: [cidr] },
      ...(peerings ? { virtualNetworkPeerings: peerings } : {}),
    },
  };
}

describe("policy model: a VNet's inline peerings", () => {
  it("reads every entry, named or not, each with its own key and label, towards its remote VNet", () => {
    const model = buildModel([
      vnet("hub", "10.0.0.0/16", [
        { name: "hub-to-a", remoteVirtualNetwork: { id: vnetId("a") }, allowVirtualNetworkAccess: true },
        { remoteVirtualNetwork: { id: vnetId("b") }, allowForwardedTraffic: true },
        { remoteVirtualNetwork: { id: vnetId("c") } },
      ]),
      vnet("a", "10.1.0.0/16"),
      vnet("b", "10.2.0.0/16"),
      vnet("c", "10.3.0.0/16"),
    ]);
    const urn = (name: string) => `urn:pulumi:s::p::azure-native:network:VirtualNetwork::${name}`;
    expect(
      model.peerings.map((p) => ({
        key: p.key,
        label: p.label,
        remote: p.remoteVnet,
        forwarded: p.allowForwardedTraffic,
      })),
    ).to.deep.equal([
      {
        key: `${urn("hub")}/virtualNetworkPeerings/hub-to-a`,
        label: "peering 'hub-to-a' of VNet 'hub'",
        remote: urn("a"),
        forwarded: undefined,
      },
      {
        key: `${urn("hub")}/virtualNetworkPeerings/#1`,
        label: "peering '#1' of VNet 'hub'",
        remote: urn("b"),
        forwarded: true,
      },
      {
        key: `${urn("hub")}/virtualNetworkPeerings/#2`,
        label: "peering '#2' of VNet 'hub'",
        remote: urn("c"),
        forwarded: undefined,
      },
    ]);
    expect(model.peerings.every((p) => p.vnet === urn("hub"))).to.equal(true);
  });
});
