/**
 * The endpoint sets adopt the registry's regional data zone. private-endpoint-dns's zone table lists two zones
 * for `registry`: "privatelink.azurecr.io </br> {regionName}.data.privatelink.azurecr.io" (Commercial) and
 * "privatelink.azurecr.us </br> {regionName}.privatelink.azurecr.us" (Government). Where a hub links the data
 * zone, the registry endpoint's zone group must name it, or the data endpoint resolves to nothing; "Each DNS zone
 * group can support up to 5 DNS zones." (private-endpoint-dns-integration).
 */
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { runOnMocks } from "../../plan/mockRun";
import { modelResource } from "../../plan/modelResources";
import { regions } from "../../policy/azure/locations";
import { CentralPrivateDns, centralZoneNames } from "../../sdk/dns/centralPrivateDns";
import { DnsModes } from "../../sdk/dns/dnsModes";
import { validateEndpointSet } from "../../sdk/endpoints/validateEndpointSets";
import { layoutOf } from "../../sdk/endpoints/endpointSetArgs";
import { WorkspaceNetwork } from "../../sdk/endpoints/workspaceNetwork";
import { SecuredWorkspace } from "../../sdk/workspace/securedWorkspace";
import { check } from "../policy/check";

const zoneId = (name: string) =>
  `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-platform/providers/Microsoft.Network/privateDnsZones/${name}`;
const data = "westeurope.data.privatelink.azurecr.io";

/** A workspace in westeurope whose one set writes the central zones, the data zone among them, linked to its VNet. */
function program(adoptData: boolean) {
  return () => {
    const ws = new SecuredWorkspace("ml", {
      workspaceName: "mlw-data",
      resourceGroupName: "rg-ml",
      location: "westeurope",
      imageBuildCompute: "cpu-cluster",
    });
    const [vnetId, setVnetId] = pulumi.deferredOutput<string>();
    const dns = new CentralPrivateDns("dns", {
      resourceGroupName: "rg-dns",
      location: "westeurope",
      existingZoneIds: { [data]: zoneId(data) },
      virtualNetworkIds: { services: vnetId },
    });
    const zones = dns.zoneIdsByName();
    const net = new WorkspaceNetwork("net", {
      ...ws.endpointTargets(),
      sets: {
        services: {
          addressSpace: ["10.10.0.0/16"],
          endpointSubnetPrefix: "10.10.1.0/24",
          dnsMode: DnsModes.ExistingZones,
          existingZoneIds: adoptData
            ? zones
            : Object.fromEntries(Object.entries(zones).filter(([z]) => z !== data)),
        },
      },
    });
    setVnetId(net.endpointSet("services").virtualNetworkId);
  };
}

describe("endpoint sets and the registry's regional data zone", function () {
  this.timeout(60_000);

  it("write the registry endpoint's records into the data zone a hub links: the pack's zone-group rule is satisfied", async () => {
    const { graph } = await runOnMocks(program(true));
    const group = graph.named("net-services-zg-registry-registry");
    expect(group.inputs.privateDnsZoneConfigs).to.deep.equal([
      { name: "azurecr", privateDnsZoneId: graph.named("dns-zone-azurecr").id },
      { name: "registry-westeurope", privateDnsZoneId: zoneId(data) },
    ]);
    const found = check(graph.resources.filter((r) => r.custom).map(modelResource)).filter(
      (f) => f.level === "mandatory",
    );
    expect(found.map((f) => `${f.rule}: ${f.message}`)).to.deep.equal([]);
  });

  it("without the data zone, the pack finds the group that leaves it out (the finding the adoption removes)", async () => {
    const { graph } = await runOnMocks(program(false));
    const found = check(graph.resources.filter((r) => r.custom).map(modelResource)).filter(
      (f) => f.rule === "endpoint-dns-zone-group",
    );
    expect(found.map((f) => f.message).join("\n")).to.include(`does not name ${data}`);
  });

  it("accept the Government data zone, refuse more than a zone group holds, and refuse another cloud's", () => {
    const problemsOf = (existingZoneIds: Record<string, string>, cloud?: string) =>
      validateEndpointSet(
        layoutOf("spoke", {
          addressSpace: ["10.1.0.0/16"],
          endpointSubnetPrefix: "10.1.1.0/24",
          dnsMode: DnsModes.ExistingZones,
          cloud,
          existingZoneIds,
        }),
      ).map((p) => `${p.property}: ${p.reason}`);
    const central = (cloud: "AzureCloud" | "AzureUSGovernment") =>
      Object.fromEntries(centralZoneNames(cloud).map((z) => [z, zoneId(z)]));
    const gov = "usgovvirginia.privatelink.azurecr.us";
    expect(
      problemsOf({ ...central("AzureUSGovernment"), [gov]: zoneId(gov) }, "AzureUSGovernment"),
    ).to.deep.equal([]);
    expect(problemsOf({ ...central("AzureCloud"), [gov]: zoneId(gov) })).to.deep.equal([
      `existingZoneIds: zones of several clouds; give the zones of AzureCloud`,
    ]);
    const four = regions.AzureCloud.slice(0, 4).map((r) => `${r}.data.privatelink.azurecr.io`);
    const withData = (zones: string[]) => ({
      ...central("AzureCloud"),
      ...Object.fromEntries(zones.map((z) => [z, zoneId(z)])),
    });
    expect(problemsOf(withData(four))).to.deep.equal([]);
    const five = regions.AzureCloud.slice(0, 5).map((r) => `${r}.data.privatelink.azurecr.io`);
    expect(problemsOf(withData(five))).to.deep.equal([
      "existingZoneIds: the registry endpoint's zone group would name 6 zones; Azure allows 5 per zone group: give at most 4 regional zones of registry",
    ]);
  });
});
