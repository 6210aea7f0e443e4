import { expect } from "chai";
import * as azure from "@pulumi/azure-native";
import { runOnMocks } from "../plan/mockRun";

describe("mock harness", () => {
  it("records parents, dependencies, protect and fake ARM ids; preview leaves ids unknown", async () => {
    const program = () => {
      const rg = new azure.resources.ResourceGroup("rg", { resourceGroupName: "rg-test" });
      const vnet = new azure.network.VirtualNetwork(
        "vnet",
        {
          resourceGroupName: rg.name,
          addressSpace: { addressPrefixes: ["10.0.0.0/16"] },
        },
        { protect: true },
      );
      const subnet = new azure.network.Subnet("snet", {
        resourceGroupName: rg.name,
        virtualNetworkName: vnet.name,
        addressPrefix: "10.0.1.0/24",
      });
      const pe = new azure.network.PrivateEndpoint("pe", {
        resourceGroupName: rg.name,
        location: "westeurope",
        subnet: { id: subnet.id },
        privateLinkServiceConnections: [
          {
            name: "c",
            privateLinkServiceId: "/subscriptions/s/resourceGroups/r/providers/Microsoft.KeyVault/vaults/kv1",
            groupIds: ["vault"],
          },
        ],
      });
      return { ips: pe.customDnsConfigs };
    };
    const up = await runOnMocks(program);
    const pe = up.graph.named("pe");
    expect(pe.propertyDependencies.subnet).to.have.length(1);
    expect(up.graph.named("vnet").protect).to.equal(true);
    expect(up.graph.named("snet").id).to.match(
      /\/virtualNetworks\/vnet[0-9a-f]{7}\/subnets\/snet[0-9a-f]{7}$/,
    );
    expect(up.outputs.ips).to.deep.equal([{ fqdn: "kv1.vault.azure.net", ipAddresses: ["10.0.1.4"] }]);
    const preview = await runOnMocks(program, { preview: true });
    expect(preview.graph.resources.map((r) => r.urn)).to.deep.equal(up.graph.resources.map((r) => r.urn));
    expect(preview.graph.named("snet").id).to.equal(undefined);
  });
});
