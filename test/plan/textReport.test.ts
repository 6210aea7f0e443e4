/** The text plan read at a glance: each resource's diff on its own tree line, an ok resolution row on one line. */
import { expect } from "chai";
import type { PlanDocument } from "../../plan/plan";
import { reportWidth, textReport, vnetSection } from "../../plan/textReport";
import type { ResolutionRow } from "../../plan/resolutionTable";

const deep = "│  │  ├─ ";
const wideType = "azure-native:network:PrivateDnsZoneGroup";
const wideName = "net-hub-zg-workspace-amlworkspace";

/** A plan document with only what the text report reads. */
function documentOf(parts: Partial<PlanDocument>): PlanDocument {
  return {
    project: "p",
    stack: "s",
    program: "index.ts",
    mode: "update",
    resources: [],
    counts: { total: 0, byType: {} },
    vnets: [],
    managedNetworks: [],
    findings: { mandatory: [], advisory: [] },
    diagram: "",
    topology: { nodes: [], edges: [], clusters: [] } as unknown as PlanDocument["topology"],
    timings: { packCompileMs: 0, packStartMs: 0, programMs: 1, policyMs: 0, totalMs: 1 },
    ...parts,
  };
}

const row = (urn: string, name: string) => ({
  urn,
  type: wideType,
  name,
  depth: 3,
  prefix: deep,
  protect: true,
});

describe("plan: text report at a glance", () => {
  it("keeps each resource's Info (protected, its diff) whole on the resource's own tree line", () => {
    const diffs = ["properties.privateDnsZoneConfigs[0].privateDnsZoneId", "tags.owner", "tags.costCenter"];
    const doc = documentOf({
      resources: [row("u1", wideName), row("u2", "other")],
      counts: { total: 2, byType: { [wideType]: 2 } },
      changes: {
        stateFile: "s.json",
        fromState: true,
        steps: {
          u1: { op: "update", diffs, replaces: [] },
          u2: { op: "replace", diffs: ["location"], replaces: ["location"] },
        },
        deleted: [],
        outputs: [],
        blocked: [],
        kept: false,
      },
    });
    const lines = textReport(doc).split("\n");
    expect(lines.find((l) => l.includes(wideName))).to.match(
      /update +protected \[diff: ~properties\.privateDnsZoneConfigs\[0\]\.privateDnsZoneId, ~tags\.owner, ~tags\.costCenter\]$/,
    );
    expect(lines.find((l) => l.includes(" other "))).to.match(/replace +protected \[diff: \+-location\]$/);
    // Every other line keeps to the report's width.
    expect(Math.max(...lines.filter((l) => !l.includes("[diff")).map((l) => l.length))).to.be.at.most(
      reportWidth,
    );
  });

  it("prints an ok resolution row on one line and the path only under a broken or unknown row; the document keeps every path", () => {
    const resolution = (status: ResolutionRow["status"], via: string): ResolutionRow => ({
      name: "privatelink.blob.core.windows.net",
      target: "storage account 'st'",
      groupId: "blob",
      via,
      ip: "10.0.1.7",
      route: "peered both ways",
      status,
    });
    const rows = [
      resolution("ok", "OK-PATH"),
      resolution("broken", "BROKEN-PATH"),
      resolution("unknown", "UNKNOWN-PATH"),
    ];
    const doc = documentOf({ vnets: [{ vnet: "spoke", addressPrefixes: [], rows: [], resolution: rows }] });
    const text = textReport(doc);
    expect(text).to.contain(
      "VNet spoke: no private endpoints\n    name resolution from this VNet:\n" +
        "      ok  privatelink.blob.core.windows.net (storage account 'st', blob) -> 10.0.1.7, peered both ways\n" +
        "      BROKEN  privatelink.blob.core.windows.net",
    );
    expect(text).not.to.contain("OK-PATH");
    expect(text).to.contain("          BROKEN-PATH");
    expect(text).to.contain("          UNKNOWN-PATH");
    expect(JSON.stringify(doc)).to.contain("OK-PATH");
  });

  it("prints each endpoint on one line, its IPs going on under their column only where the names leave no room", () => {
    const endpoint = (name: string, privateIps: string[]) => ({
      endpoint: name,
      urn: name,
      targets: ["container registry 'ml-registry'"],
      groupIds: ["registry"],
      privateIps,
      dns: [],
      zones: [{ zone: "privatelink.azurecr.io", linked: true as const }],
    });
    const ips = ["10.2.1.4", "10.2.1.5", "10.2.1.6"];
    const tableOf = (name: string) => ({
      vnet: "v",
      addressPrefixes: [],
      rows: [endpoint(name, ips)],
      resolution: [],
    });
    const short = vnetSection(tableOf("pe-registry"));
    expect(short[2]).to.match(
      /^ {4}pe-registry +container registry 'ml-registry' +registry +10\.2\.1\.4, 10\.2\.1\.5, 10\.2\.1\.6$/,
    );
    const long = vnetSection(tableOf("net-endpoints-pe-registry-registry-x-long-name"));
    expect(long[2]).to.match(
      /^ {4}net-endpoints-pe-registry-registry-x-long-name +container registry 'ml-registry' +registry +10\.2\.1\.4,/,
    );
    expect(long[3]).to.match(/^ +10\.2\.1\.6$/);
    expect(long[3].indexOf("10.2.1.6")).to.equal(long[2].indexOf("10.2.1.4"));
    expect(long[4]).to.equal("    zones linked to this VNet: privatelink.azurecr.io");
    expect(Math.max(...long.map((l) => l.length))).to.be.at.most(reportWidth);
  });
});
