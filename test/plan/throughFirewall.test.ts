/**
 * The plan shows routes through a hub firewall and client VNets (fixtures/dedicated-endpoint-spoke: Microsoft's
 * dedicated private-endpoint spoke reached through the hub firewall): the clients spoke's table says whose clients
 * it serves and how each name is reached through the firewall, in the text, the page and the JSON; the picture
 * (SVG and Mermaid) draws an edge from the clients spoke to the endpoint spoke labelled "through Azure Firewall
 * 'fw'", the firewall in the hub, and marks the clients spoke as a client VNet.
 */
import { expect } from "chai";
import * as path from "path";
import { htmlReport } from "../../plan/htmlReport";
import { planProgram, type PlanDocument } from "../../plan/plan";
import { textReport } from "../../plan/textReport";
import { topologySvg } from "../../plan/topologySvg";
import { parseMermaid } from "./mermaidParser";
import { svgGraph } from "./svgGraph";

const fixture = path.join(__dirname, "fixtures", "dedicated-endpoint-spoke");
const through = "through Azure Firewall 'fw'";
const clientOf = "ML workspace 'mlw' (resolving the names of the endpoints of ML workspace 'mlw')";

describe("plan: routes through the hub firewall and client VNets, shown", function () {
  this.timeout(120_000);
  let doc: PlanDocument;
  let svg: string;
  const urn = (name: string) => doc.resources.find((r) => r.name === name)!.urn;
  before(async () => {
    doc = await planProgram(fixture, { stack: "through-firewall", policyPack: false });
    svg = await topologySvg(doc.topology, { inline: true });
  });

  it("the clients spoke's table (JSON) says whose client VNet it is and reaches each name through the firewall", () => {
    const clients = doc.vnets.find((t) => t.vnet === "clients-vnet")!;
    expect(clients.clientOf).to.deep.equal([clientOf]);
    expect(clients.resolution).to.have.length(6);
    for (const row of clients.resolution) {
      expect(row.status).to.equal("ok");
      expect(row.route).to.match(
        /^through Azure Firewall 'fw' in VNet 'hub-vnet' \(route 'to-private-endpoints'/,
      );
    }
    // Only the VNet serving clients is called one.
    expect(doc.vnets.filter((t) => t.clientOf).map((t) => t.vnet)).to.deep.equal(["clients-vnet"]);
    expect(
      JSON.parse(JSON.stringify(doc)).vnets.find((t: { vnet: string }) => t.vnet === "clients-vnet").clientOf,
    ).to.deep.equal([clientOf]);
  });

  it("the text and the page print the client VNet and its resolution table, though it holds no endpoint", () => {
    const text = textReport(doc).replace(/\n +/g, " ");
    expect(text).to.contain(
      `VNet clients-vnet (10.1.0.0/16): no private endpoints a client VNet of ${clientOf}`,
    );
    expect(text).to.contain(
      "ok  privatelink.api.azureml.ms (ML workspace 'mlw', amlworkspace) -> 10.2.1.4, through Azure Firewall 'fw' in VNet 'hub-vnet'",
    );
    const page = htmlReport(doc, svg);
    expect(page)
      .to.contain("A client VNet of ML workspace &#39;mlw&#39; (resolving the names")
      .and.contain("How VNet clients-vnet resolves the workspace's names")
      .and.contain("through Azure Firewall &#39;fw&#39; in VNet &#39;hub-vnet&#39;");
  });

  it("the topology routes the clients spoke through the hub firewall to the endpoint spoke", () => {
    const { nodes, edges } = doc.topology;
    const fw = urn("fw");
    expect(nodes.find((n) => n.id === fw)).to.include({ kind: "appliance", cluster: urn("hub-vnet") });
    expect(edges.filter((e) => e.kind === "routed")).to.deep.equal([
      { from: urn("clients-vnet"), to: urn("endpoints-vnet"), kind: "routed", label: through },
    ]);
    expect(nodes.find((n) => n.id === urn("clients-vnet"))!.lines).to.include("clients of mlw");
  });

  it("the SVG and the Mermaid draw that route with its label (Mermaid's own parser accepts it)", async () => {
    const drawn = svgGraph(svg);
    expect(drawn.edges.filter((e) => e.kind === "routed").map((e) => e.label)).to.deep.equal([through]);
    expect(svg).to.contain("clients of mlw").and.contain("forwards routed traffic, 10.0.1.4");
    await parseMermaid(doc.diagram);
    expect(doc.diagram)
      .to.contain(`==>|"${through}"|`)
      .and.match(/\[\/"Azure Firewall 'fw'<br\/>forwards routed traffic, 10\.0\.1\.4"\\\]/);
  });
});
