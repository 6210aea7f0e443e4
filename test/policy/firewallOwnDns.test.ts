/**
 * An Azure Firewall without a policy carries its DNS settings itself, as azure-native's `additionalProperties`
 * string map: classic DNS proxy `additionalProperties["Network.DNS.EnableProxy"]` (`"true"`)
 * (shared/reference/azure-resource-graph-facts.md, from AzureFirewallGet.json), and its DNS servers as one
 * comma-separated `Network.DNS.Servers` string.
 */
import { expect } from "chai";
import { runOnMocks, type RecordedGraph } from "../../plan/mockRun";
import { stackModel } from "../../plan/modelResources";
import { DnsHostKinds } from "../../policy/model/networkGraph";
import type { StackModel } from "../../policy/model/types";
import { isUnknown } from "../../policy/model/values";
import { zoneLinkedToVnet } from "../../policy/rules/zoneLinkedToVnet";
import { hubSpoke } from "../analyzer/programs/hubSpoke";
import { unknownString } from "./graph";

const firewallHost = (model: StackModel) =>
  [...model.network.hosts.values()].find((h) => h.kind === DnsHostKinds.firewall)!;

describe("a firewall's own DNS settings (additionalProperties, no policy)", function () {
  this.timeout(30_000);
  let run: RecordedGraph;
  before(async () => {
    run = (await runOnMocks(hubSpoke({ dns: "firewall" }), { preview: false })).graph;
  });

  /** The stack's model with the firewall's policy replaced by `additionalProperties`. */
  const modelWith = (additionalProperties: Record<string, string>) => {
    const firewall = run.named("fw");
    const saved = {
      inputs: { ...firewall.inputs },
      outputs: { ...firewall.outputs },
      propertyDependencies: { ...firewall.propertyDependencies },
      dependencies: [...firewall.dependencies],
    };
    const policy = run.named("fw-policy").urn;
    delete firewall.propertyDependencies.firewallPolicy;
    firewall.dependencies = firewall.dependencies.filter((d) => d !== policy);
    for (const props of [firewall.inputs, firewall.outputs]) {
      delete props.firewallPolicy;
      props.additionalProperties = additionalProperties;
    }
    try {
      return stackModel(run);
    } finally {
      Object.assign(firewall, saved);
    }
  };
  const withOwnSettings = (additionalProperties: Record<string, string>) =>
    firewallHost(modelWith(additionalProperties));

  it("reads DNS proxy in any case, and each of the comma-separated DNS servers, trimmed", () => {
    expect(
      withOwnSettings({ "Network.DNS.EnableProxy": "True", "Network.DNS.Servers": "10.0.5.4, 10.0.5.5" }),
    ).to.deep.include({ dnsProxy: true, forwardsTo: ["10.0.5.4", "10.0.5.5"] });
  });

  it("leaves DNS proxy unknown while its value is (preview), and off when not set", () => {
    expect(isUnknown(withOwnSettings({ "Network.DNS.EnableProxy": unknownString }).dnsProxy)).to.equal(true);
    // "By default, Azure Firewall uses Azure DNS and DNS Proxy is disabled." (firewall/dns-settings)
    expect(withOwnSettings({}).dnsProxy).to.equal(false);
  });

  // DNS proxy is set on the firewall itself here: the finding is on it, as it is on the policy that sets it.
  it("reports DNS proxy off once, on the firewall", () => {
    const found = zoneLinkedToVnet.check(
      modelWith({ "Network.DNS.EnableProxy": "false" }),
      zoneLinkedToVnet.defaults,
    );
    expect(found).to.have.length(1);
    expect(found[0].message).to.include("does not enable DNS proxy");
    expect(found[0].urn).to.equal(run.named("fw").urn);
  });
});
