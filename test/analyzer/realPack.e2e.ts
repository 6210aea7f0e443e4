/**
 * The real pack in `policy/`, served through `run-policy-pack` and driven over the Analyzer protocol as the
 * CLI drives it, on graphs recorded from raw azure-native v3 programs run on the mocks. Each graph comes in
 * three forms: preview (in-stack ids unknown, links only through property dependencies), after update (ids
 * known), and discovered, as an audit policy group over the Azure account reads it (read-back state only: own
 * id, no URL path parameters, parents or dependencies). The same topologies with the workspace, its
 * dependencies or the network outside the program, referenced by literal ARM id, run with the end-to-end
 * tests (realPackLiteralIds.e2e.ts).
 */
import { expect } from "chai";
import { compiledPack } from "../../plan/compiledPack";
import { runOnMocks } from "../../plan/mockRun";
import { PolicyPackSession } from "../../plan/policy/policyPackSession";
import { managedNetworkSuite } from "./managedNetworkSuite";
import type { GroupId } from "./programs/endpointSet";
import { selectedIpWorkspace, type SelectedIpArgs } from "./programs/selectedIpWorkspace";
import { discoveredGraph } from "./discoveredForm";
import { classicTopology, type ClassicMistakes } from "./programs/classicTopologies";
import { classicOrganisationProgram } from "../../bench/classicOrganisationProgram";
import { computeElsewhere } from "./programs/computeElsewhere";
import { unreadResources } from "./programs/unreadResources";
import {
  check as checkIn,
  classicTopologies,
  discovered,
  endpointTopologies,
  mandatory,
  preview,
  topologyTests,
  update,
  wholeProgram,
  type Form,
} from "./realPackHarness";

const selectedIpsPolicy = "online-endpoint-public-with-selected-ips";

let sessions: { preview: PolicyPackSession; update: PolicyPackSession; advisory: PolicyPackSession };

const check = (program: () => void, form: Form, session?: PolicyPackSession) =>
  checkIn(program, form, sessions, session);

describe("the real policy pack over the Analyzer protocol, on raw azure-native programs", function () {
  this.timeout(60_000);

  before(async () => {
    // The CLI type-checks a TypeScript pack at every start (8 s here); the transpiled copy of the same
    // sources, cached by content, starts in about 1 s.
    const packDir = compiledPack("policy").dir;
    const [p, u, a] = await Promise.all([
      PolicyPackSession.start({ packDir, dryRun: true }),
      PolicyPackSession.start({ packDir, dryRun: false }),
      // As `pulumi preview --policy-pack-config cfg.json`: the documented table allows the combination.
      PolicyPackSession.start({
        packDir,
        dryRun: true,
        policyConfig: { [selectedIpsPolicy]: { enforcementLevel: "advisory" } },
      }),
    ]);
    sessions = { preview: p, update: u, advisory: a };
  });

  after(async () => {
    await Promise.all(Object.values(sessions ?? {}).map((s) => s.stop()));
  });

  describe("endpoint topologies", () => {
    topologyTests(endpointTopologies, () => sessions, wholeProgram);
  });

  describe("the same topologies on the classic @pulumi/azure provider", () => {
    topologyTests(classicTopologies, () => sessions, wholeProgram);

    // Independent mistakes in one program, each found on its own resource.
    const mistakes: {
      title: string;
      clients?: GroupId[];
      mistakes: ClassicMistakes;
      expected: string[];
      advisory: string[];
    }[] = [
      {
        title:
          "Basic registry, no image-build compute, endpoint without zone group, no notebooks zone, unlinked zone, cluster in another region, subnet policies on",
        mistakes: {
          registrySku: "Basic",
          noImageBuildCompute: true,
          noZoneGroup: ["file"],
          noNotebooksZone: true,
          unlinkedZones: ["privatelink.blob.core.windows.net"],
          computeLocation: "northeurope",
          endpointPolicies: "Enabled",
        },
        expected: [
          "compute-in-workspace-region @ cpu-cluster",
          "endpoint-dns-zone-group @ services-pe-amlworkspace",
          "endpoint-dns-zone-group @ services-pe-file",
          "image-build-compute-with-private-dependencies @ mlw",
          "private-dns-zone-linked-to-endpoint-vnet @ services-pe-blob",
          "registry-premium-for-private-endpoints @ acr",
        ],
        advisory: ["endpoint-subnet-network-policies"],
      },
      {
        title:
          "clients VNet with only a workspace endpoint on the Docker bridge range, instance in a VNet without workspace endpoint (provider defaults)",
        clients: ["amlworkspace"],
        mistakes: {
          clientsCidr: "172.17.0.0/16",
          clientsSubnetCidr: "172.17.1.0/24",
          instanceInOtherVnet: true,
        },
        expected: [
          "compute-in-endpoint-vnet @ ci",
          "dependency-endpoints-per-vnet @ clients-pe-amlworkspace",
          "vnet-docker-bridge-overlap @ clients-vnet",
          "vnet-docker-bridge-overlap @ clients-vnet",
        ],
        advisory: ["compute-instance-idle-shutdown", "compute-local-auth-disabled", "compute-no-public-ip"],
      },
    ];
    for (const m of mistakes) {
      for (const form of [preview, update]) {
        it(`${m.title}, ${form.name}: each caught`, async () => {
          const { graph, run } = await check(classicTopology("none", m.clients, m.mistakes), form);
          expect(mandatory(run, graph)).to.deep.equal(m.expected);
          const advisory = run.diagnostics
            .filter((d) => d.enforcementLevel === "advisory")
            .map((d) => d.policyName);
          expect(advisory).to.include.members(m.advisory);
        });
      }
    }
  });

  describe("discovered account whose private endpoints live in another account", () => {
    it("a compute outside the workspace's region is caught through the workspace's connection list", async () => {
      const run = await runOnMocks(computeElsewhere(), { preview: false });
      const networkTeam = /:network:|:privatedns:/;
      for (const graph of [discoveredGraph(run), discoveredGraph(run, (r) => networkTeam.test(r.type))]) {
        const result = await sessions.update.check(graph);
        expect(mandatory(result, graph)).to.deep.equal(["compute-in-workspace-region @ cpu-cluster"]);
      }
      expect(
        discoveredGraph(run, (r) => networkTeam.test(r.type)).ofType("azure-native:network:PrivateEndpoint"),
      ).to.deep.equal([]);
    });
  });

  describe("the benchmark's classic-provider organisation stack", () => {
    it("is read whole and found clean; the one advisory is the instance's idle shutdown, which the classic provider cannot set", async () => {
      const { graph, run } = await check(
        classicOrganisationProgram({ workspaces: 1, setsPerWorkspace: 2 }),
        preview,
      );
      expect(mandatory(run, graph)).to.deep.equal([]);
      expect(run.diagnostics.map((d) => `${d.policyName} @ ${graph.byUrn(d.urn)?.name}`)).to.deep.equal([
        "compute-instance-idle-shutdown @ ws00000-instance",
      ]);
    });
  });

  describe("governed resources the pack cannot read", () => {
    for (const form of [preview, update]) {
      it(`are listed once, on the stack, in one advisory finding (${form.name})`, async () => {
        const { run } = await check(unreadResources(), form);
        const found = run.diagnostics.filter((d) => d.policyName === "governed-resources-not-understood");
        expect(found.map((d) => [d.enforcementLevel, d.urn.split("::").pop()])).to.deep.equal([
          ["advisory", "project-stack"],
        ]);
        const message = found[0].message;
        for (const listed of [
          "'spark' (azure:machinelearning/synapseSpark:SynapseSpark)",
          "'ml-registry'",
          "'pe-by-azapi'",
        ])
          expect(message).to.include(listed);
        expect(message).to.not.include("nsg");
      });
    }
  });

  describe("online endpoint with public ingress in a selected-IP workspace", () => {
    const found = [`${selectedIpsPolicy} @ scoring`];
    // "names": the endpoint names the workspace by literal rg + name; "name": by literal name, rg from an output.
    // At preview the workspace's own rg is an output too, resolved through its ResourceGroup's name input.
    const cases: { args: SelectedIpArgs; expected: string[] }[] = [
      ...(["networkAcls", "ipAllowlist"] as const).flatMap((ipForm) => [
        { args: { ipForm, endpointAccess: "Enabled", link: "outputs" } as const, expected: found },
        { args: { ipForm, endpointAccess: undefined, link: "outputs" } as const, expected: found },
        { args: { ipForm, endpointAccess: "Disabled", link: "outputs" } as const, expected: [] },
      ]),
      {
        args: { ipForm: "networkAcls", endpointAccess: undefined, link: "names" },
        expected: found,
      },
      {
        args: { ipForm: "networkAcls", endpointAccess: undefined, link: "name" },
        expected: found,
      },
      // The workspace's IP rules are outside the stack: the pack must not guess.
      { args: { ipForm: "networkAcls", endpointAccess: "Enabled", link: "existing" }, expected: [] },
    ];
    for (const c of cases) {
      for (const form of [preview, update, discovered]) {
        const { ipForm, endpointAccess, link } = c.args;
        const title = `${ipForm}, endpoint access ${endpointAccess ?? "omitted"}, workspace named by ${link}, ${form.name}: ${c.expected.length === 0 ? "nothing" : c.expected.join(", ")}`;
        it(title, async () => {
          const { graph, run } = await check(selectedIpWorkspace(c.args), form);
          expect(mandatory(run, graph)).to.deep.equal(c.expected);
        });
      }
    }

    it("with the policy configured advisory, the same finding comes back advisory", async () => {
      const program = selectedIpWorkspace({
        ipForm: "networkAcls",
        endpointAccess: undefined,
        link: "outputs",
      });
      const { graph, run } = await check(program, preview, sessions.advisory);
      expect(sessions.advisory.config[selectedIpsPolicy].enforcementLevel).to.equal("advisory");
      expect(mandatory(run, graph)).to.deep.equal([]);
      const finding = run.diagnostics.filter((d) => d.policyName === selectedIpsPolicy);
      expect(finding.map((d) => [d.enforcementLevel, d.urn])).to.deep.equal([
        ["advisory", graph.named("scoring").urn],
      ]);
    });
  });

  managedNetworkSuite(() => sessions);
});
