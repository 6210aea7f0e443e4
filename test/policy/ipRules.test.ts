import { expect } from "chai";
import { invalidIpRules } from "../../policy/rules/invalidIpRules";
import { ipRulesOnDisabledWorkspace } from "../../policy/rules/ipRulesOnDisabledWorkspace";
import { check, messagesOf } from "./check";
import { unknownString } from "./graph";
import { singleVnet } from "./topologies";

describe("rule 3: IP rules left on a Disabled workspace", () => {
  it("flags ipAllowlist entries on a Disabled workspace", () => {
    const t = singleVnet("update");
    t.workspace.props.ipAllowlist = ["16.17.18.19"];
    const messages = messagesOf(t.graph.resources(), ipRulesOnDisabledWorkspace);
    expect(messages).to.have.length(1);
    expect(messages[0]).to.include("16.17.18.19").and.include("continue to respect the selected IPs");
  });
  it("accepts a Disabled workspace with no rules and a selected-IP workspace with rules", () => {
    const t = singleVnet("update");
    expect(messagesOf(t.graph.resources(), ipRulesOnDisabledWorkspace)).to.deep.equal([]);
    Object.assign(t.workspace.props, { publicNetworkAccess: "Enabled", ipAllowlist: ["16.17.18.19"] });
    expect(messagesOf(t.graph.resources(), ipRulesOnDisabledWorkspace)).to.deep.equal([]);
  });
});

describe("rule 4: invalid IP rules", () => {
  const withRules = (values: string[]) => {
    const t = singleVnet("update");
    Object.assign(t.workspace.props, {
      publicNetworkAccess: "Enabled",
      networkAcls: { defaultAction: "Deny", ipRules: values.map((value) => ({ value })) },
    });
    return t.graph.resources();
  };
  it("flags private, IPv6 and host-bit rules, one message each", () => {
    const messages = messagesOf(
      withRules(["10.1.2.3", "16.17.18.0/24", "2001:db8::1", "16.17.18.1/24"]),
      invalidIpRules,
    );
    expect(messages).to.have.length(3);
    expect(messages.join("\n")).to.include("'10.1.2.3'").and.include("IPv6").and.include("host bits");
  });
  it("flags more rules than the configured limit, and more than 200 by default", () => {
    expect(
      messagesOf(withRules(["16.17.18.19", "16.17.18.20"]), invalidIpRules, { maxRules: 1 }),
    ).to.have.length(1);
    const many = Array.from({ length: 201 }, (_, i) => `20.0.${Math.floor(i / 250)}.${(i % 250) + 1}`);
    expect(messagesOf(withRules(many), invalidIpRules)).to.have.length(1);
    expect(messagesOf(withRules(many.slice(0, 200)), invalidIpRules)).to.deep.equal([]);
  });
  it("leaves a workspace whose rules are unknown at preview alone without failing the rule", () => {
    const t = singleVnet("preview");
    Object.assign(t.workspace.props, {
      publicNetworkAccess: "Enabled",
      networkAcls: { defaultAction: "Deny", ipRules: [{ value: unknownString }, { value: "10.0.0.1" }] },
    });
    expect(check(t.graph.resources(), [invalidIpRules])).to.deep.equal([]);
  });
});
