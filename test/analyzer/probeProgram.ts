/** A small raw azure-native program whose private endpoint reaches its subnet only through an output. */
import * as azure from "@pulumi/azure-native";

export const vaultId = "/subscriptions/s/resourceGroups/r/providers/Microsoft.KeyVault/vaults/kv1";

export function probeProgram(): void {
  const rg = new azure.resources.ResourceGroup("rg", { resourceGroupName: "rg-test" });
  const vnet = new azure.network.VirtualNetwork("vnet", {
    resourceGroupName: rg.name,
    addressSpace: { addressPrefixes: ["10.0.0.0/16"] },
  });
  const subnet = new azure.network.Subnet("snet", {
    resourceGroupName: rg.name,
    virtualNetworkName: vnet.name,
    addressPrefix: "10.0.1.0/24",
  });
  new azure.network.PrivateEndpoint("pe", {
    resourceGroupName: rg.name,
    location: "westeurope",
    subnet: { id: subnet.id },
    privateLinkServiceConnections: [{ name: "c", privateLinkServiceId: vaultId, groupIds: ["vault"] }],
  });
}
