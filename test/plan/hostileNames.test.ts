/**
 * A program whose resource names are syntax in the picture's formats (fixtures/hostile-picture) plans with every
 * picture output intact: the Mermaid parses and holds no directive, click, style or comment of the names; the
 * Markdown fence cannot be closed from inside; the SVG is well-formed XML with the names as text; the HTML page
 * holds them as text only. A NUL in a name does not fail the plan.
 */
import { expect } from "chai";
import * as path from "path";
import { compiledPack } from "../../plan/compiledPack";
import { diagramText } from "../../plan/diagramFile";
import { htmlReport } from "../../plan/htmlReport";
import { planProgram, type PlanDocument } from "../../plan/plan";
import { topologySvg } from "../../plan/topologySvg";
import { visibleControls } from "../../plan/topologyText";
import { hostileNames } from "./fixtures/hostile-picture/names";
import { parseMermaid } from "./mermaidParser";
import { svgGraph } from "./svgGraph";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JSDOM } = require("jsdom") as typeof import("jsdom");

const fixture = path.join(__dirname, "fixtures", "hostile-picture");
const packDir = path.join(__dirname, "fixtures", "pack");
const names = Object.values(hostileNames);

let doc: PlanDocument;

/** The control characters in a text but newline, tab and carriage return (plain white space in XML). */
function controlsIn(text: string): number[] {
  return [...text]
    .map((c) => c.codePointAt(0)!)
    .filter((c) => (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f);
}

describe("hostile resource names in the picture's formats", function () {
  this.timeout(120_000);

  before(async () => {
    doc = await planProgram(fixture, { stack: "hostile", policyPack: compiledPack(packDir).dir });
  });

  it("plans (a NUL included), with the names in the graph and a finding on one of them", () => {
    for (const name of names) expect(doc.resources.map((r) => r.name)).to.include(name);
    expect(doc.findings.mandatory.map((f) => f.name)).to.deep.equal([hostileNames.entities]);
  });

  it("Mermaid: parses; every id synthetic; no directive, click, style, comment, entity or backtick from a name", async () => {
    await parseMermaid(doc.diagram);
    const lines = doc.diagram.split("\n").filter((l) => l !== "");
    // Each line is one statement of the generator's own: header, subgraph, end, node, edge, class.
    for (const line of lines) {
      expect(line, line).to.match(
        /^(flowchart LR|\s*subgraph n\d+\["[^"\n]*"\]|\s*end|\s*n\d+[[({>/]+"[^"\n]*"[\])}/]+|\s*n\d+ \S+ n\d+|\s*classDef (mandatory|advisory) [a-z0-9:#,-]+|\s*class [n\d,]+ (mandatory|advisory))$/,
      );
      if (!/^\s*classDef /.test(line)) expect(line, line).to.not.match(/[%#`]/);
    }
    // The names are all there, as text.
    for (const name of [hostileNames.directive, hostileNames.fence]) {
      const words = name.split(/[^a-z]+/i).filter((w) => w.length > 3);
      for (const word of words) expect(doc.diagram, word).to.contain(word);
    }
  });

  it("Markdown: the fence is longer than any backtick run inside, so nothing closes it early", async () => {
    const md = await diagramText(doc, "picture.md");
    const fence = /^`+/.exec(md)![0];
    expect(md.startsWith(`${fence}mermaid\n`)).to.equal(true);
    expect(md.endsWith(`\n${fence}\n`)).to.equal(true);
    const body = md.slice(fence.length + "mermaid\n".length, md.length - fence.length - 1);
    expect(body).to.equal(doc.diagram);
    for (const run of body.match(/`+/g) ?? []) expect(run.length).to.be.lessThan(fence.length);
  });

  it("Markdown: the fence outgrows a backtick run even if one reached the diagram (defence in depth)", async () => {
    const md = await diagramText({ ...doc, diagram: 'flowchart LR\n  n0["a ```` b"]\n' }, "picture.md");
    expect(md.split("\n")[0]).to.equal("`````mermaid");
    expect(md.trimEnd().split("\n").pop()).to.equal("`````");
  });

  it("SVG: well-formed XML; each name a node label with its control characters visible; no element from a name", async () => {
    const svg = await topologySvg(doc.topology);
    const g = svgGraph(svg);
    const labels = [
      ...g.nodes.values(),
      ...[...g.clusterShapes.values()].map((c) => c.lineBoxes.map((l) => l.text)),
    ]
      .flat()
      .join("\n");
    // Graphviz breaks label lines at a newline of the name (shown as ␊, which stays on its line).
    for (const name of [
      hostileNames.directive,
      hostileNames.breakout,
      hostileNames.fence,
      hostileNames.entities,
    ])
      expect(labels, name).to.contain(visibleControls(name));
    expect(controlsIn(svg)).to.deep.equal([]);
    expect(svg).to.not.contain("&xxe;");
    const parsed = new JSDOM(svg, { contentType: "image/svg+xml" }).window.document;
    expect(parsed.querySelectorAll("script, img, foreignObject")).to.have.length(0);
  });

  it("HTML: every name and message is text; no element or attribute comes from a name", async () => {
    const html = htmlReport(doc, await topologySvg(doc.topology, { inline: true }));
    const page = new JSDOM(html).window.document;
    expect(page.querySelectorAll("script, img, iframe, object, embed")).to.have.length(0);
    for (const el of page.querySelectorAll("*"))
      for (const attr of el.getAttributeNames()) expect(attr, el.tagName).to.not.match(/^on/i);
    const text = page.body.textContent ?? "";
    for (const name of names)
      for (const part of visibleControls(name).split("␊")) expect(text, part).to.contain(part);
    expect(controlsIn(text)).to.deep.equal([]);
  });
});
