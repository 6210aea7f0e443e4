import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { contains, parseCidr } from "../../policy/azure/cidr";
import { pictureFile, providedStacks, startDocsPack } from "../../plan/docsPictures";
import { htmlReport } from "../../plan/htmlReport";
import { exitCodeOf, planStack, type PlanDocument } from "../../plan/plan";
import { findingMarks } from "../../plan/topology";
import { topologySvg } from "../../plan/topologySvg";
import type { ZoneCell } from "../../plan/vnetTables";
import { parseMermaid } from "./mermaidParser";
import { svgGraph, type Box } from "./svgGraph";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JSDOM } = require("jsdom") as typeof import("jsdom");

const stacksDir = path.resolve(__dirname, "..", "..", "stacks");

interface Expected {
  vnets: string[];
  /** Mandatory findings as `policy:resource`. */
  mandatory: string[];
  /** Advisory findings as `policy:resource`. */
  advisory: string[];
  /** The link state of every zone of every endpoint. */
  linked: ZoneCell["linked"];
  /** Zones of the workspace endpoint (per cloud). */
  workspaceZones: string[];
  /** Group ids of every VNet's endpoints; default a full set (workspace, storage blob and file, vault, registry). */
  groupIds?: string[];
  /** Group ids per VNet where they differ (spokes using the hub's endpoints hold none). */
  groupIdsByVnet?: Record<string, string[]>;
}

const fullSet = ["amlworkspace", "blob", "file", "registry", "vault"];

const publicWorkspaceZones = ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"];

/**
 * Azure Policy 7bca8353 (subnet-private) flags, by design, subnets that keep Azure's default outbound
 * access: the stacks' computes (no public IP) in the services subnet and AKS nodes reach the internet
 * through it until the platform adds a NAT gateway or firewall (each stack file says so). Subnets holding
 * only endpoints are private (issue 18).
 */
const defaultOutbound = (...sets: string[]) => sets.map((s) => `subnet-private:${s}`);

const expected: Record<string, Expected> = {
  "single-vnet": {
    vnets: ["net-services-vnet"],
    mandatory: [],
    advisory: [...defaultOutbound("net-services-endpoints")],
    linked: true,
    workspaceZones: publicWorkspaceZones,
  },
  "isolated-clients": {
    vnets: ["net-services-vnet", "net-clients-vnet"],
    mandatory: [],
    advisory: [...defaultOutbound("net-services-endpoints")],
    linked: true,
    workspaceZones: publicWorkspaceZones,
  },
  "isolated-aks": {
    vnets: ["net-services-vnet", "net-aks-vnet"],
    mandatory: [],
    advisory: [...defaultOutbound("net-services-endpoints", "aks-nodes")],
    linked: true,
    workspaceZones: publicWorkspaceZones,
  },
  "selected-ips": {
    vnets: ["net-services-vnet"],
    mandatory: [],
    // Public access from selected IPs is this stack's point; the pack advises Disabled.
    advisory: [
      "workspace-public-network-access-disabled:ml-workspace",
      ...defaultOutbound("net-services-endpoints"),
    ],
    linked: true,
    workspaceZones: publicWorkspaceZones,
  },
  // Zones and their links belong to the network team's hub, outside the stack.
  "hub-dns": {
    vnets: ["net-services-vnet"],
    mandatory: [],
    advisory: [...defaultOutbound("net-services-endpoints")],
    linked: "external",
    workspaceZones: publicWorkspaceZones,
  },
  // Azure Policy writes the zone groups after deployment (stack tag azureml:private-dns=azure-policy): no zones.
  "landing-zone-dns": {
    vnets: ["net-services-vnet", "net-clients-vnet"],
    mandatory: [],
    advisory: [...defaultOutbound("net-services-endpoints")],
    linked: true,
    workspaceZones: [],
  },
  "usgov-isolated-clients": {
    vnets: ["net-services-vnet", "net-clients-vnet"],
    mandatory: [],
    advisory: [...defaultOutbound("net-services-endpoints")],
    linked: true,
    workspaceZones: ["privatelink.api.ml.azure.us", "privatelink.notebooks.usgovcloudapi.net"],
  },
  // No other advisory finding: the workspace is as in single-vnet, and the pack reads managed endpoints only
  // for Synapse's exfiltration check. The factory's endpoints are in its managed VNet: no VNet table of their own.
  "data-factory-managed-vnet": {
    vnets: ["net-services-vnet"],
    mandatory: [],
    advisory: [...defaultOutbound("net-services-endpoints")],
    linked: true,
    workspaceZones: publicWorkspaceZones,
  },
  // A client VNet of a managed-network
  // workspace needs the workspace and its storage only, and the computes are in the managed VNet.
  "managed-network": {
    vnets: ["net-clients-vnet"],
    mandatory: [],
    advisory: [],
    linked: true,
    workspaceZones: publicWorkspaceZones,
    groupIds: ["amlworkspace", "blob", "file"],
  },
  // Central zones and resolver in the hub with the shared endpoints; spokes peered and resolving through the
  // resolver; every subnet private; plans clean under the pack's resolution model.
  "hub-spoke": {
    vnets: ["net-hub-vnet", "net-compute-vnet", "net-clients-vnet"],
    mandatory: [],
    advisory: [],
    linked: true,
    workspaceZones: publicWorkspaceZones,
    groupIdsByVnet: { "net-compute-vnet": [], "net-clients-vnet": [] },
  },
  "insecure-public-endpoint": {
    vnets: ["net-services-vnet"],
    mandatory: ["online-endpoint-public-with-selected-ips:endpoint"],
    advisory: [
      "workspace-public-network-access-disabled:ml-workspace",
      ...defaultOutbound("net-services-endpoints"),
    ],
    linked: true,
    workspaceZones: publicWorkspaceZones,
  },
};

const plans: Record<string, PlanDocument> = {};
const svgs: Record<string, string> = {};
let planned: Promise<void> | undefined;

/**
 * Plans every provided stack once, for whichever describe runs first (each may run alone, with --grep), with
 * the session the docs' pictures are planned with, so the pictures can be compared; the session is stopped
 * once they are planned.
 */
function planAll(): Promise<void> {
  return (planned ??= (async () => {
    const session = await startDocsPack();
    try {
      for (const stack of Object.keys(expected)) plans[stack] = await planStack(stack, { session });
      for (const stack of Object.keys(expected)) svgs[stack] = await topologySvg(plans[stack].topology);
    } finally {
      await session.stop();
    }
  })());
}

describe("offline plan of every provided stack (policy/ pack)", () => {
  before(async function () {
    this.timeout(120_000);
    await planAll();
  });

  it("covers every stack file in stacks/", () => {
    const files = fs.readdirSync(stacksDir).filter((f) => /^Pulumi\..+\.yaml$/.test(f));
    expect(files.map((f) => f.slice("Pulumi.".length, -".yaml".length)).sort()).to.deep.equal(
      Object.keys(expected).sort(),
    );
  });

  it("data-factory-managed-vnet: single-vnet's graph (without its compute instance) plus the factory, its managed VNet and five approved managed endpoints", () => {
    const counts = (stack: string) => plans[stack].counts.byType;
    const types = new Set([
      ...Object.keys(counts("single-vnet")),
      ...Object.keys(counts("data-factory-managed-vnet")),
    ]);
    const added = Object.fromEntries(
      [...types]
        .map((t) => [t, (counts("data-factory-managed-vnet")[t] ?? 0) - (counts("single-vnet")[t] ?? 0)])
        .filter(([, n]) => n !== 0),
    );
    expect(added).to.deep.equal({
      "azure-native:datafactory:Factory": 1,
      "azure-native:datafactory:ManagedPrivateEndpoint": 5,
      "azureml-network-isolation:index:DataFactoryManagedEndpoints": 1,
      "azureml-network-isolation:index:ManagedEndpointApproval": 5,
      // The managed VNet's deployment and the five approvals'.
      "azure-native:resources:Deployment": 6,
      "azureml-network-isolation:index:PrivateCompute": -1,
      "azure-native:machinelearningservices:Compute": -1,
    });
  });

  for (const [stack, want] of Object.entries(expected)) {
    it(`${stack}: findings, VNet tables with a full endpoint set per VNet, links, and a diagram that parses`, async () => {
      const doc = plans[stack];
      expect(doc.findings.mandatory.map((f) => `${f.policy}:${f.name}`)).to.deep.equal(want.mandatory);
      expect(doc.findings.advisory.map((f) => `${f.policy}:${f.name}`)).to.deep.equal(want.advisory);
      expect(exitCodeOf(doc)).to.equal(want.mandatory.length > 0 ? 1 : 0);
      expect(doc.vnets.map((t) => t.vnet)).to.deep.equal(want.vnets);
      for (const table of doc.vnets) {
        expect(table.rows.flatMap((r) => r.groupIds).sort(), table.vnet).to.deep.equal(
          want.groupIdsByVnet?.[table.vnet] ?? want.groupIds ?? fullSet,
        );
        const prefix = parseCidr(table.addressPrefixes[0])!;
        for (const r of table.rows) {
          expect(r.privateIps, r.endpoint).to.have.length.greaterThan(0);
          for (const ip of r.privateIps) expect(contains(prefix, parseCidr(`${ip}/32`)!), ip).to.equal(true);
          expect(
            r.zones.map((z) => z.linked),
            r.endpoint,
          ).to.satisfy((l: unknown[]) => l.every((x) => x === want.linked));
        }
        const workspace = table.rows.find((r) => r.groupIds.includes("amlworkspace"));
        if (table.rows.length > 0)
          expect(workspace!.zones.map((z) => z.zone)).to.deep.equal(want.workspaceZones);
      }
      const json = JSON.parse(JSON.stringify(doc)) as PlanDocument;
      expect(json.vnets).to.deep.equal(doc.vnets);
      expect(json.counts.total).to.equal(doc.resources.length);
      if (want.linked === "external") expect(doc.diagram).to.contain("outside the stack");
      await parseMermaid(doc.diagram);
    });
  }

  it("managed-network: the managed network's mode, firewall and rules, the user's and Azure's, in the plan", () => {
    const [table] = plans["managed-network"].managedNetworks;
    expect(table.isolationMode).to.equal("AllowOnlyApprovedOutbound");
    expect(table.firewallSku).to.equal("Standard");
    expect(table.status).to.equal("Active");
    expect(
      table.rules.filter((r) => r.madeBy === "user").map((r) => `${r.name} ${r.type} ${r.destination}`),
    ).to.deep.equal([
      "anaconda FQDN *.anaconda.com",
      "anaconda-org FQDN *.anaconda.org",
      "conda-forge FQDN conda.anaconda.org",
      "data-blob PrivateEndpoint Microsoft.Storage/storageAccounts stmlwmanageddata (blob)",
      "pypi FQDN pypi.org",
      "pythonhosted FQDN files.pythonhosted.org",
    ]);
    expect(table.rules.filter((r) => r.madeBy === "Azure" && r.type === "PrivateEndpoint")).to.have.length(4);
    for (const stack of Object.keys(expected).filter((s) => s !== "managed-network"))
      expect(plans[stack].managedNetworks, stack).to.deep.equal([]);
  });
});

describe("the plan's picture and page, for every provided stack", () => {
  before(async function () {
    this.timeout(120_000);
    await planAll();
  });

  it("has every provided stack planned (the loops below are over them all)", () => {
    expect(Object.keys(plans).sort()).to.deep.equal(Object.keys(expected).sort());
    expect(Object.keys(svgs).sort()).to.deep.equal(Object.keys(expected).sort());
  });

  it("SVG: every workspace, VNet, endpoint and zone is a labelled node; each zone write and VNet link an edge; findings marked", () => {
    for (const [stack, doc] of Object.entries(plans)) {
      const g = svgGraph(svgs[stack]);
      const node = (urn: string) => {
        const lines = g.nodes.get(urn);
        if (!lines) throw new Error(`${stack}: no node titled ${urn}`);
        return lines;
      };
      const edgesFrom = (from: string, kind: string) =>
        g.edges.filter((e) => e.from === from && e.kind === kind).map((e) => e.to);
      const ofType = (suffix: string) => doc.resources.filter((r) => r.type.endsWith(suffix));

      const workspaces = doc.resources.filter(
        (r) => r.type === "azure-native:resources:Resource" && /SecuredWorkspace::ml$/.test(r.parent ?? ""),
      );
      expect(workspaces, stack).to.have.length(1);
      expect(node(workspaces[0].urn)[0]).to.equal(`ML workspace ${workspaces[0].name}`);
      expect(ofType(":network:VirtualNetwork").map((r) => node(r.urn)[0])).to.deep.equal(
        doc.vnets.map((t) => `VNet ${t.vnet}`),
      );
      for (const r of ofType(":network:PrivateEndpoint")) expect(node(r.urn)[0], stack).to.equal(r.name);
      for (const r of ofType(":privatedns:PrivateZone")) expect(node(r.urn), stack).to.have.length(1);
      for (const table of doc.vnets) {
        for (const row of table.rows) {
          expect(node(row.urn)[1], row.endpoint).to.equal(row.privateIps.join(", "));
          const written = edgesFrom(row.urn, "writes");
          expect(written.map((z) => node(z)[0]).sort(), row.endpoint).to.deep.equal(
            row.zones.map((z) => z.zone).sort(),
          );
          for (const zone of written) {
            const linked = edgesFrom(table.urn!, "linked").includes(zone);
            const cell = row.zones.find((z) => z.zone === node(zone)[0])!;
            expect(linked, `${stack} ${row.endpoint} ${cell.zone}`).to.equal(cell.linked === true);
            if (cell.linked === "external") expect(node(zone)).to.include("outside the stack");
          }
        }
      }
      expect(
        g.edges.filter((e) => e.kind === "linked"),
        stack,
      ).to.have.length(ofType(":privatedns:VirtualNetworkLink").length);
      for (const r of ofType(":datafactory:ManagedPrivateEndpoint")) {
        expect(node(r.urn)[0]).to.equal(r.name);
        expect(
          g.edges.filter((e) => e.from === r.urn && g.nodes.has(e.to)),
          r.name,
        ).to.have.length(1);
      }
      for (const level of ["mandatory", "advisory"] as const) {
        for (const f of doc.findings[level]) {
          // A finding on a subnet marks its cluster; on anything else, its node.
          const lines = g.clusterShapes.get(`cluster ${f.urn}`)?.lineBoxes.map((l) => l.text) ?? node(f.urn);
          expect(lines, stack).to.include(`${findingMarks[level]} ${level}: ${f.policy}`);
        }
      }
      // A flagged resource outside the network hangs off the workspace it belongs to.
      for (const f of doc.findings.mandatory.filter((x) => x.type.endsWith(":OnlineEndpoint"))) {
        expect(
          g.edges.filter((e) => e.from === workspaces[0].urn).map((e) => e.to),
          stack,
        ).to.include(f.urn);
      }
    }
  });

  it("SVG geometry: every node inside the clusters holding it (subnet in VNet in resource group), no two nodes overlapping", () => {
    const within = (a: Box, b: Box) =>
      a.x1 >= b.x1 - 0.5 && a.x2 <= b.x2 + 0.5 && a.y1 >= b.y1 - 0.5 && a.y2 <= b.y2 + 0.5;
    const meet = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    for (const [stack, doc] of Object.entries(plans)) {
      const g = svgGraph(svgs[stack]);
      const clusters = new Map(doc.topology.clusters.map((c) => [c.id, c]));
      let nested = 0;
      for (const n of doc.topology.nodes) {
        for (
          let c = n.cluster && clusters.get(n.cluster);
          c;
          c = c.parent ? clusters.get(c.parent) : undefined
        ) {
          const box = g.clusterShapes.get(`cluster ${c.id}`)?.box;
          expect(box, `${stack}: cluster ${c.id}`).to.not.equal(undefined);
          expect(
            within(g.shapes.get(n.id)!.box, box!),
            `${stack}: ${n.lines[0]} in ${c.lines[0] ?? c.id}`,
          ).to.equal(true);
          nested++;
        }
      }
      expect(nested, stack).to.be.greaterThan(0);
      const boxes = [...g.shapes].map(([id, s]) => ({ id, box: s.box }));
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++)
          expect(meet(boxes[i].box, boxes[j].box), `${stack}: ${boxes[i].id} over ${boxes[j].id}`).to.equal(
            false,
          );
    }
  });

  it("the docs' pictures are current (regenerate with npm run docs:diagrams)", () => {
    expect(providedStacks()).to.deep.equal(Object.keys(expected).sort());
    for (const stack of providedStacks()) {
      const committed = fs.existsSync(pictureFile(stack)) ? fs.readFileSync(pictureFile(stack), "utf8") : "";
      expect(svgs[stack] === committed, `${pictureFile(stack)} is stale: run npm run docs:diagrams`).to.equal(
        true,
      );
    }
  });

  it("HTML: one page with the picture, findings and their messages, VNet tables and the tree; nothing loaded from outside; text escaped", async () => {
    const doc = plans["insecure-public-endpoint"];
    // A hostile name and message: they must stay text.
    const hostile = '<script>alert("x")</script><img src="https://example.com/x.png">';
    const tampered: PlanDocument = {
      ...doc,
      vnets: doc.vnets.map((t) => ({
        ...t,
        rows: t.rows.map((r, i) => (i ? r : { ...r, endpoint: hostile })),
      })),
      findings: { ...doc.findings, advisory: doc.findings.advisory.map((f) => ({ ...f, message: hostile })) },
    };
    const html = htmlReport(tampered, await topologySvg(doc.topology, { inline: true }));
    const page = new JSDOM(html).window.document;
    const text = (selector: string) => [...page.querySelectorAll(selector)].map((e) => e.textContent ?? "");

    expect(page.querySelectorAll(".picture > svg > svg#picture g.node:not(.cluster-title)")).to.have.length(
      doc.topology.nodes.length,
    );
    expect(text("table caption")).to.include.members(
      doc.vnets.map((t) => `VNet ${t.vnet} (${t.addressPrefixes.join(", ")})`),
    );
    const cells = text("td");
    for (const row of doc.vnets.flatMap((t) => t.rows).slice(1)) expect(cells).to.include(row.endpoint);
    expect(cells).to.include(hostile);
    const { advisory } = doc.findings;
    expect(text("h3")).to.deep.equal([
      `Mandatory: ${doc.findings.mandatory.length}`,
      `Advisory: ${advisory.length}`,
    ]);
    const [mandatory] = doc.findings.mandatory;
    expect(text("td pre")).to.deep.equal([mandatory.message, ...advisory.map(() => hostile)]);
    expect(cells).to.include(mandatory.policy);
    expect(text("td.tree")).to.deep.equal(doc.resources.map((r) => r.prefix + r.type));

    expect(page.querySelectorAll("script, link, img, iframe, object, embed, image, use")).to.have.length(0);
    for (const el of page.querySelectorAll("*")) {
      for (const attr of ["src", "href", "xlink:href", "srcset", "action"]) {
        const value = el.getAttribute(attr);
        if (value !== null) expect(value, `${el.tagName} ${attr}`).to.match(/^#/);
      }
    }
    const css = [
      ...text("style"),
      ...[...page.querySelectorAll("[style]")].map((e) => e.getAttribute("style")),
    ];
    expect(css.join("\n")).to.not.match(/@import|url\(/i);
    expect(html).to.not.match(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
  });
});
