/**
 * Beyond `maxDrawnEndpointsPerVnet` endpoints a VNet is summarised in the picture (counts by group id) instead
 * of laid out one by one; the tables keep every endpoint. Counts, not clocks: the timings are in the note.
 */
import { expect } from "chai";
import { stackModel } from "../../plan/modelResources";
import { maxDrawnEndpointsPerVnet, topology, type Topology } from "../../plan/topology";
import { mermaidDiagram } from "../../plan/topologyMermaid";
import { topologySvg } from "../../plan/topologySvg";
import { vnetTables } from "../../plan/vnetTables";
import { parseMermaid } from "./mermaidParser";
import { svgGraph } from "./svgGraph";
import { syntheticEndpoints } from "./syntheticEndpoints";

function picture(count: number, targets: number): { topology: Topology; rows: number } {
  const graph = syntheticEndpoints(count, targets);
  const model = stackModel(graph);
  const rows = vnetTables(model, graph).flatMap((t) => t.rows).length;
  return { topology: topology({ model, graph, findings: { mandatory: [], advisory: [] } }), rows };
}

const kinds = (t: Topology) => t.nodes.map((n) => n.kind);

describe("topology at scale: a VNet beyond the drawn limit is summarised", () => {
  it(`draws every endpoint up to ${maxDrawnEndpointsPerVnet} in one VNet`, () => {
    const { topology: t, rows } = picture(maxDrawnEndpointsPerVnet, 4);
    expect(kinds(t).filter((k) => k === "endpoint")).to.have.length(maxDrawnEndpointsPerVnet);
    expect(kinds(t)).to.not.include("summary");
    expect(rows).to.equal(maxDrawnEndpointsPerVnet);
  });

  it("one more: one summary node with the counts by group id, edges to each target once; the tables keep all", async () => {
    const count = maxDrawnEndpointsPerVnet + 1;
    const { topology: t, rows } = picture(count, 4);
    expect(kinds(t)).to.not.include("endpoint");
    const summaries = t.nodes.filter((n) => n.kind === "summary");
    expect(summaries.map((n) => n.lines)).to.deep.equal([
      [
        `${count} private endpoints (summarised)`,
        `${Math.ceil(count / 2)} × blob, ${Math.floor(count / 2)} × file`,
      ],
    ]);
    expect(t.edges.filter((e) => e.from === summaries[0].id && e.kind === "connects")).to.have.length(4);
    expect(rows).to.equal(count);
    const g = svgGraph(await topologySvg(t));
    expect(g.nodes.get(summaries[0].id)?.[0]).to.equal(`${count} private endpoints (summarised)`);
    await parseMermaid(mermaidDiagram(t));
  });

  it("10,000 endpoints to 2,500 targets: one summary and no target drawn (too many); a handful of nodes", () => {
    const { topology: t, rows } = picture(10_000, 2_500);
    const summary = t.nodes.find((n) => n.kind === "summary")!;
    expect(summary.lines).to.include("to 2500 targets (not drawn)");
    expect(t.nodes).to.have.length(2);
    expect(t.edges).to.have.length(0);
    expect(rows).to.equal(10_000);
  });
});
