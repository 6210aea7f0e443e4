/**
 * The platform network, described once (issue 25 §1), through the real pack over the Analyzer protocol and the
 * plan CLI with `--policy-pack-config`: the spoke whose hub another stack runs plans with no mandatory finding
 * and no unknown name when the platform describes its hub; a DNS server the platform does not run, or a platform
 * lacking a zone, is blocked with the path in words; without the description the advisory's fix names the config.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runOnMocks, type RecordedGraph } from "../../plan/mockRun";
import type { PlanDocument } from "../../plan/plan";
import { runCli } from "../../plan/planCommand";
import type { PolicyRun } from "../../plan/policy/policyPackSession";
import type { PlatformNetwork } from "../../policy/model/platformNetwork";
import { contosoHub, platformSpoke } from "../hubSpoke/programs/platformSpoke";
import { startRealPack, stopRealPack, type RealPackSessions } from "./realPackSessions";

const described: PlatformNetwork = { hubs: [contosoHub] };
const lackingNotebooks: PlatformNetwork = {
  hubs: [
    {
      ...contosoHub,
      privateDnsZoneIds: (contosoHub.privateDnsZoneIds ?? []).filter(
        (id) => !id.endsWith("/privatelink.notebooks.azure.net"),
      ),
    },
  ],
};

function findings(run: PolicyRun, graph: RecordedGraph, level: "mandatory" | "advisory") {
  return run.diagnostics
    .filter((d) => d.enforcementLevel === level)
    .map((d) => ({ policy: d.policyName, at: graph.byUrn(d.urn)?.name ?? d.urn, message: d.message }));
}

describe("platform-network through the real pack (Analyzer protocol)", function () {
  this.timeout(180_000);
  let withPlatform: RealPackSessions;
  let lacking: RealPackSessions;
  let without: RealPackSessions;

  before(async () => {
    [withPlatform, lacking, without] = await Promise.all([
      startRealPack({ "platform-network": described as unknown as Record<string, unknown> }),
      startRealPack({ "platform-network": lackingNotebooks as unknown as Record<string, unknown> }),
      startRealPack(),
    ]);
  });
  after(async () => {
    await stopRealPack(withPlatform, lacking, without);
  });

  for (const preview of [true, false]) {
    const mode = preview ? "preview" : "update";
    it(`described: no mandatory finding and no unverified advisory (${mode})`, async () => {
      const { graph } = await runOnMocks(platformSpoke(), { preview });
      const run = await (preview ? withPlatform.preview : withPlatform.update).check(graph);
      expect(run.stackAnalyzed).to.equal(true);
      expect(findings(run, graph, "mandatory")).to.deep.equal([]);
      expect(
        findings(run, graph, "advisory").filter((f) => f.policy === "dns-resolution-unverified"),
      ).to.deep.equal([]);
    });

    it(`a DNS server the platform does not run is blocked with the path (${mode})`, async () => {
      const { graph } = await runOnMocks(platformSpoke({ dnsServer: "10.0.4.5" }), { preview });
      const run = await (preview ? withPlatform.preview : withPlatform.update).check(graph);
      const found = findings(run, graph, "mandatory");
      expect(found.map((f) => `${f.policy} @ ${f.at}`)).to.deep.equal([
        "private-dns-zone-linked-to-endpoint-vnet @ net-ml-vnet",
      ]);
      expect(found[0].message).to.include(
        "resolves through 10.0.4.5, which is in the address space of hub VNet 'vnet-hub-weu' (described by the platform as hub 'contoso-hub-weu') but is none of the DNS servers the platform runs there",
      );
    });

    it(`a platform lacking a zone is blocked, naming the zone and the config key (${mode})`, async () => {
      const { graph } = await runOnMocks(platformSpoke(), { preview });
      const run = await (preview ? lacking.preview : lacking.update).check(graph);
      const found = findings(run, graph, "mandatory");
      expect(found.length).to.be.greaterThan(0);
      expect(found.map((f) => f.message).join("\n"))
        .to.include("privatelink.notebooks.azure.net is not linked to hub VNet 'vnet-hub-weu'")
        .and.include("platform-network.hubs[].privateDnsZoneIds");
    });

    it(`without the description: today's advisory, whose fix names the config (${mode})`, async () => {
      const { graph } = await runOnMocks(platformSpoke(), { preview });
      const run = await (preview ? without.preview : without.update).check(graph);
      expect(findings(run, graph, "mandatory")).to.deep.equal([]);
      const advisory = findings(run, graph, "advisory").filter(
        (f) => f.policy === "dns-resolution-unverified",
      );
      expect(advisory).to.have.length(1);
      expect(advisory[0].message).to.include("platform-network.hubs");
    });
  }

  it("reports a config mistake once, naming the key", async () => {
    const bad = { hubs: [{ ...contosoHub, addressSpace: ["10.0.0.0/33"] }] };
    const sessions = await startRealPack({ "platform-network": bad as unknown as Record<string, unknown> });
    try {
      const { graph } = await runOnMocks(platformSpoke(), { preview: true });
      const found = findings(await sessions.preview.check(graph), graph, "mandatory");
      const own = found.filter((f) => f.policy === "platform-network");
      expect(own).to.have.length(1);
      expect(own[0].message).to.include(
        'The platform-network config is wrong: platform-network.hubs[0].addressSpace[0] is "10.0.0.0/33", which is not an IPv4 CIDR with its host bits clear, e.g. 10.0.0.0/16. Fix: correct platform-network.hubs[0].addressSpace[0] (the hub is left out of every check until then)',
      );
    } finally {
      await stopRealPack(sessions);
    }
  });
});

describe("platform-network through the plan CLI (--policy-pack-config)", function () {
  this.timeout(180_000);
  const project = path.join(__dirname, "..", "plan", "fixtures", "platform-spoke");

  async function plan(config: object | undefined, stackConfig: string[] = []) {
    const out = { stdout: "", stderr: "" };
    const io = { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t) };
    const file = path.join(os.tmpdir(), `platform-network-${process.pid}-${Math.random()}.json`);
    if (config) fs.writeFileSync(file, JSON.stringify(config));
    try {
      const code = await runCli(
        [
          project,
          "--stack",
          "dev",
          "--json",
          ...(config ? ["--policy-pack-config", file] : []),
          ...stackConfig,
        ],
        io,
      );
      return { code, doc: JSON.parse(out.stdout) as PlanDocument, stderr: out.stderr };
    } finally {
      fs.rmSync(file, { force: true });
    }
  }

  it("described: exits 0 and no VNet has an unknown name", async () => {
    const { code, doc } = await plan({ "platform-network": described });
    expect(doc.findings.mandatory).to.deep.equal([]);
    expect(code).to.equal(0);
    const rows = doc.vnets.flatMap((t) => t.resolution);
    expect(rows.length).to.be.greaterThan(0);
    expect(rows.filter((r) => r.status !== "ok")).to.deep.equal([]);
  });

  it("lacking a zone: exits 1 with the path in words", async () => {
    const { code, doc } = await plan({ "platform-network": lackingNotebooks });
    expect(code).to.equal(1);
    expect(doc.findings.mandatory.map((f) => f.message).join("\n")).to.include(
      "privatelink.notebooks.azure.net is not linked to hub VNet 'vnet-hub-weu'",
    );
    expect(doc.vnets.flatMap((t) => t.resolution).some((r) => r.status === "broken")).to.equal(true);
  });

  it("without the description: unknown names and the advisory naming the config", async () => {
    const { code, doc } = await plan(undefined);
    expect(code).to.equal(0);
    expect(doc.vnets.flatMap((t) => t.resolution).some((r) => r.status === "unknown")).to.equal(true);
    expect(doc.findings.advisory.map((f) => f.message).join("\n")).to.include("platform-network.hubs");
  });
});
