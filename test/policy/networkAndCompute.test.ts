import { expect } from "chai";
import { computeRegion } from "../../policy/rules/computeRegion";
import { computeVnet } from "../../policy/rules/computeVnet";
import { dockerBridgeOverlap } from "../../policy/rules/dockerBridgeOverlap";
import { endpointSubnetPolicies } from "../../policy/rules/endpointSubnetPolicies";
import { imageBuildCompute } from "../../policy/rules/imageBuildCompute";
import { registryPremium } from "../../policy/rules/registryPremium";
import { synapseExfiltration } from "../../policy/rules/synapseExfiltration";
import { messagesOf } from "./check";
import { forms, nameOf, ref, unknownString } from "./graph";
import { computeCluster, core, isolatedClients, network, rg, singleVnet, tokens } from "./topologies";

describe("rule 8: address space and endpoint subnets", () => {
  it("flags a VNet and an inline subnet overlapping 172.17.0.0/16, not 172.16.0.0/16", () => {
    const t = singleVnet("update");
    t.graph.add(tokens.vnet, "docker", {
      resourceGroupName: rg,
      virtualNetworkName: "vnet-docker",
      addressSpace: { addressPrefixes: ["172.16.0.0/12"] },
      subnets: [
        { name: "a", addressPrefix: "172.17.4.0/24" },
        { name: "b", addressPrefix: "172.16.1.0/24" },
      ],
    });
    const messages = messagesOf(t.graph.resources(), dockerBridgeOverlap);
    expect(messages).to.have.length(2);
    expect(messages[1]).to.include("subnet 'a' of VNet 'docker' uses 172.17.4.0/24");
  });
  // A range sharing a single address with the bridge overlaps it: its first and last addresses count.
  it("flags ranges sharing only the bridge's first or last address, not the addresses either side", () => {
    const t = singleVnet("update");
    t.graph.add(tokens.vnet, "edges", {
      resourceGroupName: rg,
      virtualNetworkName: "vnet-edges",
      addressSpace: {
        addressPrefixes: ["172.17.255.255/32", "172.17.0.0/32", "172.16.255.255/32", "172.18.0.0/32"],
      },
    });
    const messages = messagesOf(t.graph.resources(), dockerBridgeOverlap);
    expect(messages.map((m) => /uses (\S+),/.exec(m)![1])).to.deep.equal([
      "172.17.255.255/32",
      "172.17.0.0/32",
    ]);
  });
  for (const form of forms) {
    it(`flags an endpoint subnet with network policies Enabled (${form})`, () => {
      const t = singleVnet(form);
      t.services.endpointSubnet.props.privateEndpointNetworkPolicies = "Enabled";
      const messages = messagesOf(t.graph.resources(), endpointSubnetPolicies);
      expect(messages).to.have.length(1);
      expect(messages[0]).to.include("subnet 'services-snet-pe' hosts private endpoints");
    });
  }
  // "By default, network policies are disabled for a subnet in a virtual network." (private-link docs,
  // disable-private-endpoint-network-policy): an endpoint subnet that omits the setting is fine.
  it("accepts an endpoint subnet that omits privateEndpointNetworkPolicies (Azure's default is Disabled)", () => {
    const t = singleVnet("update");
    delete t.services.endpointSubnet.props.privateEndpointNetworkPolicies;
    expect(messagesOf(t.graph.resources(), endpointSubnetPolicies)).to.deep.equal([]);
  });
  it("ignores a subnet with policies Enabled that hosts no endpoint", () => {
    const t = singleVnet("update");
    t.services.computeSubnet.props.privateEndpointNetworkPolicies = "Enabled";
    expect(messagesOf(t.graph.resources(), endpointSubnetPolicies)).to.deep.equal([]);
  });
});

describe("rule 9: compute region and VNet", () => {
  for (const form of forms) {
    it(`flags a cluster in another region and in a VNet without workspace endpoints (${form})`, () => {
      const t = singleVnet(form);
      const other = network(t.graph, "other", "10.5");
      const cluster = computeCluster(t.graph, t.workspace, other.computeSubnet, "far-cluster");
      cluster.props.location = "eastus";
      expect(messagesOf(t.graph.resources(), computeRegion)[0]).to.include(
        "compute 'far-cluster' (AmlCompute) runs in eastus",
      );
      expect(messagesOf(t.graph.resources(), computeVnet)[0]).to.include(
        "is in VNet 'other-vnet', which holds no private endpoint",
      );
    });
  }
  it("takes an attached AKS cluster's region and VNet from the cluster", () => {
    const t = singleVnet("preview");
    const other = network(t.graph, "aks", "10.6");
    const aks = t.graph.add("azure-native:containerservice:ManagedCluster", "aks", {
      resourceGroupName: rg,
      resourceName: "aks1",
      location: "northeurope",
      agentPoolProfiles: [{ name: "sys", vnetSubnetID: ref(other.computeSubnet) }],
    });
    t.graph.add(tokens.compute, "attached", {
      resourceGroupName: rg,
      workspaceName: nameOf(t.workspace),
      computeName: "attached",
      properties: { computeType: "AKS", resourceId: ref(aks) },
    });
    expect(messagesOf(t.graph.resources(), computeRegion)[0]).to.include("runs in northeurope");
    expect(messagesOf(t.graph.resources(), computeVnet)[0]).to.include("VNet 'aks-vnet'");
  });
  // "A compute in a VNet must be in a VNet that holds one of its workspace's private endpoints": any one of them,
  // so a compute instance in the services VNet passes though the workspace has a second endpoint in the clients VNet.
  it("accepts a compute instance in one of the VNets holding a workspace endpoint, with others elsewhere", () => {
    const t = isolatedClients("update");
    computeCluster(t.graph, t.workspace, t.services.computeSubnet, "ci").props.properties = {
      computeType: "ComputeInstance",
      properties: { subnet: { id: ref(t.services.computeSubnet) }, vmSize: "STANDARD_DS3_V2" },
    };
    expect(messagesOf(t.graph.resources(), computeVnet)).to.deep.equal([]);
  });
  it("says nothing while a workspace endpoint's VNet is unknown at preview (it may be the compute's)", () => {
    const t = singleVnet("update");
    const other = network(t.graph, "other", "10.5");
    computeCluster(t.graph, t.workspace, other.computeSubnet, "ci").props.properties = {
      computeType: "ComputeInstance",
      properties: { subnet: { id: ref(other.computeSubnet) }, vmSize: "STANDARD_DS3_V2" },
    };
    expect(messagesOf(t.graph.resources(), computeVnet)).to.have.length(1);
    const endpoint = t.graph.nodes.find((n) => n.name === "services-pe-mlw-amlworkspace")!;
    endpoint.props.subnet = { id: unknownString };
    expect(messagesOf(t.graph.resources(), computeVnet)).to.deep.equal([]);
  });
  // With a managed network computes run in the managed VNet: while the mode is unknown at preview, nothing is said.
  it("says nothing while the workspace's managed-network mode is unknown at preview", () => {
    const t = singleVnet("update");
    computeCluster(t.graph, t.workspace, network(t.graph, "other", "10.5").computeSubnet, "far");
    expect(messagesOf(t.graph.resources(), computeVnet)).to.have.length(1);
    t.workspace.props.managedNetwork = { isolationMode: unknownString };
    expect(messagesOf(t.graph.resources(), computeVnet)).to.deep.equal([]);
  });
  it("accepts any region when the workspace has no private endpoint", () => {
    const c = core("update");
    const net = network(c.graph, "x", "10.0");
    computeCluster(c.graph, c.workspace, net.computeSubnet).props.location = "eastus";
    expect(messagesOf(c.graph.resources(), computeRegion)).to.deep.equal([]);
    expect(messagesOf(c.graph.resources(), computeVnet)).to.deep.equal([]);
  });
});

describe("rule 10: image builds and registry tier", () => {
  for (const form of forms) {
    it(`flags a workspace with private dependencies and no imageBuildCompute (${form})`, () => {
      const t = singleVnet(form);
      delete t.workspace.props.imageBuildCompute;
      const messages = messagesOf(t.graph.resources(), imageBuildCompute);
      expect(messages).to.have.length(1);
      expect(messages[0]).to.include("storage account 'st', key vault 'kv', container registry 'acr'");
    });
    it(`flags a Standard registry with private endpoints (${form})`, () => {
      const t = singleVnet(form);
      t.registry.props.sku = { name: "Standard" };
      expect(messagesOf(t.graph.resources(), registryPremium)[0]).to.include(
        "container registry 'acr' has private endpoints but SKU Standard",
      );
    });
  }
  it("accepts public dependencies without imageBuildCompute and a Standard registry without endpoints", () => {
    const c = core("update");
    delete c.workspace.props.imageBuildCompute;
    for (const dep of [c.storage, c.registry]) dep.props.publicNetworkAccess = "Enabled";
    (c.vault.props.properties as Record<string, unknown>).publicNetworkAccess = "Enabled";
    c.registry.props.sku = { name: "Standard" };
    expect(messagesOf(c.graph.resources(), imageBuildCompute)).to.deep.equal([]);
    expect(messagesOf(c.graph.resources(), registryPremium)).to.deep.equal([]);
  });
});

describe("rule 11: Synapse data exfiltration protection", () => {
  const withSynapse = (protect: unknown, form: (typeof forms)[number]) => {
    const t = singleVnet(form);
    const synapse = t.graph.add("azure-native:synapse:Workspace", "syn", {
      resourceGroupName: rg,
      workspaceName: "syn1",
      managedVirtualNetwork: "default",
      managedVirtualNetworkSettings: { preventDataExfiltration: protect },
    });
    t.graph.add("azure:synapse/managedPrivateEndpoint:ManagedPrivateEndpoint", "syn-to-ml", {
      name: "ml",
      synapseWorkspaceId: ref(synapse),
      targetResourceId: ref(t.workspace),
      subresourceName: "amlworkspace",
    });
    return t.graph.resources();
  };
  for (const form of forms) {
    it(`flags a managed endpoint to the ML workspace from a protected Synapse workspace (${form})`, () => {
      const messages = messagesOf(withSynapse(true, form), synapseExfiltration);
      expect(messages).to.have.length(1);
      expect(messages[0]).to.include("Synapse workspace 'syn'").and.include("ML workspace 'mlw'");
    });
  }
  it("accepts an unprotected Synapse workspace", () => {
    expect(messagesOf(withSynapse(false, "update"), synapseExfiltration)).to.deep.equal([]);
  });
  it("stays silent while the protection is unknown (preview)", () => {
    expect(messagesOf(withSynapse(unknownString, "preview"), synapseExfiltration)).to.deep.equal([]);
  });
});
