/**
 * What a person sees on the plan's page, measured by the browser itself: a script appended to a copy of the
 * page (the page has none) measures the laid-out picture and writes its findings as JSON into the DOM, which
 * `chromium --headless --dump-dom` prints. Geometry comes from the real text boxes (`getBBox`) and edge paths
 * (`getPointAtLength`), in viewport pixels.
 */
import type { Topology } from "../../plan/topology";
import { nodeAnchors } from "../../plan/topologySvg";

export interface PageMeasures {
  viewport: { width: number; height: number };
  /** The page's scroll width (wider than the viewport: horizontal overflow). */
  scrollWidth: number;
  /** Each mandatory finding's node box (viewport pixels, page scrolled to the top). */
  blocking: { anchor: string; top: number; bottom: number; left: number; right: number }[];
  /** `child in parent` for every nested node or cluster found outside its cluster. */
  outside: string[];
  /** A label line overlapped by another node, or crossed by an edge. */
  overlaps: string[];
}

/** The nesting the picture must show: each node and cluster in the cluster holding it (anchors). */
export function nesting(topology: Topology): [string, string][] {
  const anchors = nodeAnchors(topology);
  const clusterNode = new Set(topology.clusters.flatMap((c) => (c.node ? [c.node] : [])));
  return [
    ...topology.nodes
      .filter((n) => n.cluster !== undefined && !clusterNode.has(n.id))
      .map((n): [string, string] => [anchors.get(n.id)!, anchors.get(n.cluster!)!]),
    ...topology.clusters
      .filter((c) => c.parent !== undefined)
      .map((c): [string, string] => [anchors.get(c.id)!, anchors.get(c.parent!)!]),
  ];
}

/** The measuring script (runs in the page; reads only `nesting`). */
function measure(nestingPairs: [string, string][]): PageMeasures {
  const picture = document.querySelector("svg#picture")!;
  const rect = (e: Element) => e.getBoundingClientRect();
  const inside = (a: DOMRect, b: DOMRect) =>
    a.left >= b.left - 1 && a.right <= b.right + 1 && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
  const shape = (g: Element) => g.querySelector("polygon, ellipse, path, polyline") ?? g;
  const byId = (id: string) => picture.querySelector(`[id="${id}"]`);
  const outside = nestingPairs
    .filter(([child, parent]) => {
      const c = byId(child);
      const p = byId(parent);
      return !c || !p || !inside(rect(shape(c)), rect(shape(p)));
    })
    .map(([child, parent]) => `${child} in ${parent}`);
  // Text boxes shrunk by a pixel: touching is not overlapping.
  const textBox = (t: SVGTextElement) => {
    const r = rect(t);
    return { left: r.left + 1, right: r.right - 1, top: r.top + 1, bottom: r.bottom - 1 };
  };
  const hit = (b: { left: number; right: number; top: number; bottom: number }, x: number, y: number) =>
    x > b.left && x < b.right && y > b.top && y < b.bottom;
  const nodes = [...picture.querySelectorAll("g.node")];
  const edges = [...picture.querySelectorAll("g.edge")];
  const labels = [
    ...picture.querySelectorAll("g.node text, g.cluster text, g.edge text"),
  ] as SVGTextElement[];
  const overlaps: string[] = [];
  for (const t of labels) {
    if (!t.textContent?.trim()) continue;
    const box = textBox(t);
    const own = t.closest("g.node, g.edge, g.cluster")!;
    for (const n of nodes) {
      if (n === own) continue;
      const r = rect(shape(n));
      if (r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top)
        overlaps.push(`"${t.textContent}" under node ${n.querySelector("title")?.textContent ?? n.id}`);
    }
    for (const e of edges) {
      if (e === own) continue;
      const path = e.querySelector("path") as SVGPathElement | null;
      if (!path) continue;
      // Only an edge whose box meets the label's can cross it: the point walk is the costly part.
      const r = rect(path);
      if (r.left > box.right || r.right < box.left || r.top > box.bottom || r.bottom < box.top) continue;
      const matrix = path.getScreenCTM()!;
      const length = path.getTotalLength();
      for (let d = 0; d <= length; d += 2) {
        const p = path.getPointAtLength(d).matrixTransform(matrix);
        if (hit(box, p.x, p.y)) {
          overlaps.push(
            `"${t.textContent}" crossed by edge ${e.querySelector("title")?.textContent ?? e.id}`,
          );
          break;
        }
      }
    }
  }
  const blocking = [...picture.querySelectorAll("g.node.finding-mandatory")].map((g) => {
    const r = rect(shape(g));
    return { anchor: g.id, top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  });
  return {
    viewport: { width: window.innerWidth, height: window.innerHeight },
    scrollWidth: document.documentElement.scrollWidth,
    blocking,
    outside,
    overlaps,
  };
}

/** The page with the measuring script appended; its results land in `<pre id="measures">`. */
export function measuredPage(html: string, topology: Topology): string {
  const script = `<script>
const measures = (${measure.toString()})(${JSON.stringify(nesting(topology))});
const out = document.createElement("pre"); out.id = "measures"; out.textContent = JSON.stringify(measures);
document.body.appendChild(out);
</script>`;
  return html.replace("</body>", `${script}\n</body>`);
}

/**
 * One page holding every measured page in a frame of the given size, so one browser start measures them all;
 * once all frames have loaded it gathers their measures into `<pre id="all">` (a JSON object by frame name).
 */
export function framesPage(frames: { name: string; file: string; width: number; height: number }[]): string {
  const iframes = frames
    .map((f) => `<iframe name="${f.name}" src="${f.file}" width="${f.width}" height="${f.height}"></iframe>`)
    .join("\n");
  return `<!DOCTYPE html><html><body style="margin:0">
${iframes}
<script>
window.addEventListener("load", () => {
  const all = {};
  for (const f of document.querySelectorAll("iframe")) {
    all[f.name] = JSON.parse(f.contentDocument.getElementById("measures").textContent);
  }
  const out = document.createElement("pre"); out.id = "all"; out.textContent = JSON.stringify(all);
  document.body.appendChild(out);
});
</script></body></html>`;
}

/** The measures by frame name, from chromium's dumped DOM of the frames page. */
export function measuresOf(dom: string): Record<string, PageMeasures> {
  const found = /<pre id="all">([^<]*)<\/pre>/.exec(dom);
  if (!found) throw new Error(`no measures in the page:\n${dom.slice(-2000)}`);
  const text = found[1]
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
  return JSON.parse(text) as Record<string, PageMeasures>;
}
