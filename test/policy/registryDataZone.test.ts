/**
 * The registry's regional data zone. private-endpoint-dns's zone table lists two zones for `registry`:
 * "privatelink.azurecr.io </br> {regionName}.data.privatelink.azurecr.io" (Commercial) and "privatelink.azurecr.us
 * </br> {regionName}.privatelink.azurecr.us" (Government). "A Private DNS Zone overrides name resolution for
 * all names within the scope of the root of the zone." (how-to-custom-dns): where the regional zone is linked,
 * the data endpoint resolves only from a record there.
 */
import { expect } from "chai";
import { classifyRegionalZone, regionalZonesFor } from "../../policy/azure/clouds";
import { runOnMocks } from "../../plan/mockRun";
import { modelResource } from "../../plan/modelResources";
import { check } from "./check";
import { discoveredGraph } from "../analyzer/discoveredForm";
import { hubSpoke, type HubSpokeArgs } from "../analyzer/programs/hubSpoke";

type Form = "preview" | "update" | "discovered";

async function findingsOf(args: HubSpokeArgs, form: Form): Promise<string[]> {
  const run = await runOnMocks(hubSpoke(args), { preview: form === "preview" });
  const graph = form === "discovered" ? discoveredGraph(run) : run.graph;
  return check(graph.resources.filter((r) => r.custom).map(modelResource))
    .filter((f) => f.level === "mandatory")
    .map((f) => `${f.rule}: ${f.message}`);
}

describe("the registry's regional data zone", function () {
  this.timeout(60_000);

  it("is in the zone table per cloud (Commercial, Government; China lists none)", () => {
    expect(regionalZonesFor("AzureCloud", "registry", "West Europe")).to.deep.equal([
      "westeurope.data.privatelink.azurecr.io",
    ]);
    expect(regionalZonesFor("AzureUSGovernment", "registry", "usgovvirginia")).to.deep.equal([
      "usgovvirginia.privatelink.azurecr.us",
    ]);
    expect(regionalZonesFor("AzureChinaCloud", "registry", "chinaeast2")).to.deep.equal([]);
    expect(regionalZonesFor("AzureCloud", "blob", "westeurope")).to.deep.equal([]);
    expect(classifyRegionalZone("WestEurope.data.privatelink.azurecr.io.")).to.deep.equal({
      cloud: "AzureCloud",
      groupId: "registry",
      region: "westeurope",
    });
    expect(classifyRegionalZone("usgovtexas.privatelink.azurecr.us")?.cloud).to.equal("AzureUSGovernment");
    // Not a region, or the registry zone itself.
    expect(classifyRegionalZone("nowhere.data.privatelink.azurecr.io")).to.equal(undefined);
    expect(classifyRegionalZone("privatelink.azurecr.io")).to.equal(undefined);
  });

  for (const form of ["preview", "update", "discovered"] as const) {
    it(`linked but not written by the registry endpoint: the data endpoint is NXDOMAIN (${form})`, async () => {
      const found = await findingsOf({ dns: "azureDns", registryDataZone: "linkedOnly" }, form);
      const zoneGroup = found.filter((f) => f.startsWith("endpoint-dns-zone-group"));
      expect(zoneGroup).to.have.length(1);
      expect(zoneGroup[0]).to.include("does not name westeurope.data.privatelink.azurecr.io");
    });

    it(`written by the registry endpoint's zone group: no finding (${form})`, async () => {
      expect(await findingsOf({ dns: "azureDns", registryDataZone: "written" }, form)).to.deep.equal([]);
    });
  }

  it("a client spoke resolving through the hub, where the data zone holds no record, cannot reach the registry", async () => {
    const found = await findingsOf(
      { dns: "resolver", endpoints: "split", registryDataZone: "linkedOnly" },
      "update",
    );
    expect(
      found.some(
        (f) => f.startsWith("dependency-endpoints-per-vnet") && f.includes("data.privatelink.azurecr.io"),
      ),
    ).to.equal(true);
  });
});
