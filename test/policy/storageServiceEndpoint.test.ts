/**
 * Clients of a managed-network workspace may reach the default storage through a storage service endpoint:
 * "Create a _private endpoint_ or _service endpoint_ for the default storage account in the Azure Virtual
 * Network that the clients use." (MicrosoftDocs/azure-ai-docs articles/machine-learning/how-to-managed-network.md,
 * "Azure Machine Learning studio"). The subnet's `serviceEndpoints` name Microsoft.Storage and the account's
 * `networkRuleSet.virtualNetworkRules` admit that subnet; public network access Disabled shuts that path.
 */
import { expect } from "chai";
import { buildModel } from "../../policy/model/buildModel";
import { reachesByServiceEndpoint } from "../../policy/model/queries";
import { dependencyEndpointsPerVnet } from "../../policy/rules/dependencyEndpointsPerVnet";
import { messagesOf } from "./check";
import { forms, ref, type Form } from "./graph";
import { core, endpointSet, network, rg, type Core } from "./topologies";

/** A managed-network workspace whose clients VNet holds only the workspace's endpoint. */
function clients(
  form: Form,
  serviceEndpoint: boolean,
  vnetRule: boolean,
  access = "Enabled",
  managedNetwork = true,
): Core {
  const c = core(form);
  if (managedNetwork) c.workspace.props.managedNetwork = { isolationMode: "AllowOnlyApprovedOutbound" };
  const net = network(c.graph, "clients", "10.1");
  if (serviceEndpoint) net.endpointSubnet.props.serviceEndpoints = [{ service: "Microsoft.Storage" }];
  // The account keeps a private endpoint elsewhere (so it is private), and admits the clients' subnet.
  const services = network(c.graph, "services", "10.2");
  endpointSet(c.graph, "services", services, rg, [{ node: c.storage, groupId: "blob" }]);
  c.storage.props.publicNetworkAccess = access;
  c.storage.props.networkRuleSet = {
    defaultAction: "Deny",
    virtualNetworkRules: vnetRule ? [{ virtualNetworkResourceId: ref(net.endpointSubnet) }] : [],
  };
  endpointSet(c.graph, "clients", net, rg, [{ node: c.workspace, groupId: "amlworkspace" }]);
  return c;
}

describe("managed network: client VNets may reach the default storage through a service endpoint", () => {
  for (const form of forms) {
    it(`a Microsoft.Storage service endpoint the account admits stands for the blob and file endpoints (${form})`, () => {
      expect(
        messagesOf(clients(form, true, true).graph.resources(), dependencyEndpointsPerVnet),
      ).to.deep.equal([]);
    });
  }

  it("without the service endpoint, or without the account's VNet rule, the clients still need endpoints", () => {
    for (const c of [clients("update", false, true), clients("update", true, false)]) {
      const messages = messagesOf(c.graph.resources(), dependencyEndpointsPerVnet);
      expect(messages).to.have.length(1);
      expect(messages[0]).to.include("has no private endpoint for blob (storage account 'st'), file");
    }
  });

  it("a customer-VNet workspace's VNets still need the storage endpoints: the service endpoint is for managed-network clients", () => {
    // "Each VNet that contains a private endpoint for the workspace must also be able to access the Azure
    // Storage Account [...] you might create a private endpoint for the services in each VNet."
    // (how-to-configure-private-link.md); the service-endpoint alternative is written for managed networks only.
    const messages = messagesOf(
      clients("update", true, true, "Enabled", false).graph.resources(),
      dependencyEndpointsPerVnet,
    );
    expect(messages.join("\n")).to.include("blob (storage account 'st')");
    expect(messages.join("\n")).to.include("file (storage account 'st')");
  });

  it("public network access Disabled shuts the service endpoint's path", () => {
    const c = clients("update", true, true, "Disabled");
    expect(messagesOf(c.graph.resources(), dependencyEndpointsPerVnet)).to.have.length(1);
  });

  it("classic: the subnet's serviceEndpoints and the account's networkRules.virtualNetworkSubnetIds", () => {
    const rgId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ml";
    const vnetId = `${rgId}/providers/Microsoft.Network/virtualNetworks/vnet`;
    const classic = (token: string, name: string, props: Record<string, unknown>) => ({
      type: `azure:${token}`,
      name,
      urn: `urn:pulumi:s::p::azure:${token}::${name}`,
      props: { name, resourceGroupName: "rg-ml", ...props },
    });
    const model = buildModel([
      classic("network/virtualNetwork:VirtualNetwork", "vnet", {
        id: vnetId,
        addressSpaces: ["10.1.0.0/16"],
      }),
      classic("network/subnet:Subnet", "clients", {
        id: `${vnetId}/subnets/clients`,
        virtualNetworkName: "vnet",
        addressPrefixes: ["10.1.1.0/24"],
        serviceEndpoints: ["Microsoft.Storage"],
      }),
      classic("storage/account:Account", "st", {
        id: `${rgId}/providers/Microsoft.Storage/storageAccounts/st`,
        accountTier: "Standard",
        accountReplicationType: "LRS",
        networkRules: { defaultAction: "Deny", virtualNetworkSubnetIds: [`${vnetId}/subnets/clients`] },
      }),
    ]);
    const [vnet] = [...model.vnets.keys()];
    const [account] = [...model.services.keys()];
    expect(reachesByServiceEndpoint(model, vnet, account)).to.equal(true);
  });
});
