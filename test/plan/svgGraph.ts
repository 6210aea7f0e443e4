/**
 * The plan's SVG picture read back as a graph, with jsdom: each node of the picture (not the legend) by its
 * `<title>` (the DOT id) with the lines of its label, each edge as `from->to` with its kind (its `edge-<kind>`
 * class) and label, each cluster with its title. What a reader of the picture sees — and, for the geometry
 * checks, where Graphviz put it: boxes of nodes, clusters and label lines, and points along each edge.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JSDOM } = require("jsdom") as typeof import("jsdom");

/** An axis-aligned box in the picture's coordinates (points). */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface SvgNode {
  lines: string[];
  /** The SVG id (the page's anchor). */
  anchor: string;
  classes: string[];
  box: Box;
  /** Each label line's box, estimated from its position, length and font size (no browser). */
  lineBoxes: { text: string; box: Box }[];
}

export interface SvgGraph {
  /** Label lines by node title. */
  nodes: Map<string, string[]>;
  /** Nodes with their geometry, by title. */
  shapes: Map<string, SvgNode>;
  /** `from->to` of every edge, with its kind and label (empty when none) and points along its path. */
  edges: { from: string; to: string; kind: string; label: string; points: [number, number][] }[];
  /** Titles of the clusters. */
  clusters: string[];
  /** Cluster boxes and label line boxes by title. */
  clusterShapes: Map<string, { box: Box; lineBoxes: { text: string; box: Box }[] }>;
}

/** One window's XML parser for every picture: a window per picture costs more than the parse. */
let parser: DOMParser | undefined;

function pointsOf(text: string): [number, number][] {
  const numbers = (text.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) out.push([numbers[i], numbers[i + 1]]);
  return out;
}

function boxOf(points: [number, number][]): Box {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
}

/** Points along a path's cubic Béziers (Graphviz writes `M x,y C x,y x,y x,y ...`). */
function pathPoints(d: string): [number, number][] {
  const p = pointsOf(d);
  const out: [number, number][] = [p[0]];
  for (let i = 1; i + 2 < p.length; i += 3) {
    const [a, b, c, e] = [p[i - 1], p[i], p[i + 1], p[i + 2]];
    for (let s = 1; s <= 8; s++) {
      const t = s / 8;
      const u = 1 - t;
      out.push([
        u * u * u * a[0] + 3 * u * u * t * b[0] + 3 * u * t * t * c[0] + t * t * t * e[0],
        u * u * u * a[1] + 3 * u * u * t * b[1] + 3 * u * t * t * c[1] + t * t * t * e[1],
      ]);
    }
  }
  return out;
}

/** A text line's box: Helvetica averages about 0.55 em per character; the baseline is at y. */
function textBox(t: Element): { text: string; box: Box } {
  const text = t.textContent ?? "";
  const x = Number(t.getAttribute("x"));
  const y = Number(t.getAttribute("y"));
  const size = Number(t.getAttribute("font-size") ?? 10);
  const width = [...text].length * size * 0.55;
  const anchor = t.getAttribute("text-anchor");
  const x1 = anchor === "middle" ? x - width / 2 : anchor === "end" ? x - width : x;
  return { text, box: { x1, y1: y - size * 0.8, x2: x1 + width, y2: y + size * 0.2 } };
}

export function svgGraph(svg: string): SvgGraph {
  parser ??= new new JSDOM("").window.DOMParser();
  const doc = parser.parseFromString(svg, "image/svg+xml");
  if (doc.getElementsByTagName("parsererror").length > 0) throw new Error("not well-formed SVG");
  // The picture is the nested `svg#picture` (the legend is another); a bare Graphviz SVG is its own picture.
  const picture = [...doc.getElementsByTagName("svg")].find((e) => e.getAttribute("id") === "picture") ?? doc;
  const children = (g: Element, tag: string) => [...g.children].filter((c) => c.tagName === tag);
  const title = (g: Element) => children(g, "title")[0]?.textContent ?? "";
  const texts = (g: Element) => [...g.getElementsByTagName("text")];
  const shapeBox = (g: Element) =>
    boxOf(
      ["polygon", "ellipse", "path", "polyline"].flatMap((tag) =>
        [...g.getElementsByTagName(tag)].flatMap((s): [number, number][] => {
          if (tag === "ellipse") {
            const [cx, cy, rx, ry] = ["cx", "cy", "rx", "ry"].map((a) => Number(s.getAttribute(a)));
            return [
              [cx - rx, cy - ry],
              [cx + rx, cy + ry],
            ];
          }
          return tag === "path"
            ? pathPoints(s.getAttribute("d") ?? "")
            : pointsOf(s.getAttribute("points") ?? "");
        }),
      ),
    );
  const groups = (kind: string) =>
    [...picture.getElementsByTagName("g")].filter(
      (g) => (g.getAttribute("class") ?? "").split(" ")[0] === kind,
    );
  const clusterTitles = groups("node").filter((g) =>
    (g.getAttribute("class") ?? "").includes("cluster-title"),
  );
  const shapes = new Map(
    groups("node")
      .filter((g) => !clusterTitles.includes(g))
      .map((g): [string, SvgNode] => [
        title(g),
        {
          lines: texts(g).map((t) => t.textContent ?? ""),
          anchor: g.getAttribute("id") ?? "",
          classes: (g.getAttribute("class") ?? "").split(" "),
          box: shapeBox(g),
          lineBoxes: texts(g).map(textBox),
        },
      ]),
  );
  const edges = groups("edge").map((g) => {
    const [from, to] = title(g).split("->");
    const kind = (g.getAttribute("class") ?? "").split(" ").find((c) => c.startsWith("edge-")) ?? "";
    const points = [...g.getElementsByTagName("path")].flatMap((p) => pathPoints(p.getAttribute("d") ?? ""));
    return {
      from,
      to,
      kind: kind.slice("edge-".length),
      label: texts(g)
        .map((t) => t.textContent)
        .join(" "),
      points,
    };
  });
  const clusterShapes = new Map(
    groups("cluster").map((g) => [
      title(g),
      {
        box: boxOf(
          [...g.getElementsByTagName("polygon"), ...g.getElementsByTagName("path")].flatMap((s) =>
            s.tagName === "path"
              ? pathPoints(s.getAttribute("d") ?? "")
              : pointsOf(s.getAttribute("points") ?? ""),
          ),
        ),
        // The title is a plain-text node inside the cluster (see topologySvg.ts).
        lineBoxes: texts(
          clusterTitles.find((t) => t.getAttribute("id") === `${g.getAttribute("id")}-title`) ?? g,
        ).map(textBox),
      },
    ]),
  );
  return {
    nodes: new Map([...shapes].map(([k, v]) => [k, v.lines])),
    shapes,
    edges,
    clusters: groups("cluster").map(title),
    clusterShapes,
  };
}
