/**
 * The picture summarises at scale as the plan's does: an estate of more than `maxDrawnVnets` VNets is drawn as
 * one summary of the network (counts) with the resources that have a mandatory finding on their own, not as hundreds of
 * clusters; the tables keep every VNet. (The 20,000-row estate's page, 786 VNets: auditScale.e2e.ts.)
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeSyntheticEstate } from "../../bench/syntheticEstate";
import { readEstate } from "../../plan/audit/auditEstate";
import { stackModel } from "../../plan/modelResources";
import { maxDrawnVnets, topology } from "../../plan/topology";
import { mermaidDiagram } from "../../plan/topologyMermaid";
import { vnetTables } from "../../plan/vnetTables";

function estatePicture(rows: number, flag = false) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-scale-"));
  try {
    const { graph } = readEstate(writeSyntheticEstate(rows, dir).files);
    const model = stackModel(graph);
    const workspace = model.workspaces[0].urn;
    const { type, name } = graph.byUrn(workspace)!;
    const finding = { policy: "a-policy", urn: workspace, type, name, message: "m" };
    const advisory = { ...finding, urn: model.workspaces[1].urn, policy: "an-advisory" };
    const findings = { mandatory: flag ? [finding] : [], advisory: flag ? [advisory] : [] };
    return {
      model,
      workspace,
      picture: topology({ model, graph, findings }),
      tables: vnetTables(model, graph),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("audit picture at scale", function () {
  this.timeout(60_000);

  it(`draws every VNet up to ${maxDrawnVnets}`, () => {
    const { picture } = estatePicture(1_500);
    const vnets = picture.clusters.filter((c) => c.kind === "vnet");
    expect(vnets.length).to.be.within(2, maxDrawnVnets);
    expect(picture.nodes.map((n) => n.kind)).to.not.include("summary");
  });

  it(`summarises more than ${maxDrawnVnets} VNets in one node, the mandatory finding drawn on its own, the tables whole`, () => {
    const { picture, tables, workspace } = estatePicture(1_700, true);
    expect(tables.length).to.be.above(maxDrawnVnets);
    expect(picture.clusters).to.deep.equal([]);
    expect(picture.nodes.map((n) => n.kind)).to.deep.equal(["summary", "flagged"]);
    expect(picture.nodes[0].lines[0]).to.equal(
      `${tables.length} VNets (summarised: every VNet is in the tables)`,
    );
    expect(picture.nodes[1].urn).to.equal(workspace);
    expect(mermaidDiagram(picture).split("\n").length).to.be.below(10);
  });
});
