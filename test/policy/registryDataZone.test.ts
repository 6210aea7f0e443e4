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
import { centralPrivateDnsProblems, CentralPrivateDns } from "../../sdk/dns/centralPrivateDns";
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

  describe("CentralPrivateDns", () => {
    const zoneId = (name: string) =>
      `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-platform/providers/Microsoft.Network/privateDnsZones/${name}`;
    const hubId =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/hub-vnet";
    const data = "westeurope.data.privatelink.azurecr.io";

    it("adopts the regional data zone: links it to the VNets and lists it in zoneIds", async () => {
      let ids: Record<string, string> = {};
      const { graph } = await runOnMocks(() => {
        const dns = new CentralPrivateDns("dns", {
          resourceGroupName: "rg-dns",
          location: "westeurope",
          existingZoneIds: { [data]: zoneId(data) },
          virtualNetworkIds: { hub: hubId },
        });
        dns.zoneIds.apply((z) => (ids = z));
      });
      expect(graph.named("dns-link-hub-registry-westeurope").inputs).to.deep.include({
        resourceGroupName: "rg-platform",
        privateZoneName: data,
      });
      expect(ids[data]).to.equal(zoneId(data));
      expect(
        graph.ofType("azure-native:privatedns:PrivateZone").map((z) => z.inputs.privateZoneName),
      ).to.not.include(data);
    });

    it("refuses another cloud's regional zone", () => {
      const gov = "usgovvirginia.privatelink.azurecr.us";
      expect(
        centralPrivateDnsProblems({
          resourceGroupName: "rg-dns",
          location: "westeurope",
          existingZoneIds: { [gov]: zoneId(gov) },
        }).map((p) => p.propertyPath),
      ).to.deep.equal([`existingZoneIds["${gov}"]`]);
    });
  });
});
