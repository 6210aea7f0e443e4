/**
 * The documented preview and unknown branches of rules, one test each, so a mutation that drops or flips one
 * fails a test (issue 21's mutation check found these surviving).
 */
import { expect } from "chai";
import { computeRegion } from "../../policy/rules/computeRegion";
import { endpointSubnetPolicies } from "../../policy/rules/endpointSubnetPolicies";
import { managedNetworkComputeSubnet } from "../../policy/rules/managedNetworkComputeSubnet";
import { onlineEndpointSelectedIps } from "../../policy/rules/onlineEndpointSelectedIps";
import { registryPremium } from "../../policy/rules/registryPremium";
import { messagesOf } from "./check";
import { nameOf, ref, unknownString } from "./graph";
import { computeCluster, core, location, network, rg, singleVnet, tokens } from "./topologies";

describe("rule branches", () => {
  describe("managed-network-compute-subnet", () => {
    function managedWithCompute(computeType: string, subnet: unknown) {
      const c = core("preview");
      c.workspace.props.managedNetwork = { isolationMode: "AllowInternetOutbound" };
      c.graph.add(tokens.compute, "placed", {
        resourceGroupName: rg,
        workspaceName: nameOf(c.workspace),
        computeName: "placed",
        location,
        properties: { computeType, properties: { subnet: { id: subnet } } },
      });
      return c;
    }

    it("flags a compute instance in a subnet of its own, as it does a cluster", () => {
      const c = core("update");
      c.workspace.props.managedNetwork = { isolationMode: "AllowInternetOutbound" };
      const net = network(c.graph, "own", "10.7");
      c.graph.add(tokens.compute, "ci", {
        resourceGroupName: rg,
        workspaceName: nameOf(c.workspace),
        computeName: "ci",
        location,
        properties: {
          computeType: "ComputeInstance",
          properties: { subnet: { id: ref(net.computeSubnet) } },
        },
      });
      expect(messagesOf(c.graph.resources(), managedNetworkComputeSubnet)).to.deep.equal([
        "compute 'ci' (ComputeInstance) is placed in subnet 'own-snet-compute', but ML workspace 'mlw' has a managed network (AllowInternetOutbound). Azure ML docs (how-to-managed-network): \"When using Managed virtual network, you can't deploy compute resources inside your custom virtual network. Compute resources can only be created inside the managed virtual network.\" Fix: remove the compute's subnet so it runs in the managed VNet",
      ]);
    });

    it("flags a subnet unknown at preview (any subnet is wrong here), naming it 'a subnet'", () => {
      const messages = messagesOf(
        managedWithCompute("AmlCompute", unknownString).graph.resources(),
        managedNetworkComputeSubnet,
      );
      expect(messages).to.have.length(1);
      expect(messages[0]).to.include(
        "compute 'placed' (AmlCompute) is placed in a subnet, but ML workspace 'mlw'",
      );
    });

    it("reads the compute type regardless of case", () => {
      const messages = messagesOf(
        managedWithCompute("amlcompute", unknownString).graph.resources(),
        managedNetworkComputeSubnet,
      );
      expect(messages).to.have.length(1);
    });
  });

  describe("online-endpoint-selected-ips", () => {
    function withEndpoint(access: unknown) {
      const t = singleVnet("update");
      Object.assign(t.workspace.props, {
        publicNetworkAccess: "Enabled",
        networkAcls: { defaultAction: "Deny", ipRules: [{ value: "16.17.18.0/24" }] },
      });
      t.graph.add(tokens.onlineEndpoint, "ep", {
        resourceGroupName: rg,
        workspaceName: nameOf(t.workspace),
        endpointName: "ep",
        properties: { authMode: "Key", publicNetworkAccess: access },
      });
      return messagesOf(t.graph.resources(), onlineEndpointSelectedIps);
    }

    it("reads publicNetworkAccess regardless of case ('disabled' and 'DISABLED' are Disabled)", () => {
      expect(withEndpoint("disabled")).to.deep.equal([]);
      expect(withEndpoint("DISABLED")).to.deep.equal([]);
      expect(withEndpoint("enabled")).to.have.length(1);
    });

    it("stays silent while the endpoint's access is unknown (preview), and names an explicit Enabled", () => {
      expect(withEndpoint(unknownString)).to.deep.equal([]);
      expect(withEndpoint("Enabled")[0]).to.include("has public ingress enabled while ML workspace 'mlw'");
    });
  });

  it("registry-premium reads the SKU regardless of case", () => {
    for (const name of ["premium", "PREMIUM"]) {
      const t = singleVnet("update");
      t.registry.props.sku = { name };
      expect(messagesOf(t.graph.resources(), registryPremium), name).to.deep.equal([]);
    }
  });

  it("endpoint-subnet-policies reads the policies regardless of case", () => {
    const t = singleVnet("update");
    t.services.endpointSubnet.props.privateEndpointNetworkPolicies = "disabled";
    expect(messagesOf(t.graph.resources(), endpointSubnetPolicies)).to.deep.equal([]);
  });

  it("compute-region compares regions by name, not spelling ('West Europe' is westeurope)", () => {
    const t = singleVnet("update");
    const net = network(t.graph, "other", "10.5");
    computeCluster(t.graph, t.workspace, net.computeSubnet, "near").props.location = "West Europe";
    expect(messagesOf(t.graph.resources(), computeRegion)).to.deep.equal([]);
  });
});
