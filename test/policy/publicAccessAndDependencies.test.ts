import { expect } from "chai";
import { dependencyEndpointsPerVnet } from "../../policy/rules/dependencyEndpointsPerVnet";
import { publicAccessWithEndpoints } from "../../policy/rules/publicAccessWithEndpoints";
import { messagesOf } from "./check";
import { forms } from "./graph";
import { allTargets, core, endpointSet, isolatedClients, network, rg, singleVnet } from "./topologies";

describe("rule 5: public access alongside private endpoints", () => {
  it("flags a workspace open to all networks that has private endpoints", () => {
    const t = singleVnet("preview");
    t.workspace.props.publicNetworkAccess = "Enabled";
    const messages = messagesOf(t.graph.resources(), publicAccessWithEndpoints);
    expect(messages).to.have.length(1);
    expect(messages[0]).to.include("open to all networks").and.include("1 private endpoint(s)");
  });
  it("flags allowPublicAccessWhenBehindVnet set alongside publicNetworkAccess", () => {
    const t = singleVnet("update");
    t.workspace.props.allowPublicAccessWhenBehindVnet = false;
    expect(messagesOf(t.graph.resources(), publicAccessWithEndpoints)[0]).to.include(
      "Each property overrides the other",
    );
  });
  it("accepts an open workspace without endpoints and a private one with endpoints", () => {
    const c = core("update");
    c.workspace.props.publicNetworkAccess = "Enabled";
    expect(messagesOf(c.graph.resources(), publicAccessWithEndpoints)).to.deep.equal([]);
    expect(messagesOf(singleVnet("update").graph.resources(), publicAccessWithEndpoints)).to.deep.equal([]);
  });
});

describe("rule 6: dependency endpoints in every workspace VNet", () => {
  for (const form of forms) {
    it(`flags a clients VNet without a vault endpoint (${form})`, () => {
      const t = singleVnet(form);
      const clients = network(t.graph, "clients", "10.1");
      endpointSet(
        t.graph,
        "clients",
        clients,
        "rg-clients-dns",
        allTargets(t).filter((x) => x.groupId !== "vault"),
      );
      const messages = messagesOf(t.graph.resources(), dependencyEndpointsPerVnet);
      expect(messages).to.have.length(1);
      expect(messages[0]).to.match(
        /^VNet 'clients-vnet', which holds a private endpoint of ML workspace 'mlw', has no private endpoint for vault \(key vault 'kv'\)/,
      );
    });
  }
  it("flags a workspace whose only endpoint is in a VNet without its dependencies' endpoints", () => {
    const c = core("update");
    const services = network(c.graph, "services", "10.0");
    const clients = network(c.graph, "clients", "10.1");
    endpointSet(
      c.graph,
      "services",
      services,
      rg,
      allTargets(c).filter((x) => x.groupId !== "amlworkspace"),
    );
    endpointSet(
      c.graph,
      "clients",
      clients,
      "rg-clients-dns",
      allTargets(c).filter((x) => x.groupId === "amlworkspace"),
    );
    const messages = messagesOf(c.graph.resources(), dependencyEndpointsPerVnet);
    expect(
      messages.some((m) => m.includes("has no private endpoint in a VNet that also holds endpoints of")),
    ).to.equal(true);
    expect(
      messages.some(
        (m) => m.includes("VNet 'clients-vnet'") && m.includes("blob (storage account 'st'), file"),
      ),
    ).to.equal(true);
  });
  it("accepts isolated clients, and public dependencies without endpoints", () => {
    expect(
      messagesOf(isolatedClients("preview").graph.resources(), dependencyEndpointsPerVnet),
    ).to.deep.equal([]);
    const c = core("update");
    for (const dep of [c.storage, c.registry]) dep.props.publicNetworkAccess = "Enabled";
    (c.vault.props.properties as Record<string, unknown>).publicNetworkAccess = "Enabled";
    endpointSet(c.graph, "services", network(c.graph, "services", "10.0"), rg, [
      { node: c.workspace, groupId: "amlworkspace" },
    ]);
    expect(messagesOf(c.graph.resources(), dependencyEndpointsPerVnet)).to.deep.equal([]);
  });
});
