/**
 * The fake Azure's answer for a classic `@pulumi/azure` NIC (azurerm_network_interface): its ARM id, and the
 * private IP Azure gives it from its subnet, where azurerm returns it (each `ip_configuration`'s
 * `private_ip_address`, and the NIC's `private_ip_address` and `private_ip_addresses`).
 */
import { expect } from "chai";
import { FakeAzure, fakeSubscriptionId } from "../../plan/fakeAzure";

const rg = `/subscriptions/${fakeSubscriptionId}/resourceGroups`;

describe("fake Azure: a classic NIC", () => {
  it("gets its networkInterfaces id and its subnet's next private IP (a static one as given)", () => {
    const azure = new FakeAzure(false);
    const subnet = azure.newResource({
      type: "azure:network/subnet:Subnet",
      name: "snet_jumphost",
      inputs: {
        name: "snet-jumphost",
        resourceGroupName: "rg-hub",
        virtualNetworkName: "vnet-hub",
        addressPrefixes: ["10.1.2.0/24"],
      },
    });
    const nic = (name: string, config: Record<string, unknown>) =>
      azure.newResource({
        type: "azure:network/networkInterface:NetworkInterface",
        name,
        inputs: {
          name,
          resourceGroupName: "rg-spoke",
          location: "East US",
          ipConfigurations: [{ name: "configuration", subnetId: subnet.id, ...config }],
        },
      });
    const dynamic = nic("nic-dsvm", { privateIpAddressAllocation: "Dynamic" });
    expect(dynamic.id).to.equal(`${rg}/rg-spoke/providers/Microsoft.Network/networkInterfaces/nic-dsvm`);
    expect(dynamic.state).to.deep.include({
      ipConfigurations: [
        {
          name: "configuration",
          subnetId: subnet.id,
          privateIpAddressAllocation: "Dynamic",
          privateIpAddress: "10.1.2.4",
        },
      ],
      privateIpAddress: "10.1.2.4",
      privateIpAddresses: ["10.1.2.4"],
    });
    const fixed = nic("nic-dns", { privateIpAddressAllocation: "Static", privateIpAddress: "10.1.2.10" });
    expect(fixed.state).to.deep.include({ privateIpAddress: "10.1.2.10", privateIpAddresses: ["10.1.2.10"] });
  });
});
