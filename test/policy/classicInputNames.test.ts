/**
 * Fix texts name the inputs of the provider a resource was declared with: the classic `@pulumi/azure`
 * resource's own inputs (classicShapes.ts read backwards), the azure-native ones otherwise.
 */
import { expect } from "chai";
import type { StackResource } from "../../policy/model/stackResource";
import type { StackRule } from "../../policy/pack/rule";
import { keyVaultFirewall, keyVaultPublicAccess } from "../../policy/rules/keyVaultNetworkRules";
import { nicNoPublicIp } from "../../policy/rules/nicNoPublicIp";
import { registryNetworkRules, registrySku } from "../../policy/rules/registryNetworkRules";
import {
  storageNetworkRules,
  storagePublicAccess,
  storageTrustedServices,
} from "../../policy/rules/storageNetworkRules";
import { subnetPrivate } from "../../policy/rules/subnetPrivate";
import { messagesOf } from "./check";

const rgId = "/subscriptions/s/resourceGroups/rg";

function classic(token: string, name: string, props: Record<string, unknown>): StackResource {
  return { type: `azure:${token}`, name, urn: `urn:pulumi:s::p::azure:${token}::${name}`, props };
}

const all = { scope: "all" };

/** The one message `rule` reports on `resources`. */
function fixOf(resources: StackResource[], rule: StackRule<object>, config: object = all): string {
  const messages = messagesOf(resources, rule, config);
  expect(messages, rule.name).to.have.length(1);
  return messages[0];
}

describe("fix texts name the classic resource's own inputs", () => {
  it("storage account: publicNetworkAccessEnabled, networkRules.defaultAction, ipRules and bypasses", () => {
    const account = classic("storage/account:Account", "st", {
      name: "st",
      resourceGroupName: "rg",
      publicNetworkAccessEnabled: true,
      networkRules: { defaultAction: "Allow", bypasses: ["Logging"] },
    });
    expect(fixOf([account], storagePublicAccess)).to.contain("set publicNetworkAccessEnabled to false");
    const rules = fixOf([account], storageNetworkRules);
    expect(rules).to.contain('networkRules.defaultAction to "Deny"');
    expect(rules).to.contain("remove networkRules.ipRules");
    expect(fixOf([account], storageTrustedServices)).to.contain("add AzureServices to networkRules.bypasses");
  });

  it("key vault and registry: publicNetworkAccessEnabled, networkAcls and sku", () => {
    const vault = classic("keyvault/keyVault:KeyVault", "kv", {
      name: "kv",
      resourceGroupName: "rg",
      publicNetworkAccessEnabled: true,
      networkAcls: { defaultAction: "Allow", bypass: "AzureServices" },
    });
    expect(fixOf([vault], keyVaultPublicAccess)).to.contain("set publicNetworkAccessEnabled to false");
    expect(fixOf([vault], keyVaultFirewall)).to.contain('networkAcls.defaultAction to "Deny"');
    const registry = classic("containerservice/registry:Registry", "acr", {
      name: "acr",
      resourceGroupName: "rg",
      sku: "Basic",
      publicNetworkAccessEnabled: true,
    });
    expect(fixOf([registry], registryNetworkRules)).to.contain("set publicNetworkAccessEnabled to false");
    expect(fixOf([registry], registrySku)).to.contain('set sku to "Premium"');
  });

  it("subnet and NIC: defaultOutboundAccessEnabled and publicIpAddressId; azure-native names otherwise", () => {
    const subnet = classic("network/subnet:Subnet", "snet", {
      name: "snet",
      resourceGroupName: "rg",
      virtualNetworkName: "vnet",
      addressPrefixes: ["10.0.0.0/24"],
    });
    expect(fixOf([subnet], subnetPrivate)).to.contain("set defaultOutboundAccessEnabled to false");
    const nic = classic("network/networkInterface:NetworkInterface", "nic", {
      name: "nic",
      resourceGroupName: "rg",
      ipConfigurations: [
        { name: "ip", publicIpAddressId: `${rgId}/providers/Microsoft.Network/publicIPAddresses/pip` },
      ],
    });
    expect(fixOf([nic], nicNoPublicIp)).to.contain("remove ipConfigurations.publicIpAddressId");
    const native: StackResource = {
      type: "azure-native:network:Subnet",
      name: "snet2",
      urn: "urn:pulumi:s::p::azure-native:network:Subnet::snet2",
      props: { resourceGroupName: "rg", virtualNetworkName: "vnet", subnetName: "snet2" },
    };
    expect(fixOf([native], subnetPrivate)).to.contain("set defaultOutboundAccess to false");
  });
});
