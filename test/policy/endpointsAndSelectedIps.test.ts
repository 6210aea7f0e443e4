import { expect } from "chai";
import { batchEndpointSelectedIps } from "../../policy/rules/batchEndpointSelectedIps";
import { onlineEndpointSelectedIps } from "../../policy/rules/onlineEndpointSelectedIps";
import { messagesOf } from "./check";
import { forms, nameOf } from "./graph";
import { location, rg, singleVnet, tokens } from "./topologies";

function selectedIpStack(form: (typeof forms)[number]) {
  const t = singleVnet(form);
  Object.assign(t.workspace.props, {
    publicNetworkAccess: "Enabled",
    networkAcls: { defaultAction: "Deny", ipRules: [{ value: "16.17.18.0/24" }] },
  });
  return t;
}

describe("rule 1: online endpoint with public ingress in a selected-IP workspace", () => {
  for (const form of forms) {
    it(`flags an endpoint whose publicNetworkAccess is omitted (${form})`, () => {
      const t = selectedIpStack(form);
      t.graph.add(tokens.onlineEndpoint, "open", {
        resourceGroupName: rg,
        workspaceName: nameOf(t.workspace),
        endpointName: "open",
        location,
        properties: { authMode: "Key" },
      });
      const messages = messagesOf(t.graph.resources(), onlineEndpointSelectedIps);
      expect(messages).to.have.length(1);
      expect(messages[0]).to.match(
        /online endpoint 'open' has public ingress \(publicNetworkAccess is omitted/,
      );
      expect(messages[0]).to.include("ML workspace 'mlw'").and.include("can't enable selected IP addresses");
    });
  }
  it("flags v2 onlineEndpointProperties with Enabled and the older ipAllowlist", () => {
    const t = singleVnet("update");
    Object.assign(t.workspace.props, { publicNetworkAccess: "Enabled", ipAllowlist: ["16.17.18.19"] });
    t.graph.add("azure-native:machinelearningservices/v20230401:OnlineEndpoint", "v2", {
      resourceGroupName: rg,
      workspaceName: "mlw-private",
      endpointName: "v2",
      onlineEndpointProperties: { authMode: "Key", publicNetworkAccess: "Enabled" },
    });
    expect(messagesOf(t.graph.resources(), onlineEndpointSelectedIps)).to.have.length(1);
  });
  it("accepts a Disabled endpoint, and any endpoint of a Disabled or open workspace", () => {
    const t = selectedIpStack("update");
    expect(messagesOf(t.graph.resources(), onlineEndpointSelectedIps)).to.deep.equal([]);
    const open = singleVnet("update");
    open.graph.add(tokens.onlineEndpoint, "open", {
      resourceGroupName: rg,
      workspaceName: "mlw-private",
      endpointName: "open",
      properties: { authMode: "Key", publicNetworkAccess: "Enabled" },
    });
    expect(messagesOf(open.graph.resources(), onlineEndpointSelectedIps)).to.deep.equal([]);
  });
  it("accepts a workspace whose defaultAction is Allow (open to all, not selected IPs)", () => {
    const t = selectedIpStack("update");
    (t.workspace.props.networkAcls as { defaultAction: string }).defaultAction = "Allow";
    t.graph.add(tokens.onlineEndpoint, "open", {
      resourceGroupName: rg,
      workspaceName: "mlw-private",
      properties: {},
    });
    expect(messagesOf(t.graph.resources(), onlineEndpointSelectedIps)).to.deep.equal([]);
  });
});

describe("rule 2: batch endpoint in a selected-IP workspace", () => {
  for (const form of forms) {
    it(`flags it (${form})`, () => {
      const t = selectedIpStack(form);
      t.graph.add(tokens.batchEndpoint, "batch", {
        resourceGroupName: rg,
        workspaceName: nameOf(t.workspace),
        endpointName: "batch",
        properties: { authMode: "AADToken" },
      });
      const messages = messagesOf(t.graph.resources(), batchEndpointSelectedIps);
      expect(messages).to.have.length(1);
      expect(messages[0])
        .to.include("batch endpoint 'batch'")
        .and.include("isn't supported for batch endpoints");
    });
  }
  it("accepts a batch endpoint of a private workspace", () => {
    const t = singleVnet("preview");
    t.graph.add(tokens.batchEndpoint, "batch", {
      resourceGroupName: rg,
      workspaceName: nameOf(t.workspace),
      properties: {},
    });
    expect(messagesOf(t.graph.resources(), batchEndpointSelectedIps)).to.deep.equal([]);
  });
});
