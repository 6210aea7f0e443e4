/**
 * A compute cluster in a VNet peered with the workspace endpoint's must reach the workspace's dependencies
 * too: "You must also allow the default storage account, Azure Container Registry, and Azure Key Vault to
 * access the VNet for the compute cluster." (MicrosoftDocs/azure-ai-docs
 * articles/machine-learning/how-to-secure-training-vnet.md).
 */
import { expect } from "chai";
import { runOnMocks } from "../../plan/mockRun";
import { stackModel } from "../../plan/modelResources";
import { computeVnet } from "../../policy/rules/computeVnet";
import { discoveredGraph } from "../analyzer/discoveredForm";
import { hubSpoke, type HubSpokeArgs } from "../analyzer/programs/hubSpoke";

async function messages(args: HubSpokeArgs, form: "preview" | "update" | "discovered"): Promise<string[]> {
  const run = await runOnMocks(hubSpoke(args), { preview: form === "preview" });
  const model = stackModel(form === "discovered" ? discoveredGraph(run) : run.graph);
  return computeVnet.check(model, computeVnet.defaults).map((v) => v.message);
}

describe("compute-in-endpoint-vnet: a peered cluster's VNet reaches storage, registry and key vault too", function () {
  this.timeout(60_000);
  // Every endpoint in the hub, the cluster in the spoke (Azure DNS), every zone linked to both VNets.
  const cluster: HubSpokeArgs = { dns: "azureDns", endpoints: "hub", compute: "AmlCompute" };

  for (const form of ["preview", "update", "discovered"] as const)
    it(`names the dependencies the spoke resolves to no endpoint, with the path (${form})`, async () => {
      const found = await messages({ ...cluster, hubOnlyZones: ["registry", "vault"] }, form);
      expect(found).to.have.length(1);
      expect(found[0])
        .to.include(
          "resolves the workspace but not vault (key vault 'kv'), registry (container registry 'acr')",
        )
        .and.include("privatelink.azurecr.io is not linked to VNet 'spoke-vnet'")
        .and.include(
          "You must also allow the default storage account, Azure Container Registry, and Azure Key Vault to access the VNet for the compute cluster.",
        );
    });

  it("names the storage sub-resources too", async () => {
    const found = await messages({ ...cluster, hubOnlyZones: ["blob"] }, "update");
    expect(found).to.have.length(1);
    expect(found[0]).to.include("not blob (storage account 'st')");
  });

  it("accepts the cluster when every dependency resolves there", async () => {
    expect(await messages(cluster, "update")).to.deep.equal([]);
  });
});
