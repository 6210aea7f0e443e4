/**
 * The real pack over the Analyzer protocol on hub-and-spoke designs (issue 17): each documented design plans
 * with no mandatory finding in preview, update, literal-id and discovered forms, and each broken variant gets
 * its mandatory finding on the resource at fault, with a message naming the path followed. In the
 * end-to-end suite (`npm run test:e2e`): seventy-odd programs through the real pack take minutes.
 */
import { expect } from "chai";
import { runOnMocks, type RecordedGraph } from "../../plan/mockRun";
import type { PolicyRun } from "../../plan/policy/policyPackSession";
import { discoveredGraph } from "./discoveredForm";
import { hubSpoke, type HubSpokeArgs } from "./programs/hubSpoke";
import type { Existing } from "./programs/placement";
import { quickstart301 } from "./programs/quickstart301";
import { quickstart301Classic, type Quickstart301ClassicArgs } from "./programs/quickstart301Classic";
import { startRealPack, stopRealPack, type RealPackSessions } from "./realPackSessions";

type FormName = "preview" | "update" | "literal" | "discovered";

const allForms: readonly FormName[] = ["preview", "update", "literal", "discovered"];

let sessions: RealPackSessions;

async function run(program: (e: Existing) => () => void, form: FormName) {
  const preview = form === "preview" || form === "literal";
  const recorded = await runOnMocks(program(form === "literal" ? "workspace" : "none"), { preview });
  const graph = form === "discovered" ? discoveredGraph(recorded) : recorded.graph;
  const result = await (preview ? sessions.preview : sessions.update).check(graph);
  expect(result.stackAnalyzed).to.equal(true);
  return { graph, result };
}

function findings(result: PolicyRun, graph: RecordedGraph, level: "mandatory" | "advisory"): string[] {
  return result.diagnostics
    .filter((d) => d.enforcementLevel === level)
    .map((d) => `${d.policyName} @ ${graph.byUrn(d.urn)?.name ?? d.urn}`)
    .sort();
}

const zoneLink = "private-dns-zone-linked-to-endpoint-vnet";

interface Case {
  title: string;
  args: HubSpokeArgs;
  forms?: readonly FormName[];
  /** Mandatory findings; per form when they differ (the literal form has the workspace outside the stack). */
  expected: string[] | ((form: FormName) => string[]);
  /** Words each mandatory message must hold. */
  says?: string[];
}

const designs: Case[] = [
  {
    title: "spoke resolving through the hub's DNS Private Resolver inbound endpoint",
    args: { dns: "resolver" },
    expected: [],
  },
  { title: "spoke resolving through the hub firewall's DNS proxy", args: { dns: "firewall" }, expected: [] },
  { title: "spoke resolving through a DNS server VM in the hub", args: { dns: "dnsVm" }, expected: [] },
  {
    title: "spoke with a forwarding ruleset to the hub's inbound endpoint",
    args: { dns: "ruleset" },
    expected: [],
  },
  {
    title:
      "spoke holding only the workspace endpoint, dependencies' endpoints in the hub, zones linked to both",
    args: { dns: "azureDns", endpoints: "split" },
    expected: [],
  },
  {
    title: "compute cluster in a spoke peered with the workspace endpoint's hub, zones linked to both",
    args: { dns: "azureDns", endpoints: "hub", compute: "AmlCompute" },
    forms: ["preview", "update", "discovered"],
    expected: [],
  },
  {
    title: "Terraform AVM split workspace endpoints (api on one, notebooks on another)",
    args: { dns: "azureDns", avmSplit: true, peering: "none", zonesLinkedTo: ["spoke"] },
    expected: [],
  },
];

const pathFault = (at: string) => () => [`${zoneLink} @ ${at}`];

const broken: Case[] = [
  {
    title: "resolver design, spoke not peered",
    args: { dns: "resolver", peering: "none" },
    expected: pathFault("spoke-vnet"),
    says: ["VNet 'spoke-vnet' and VNet 'hub-vnet' are not peered", "resolver inbound endpoint"],
  },
  {
    title: "resolver design, peered one way",
    args: { dns: "resolver", peering: "oneWay" },
    expected: pathFault("spoke-vnet"),
    says: ["peered one way only"],
  },
  {
    title: "resolver design, virtual network access disabled",
    args: { dns: "resolver", peering: "accessDisabled" },
    expected: pathFault("spoke-vnet"),
    says: ["allowVirtualNetworkAccess to false"],
  },
  {
    title: "resolver in a VNet not peered with the spoke",
    args: { dns: "resolver", dnsHostUnpeered: true },
    expected: pathFault("spoke-vnet"),
    says: ["not peered"],
  },
  {
    title: "DNS server VM in a VNet not peered with the spoke",
    args: { dns: "dnsVm", dnsHostUnpeered: true },
    expected: pathFault("spoke-vnet"),
    says: ["DNS server VM", "not peered"],
  },
  {
    title: "firewall without DNS proxy",
    args: { dns: "firewall", firewallProxy: false },
    expected: pathFault("fw-policy"),
    says: ["does not enable DNS proxy"],
  },
  {
    title: "resolver design with the zones linked to the spoke instead of the hub",
    args: { dns: "resolver", zonesLinkedTo: ["spoke"] },
    expected: () =>
      [
        "pe-spoke-amlworkspace-zg",
        "pe-spoke-amlworkspace-zg",
        "pe-spoke-blob-zg",
        "pe-spoke-file-zg",
        "pe-spoke-vault-zg",
        "pe-spoke-registry-zg",
      ]
        .map((n) => `${zoneLink} @ ${n}`)
        .sort(),
    says: ["resolves through", "is not linked to VNet 'hub-vnet'"],
  },
  {
    title: "two zones named privatelink.api.azureml.ms linked to the spoke",
    args: { dns: "azureDns", duplicateApiZone: "spoke" },
    expected: () => ["private-dns-zone-name-linked-once @ api-second-spoke-link"],
  },
  {
    title: "compute instance in a spoke peered with the workspace endpoint's hub",
    args: { dns: "azureDns", endpoints: "hub", compute: "ComputeInstance" },
    forms: ["preview", "update", "discovered"],
    expected: () => ["compute-in-endpoint-vnet @ ci"],
    says: ["only a compute cluster may use a VNet peered"],
  },
  {
    title: "workspace endpoint in a spoke not peered with the hub holding the dependencies' endpoints",
    args: { dns: "azureDns", endpoints: "split", peering: "none" },
    // The spoke lacks the dependencies' endpoints, and no workspace endpoint shares a VNet with them.
    expected: (form) =>
      form === "literal"
        ? []
        : ["dependency-endpoints-per-vnet @ mlw", "dependency-endpoints-per-vnet @ pe-spoke-amlworkspace"],
  },
];

describe("hub-and-spoke designs through the real pack (Analyzer protocol)", function () {
  this.timeout(120_000);

  before(async () => {
    sessions = await startRealPack();
  });

  after(() => stopRealPack(sessions));

  for (const c of [...designs, ...broken]) {
    for (const form of c.forms ?? allForms) {
      const expected = typeof c.expected === "function" ? c.expected(form) : c.expected;
      it(`${c.title}, ${form}: ${expected.length === 0 ? "no mandatory finding" : expected.join(", ")}`, async () => {
        const { graph, result } = await run((e) => hubSpoke(c.args, e), form);
        expect(findings(result, graph, "mandatory")).to.deep.equal(expected);
        const messages = result.diagnostics
          .filter((d) => d.enforcementLevel === "mandatory")
          .map((d) => d.message);
        for (const words of c.says ?? []) for (const m of messages) expect(m).to.include(words);
      });
    }
  }

  for (const form of ["preview", "update"] as const) {
    it(`a spoke whose DNS server is outside the stack gets one advisory and no mandatory finding (${form})`, async () => {
      const { graph, result } = await run((e) => hubSpoke({ dns: "outside" }, e), form);
      expect(findings(result, graph, "mandatory")).to.deep.equal([]);
      const advisory = result.diagnostics.filter((d) => d.policyName === "dns-resolution-unverified");
      expect(advisory.map((d) => graph.byUrn(d.urn)?.name)).to.deep.equal(["spoke-vnet"]);
      expect(advisory[0].message).to.include("192.168.10.10").and.include("outside the stack");
    });
  }

  it("names the path: the spoke resolves through the inbound endpoint in the hub, peered both ways", async () => {
    const { result } = await run((e) => hubSpoke({ dns: "resolver", zonesLinkedTo: ["spoke"] }, e), "update");
    const message = result.diagnostics.find((d) => d.policyName === zoneLink)!.message;
    expect(message).to.match(
      /VNet 'spoke-vnet' resolves through 10\.1\.4\.\d+ \(resolver inbound endpoint 'inbound' in VNet 'hub-vnet', peered both ways\); privatelink\.[a-z.]+ is not linked to VNet 'hub-vnet'/,
    );
  });

  for (const form of allForms) {
    it(`the Azure/terraform quickstart 301-machine-learning-hub-spoke-secure plans with no mandatory finding (${form})`, async () => {
      const { graph, result } = await run(quickstart301, form);
      expect(findings(result, graph, "mandatory")).to.deep.equal([]);
    });
  }

  /**
   * The same quickstart through the classic provider, one azurerm resource to one classic resource. Not in
   * the discovered form: discovery reads the account's resources as azure-native ones (the form above), so
   * a classic program's discovered graph is empty. The spoke is VNet 'default' (its Terraform name).
   */
  const classic = (args: Quickstart301ClassicArgs) => (e: Existing) => quickstart301Classic(e, args);
  const quickstartComputeAdvisories = [
    "compute-instance-idle-shutdown @ compute_instance",
    ...["compute", "compute_instance", "image-builder"].flatMap((c) => [
      `compute-local-auth-disabled @ ${c}`,
      `compute-no-public-ip @ ${c}`,
    ]),
  ].sort();
  const endpointZoneGroups = ["cr_ple", "kv_ple", "mlw_ple", "mlw_ple", "st_ple_blob", "storage_ple_file"];
  for (const form of allForms.filter((f) => f !== "discovered")) {
    it(`the quickstart 301 through the classic provider plans with no mandatory finding (${form})`, async () => {
      const { graph, result } = await run(classic({}), form);
      expect(findings(result, graph, "mandatory")).to.deep.equal([]);
      // Where it differs from the azure-native translation: the quickstart's computes keep azurerm's
      // defaults (local auth and node public IPs on, no idle shutdown), which the azure-native one overrides.
      const computeAdvisories = findings(result, graph, "advisory").filter((f) => f.startsWith("compute-"));
      expect(computeAdvisories).to.deep.equal(form === "literal" ? [] : quickstartComputeAdvisories);
    });

    it(`the classic quickstart 301 with DNS proxy off: the spoke's path fails at the firewall policy (${form})`, async () => {
      const { graph, result } = await run(classic({ proxyEnabled: false }), form);
      expect(findings(result, graph, "mandatory")).to.deep.equal([`${zoneLink} @ base_policy`]);
      const message = result.diagnostics.find((d) => d.policyName === zoneLink)!.message;
      // After the update the spoke's DNS server is the private IP Azure gave the firewall; before, its output.
      expect(message).to.match(
        form === "update"
          ? /VNet 'default' resolves through 10\.1\.4\.\d+ /
          : /VNet 'default' resolves through the IP /,
      );
      expect(message).to.include(
        "(Azure Firewall 'azure_firewall_instance' in VNet 'hub', peered both ways); its firewall policy does not enable DNS proxy",
      );
    });

    it(`the classic quickstart 301 peered from the hub only: the spoke cannot reach the firewall (${form})`, async () => {
      const { graph, result } = await run(classic({ oneWayPeering: true }), form);
      expect(findings(result, graph, "mandatory")).to.deep.equal([`${zoneLink} @ default`]);
      expect(result.diagnostics.find((d) => d.policyName === zoneLink)!.message).to.include(
        "peered one way only",
      );
    });

    it(`the classic quickstart 301 without the spoke's DNS server: its zones are not linked to it (${form})`, async () => {
      const { graph, result } = await run(classic({ noSpokeDnsServers: true }), form);
      expect(findings(result, graph, "mandatory")).to.deep.equal(
        endpointZoneGroups.map((n) => `${zoneLink} @ ${n}`),
      );
      for (const d of result.diagnostics.filter((d) => d.enforcementLevel === "mandatory"))
        expect(d.message).to.include("is not linked to its VNet 'default' (linked to VNet 'hub')");
    });
  }
});
