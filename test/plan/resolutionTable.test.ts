/** The plan's per-VNet resolution table (`--json` field `vnets[].resolution`), computed from the pack's model. */
import * as azure from "@pulumi/azure-native";
import { expect } from "chai";
import { runOnMocks } from "../../plan/mockRun";
import { stackModel } from "../../plan/modelResources";
import { vnetSection } from "../../plan/textReport";
import { vnetTables } from "../../plan/vnetTables";
import { hubSpoke, type HubSpokeArgs } from "../analyzer/programs/hubSpoke";

async function spokeTable(args: HubSpokeArgs) {
  const run = await runOnMocks(hubSpoke(args), { preview: false });
  const tables = vnetTables(stackModel(run.graph), run.graph);
  return tables.find((t) => t.vnet === "spoke-vnet")!;
}

describe("plan: per-VNet resolution table", function () {
  this.timeout(60_000);

  it("gives each name the workspace needs, how it resolves, the IP and the route, all ok for the resolver design", async () => {
    const table = await spokeTable({ dns: "resolver" });
    expect(table.resolution.map((r) => r.name).sort()).to.deep.equal(
      [
        "privatelink.api.azureml.ms",
        "privatelink.azurecr.io",
        "privatelink.blob.core.windows.net",
        "privatelink.file.core.windows.net",
        "privatelink.notebooks.azure.net",
        "privatelink.vaultcore.azure.net",
      ].sort(),
    );
    const api = table.resolution.find((r) => r.name === "privatelink.api.azureml.ms")!;
    expect(api).to.include({ status: "ok", groupId: "amlworkspace", route: "in the same VNet" });
    expect(api.via).to.match(
      /^VNet 'spoke-vnet' resolves through 10\.1\.4\.\d+ \(resolver inbound endpoint 'inbound' in VNet 'hub-vnet', peered both ways\)/,
    );
    expect(api.ip).to.match(/^10\.0\.1\.\d+$/);
  });

  it("adds the sub-resource a datastore uses on a private storage account (a Data Lake Gen2 datastore: dfs)", async () => {
    const run = await runOnMocks(() => {
      hubSpoke({ dns: "resolver" })();
      new azure.machinelearningservices.Datastore("ds-lake", {
        resourceGroupName: "rg-ml",
        workspaceName: "mlw-private",
        name: "lake",
        properties: {
          datastoreType: "AzureDataLakeGen2",
          accountName: "stml",
          filesystem: "data",
          credentials: { credentialsType: "None" },
        },
      });
    });
    const table = vnetTables(stackModel(run.graph), run.graph).find((t) => t.vnet === "spoke-vnet")!;
    expect(table.resolution.find((r) => r.groupId === "dfs")).to.include({
      name: "privatelink.dfs.core.windows.net",
      target: "storage account 'st'",
    });
  });

  it("marks every row broken, with the reason, when the spoke is not peered with the resolver's VNet", async () => {
    const table = await spokeTable({ dns: "resolver", peering: "none" });
    expect(new Set(table.resolution.map((r) => r.status))).to.deep.equal(new Set(["broken"]));
    expect(table.resolution[0].via).to.include("are not peered");
  });

  it("marks rows unknown when the DNS server is outside the stack", async () => {
    const table = await spokeTable({ dns: "outside" });
    expect(new Set(table.resolution.map((r) => r.status))).to.deep.equal(new Set(["unknown"]));
  });

  it("asks for a client spoke with no endpoint or compute of its own, through its peering with the endpoints' VNet", async () => {
    const table = await spokeTable({ dns: "resolver", endpoints: "hub" });
    expect(table.rows).to.deep.equal([]);
    expect(table.resolution).to.have.length(6);
    expect(new Set(table.resolution.map((r) => r.route))).to.deep.equal(new Set(["peered both ways"]));
    const oneWay = await spokeTable({ dns: "resolver", endpoints: "hub", peering: "oneWay" });
    expect(oneWay.resolution).to.have.length(6);
    expect(new Set(oneWay.resolution.map((r) => r.status))).to.deep.equal(new Set(["broken"]));
  });

  it("asks for a client spoke peered with nothing whose DNS servers are the hub's resolver: every row broken, not left out", async () => {
    const table = await spokeTable({ dns: "resolver", endpoints: "hub", peering: "none" });
    expect(table.rows).to.deep.equal([]);
    expect(table.resolution).to.have.length(6);
    expect(new Set(table.resolution.map((r) => r.status))).to.deep.equal(new Set(["broken"]));
  });

  it("is printed in the text plan under its VNet: verdict, name, IP and route, then the path", async () => {
    const table = await spokeTable({ dns: "resolver", peering: "none" });
    const lines = vnetSection(table);
    const text = lines.join("\n");
    const at = lines.indexOf("    name resolution from this VNet:");
    expect(at, text).to.be.greaterThan(0);
    expect(lines[at + 1]).to.match(/^ {6}BROKEN {2}privatelink\.\S+ \(/);
    expect(lines[at + 2]).to.match(/^ {10}VNet 'spoke-vnet' resolves through/);
  });
});
