/**
 * dns-forwarding-ruleset-link-limits: Azure refuses a second forwarding ruleset linked to a VNet ("DNS
 * forwarding ruleset linked to a virtual network | 1", MicrosoftDocs/azure-docs includes/dns-limits-private-resolver.md,
 * added by PR #125137) and a ruleset linked to a VNet of another region ("A ruleset can't be linked to a
 * virtual network in another region.", articles/dns/private-resolver-endpoints-rulesets.md).
 */
import { expect } from "chai";
import { runOnMocks } from "../../plan/mockRun";
import { unknownSentinel } from "../../plan/policy/engineValue";
import { stackModel } from "../../plan/modelResources";
import { rulesetLinkLimits } from "../../policy/rules/rulesetLinkLimits";
import { discoveredGraph } from "../analyzer/discoveredForm";
import { hubSpoke, type HubSpokeArgs } from "../analyzer/programs/hubSpoke";
import { sharedRuns } from "./sharedRuns";

describe("dns-forwarding-ruleset-link-limits: one ruleset per VNet, of the VNet's region", function () {
  this.timeout(60_000);
  // The update and discovered forms read the same update run.
  const runOf = sharedRuns(hubSpoke);
  async function found(args: HubSpokeArgs, form: "preview" | "update" | "discovered") {
    const run = await runOf(args, form === "preview");
    const model = stackModel(form === "discovered" ? discoveredGraph(run) : run.graph);
    return rulesetLinkLimits.check(model, rulesetLinkLimits.defaults);
  }

  for (const form of ["preview", "update", "discovered"] as const) {
    it(`reports the second ruleset linked to a VNet, on its link (${form})`, async () => {
      const violations = await found({ dns: "ruleset", rulesetMistake: "secondRuleset" }, form);
      expect(violations).to.have.length(1);
      expect(violations[0].urn).to.include("ruleset-second-spoke-link");
      expect(violations[0].message)
        .to.include("Azure allows one ruleset per VNet")
        .and.include("DNS forwarding ruleset linked to a virtual network | 1");
    });

    it(`reports a ruleset linked to a VNet of another region (${form})`, async () => {
      const violations = await found({ dns: "ruleset", rulesetMistake: "otherRegion" }, form);
      expect(violations).to.have.length(1);
      expect(violations[0].message)
        .to.include("(northeurope) to VNet 'spoke-vnet' in another region (westeurope)")
        .and.include("A ruleset can't be linked to a virtual network in another region.");
    });
  }

  it("compares regions by name, not spelling: 'West Europe' is westeurope", async () => {
    const run = await runOnMocks(hubSpoke({ dns: "ruleset" }), { preview: false });
    for (const vnet of run.graph.ofType("azure-native:network:VirtualNetwork"))
      for (const props of [vnet.inputs, vnet.outputs]) props.location = "West Europe";
    expect(rulesetLinkLimits.check(stackModel(run.graph), rulesetLinkLimits.defaults)).to.deep.equal([]);
  });

  // Each later ruleset is reported against the first one linked, and a second link of that same ruleset is no
  // second ruleset: the limit counts rulesets per VNet, not links.
  it("reports every later ruleset against the first linked, and not the first ruleset linked again", async () => {
    const run = await runOnMocks(hubSpoke({ dns: "ruleset", rulesetMistake: "secondRuleset" }), {
      preview: false,
    });
    const copy = (name: string, from: string, to: string) => {
      const text = JSON.stringify(run.graph.named(name)).split(from).join(to);
      run.graph.resources.push(JSON.parse(text) as (typeof run.graph.resources)[number]);
    };
    copy("ruleset-second", "second", "third");
    copy("ruleset-second-spoke-link", "second", "third");
    const before = rulesetLinkLimits.check(stackModel(run.graph), rulesetLinkLimits.defaults);
    expect(before).to.have.length(2);
    const first = /but (.*) is linked to it already/.exec(before[0].message)![1];
    expect(before[1].message).to.include(`but ${first} is linked to it already`);
    expect(before.map((v) => v.urn).join(" ")).to.include("ruleset-third-spoke-link");
    copy("ruleset-spoke-link", "link-spoke", "link-spoke-again");
    const again = rulesetLinkLimits.check(stackModel(run.graph), rulesetLinkLimits.defaults);
    expect(again.map((v) => v.message)).to.deep.equal(before.map((v) => v.message));
  });

  // Unknown at preview, the link's ruleset could be the one linked already: the update checks it.
  it("leaves a link whose ruleset is unknown at preview alone", async () => {
    const run = await runOnMocks(hubSpoke({ dns: "ruleset", rulesetMistake: "secondRuleset" }), {
      preview: false,
    });
    const link = run.graph.named("ruleset-second-spoke-link");
    for (const props of [link.inputs, link.outputs]) props.dnsForwardingRulesetName = unknownSentinel;
    delete link.propertyDependencies.dnsForwardingRulesetName;
    expect(rulesetLinkLimits.check(stackModel(run.graph), rulesetLinkLimits.defaults)).to.deep.equal([]);
  });

  it("accepts one ruleset of the VNet's region", async () => {
    expect(await found({ dns: "ruleset" }, "update")).to.deep.equal([]);
  });
});
