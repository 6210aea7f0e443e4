/**
 * Tests of the fake Azure (plan/fakeAzure.ts), the plan's stand-in for the cloud, kept apart from the
 * product's tests: what Azure itself adds or names where its docs are silent is this fake's choice
 * (managed-network facts §1.6), and these tests pin that choice, not the product's behaviour.
 */
import { expect } from "chai";
import { FakeAzure } from "../../plan/fakeAzure";
import { managedNetworkTables } from "../../plan/managedNetworkTables";
import { runOnMocks, type MockRun } from "../../plan/mockRun";
import type { ManagedNetworkArgs } from "../../sdk/managedNetwork/managedNetworkArgs";
import { SecuredWorkspace } from "../../sdk/workspace/securedWorkspace";
import { existing, validArgs } from "../workspace/fixtures";

const program = (managedNetwork?: ManagedNetworkArgs) => () => {
  new SecuredWorkspace("ml", validArgs({ managedNetwork }));
};

describe("fake Azure (the plan's stand-in for the cloud, not the product)", () => {
  describe("managed network Required rules", () => {
    it("in AllowOnlyApprovedOutbound: private endpoint rules to storage blob and file, vault and registry, and the documented service tags, named __SYS_*", async () => {
      const run = await runOnMocks(program({ isolationMode: "AllowOnlyApprovedOutbound" }), {
        azure: new FakeAzure(false),
      });
      const azureRules = managedNetworkTables(run.graph)[0].rules.filter((r) => r.madeBy === "Azure");
      expect(azureRules.filter((r) => r.type === "PrivateEndpoint").map((r) => r.name)).to.have.length(4);
      expect(
        azureRules
          .filter((r) => r.type === "PrivateEndpoint")
          .map((r) => r.destination.replace(/^.* \((\w+)\)$/, "$1"))
          .sort(),
      ).to.deep.equal(["blob", "file", "registry", "vault"]);
      expect(azureRules.every((r) => r.name.startsWith("__SYS_"))).to.equal(true);
      // The service tags [MN] lists as required (BatchNodeManagement per region).
      expect(
        azureRules.filter((r) => r.type === "ServiceTag").map((r) => r.destination.split(" ")[0]),
      ).to.include.members([
        "AzureActiveDirectory",
        "AzureMachineLearning",
        "AzureResourceManager",
        "AzureFrontDoor.FirstParty",
        "MicrosoftContainerRegistry",
        "AzureMonitor",
      ]);
    });

    it("in AllowInternetOutbound, Azure's Required rules cover only dependencies with public access disabled", async () => {
      const made = (run: MockRun) =>
        managedNetworkTables(run.graph)[0]
          .rules.filter((r) => r.madeBy === "Azure")
          .map((r) => r.type);
      // The created dependencies have public access disabled: storage blob and file, key vault, registry.
      const created = await runOnMocks(program({ isolationMode: "AllowInternetOutbound" }));
      expect(made(created)).to.deep.equal(Array(4).fill("PrivateEndpoint"));
      // Adopted ones whose access this run cannot see get none (the fake reads what it created only).
      const adopted = await runOnMocks(() => {
        new SecuredWorkspace(
          "ml",
          validArgs({ ...existing, managedNetwork: { isolationMode: "AllowInternetOutbound" } }),
        );
      });
      expect(made(adopted)).to.deep.equal([]);
    });
  });
});
