/**
 * Bidirectional and zero-width characters from strangers' names are made visible in every format the plan writes
 * (text, HTML, SVG, Mermaid), as the text report always did: U+202E would otherwise reverse the rest of a finding
 * on the page. The JSON keeps the data as it is.
 */
import { expect } from "chai";
import { escapeHtml } from "../../plan/htmlReport";
import { inert } from "../../plan/textReport";
import type { Topology } from "../../plan/topology";
import { mermaidDiagram } from "../../plan/topologyMermaid";
import { topologySvg } from "../../plan/topologySvg";
import { dotText, mermaidText, xmlText } from "../../plan/topologyText";

/** Every invisible character the issue lists: zero-width, marks, embeddings and overrides, isolates, BOM. */
const invisible = [
  ...Array.from({ length: 0x2010 - 0x200b }, (_, i) => 0x200b + i),
  ...Array.from({ length: 0x202f - 0x202a }, (_, i) => 0x202a + i),
  ...Array.from({ length: 0x206a - 0x2066 }, (_, i) => 0x2066 + i),
  0xfeff,
].map((c) => String.fromCodePoint(c));

const name = `vnet-${invisible.join("")}-evil`;
const raw = (text: string) => invisible.filter((c) => text.includes(c));

describe("plan: invisible characters in every format", () => {
  for (const [format, escape] of [
    ["text", inert],
    ["HTML", escapeHtml],
    ["XML", xmlText],
    ["DOT", dotText],
    ["Mermaid", mermaidText],
  ] as const) {
    it(`${format}: each shown as \\uXXXX`, () => {
      const out = escape(name);
      expect(raw(out)).to.deep.equal([]);
      expect(out).to.contain("\\u202e").and.contain("\\u200b").and.contain("\\u2066").and.contain("\\ufeff");
    });
  }

  it("the SVG and the Mermaid drawn from a topology show them, the data keeps them", async () => {
    const topology: Topology = {
      title: name,
      clusters: [],
      nodes: [{ id: "n", kind: "vnet", lines: [name], tooltip: name }],
      edges: [],
    } as unknown as Topology;
    const svg = await topologySvg(topology);
    expect(raw(svg)).to.deep.equal([]);
    expect(svg).to.contain("vnet-\\u200b\\u200c");
    expect(raw(mermaidDiagram(topology))).to.deep.equal([]);
    expect(raw(JSON.stringify(topology))).to.have.length(invisible.length);
  });
});
