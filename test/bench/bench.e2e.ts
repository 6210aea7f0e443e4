/**
 * The benchmark runs at a tiny size and its reports make sense. Figures are not asserted (the suite is
 * not a timing test); structure, resource counts and the critical path's invariants are.
 */
import { expect } from "chai";
import { RecordedGraph, type RecordedResource, runOnMocks } from "../../plan/mockRun";
import { componentBench } from "../../bench/componentBench";
import { criticalPath } from "../../bench/criticalPath";
import { componentProgram } from "../../bench/endpointSetPrograms";
import { organisationGraph, organisations, workspaceTemplate } from "../../bench/organisationStack";
import { policyBench } from "../../bench/policyBench";
import { growthVerdict, ratioVerdict } from "../../bench/targets";
import { recordedResource } from "../recordedResource";

function resource(name: string, custom: boolean, extra: Partial<RecordedResource> = {}): RecordedResource {
  const type = custom ? "azure-native:test:Thing" : "pkg:index:Component";
  return recordedResource({ urn: `urn:${name}`, type, name, custom, ...extra });
}

function graphOf(...resources: RecordedResource[]): RecordedGraph {
  const graph = new RecordedGraph();
  graph.resources.push(...resources);
  return graph;
}

/** Auto-name and random suffixes differ between a copy and a real run of another workspace; structure does not. */
function withoutSuffixes(graph: RecordedGraph): unknown[] {
  const text = JSON.stringify([...graph.resources].sort((a, b) => a.urn.localeCompare(b.urn)));
  return JSON.parse(text.replace(/[0-9a-f]{7,}/g, "#")) as unknown[];
}

describe("bench", function () {
  this.timeout(60_000);

  describe("critical path", () => {
    it("expands a dependency on a component to its custom descendants, and waits for custom parents only", () => {
      const graph = graphOf(
        resource("stack", false, { type: "pulumi:pulumi:Stack" }),
        resource("comp", false, { parent: "urn:stack" }),
        resource("a", true, { parent: "urn:comp" }),
        resource("b", true, { parent: "urn:comp", dependencies: ["urn:a"] }),
        resource("nested", false, { parent: "urn:comp" }),
        resource("c", true, { parent: "urn:nested", propertyDependencies: { x: ["urn:b"] } }),
        resource("child-of-custom", true, { parent: "urn:a" }),
        resource("d", true, { parent: "urn:stack", dependencies: ["urn:comp"] }),
      );
      const path = criticalPath(graph);
      expect(path.steps).to.equal(5);
      // d waits for every custom descendant of comp (a, b, c) but not for a's child; the child waits for a.
      expect(path.chain.map((l) => l.name)).to.deep.equal(["a", "b", "c", "d"]);
    });

    it("is as long for three endpoint sets as for one", async () => {
      const one = criticalPath((await runOnMocks(componentProgram(1))).graph);
      const three = criticalPath((await runOnMocks(componentProgram(3))).graph);
      // VNet, endpoint subnet, private endpoint, then its zone group or role assignment (a tie): the sets
      // deploy side by side.
      expect(one.chain.map((l) => l.type.split(":").pop())).to.have.ordered.members([
        "VirtualNetwork",
        "Subnet",
        "PrivateEndpoint",
        one.chain[3]?.type.split(":").pop(),
      ]);
      expect(one.chain[3].type).to.match(/PrivateDnsZoneGroup|RoleAssignment/);
      expect(three.chain.length).to.equal(one.chain.length);
      expect(three.steps).to.equal(3 * one.steps);
    });
  });

  for (const organisation of ["components", "hubSpoke"] as const) {
    it(`copies of one workspace's records are what the mock run of several workspaces records (${organisation})`, async () => {
      const template = await workspaceTemplate(2, true, organisation);
      const copied = organisationGraph(template, 3, organisation);
      const program = organisations[organisation].program({ workspaces: 3, setsPerWorkspace: 2 });
      const { graph } = await runOnMocks(program, { preview: true });
      expect(copied.resources).to.have.length(graph.resources.length);
      expect(withoutSuffixes(copied)).to.deep.equal(withoutSuffixes(graph));
    });
  }

  it("policy: both packs check every resource through the Analyzer protocol; the real pack finds the topology clean", async () => {
    const report = await policyBench({ sizes: [40, 80], setsPerWorkspace: 1, repeats: 1, concurrency: 8 });
    expect(report.rows.map((r) => r.workspaces)).to.deep.equal([1, 2]);
    // The smaller stack is measured over about as much work: twice the runs at half the size.
    expect(report.rows.map((r) => r.runs)).to.deep.equal([2, 1]);
    for (const row of report.rows) {
      for (const t of [row.nullPack, row.realPack]) {
        expect(t.totalMs).to.be.greaterThan(0);
        expect(t.usPerResource).to.be.closeTo((t.totalMs * 1000) / row.resources, 1e-6);
      }
      expect(row.realPack.mandatory).to.equal(0);
      expect(row.ratio).to.be.greaterThan(0);
    }
    // The null pack's stack policy saw every resource the engine sent, and its resource policy ran on each.
    const n = report.rows[1].resources;
    expect(report.nullPackRead).to.match(new RegExp(`read ${n} resources \\(\\d+ values\\); analyzed ${n}$`));
    expect(report.growth.resources).to.be.closeTo(n / report.rows[0].resources, 1e-9);
  });

  it("policy, update form: the hub-and-spoke organisation's clients spokes are judged against their own workspace only", async () => {
    const report = await policyBench({
      sizes: [80, 160],
      setsPerWorkspace: 2,
      repeats: 1,
      concurrency: 8,
      organisation: "hubSpoke",
      form: "update",
    });
    expect(report.form).to.equal("update");
    // One traffic-through-firewall advisory per workspace (its clients spoke to its workspace spoke), not one per
    // clients spoke and workspace: the hub's central zones answer every spoke every workspace's names.
    for (const row of report.rows)
      expect([row.realPack.mandatory, row.realPack.advisory]).to.deep.equal([0, row.workspaces]);
    expect(report.rows.map((r) => r.workspaces)).to.deep.equal([1, 4]);
  });

  it("components: the flat program declares the same custom resources; only the components are extra", async () => {
    const report = await componentBench({ sets: [1, 2], repeats: 1, warmUp: false });
    for (const row of report.rows) {
      expect(row.customResources).to.equal(27 * row.sets);
      // The stack, plus WorkspaceNetwork and one PrivateEndpointSet per set in the component program.
      expect(row.registrations).to.deep.equal({
        component: row.customResources + 2 + row.sets,
        flat: row.customResources + 1,
      });
      expect(row.componentMs).to.be.greaterThan(0);
      expect(row.flatMs).to.be.greaterThan(0);
    }
  });

  it("targets: ratios and growth are judged against the issue's limits", () => {
    expect(ratioVerdict(1.5, 1.5).met).to.equal(true);
    expect(ratioVerdict(1.51, 1.5).met).to.equal(false);
    expect(growthVerdict(11, 10).met).to.equal(true);
    expect(growthVerdict(11.5, 10).met).to.equal(false);
  });
});
