/**
 * A resolver inbound endpoint read back from Azure carries its IP configurations in ARM's shape, the subnet and IP
 * under `properties` (`ipConfigurations[].properties.subnet.id`), and no property dependency points at the subnet:
 * the model finds the subnet by that id alone.
 */
import { expect } from "chai";
import { buildModel } from "../../policy/model/buildModel";
import type { StackResource } from "../../policy/model/stackResource";

const rgId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg";
const vnetId = `${rgId}/providers/Microsoft.Network/virtualNetworks/hub`;
const subnetId = `${vnetId}/subnets/snet-inbound`;
const urn = (token: string, name: string) => `urn:pulumi:s::p::azure-native:${token}::${name}`;

const resources: StackResource[] = [
  {
    type: "azure-native:network:Subnet",
    name: "snet-inbound",
    urn: urn("network:Subnet", "snet-inbound"),
    props: { id: subnetId, resourceGroupName: "rg", virtualNetworkName: "hub", addressPrefix: "10.0.4.0/28" },
  },
  {
    type: "azure-native:dnsresolver:InboundEndpoint",
    name: "inbound",
    urn: urn("dnsresolver:InboundEndpoint", "inbound"),
    props: {
      id: `${rgId}/providers/Microsoft.Network/dnsResolvers/resolver/inboundEndpoints/inbound`,
      resourceGroupName: "rg",
      dnsResolverName: "resolver",
      ipConfigurations: [
        {
          properties: {
            subnet: { id: subnetId },
            privateIpAddress: "10.0.4.4",
            privateIpAllocationMethod: "Dynamic",
          },
        },
      ],
    },
  },
];

describe("policy model: ARM's properties shape, read back from Azure", () => {
  it("finds a resolver inbound endpoint's subnet and IP under properties, by the subnet's id alone", () => {
    const model = buildModel(resources);
    const inbound = model.resolverEndpoints.get(urn("dnsresolver:InboundEndpoint", "inbound"))!;
    expect(inbound.subnet).to.equal(urn("network:Subnet", "snet-inbound"));
    expect(inbound.ips).to.deep.equal(["10.0.4.4"]);
  });
});
