/**
 * Tests of the fake Azure (plan/fakeAzure.ts), the plan's stand-in for the cloud, kept apart from the
 * product's tests: what Azure itself adds or names where its docs are silent is this fake's choice
 * (managed-network facts §1.6), and these tests pin that choice, not the product's behaviour.
 */
import { expect } from "chai";
import { FakeAzure, fakeSubscriptionId } from "../../plan/fakeAzure";
import { armIdKey } from "../../policy/azure/armId";
import { managedVirtualNetworkTemplate } from "../../sdk/managedVnet/dataFactoryManagedVnetTemplate";
import { approvalTemplate } from "../../sdk/managedVnet/managedEndpointApproval";
import { approvalTargetOf } from "../../sdk/managedVnet/targetConnections";
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

describe("fake Azure: template deployments and a factory's managed VNet", () => {
  const group = `/subscriptions/${fakeSubscriptionId}/resourceGroups/rg-data`;
  const resource = (type: string, name: string, inputs: Record<string, unknown>) => ({
    type,
    name,
    inputs,
    custom: true,
  });
  const factory = resource("azure-native:datafactory:Factory", "adf", {
    resourceGroupName: "rg-data",
    factoryName: "adf1",
  });
  const endpoint = (factoryName: string) =>
    resource("azure-native:datafactory:ManagedPrivateEndpoint", "mpe", {
      resourceGroupName: "rg-data",
      factoryName,
      managedVirtualNetworkName: "default",
      managedPrivateEndpointName: "mpe-blob",
      properties: {
        privateLinkResourceId: `${group}/providers/Microsoft.Storage/storageAccounts/st1`,
        groupId: "blob",
      },
    });
  const vnetDeployment = resource("azure-native:resources:Deployment", "adf-managed-vnet", {
    resourceGroupName: "rg-data",
    properties: {
      mode: "Incremental",
      template: managedVirtualNetworkTemplate(),
      parameters: { name: { value: "adf1/default" } },
    },
  });

  it("refuses a managed private endpoint in a factory it made whose managed VNet does not exist, as ARM refuses a child of a missing parent", () => {
    const azure = new FakeAzure(false);
    azure.newResource(factory);
    expect(() => azure.newResource(endpoint("adf1")))
      .to.throw(Error)
      .with.property("message")
      .that.includes('Code="ParentResourceNotFound"')
      .and.includes(`${group}/providers/Microsoft.DataFactory/factories/adf1/managedVirtualNetworks/default`);
    // A factory made elsewhere is not known to the fake, so its managed VNet is taken to exist.
    expect(azure.newResource(endpoint("adf-elsewhere")).id).to.match(/\/factories\/adf-elsewhere\//);
  });

  it("a template deployment makes its resources live with exactly the body the template sends (the managed VNet: no location)", () => {
    const azure = new FakeAzure(false);
    const factoryId = azure.newResource(factory).id!;
    const deployment = azure.newResource(vnetDeployment);
    expect(deployment.id).to.match(
      /\/resourceGroups\/rg-data\/providers\/Microsoft\.Resources\/deployments\//,
    );
    const vnetId = `${factoryId}/managedVirtualNetworks/default`;
    expect(azure.snapshot().live[armIdKey(vnetId)]).to.deep.equal({
      id: vnetId,
      type: "Microsoft.DataFactory/factories/managedVirtualNetworks",
      name: "default",
      properties: {},
    });
    expect(azure.newResource(endpoint("adf1")).id).to.equal(`${vnetId}/managedPrivateEndpoints/mpe-blob`);
  });

  it("an approval template sets the connection's state on its target; an expression it cannot evaluate is refused", () => {
    const azure = new FakeAzure(false);
    const target = `${group}/providers/Microsoft.Storage/storageAccounts/st1`;
    azure.newResource(endpoint("adf-elsewhere"));
    const [pending] = azure.snapshot().connections[armIdKey(target)];
    expect(pending.privateLinkServiceConnectionState.status).to.equal("Pending");
    const approval = (connectionName: unknown) =>
      resource("azure-native:resources:Deployment", "approve", {
        resourceGroupName: "rg-data",
        properties: {
          mode: "Incremental",
          template: approvalTemplate(approvalTargetOf(target)!),
          parameters: {
            connectionName: { value: connectionName },
            description: { value: "Approved by a test" },
          },
        },
      });
    azure.newResource(approval(`st1/${pending.name}`));
    expect(azure.snapshot().connections[armIdKey(target)][0].privateLinkServiceConnectionState).to.deep.equal(
      {
        status: "Approved",
        description: "Approved by a test",
        actionRequired: "None",
      },
    );
    const unevaluated = approval("[concat('st1/', 'x')]");
    (
      unevaluated.inputs.properties as { template: { resources: { name: string }[] } }
    ).template.resources[0].name = "[concat('st1/', 'x')]";
    expect(() => azure.newResource(unevaluated)).to.throw(
      /cannot evaluate the template expression "\[concat/,
    );
  });
});
