/**
 * The reports say each thing once and in plain words (fixtures/spoke-report: a hub with the resolver, a spoke with
 * its own workspace endpoint resolving through the resolver, a spoke peered one side only with a hub outside the
 * stack): `linked` is not applicable where the VNet resolves through another VNet's DNS server, a VNet outside the
 * stack is named once, the program's warnings reach the text, the page and the JSON, and "a"/"an" fits its word.
 */
import { expect } from "chai";
import * as path from "path";
import { htmlReport } from "../../plan/htmlReport";
import { planProgram, type PlanDocument } from "../../plan/plan";
import { textReport } from "../../plan/textReport";
import { topologySvg } from "../../plan/topologySvg";
import { paragraphOf } from "./textParagraph";
import { armIdentityOfId, externalKey } from "../../policy/model/identity";
import { stackModel } from "../../plan/modelResources";
import { runOnMocks } from "../../plan/mockRun";
import { programOf } from "../../plan/programEntry";
import { locationProblems } from "../../sdk/validation/locations";

const fixture = path.join(__dirname, "fixtures", "spoke-report");
const hubId =
  "/subscriptions/00000000-0000-0000-0000-000000000009/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub-weu";

describe("plan: reports in plain words", function () {
  this.timeout(120_000);
  let doc: PlanDocument;
  let text: string;
  before(async () => {
    doc = await planProgram(fixture, { policyPack: false });
    text = textReport(doc);
  });

  it("shows `linked` as n/a for a VNet resolving through another VNet's DNS server (its links are not asked)", () => {
    const spoke = doc.vnets.find((t) => t.vnet === "net-spoke-vnet")!;
    expect(spoke.rows.flatMap((r) => r.zones.map((z) => z.linked))).to.deep.equal(["n/a", "n/a"]);
    expect(new Set(spoke.resolution.map((r) => r.status))).to.deep.equal(new Set(["ok"]));
    // The hub, resolving through its own Azure DNS, keeps yes.
    const hub = doc.vnets.find((t) => t.vnet === "net-hub-vnet")!;
    expect(new Set(hub.rows.flatMap((r) => r.zones.map((z) => z.linked)))).to.deep.equal(new Set([true]));
    expect(paragraphOf(text, "VNet net-spoke-vnet")).to.match(
      /^ {4}zones not asked \(this VNet resolves through a DNS server in another VNet\): privatelink\.api\.azureml\.ms,/m,
    );
  });

  it("names a VNet outside the stack once: no 'VNet VNet', no 'outside' said twice", async () => {
    const svg = await topologySvg(doc.topology, { inline: true });
    for (const out of [JSON.stringify(doc), svg, htmlReport(doc, svg), text]) {
      expect(out).not.to.match(/VNet VNet|outside this stack\) \(outside/);
    }
    expect(doc.diagram).to.contain('"VNet vnet-hub-weu<br/>outside the stack"');
    const run = await runOnMocks(programOf(path.join(fixture, "index.ts")), { preview: false });
    const model = stackModel(run.graph);
    const away = run.graph.named("net-away-vnet").urn;
    expect(model.network.connected(away, externalKey(armIdentityOfId(hubId)!)).route).to.equal(
      "peered with VNet 'vnet-hub-weu' (resource group rg-hub, outside this stack): its side is not seen",
    );
  });

  it("puts the program's warnings in the JSON, the text and the page, with the resource they are about", async () => {
    const warning =
      "peering net-away-to-hub is one side only (hubPeering ThisSideOnly): traffic flows once the hub's owner peers the hub VNet back to this VNet";
    expect(doc.warnings).to.have.length(1);
    expect(doc.warnings![0].message).to.equal(warning);
    expect(doc.warnings![0].urn).to.match(/PrivateEndpointSet::net-away$/);
    expect(text.replace(/\n +/g, " ")).to.contain(
      `Warnings (1): warning: ${warning} (azureml-network-isolation:index:PrivateEndpointSet net-away)`,
    );
    const page = htmlReport(doc, await topologySvg(doc.topology, { inline: true }));
    expect(page)
      .to.contain("Warnings from the program: 1")
      .and.contain("traffic flows once the hub&#39;s owner");
  });

  it("picks a or an by the word", () => {
    expect(locationProblems("location", "westeurope", "AzureChinaCloud")[0].reason).to.contain(
      'set cloud to "AzureCloud" or pick an AzureChinaCloud region',
    );
  });
});
