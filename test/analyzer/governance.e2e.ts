/**
 * The pack as an organisation's guardrail, served once and driven over the Analyzer protocol as the CLI
 * drives it: the metadata GetAnalyzerInfo carries for Pulumi Cloud, private DNS declared as managed outside
 * the program (stack tag or pack config), and exemptions by pattern. The session is re-sent ConfigureStack
 * and Configure between checks instead of starting a pack per case.
 */
import { benchmarkControls, type BenchmarkControl } from "../../policy/pack/benchmark";
import { expect } from "chai";
import { compiledPack } from "../../plan/compiledPack";
import { runOnMocks, type RecordedGraph } from "../../plan/mockRun";
import { PolicyPackSession, type PolicyRun } from "../../plan/policy/policyPackSession";
import { policies } from "../../policy/policies";
import { DnsModes, SecuredWorkspace, WorkspaceNetwork, type DnsMode } from "../../sdk";

const zoneGroupPolicy = "endpoint-dns-zone-group";
const tag = "azureml:private-dns";

/**
 * The product's own components: a workspace (public access Enabled, for the resource policy's exemption) and
 * one endpoint set in one DNS mode.
 */
function program(dnsMode: DnsMode): () => void {
  return () => {
    const ws = new SecuredWorkspace("ml", {
      workspaceName: "mlw-gov",
      resourceGroupName: "rg-gov",
      location: "westeurope",
      imageBuildCompute: "cpu-cluster",
      publicNetworkAccess: "Enabled",
      protectStatefulResources: false,
    });
    new WorkspaceNetwork("net", {
      ...ws.endpointTargets(),
      sets: { services: { addressSpace: ["10.10.0.0/16"], endpointSubnetPrefix: "10.10.1.0/24", dnsMode } },
    });
  };
}

/** Findings as `level policy @ logical name`, sorted ("stack" for the stack itself). */
function findings(run: PolicyRun, graph: RecordedGraph, policy?: string): string[] {
  return run.diagnostics
    .filter((d) => policy === undefined || d.policyName === policy)
    .map((d) => `${d.enforcementLevel} ${d.policyName} @ ${graph.byUrn(d.urn)?.name ?? d.urn}`)
    .sort();
}

const endpointKeys = [
  "registry-registry",
  "storage-blob",
  "storage-file",
  "vault-vault",
  "workspace-amlworkspace",
];
const endpointNames = endpointKeys.map((k) => `net-services-pe-${k}`);
const zoneGroupNames = endpointKeys.map((k) => `net-services-zg-${k}`);
const mandatoryAt = (names: string[]) => names.map((n) => `mandatory ${zoneGroupPolicy} @ ${n}`).sort();

describe("the pack as an organisation's guardrail (real pack, Analyzer protocol)", function () {
  this.timeout(60_000);
  let session: PolicyPackSession;
  /** Preview graphs of the components, by DNS mode. */
  const graphs: Partial<Record<DnsMode, RecordedGraph>> = {};

  before(async () => {
    const starting = PolicyPackSession.start({ packDir: compiledPack("policy").dir, dryRun: true });
    for (const mode of [DnsModes.None, DnsModes.AzurePolicy, DnsModes.OwnZones])
      graphs[mode] = (await runOnMocks(program(mode), { preview: true })).graph;
    session = await starting;
  });

  after(async () => {
    await session?.stop();
  });

  /** Checks a graph with these stack tags and this pack config. */
  async function check(mode: DnsMode, tags: Record<string, string>, config = {}): Promise<string[]> {
    await session.configureStack(tags);
    await session.configure(config);
    const graph = graphs[mode]!;
    return findings(await session.check(graph), graph, zoneGroupPolicy);
  }

  describe("metadata in GetAnalyzerInfo", () => {
    it("every policy has severity, a complete framework, an https Azure doc, remediation steps and tags", () => {
      const { metadata, policies: served } = session.info;
      expect(served.map((p) => p.name).sort()).to.deep.equal(policies.map((p) => p.name).sort());
      for (const { name } of served) {
        const m = metadata[name];
        expect(["low", "medium", "high", "critical"], name).to.include(m.severity);
        // Azure Security Benchmark v3 (= Microsoft cloud security benchmark v1), one title per control.
        expect(m.framework?.name, name).to.equal("Azure Security Benchmark");
        expect(m.framework?.version, name).to.equal("v3");
        const control = m.framework?.reference as BenchmarkControl;
        expect(Object.keys(benchmarkControls), name).to.include(control);
        expect(m.framework?.specification, name).to.equal(benchmarkControls[control].title);
        expect(m.url, name).to.match(/^https:\/\/learn\.microsoft\.com\//);
        expect(m.remediationSteps, name).to.contain("azure-native");
        expect(m.remediationSteps, name).to.match(
          /SecuredWorkspace|WorkspaceNetwork|PrivateEndpointSet|PrivateCompute|AttachedAksCompute/,
        );
        expect(m.tags, name).to.have.length.greaterThan(0);
      }
    });

    it("the pack has a display name, its README and tags", () => {
      expect(session.info.displayName).to.equal("Azure ML network isolation");
      expect(session.info.readme).to.match(/^# azureml-network-isolation policy pack/);
      expect(session.info.tags).to.include("azure-machine-learning");
    });

    it("every policy accepts exemptions in its config schema", () => {
      for (const p of session.info.policies)
        expect(Object.keys(p.configSchema?.properties ?? {}), p.name).to.include("exemptions");
    });
  });

  describe("private DNS managed outside the program", () => {
    it("dnsMode None without a declaration: every endpoint is still blocked for its missing zone group", async () => {
      expect(await check(DnsModes.None, {})).to.deep.equal(mandatoryAt(endpointNames));
    });

    it("dnsMode None with the stack tag custom-dns: no finding", async () => {
      expect(await check(DnsModes.None, { [tag]: "custom-dns" })).to.deep.equal([]);
    });

    it("dnsMode AzurePolicy with the stack tag azure-policy: no finding; without it: blocked", async () => {
      expect(await check(DnsModes.AzurePolicy, { [tag]: "azure-policy" })).to.deep.equal([]);
      expect(await check(DnsModes.AzurePolicy, { other: "x" })).to.deep.equal(mandatoryAt(endpointNames));
    });

    it("in a landing zone, zone groups the program writes are flagged (they fight the policy's)", async () => {
      expect(await check(DnsModes.OwnZones, { [tag]: "azure-policy" })).to.deep.equal(
        mandatoryAt(zoneGroupNames),
      );
    });

    it("with custom DNS, complete zone groups are still fine", async () => {
      expect(await check(DnsModes.OwnZones, { [tag]: "custom-dns" })).to.deep.equal([]);
    });

    it("the pack config declares it for a policy group, and wins over the stack tag", async () => {
      const declared = { [zoneGroupPolicy]: { privateDns: "azure-policy" } };
      expect(await check(DnsModes.AzurePolicy, {}, declared)).to.deep.equal([]);
      const strict = { [zoneGroupPolicy]: { privateDns: "program" } };
      expect(await check(DnsModes.AzurePolicy, { [tag]: "azure-policy" }, strict)).to.deep.equal(
        mandatoryAt(endpointNames),
      );
    });

    it("a tag value naming no manager is reported against the stack, and the default applies", async () => {
      const found = await check(DnsModes.None, { [tag]: "landing-zone" });
      expect(found).to.deep.equal(
        [...mandatoryAt(endpointNames), `mandatory ${zoneGroupPolicy} @ ${stackName(DnsModes.None)}`].sort(),
      );
    });
  });

  describe("exemptions", () => {
    it("a pattern over the URN exempts the storage endpoints; the others stay", async () => {
      const config = {
        [zoneGroupPolicy]: {
          exemptions: [
            { pattern: "*::net-services-pe-storage-*", reason: "storage resolved by the data team's DNS" },
          ],
        },
      };
      expect(await check(DnsModes.None, {}, config)).to.deep.equal(
        mandatoryAt(endpointNames.filter((n) => !n.includes("-storage-"))),
      );
    });

    it("a name pattern exempts a resource from a resource policy (no violation, no remediation)", async () => {
      await session.configureStack({});
      await session.configure({
        "workspace-public-network-access-disabled": {
          enforcementLevel: "remediate",
          exemptions: [{ pattern: "ml-work?pace", reason: "public by design during the pilot" }],
        },
      });
      const graph = graphs[DnsModes.None]!;
      const run = await session.check(graph);
      expect(findings(run, graph, "workspace-public-network-access-disabled")).to.deep.equal([]);
      expect(run.remediated).to.deep.equal({});
      await session.configure({
        "workspace-public-network-access-disabled": { enforcementLevel: "advisory" },
      });
      const unexempt = await session.check(graph);
      expect(findings(unexempt, graph, "workspace-public-network-access-disabled")).to.deep.equal([
        "advisory workspace-public-network-access-disabled @ ml-workspace",
      ]);
    });
  });

  function stackName(mode: DnsMode): string {
    return graphs[mode]!.resources.find((r) => r.type === "pulumi:pulumi:Stack")!.name;
  }
});
