/**
 * dns-forwarding-ruleset-link-limits: Azure refuses a second forwarding ruleset linked to a VNet ("DNS
 * forwarding ruleset linked to a virtual network | 1", MicrosoftDocs/azure-docs includes/dns-limits-private-resolver.md,
 * added by PR #125137) and a ruleset linked to a VNet of another region ("A ruleset can't be linked to a
 * virtual network in another region.", articles/dns/private-resolver-endpoints-rulesets.md).
 */
import { expect } from "chai";
import { runOnMocks } from "../../plan/mockRun";
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

  it("accepts one ruleset of the VNet's region", async () => {
    expect(await found({ dns: "ruleset" }, "update")).to.deep.equal([]);
  });
});
