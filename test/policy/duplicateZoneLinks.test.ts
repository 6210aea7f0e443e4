/**
 * private-dns-zone-name-linked-once quotes what Azure says when a VNet is linked to two zones of one name:
 * ARM's error "A virtual network cannot be linked to multiple zones with overlapping namespaces. You tried to
 * link virtual network with 'privatelink.azurecr.io' and 'privatelink.azurecr.io' zones." (Azure/ARO-RP#796)
 * and the Private Link FAQ "No, creating multiple zones with the same name for a single virtual network is not
 * supported." (MicrosoftDocs/azure-docs PR #122956). The sentence once attributed to
 * private-dns-virtual-network-links is not in that page.
 */
import { expect } from "chai";
import { runOnMocks } from "../../plan/mockRun";
import { stackModel } from "../../plan/modelResources";
import { duplicateZoneLinksRule } from "../../policy/rules/duplicateZoneLinks";
import { hubSpoke } from "../analyzer/programs/hubSpoke";

describe("private-dns-zone-name-linked-once: the quote is ARM's error and the Private Link FAQ", function () {
  this.timeout(60_000);

  it("quotes ARM's error text and the FAQ, not the misattributed sentence", async () => {
    const run = await runOnMocks(hubSpoke({ dns: "azureDns", duplicateApiZone: "spoke" }), {
      preview: false,
    });
    const model = stackModel(run.graph);
    const [message] = duplicateZoneLinksRule
      .check(model, duplicateZoneLinksRule.defaults)
      .map((v) => v.message);
    expect(message)
      .to.include("A virtual network cannot be linked to multiple zones with overlapping namespaces.")
      .and.include(
        "No, creating multiple zones with the same name for a single virtual network is not supported.",
      )
      .and.not.include("can't be linked to two private DNS zones");
  });
});
