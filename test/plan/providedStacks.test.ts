import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { contains, parseCidr } from "../../policy/azure/cidr";
import { compiledPack } from "../../plan/compiledPack";
import { defaultPackDir, exitCodeOf, planStack, type PlanDocument } from "../../plan/plan";
import { PolicyPackSession } from "../../plan/policy/policyPackSession";
import type { ZoneCell } from "../../plan/vnetTables";
import { parseMermaid } from "./mermaidParser";

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
}

const publicWorkspaceZones = ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"];

/**
 * The provided customer-VNet stacks keep their workspaces without a managed network (Disabled); the pack
 * advises the mode Azure recommends (AllowOnlyApprovedOutbound) unless an organisation allows Disabled.
 */
const isolationMode = "workspace-managed-network-isolation-mode:ml-workspace";

const expected: Record<string, Expected> = {
  "single-vnet": {
    vnets: ["net-services-vnet"],
    mandatory: [],
    advisory: [isolationMode],
    linked: true,
    workspaceZones: publicWorkspaceZones,
  },
  "isolated-clients": {
    vnets: ["net-services-vnet", "net-clients-vnet"],
    mandatory: [],
    advisory: [isolationMode],
    linked: true,
    workspaceZones: publicWorkspaceZones,
  },
  "isolated-aks": {
    vnets: ["net-services-vnet", "net-aks-vnet"],
    mandatory: [],
    advisory: [isolationMode],
    linked: true,
    workspaceZones: publicWorkspaceZones,
  },
  "selected-ips": {
    vnets: ["net-services-vnet"],
    mandatory: [],
    // Public access from selected IPs is this stack's point; the pack advises Disabled.
    advisory: ["workspace-public-network-access-disabled:ml-workspace", isolationMode],
    linked: true,
    workspaceZones: publicWorkspaceZones,
  },
  // Zones and their links belong to the network team's hub, outside the stack.
  "hub-dns": {
    vnets: ["net-services-vnet"],
    mandatory: [],
    advisory: [isolationMode],
    linked: "external",
    workspaceZones: publicWorkspaceZones,
  },
  "usgov-isolated-clients": {
    vnets: ["net-services-vnet", "net-clients-vnet"],
    mandatory: [],
    advisory: [isolationMode],
    linked: true,
    workspaceZones: ["privatelink.api.ml.azure.us", "privatelink.notebooks.usgovcloudapi.net"],
  },
  // No other advisory finding: the workspace is as in single-vnet, and the pack reads managed endpoints only
  // for Synapse's exfiltration check. The factory's endpoints are in its managed VNet: no VNet table of their own.
  "data-factory-managed-vnet": {
    vnets: ["net-services-vnet"],
    mandatory: [],
    advisory: [isolationMode],
    linked: true,
    workspaceZones: publicWorkspaceZones,
  },
  "insecure-public-endpoint": {
    vnets: ["net-services-vnet"],
    mandatory: ["online-endpoint-public-with-selected-ips:endpoint"],
    advisory: ["workspace-public-network-access-disabled:ml-workspace", isolationMode],
    linked: true,
    workspaceZones: publicWorkspaceZones,
  },
};

const plans: Record<string, PlanDocument> = {};
let session: PolicyPackSession;

describe("offline plan of every provided stack (policy/ pack)", () => {
  before(async function () {
    this.timeout(120_000);
    session = await PolicyPackSession.start({
      packDir: compiledPack(defaultPackDir).dir,
      project: "azureml-isolated",
    });
    for (const stack of Object.keys(expected)) plans[stack] = await planStack(stack, { session });
  });

  after(async () => {
    await session?.stop();
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
      "azure-native:resources:Resource": 1,
      "azure-native:datafactory:ManagedPrivateEndpoint": 5,
      "azureml-network-isolation:index:DataFactoryManagedEndpoints": 1,
      "azureml-network-isolation:index:ManagedEndpointApproval": 5,
      "azure-native:resources:Deployment": 5,
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
        expect(table.rows.flatMap((r) => r.groupIds).sort(), table.vnet).to.deep.equal([
          "amlworkspace",
          "blob",
          "file",
          "registry",
          "vault",
        ]);
        const prefix = parseCidr(table.addressPrefixes[0])!;
        for (const r of table.rows) {
          expect(r.privateIps, r.endpoint).to.have.length.greaterThan(0);
          for (const ip of r.privateIps) expect(contains(prefix, parseCidr(`${ip}/32`)!), ip).to.equal(true);
          expect(
            r.zones.map((z) => z.linked),
            r.endpoint,
          ).to.satisfy((l: unknown[]) => l.every((x) => x === want.linked));
        }
        const workspace = table.rows.find((r) => r.groupIds.includes("amlworkspace"))!;
        expect(workspace.zones.map((z) => z.zone)).to.deep.equal(want.workspaceZones);
      }
      const json = JSON.parse(JSON.stringify(doc)) as PlanDocument;
      expect(json.vnets).to.deep.equal(doc.vnets);
      expect(json.counts.total).to.equal(doc.resources.length);
      if (want.linked === "external") expect(doc.diagram).to.contain("outside the stack");
      await parseMermaid(doc.diagram);
    });
  }
});
