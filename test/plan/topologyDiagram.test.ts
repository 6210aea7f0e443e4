import { expect } from "chai";
import * as azure from "@pulumi/azure-native";
import { privateAiHub } from "../analyzer/programs/privateAiHub";
import { DataFactoryManagedEndpoints } from "../../sdk/managedVnet/dataFactoryManagedEndpoints";
import { runOnMocks } from "../../plan/mockRun";
import { stackModel } from "../../plan/modelResources";
import { planStack } from "../../plan/plan";
import { topology } from "../../plan/topology";
import { mermaidDiagram } from "../../plan/topologyMermaid";
import { parseMermaid } from "./mermaidParser";

/** A node's label: the quoted text of its declaration, whatever its shape. */
function labelsById(diagram: string): Map<string, string> {
  return new Map([...diagram.matchAll(/^\s*(n\d+)[[({]+"([^"]*)"/gm)].map((m) => [m[1], m[2]]));
}

/**
 * The managed VNet subgraph titled `title`, as `endpoint -> group id -> target` lines, read from the
 * Mermaid text itself: the endpoint nodes declared inside it and the edges leaving them.
 */
function managedVnet(diagram: string, title: string): string[] {
  const block = diagram.match(new RegExp(`^  subgraph n\\d+\\["${title}"\\]\\n((?:    .*\\n)*)  end$`, "m"));
  if (!block) throw new Error(`no subgraph "${title}" in\n${diagram}`);
  const labels = labelsById(diagram);
  const members = [...block[1].matchAll(/^\s+(n\d+)\(/gm)].map((m) => m[1]);
  return members.flatMap((id) =>
    [...diagram.matchAll(new RegExp(`^  ${id} -->\\|"([^"]*)"\\| (n\\d+)$`, "gm"))].map(
      ([, group, target]) => `${labels.get(id)} -> ${group} -> ${labels.get(target)}`,
    ),
  );
}

describe("topology diagram: managed VNets", () => {
  for (const preview of [false, true]) {
    it(`data-factory-managed-vnet${preview ? " (preview)" : ""}: the factory's managed VNet holds one endpoint per target, labelled with its group id`, async function () {
      this.timeout(60_000);
      const { diagram } = await planStack("data-factory-managed-vnet", { policyPack: false, preview });
      expect(managedVnet(diagram, "managed VNet of data factory adf").sort()).to.deep.equal([
        "adf-mpe-registry-registry -> registry -> container registry 'ml-registry'",
        "adf-mpe-storage-blob -> blob -> storage account 'ml-storage'",
        "adf-mpe-storage-file -> file -> storage account 'ml-storage'",
        "adf-mpe-vault-vault -> vault -> key vault 'ml-keyvault'",
        "adf-mpe-workspace-amlworkspace -> amlworkspace -> ML workspace ml-workspace",
      ]);
      // The managed endpoints are the factory's, in its managed VNet (a top-level subgraph), not in any VNet of the stack.
      expect(diagram.match(/^ {2}subgraph n\d+\["managed VNet of/gm)).to.have.length(1);
      for (const name of ["adf-mpe-storage-blob", "adf-mpe-vault-vault"])
        expect(diagram.match(new RegExp(`^\\s+n\\d+\\("${name}"\\)$`, "gm")), name).to.have.length(1);
      await parseMermaid(diagram);
    });
  }

  it("names a factory outside the stack by its factoryName and draws targets outside the stack", async () => {
    const sub = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml/providers";
    const run = await runOnMocks(() => {
      new DataFactoryManagedEndpoints("adf-ml", {
        factoryName: "adf1",
        factoryResourceGroupName: "rg-ml",
        workspaceId: `${sub}/Microsoft.MachineLearningServices/workspaces/mlw1`,
        storageAccountId: `${sub}/Microsoft.Storage/storageAccounts/stml1`,
        keyVaultId: `${sub}/Microsoft.KeyVault/vaults/kv-ml1`,
        containerRegistryId: `${sub}/Microsoft.ContainerRegistry/registries/crml1`,
        approveOnTargets: false,
      });
    });
    const diagram = mermaidDiagram(
      topology({ model: stackModel(run.graph), graph: run.graph, findings: { mandatory: [], advisory: [] } }),
    );
    const outside = (what: string) => `${what} (resource group rg-ml, outside this stack)`;
    expect(managedVnet(diagram, "managed VNet of data factory 'adf1'").sort()).to.deep.equal([
      `adf-ml-mpe-registry-registry -> registry -> ${outside("container registry 'crml1'")}`,
      `adf-ml-mpe-storage-blob -> blob -> ${outside("storage account 'stml1'")}`,
      `adf-ml-mpe-storage-file -> file -> ${outside("storage account 'stml1'")}`,
      `adf-ml-mpe-vault-vault -> vault -> ${outside("key vault 'kv-ml1'")}`,
      `adf-ml-mpe-workspace-amlworkspace -> amlworkspace -> ${outside("ML workspace 'mlw1'")}`,
    ]);
    // Each target outside the stack is drawn once, as a service node.
    expect(diagram.match(/^ {2}n\d+\[\("/gm)).to.have.length(4);
    await parseMermaid(diagram);
  });
});

describe("topology diagram: hubs and their projects", () => {
  const picture = async (program: () => void) => {
    const run = await runOnMocks(program);
    const drawn = topology({
      model: stackModel(run.graph),
      graph: run.graph,
      findings: { mandatory: [], advisory: [] },
    });
    await parseMermaid(mermaidDiagram(drawn));
    return drawn;
  };

  it("draws the hub as a hub and its project beside it, held by the hub, in no VNet", async () => {
    const drawn = await picture(privateAiHub({ literal: false, project: true, kind: "Hub" }));
    const hub = drawn.nodes.find((n) => n.lines[0] === "ML hub aihub");
    const project = drawn.nodes.find((n) => n.lines[0] === "ML project aihub-project");
    expect(project?.lines).to.deep.equal(["ML project aihub-project", "uses its hub's network"]);
    expect(drawn.edges).to.deep.include({ from: hub!.id, to: project!.id, kind: "holds" });
    expect(project!.cluster).to.equal(undefined);
    // Its managed network is the hub's, and says so.
    expect(drawn.clusters.map((c) => c.lines[0])).to.include("managed VNet of ML hub aihub");
  });

  it("says so when a project's hub is not in the stack", async () => {
    const drawn = await picture(() => {
      new azure.machinelearningservices.Workspace("project", {
        resourceGroupName: "rg-ai",
        workspaceName: "prj-outside",
        location: "westeurope",
        kind: "Project",
        identity: { type: "SystemAssigned" },
        hubResourceId:
          "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.MachineLearningServices/workspaces/hub1",
      });
    });
    const project = drawn.nodes.find((n) => n.lines[0] === "ML project project");
    expect(project?.lines).to.deep.equal(["ML project project", "hub not in this stack"]);
    expect(drawn.edges.filter((e) => e.to === project!.id)).to.deep.equal([]);
  });
});

describe("topology diagram: a VNet's DNS servers", () => {
  // "records listed in Private DNS Zones are only returned to devices resolving domains using the default Azure
  // DNS Virtual Server IP address" (machine-learning/how-to-custom-dns): 168.63.129.16 is the VNet's own Azure DNS.
  it("says 168.63.129.16 is the VNet's own Azure DNS, not a server outside the stack", async () => {
    const run = await runOnMocks(() => {
      new azure.network.VirtualNetwork("vnet", {
        resourceGroupName: "rg-net",
        virtualNetworkName: "vnet-azure-dns",
        location: "westeurope",
        addressSpace: { addressPrefixes: ["10.5.0.0/16"] },
        dhcpOptions: { dnsServers: ["168.63.129.16", "10.9.0.4"] },
      });
    });
    const drawn = topology({
      model: stackModel(run.graph),
      graph: run.graph,
      findings: { mandatory: [], advisory: [] },
    });
    const vnet = drawn.nodes.find((n) => n.kind === "vnet");
    // The other server is outside the stack, so the VNet's path is unknown.
    expect(vnet?.lines).to.include("DNS: 168.63.129.16 (Azure DNS + linked zones), 10.9.0.4 (? unknown)");
    const servers = drawn.nodes.filter((n) => n.kind === "dnsServer").map((n) => n.lines.join(" / "));
    expect(servers).to.deep.equal(["DNS server 10.9.0.4 / outside the stack"]);
    await parseMermaid(mermaidDiagram(drawn));
  });
});
