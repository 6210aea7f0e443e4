import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { runOnMocks, type MockRun, type RecordedResource } from "../../plan/mockRun";
import { fakeGuid, fakeSubscriptionId, fakeTenantId } from "../../plan/fakeAzure";
import { SecuredWorkspace, securedWorkspaceType } from "../../sdk/workspace/securedWorkspace";
import type { SecuredWorkspaceArgs } from "../../sdk/workspace/securedWorkspaceArgs";
import { workspaceApiVersion } from "../../sdk/workspace/workspaceResource";
import { existing, validArgs } from "./fixtures";

const T = {
  suffix: "random:index/randomString:RandomString",
  storage: "azure-native:storage:StorageAccount",
  keyvault: "azure-native:keyvault:Vault",
  registry: "azure-native:containerregistry:Registry",
  logs: "azure-native:operationalinsights:Workspace",
  insights: "azure-native:applicationinsights:Component",
  workspace: "azure-native:resources:Resource",
};

/** A stack with one SecuredWorkspace "ml", exporting every output. */
function program(args: SecuredWorkspaceArgs) {
  return () => {
    const ws = new SecuredWorkspace("ml", args);
    return {
      workspaceId: ws.workspaceId,
      workspaceName: ws.workspaceName,
      workspaceGuid: ws.workspaceGuid,
      discoveryUrl: ws.discoveryUrl,
      principalId: ws.principalId,
      storageAccountId: ws.storageAccountId,
      keyVaultId: ws.keyVaultId,
      containerRegistryId: ws.containerRegistryId,
      applicationInsightsId: ws.applicationInsightsId,
      additionalStorageAccountIds: ws.additionalStorageAccountIds,
      resourceGroupName: ws.resourceGroupName,
      location: ws.location,
      cloud: ws.cloud,
      publicNetworkAccess: ws.publicNetworkAccess,
      allowedIpRanges: ws.allowedIpRanges,
      managedNetworkIsolationMode: ws.managedNetworkIsolationMode,
    };
  };
}

function component(run: MockRun): RecordedResource {
  const found = run.graph.ofType(securedWorkspaceType);
  expect(found).to.have.length(1);
  return found[0];
}

describe("SecuredWorkspace", () => {
  describe("with every dependency created (pulumi up)", () => {
    let run: MockRun;
    before(async () => {
      run = await runOnMocks(
        program(validArgs({ location: "West Europe", tags: { env: "prod" }, description: "team ML" })),
      );
    });

    it("registers exactly the component and its seven children, all parented to the component", () => {
      const ws = component(run);
      const children = run.graph.childrenOf(ws.urn);
      expect(children.map((c) => [c.type, c.name])).to.have.deep.members([
        [T.suffix, "ml-suffix"],
        [T.storage, "ml-storage"],
        [T.keyvault, "ml-keyvault"],
        [T.registry, "ml-registry"],
        [T.logs, "ml-logs"],
        [T.insights, "ml-insights"],
        [T.workspace, "ml-workspace"],
      ]);
      // Nothing else besides the stack and the component.
      expect(run.graph.resources).to.have.length(children.length + 2);
    });

    it("protects the workspace, storage account, key vault and registry, and nothing else", () => {
      const protectedNames = run.graph.resources.filter((r) => r.protect).map((r) => r.name);
      expect(protectedNames).to.have.members(["ml-storage", "ml-keyvault", "ml-registry", "ml-workspace"]);
    });

    it("hardens the storage account", () => {
      const inputs = run.graph.named("ml-storage").inputs;
      const suffix = run.graph.named("ml-suffix").outputs.result as string;
      expect(suffix).to.match(/^[0-9a-f]{8}$/);
      expect(inputs).to.deep.include({
        accountName: `stmlwprod${suffix}`,
        resourceGroupName: "rg-ml",
        location: "westeurope",
        kind: "StorageV2",
        sku: { name: "Standard_LRS" },
        enableHttpsTrafficOnly: true,
        minimumTlsVersion: "TLS1_2",
        allowBlobPublicAccess: false,
        allowSharedKeyAccess: true,
        defaultToOAuthAuthentication: true,
        allowCrossTenantReplication: false,
        publicNetworkAccess: "Disabled",
        networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" },
        tags: { env: "prod" },
      });
    });

    it("creates the key vault with RBAC, purge protection, the caller's tenant and no public access", () => {
      const inputs = run.graph.named("ml-keyvault").inputs;
      const suffix = run.graph.named("ml-suffix").outputs.result as string;
      expect(inputs.vaultName).to.equal(`kv-mlwprod-${suffix}`);
      expect(inputs.properties).to.deep.include({
        tenantId: fakeTenantId,
        sku: { family: "A", name: "standard" },
        enableRbacAuthorization: true,
        enableSoftDelete: true,
        softDeleteRetentionInDays: 90,
        enablePurgeProtection: true,
        publicNetworkAccess: "Disabled",
        networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
      });
    });

    it("creates a Premium registry without admin user or public access", () => {
      const inputs = run.graph.named("ml-registry").inputs;
      expect(inputs).to.deep.include({
        sku: { name: "Premium" },
        adminUserEnabled: false,
        publicNetworkAccess: "Disabled",
        networkRuleBypassOptions: "AzureServices",
      });
      expect(inputs.registryName).to.match(/^crmlwprod[0-9a-f]{8}$/);
    });

    it("creates workspace-based Application Insights on its own Log Analytics workspace", () => {
      const logs = run.graph.named("ml-logs");
      expect(logs.inputs).to.deep.include({ workspaceName: "mlw-prod-log", sku: { name: "PerGB2018" } });
      const insights = run.graph.named("ml-insights");
      expect(insights.inputs).to.deep.include({
        resourceName: "mlw-prod-appi",
        kind: "web",
        applicationType: "web",
        ingestionMode: "LogAnalytics",
        workspaceResourceId: logs.id,
      });
      expect(insights.propertyDependencies.workspaceResourceId).to.deep.equal([logs.urn]);
    });

    it("sends the workspace as the pinned preview API version with exactly the preview schema's body", () => {
      const ws = run.graph.named("ml-workspace");
      const id = (name: string) => run.graph.named(name).id;
      expect(ws.inputs).to.deep.equal({
        apiVersion: workspaceApiVersion,
        resourceProviderNamespace: "Microsoft.MachineLearningServices",
        parentResourcePath: "",
        resourceType: "workspaces",
        resourceGroupName: "rg-ml",
        resourceName: "mlw-prod",
        location: "westeurope",
        tags: { env: "prod" },
        kind: "Default",
        sku: { name: "Basic", tier: "Basic" },
        identity: { type: "SystemAssigned" },
        properties: {
          friendlyName: "mlw-prod",
          description: "team ML",
          storageAccount: id("ml-storage"),
          keyVault: id("ml-keyvault"),
          containerRegistry: id("ml-registry"),
          applicationInsights: id("ml-insights"),
          hbiWorkspace: false,
          imageBuildCompute: "cpu-cluster",
          publicNetworkAccess: "Disabled",
          networkAcls: { defaultAction: "Deny", ipRules: [] },
        },
      });
      expect(workspaceApiVersion).to.match(/^\d{4}-\d{2}-\d{2}-preview$/);
      expect(JSON.stringify(ws.inputs)).not.to.contain("allowPublicAccessWhenBehindVnet");
    });

    it("makes the workspace depend on each dependency it names", () => {
      const ws = run.graph.named("ml-workspace");
      for (const name of ["ml-storage", "ml-keyvault", "ml-registry", "ml-insights"])
        expect(ws.dependencies).to.include(run.graph.named(name).urn);
    });

    it("outputs the ids, names and identity an endpoint set needs", () => {
      const id = (name: string) => run.graph.named(name).id;
      const workspaceId = `/subscriptions/${fakeSubscriptionId}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw-prod`;
      expect(run.outputs).to.deep.equal({
        workspaceId,
        workspaceName: "mlw-prod",
        workspaceGuid: fakeGuid(`workspace:${workspaceId}`),
        discoveryUrl: "https://westeurope.api.azureml.ms/discovery",
        principalId: fakeGuid(`principal:${workspaceId}`),
        storageAccountId: id("ml-storage"),
        keyVaultId: id("ml-keyvault"),
        containerRegistryId: id("ml-registry"),
        applicationInsightsId: id("ml-insights"),
        additionalStorageAccountIds: [],
        resourceGroupName: "rg-ml",
        location: "westeurope",
        cloud: "AzureCloud",
        publicNetworkAccess: "Disabled",
        allowedIpRanges: [],
        managedNetworkIsolationMode: "Disabled",
      });
      expect(component(run).outputs).to.deep.equal(run.outputs);
    });
  });

  it("gives endpoint sets its ids, identity, region, cloud and resource group through endpointTargets()", async () => {
    const run = await runOnMocks(() => {
      const ws = new SecuredWorkspace("ml", validArgs());
      const targets = ws.endpointTargets();
      return { targets: pulumi.output(targets), own: pulumi.output({ ...ws }) };
    });
    const targets = run.outputs.targets as Record<string, string>;
    const own = run.outputs.own as Record<string, string>;
    expect(targets).to.deep.equal({
      workspaceId: own.workspaceId,
      storageAccountId: own.storageAccountId,
      keyVaultId: own.keyVaultId,
      containerRegistryId: own.containerRegistryId,
      workspacePrincipalId: own.principalId,
      location: own.location,
      cloud: own.cloud,
      resourceGroupName: own.resourceGroupName,
      managedNetwork: false,
    });
    expect(targets.workspaceId).to.match(/\/providers\/Microsoft.MachineLearningServices\/workspaces\//);
  });

  it("registers the same children at preview as at update, with ids unknown", async () => {
    const args = validArgs({
      publicNetworkAccess: "EnabledFromSelectedIps",
      allowedIpRanges: ["16.17.18.0/24"],
    });
    const up = await runOnMocks(program(args));
    const preview = await runOnMocks(program(args), { preview: true });
    const shape = (r: MockRun) => r.graph.resources.map((x) => [x.urn, x.parent, x.protect]);
    expect(shape(preview)).to.deep.equal(shape(up));
    expect(preview.graph.named("ml-workspace").id).to.equal(undefined);
    // What is known from arguments alone stays known at preview, so policies can check it.
    const properties = preview.graph.named("ml-workspace").inputs.properties as Record<string, unknown>;
    expect(properties.publicNetworkAccess).to.equal("Enabled");
    expect(properties.networkAcls).to.deep.equal({
      defaultAction: "Deny",
      ipRules: [{ value: "16.17.18.0/24" }],
    });
    expect(pulumi.isUnknown(properties.storageAccount)).to.equal(true);
  });

  it("adopts dependencies given by id and creates none of them", async () => {
    const run = await runOnMocks(
      program(
        validArgs({
          ...existing,
          additionalStorageAccountIds: [existing.storageAccountId.replace("stshared", "stdata")],
        }),
      ),
    );
    const children = run.graph.childrenOf(component(run).urn);
    expect(children.map((c) => c.name)).to.deep.equal(["ml-workspace"]);
    const properties = children[0].inputs.properties as Record<string, unknown>;
    expect(properties).to.deep.include({
      storageAccount: existing.storageAccountId,
      keyVault: existing.keyVaultId,
      containerRegistry: existing.containerRegistryId,
      applicationInsights: existing.applicationInsightsId,
    });
    expect(run.outputs).to.deep.include({
      storageAccountId: existing.storageAccountId,
      keyVaultId: existing.keyVaultId,
      containerRegistryId: existing.containerRegistryId,
      applicationInsightsId: existing.applicationInsightsId,
      additionalStorageAccountIds: [existing.storageAccountId.replace("stshared", "stdata")],
    });
  });

  it("puts new Application Insights on a given Log Analytics workspace instead of creating one", async () => {
    const run = await runOnMocks(
      program(validArgs({ logAnalyticsWorkspaceId: existing.logAnalyticsWorkspaceId })),
    );
    expect(run.graph.ofType(T.logs)).to.have.length(0);
    expect(run.graph.named("ml-insights").inputs.workspaceResourceId).to.equal(
      existing.logAnalyticsWorkspaceId,
    );
  });

  it("creates only the suffix it needs: none when the three globally named dependencies are adopted", async () => {
    const { storageAccountId, keyVaultId, containerRegistryId } = existing;
    const run = await runOnMocks(program(validArgs({ storageAccountId, keyVaultId, containerRegistryId })));
    expect(run.graph.ofType(T.suffix)).to.have.length(0);
    expect(run.graph.childrenOf(component(run).urn).map((c) => c.name)).to.have.members([
      "ml-logs",
      "ml-insights",
      "ml-workspace",
    ]);
  });

  it("sends selected IP ranges as networkAcls with defaultAction Deny, de-duplicated", async () => {
    const run = await runOnMocks(
      program(
        validArgs({
          publicNetworkAccess: "EnabledFromSelectedIps",
          allowedIpRanges: ["16.17.18.0/24", " 20.30.40.50", "20.30.40.50/32", "16.17.18.0/24"],
        }),
      ),
    );
    const properties = run.graph.named("ml-workspace").inputs.properties as Record<string, unknown>;
    expect(properties.publicNetworkAccess).to.equal("Enabled");
    expect(properties.networkAcls).to.deep.equal({
      defaultAction: "Deny",
      ipRules: [{ value: "16.17.18.0/24" }, { value: "20.30.40.50" }],
    });
    expect(Object.keys(properties).sort()).to.deep.equal(
      [
        "applicationInsights",
        "containerRegistry",
        "description",
        "friendlyName",
        "hbiWorkspace",
        "imageBuildCompute",
        "keyVault",
        "networkAcls",
        "publicNetworkAccess",
        "storageAccount",
      ].filter((k) => k !== "description"),
    );
    expect(run.outputs.allowedIpRanges).to.deep.equal(["16.17.18.0/24", "20.30.40.50"]);
    expect(run.outputs.publicNetworkAccess).to.equal("EnabledFromSelectedIps");
  });

  it("keeps the workspace's type, name, API version and location in every public access mode", async () => {
    const modes: Partial<SecuredWorkspaceArgs>[] = [
      {},
      { publicNetworkAccess: "Enabled" },
      { publicNetworkAccess: "EnabledFromSelectedIps", allowedIpRanges: ["16.17.18.19"] },
    ];
    const bodies = [];
    for (const mode of modes) {
      const ws = (await runOnMocks(program(validArgs(mode)))).graph.named("ml-workspace");
      const { properties, ...identity } = ws.inputs;
      bodies.push({ urn: ws.urn, identity, properties });
    }
    expect(new Set(bodies.map((b) => JSON.stringify([b.urn, b.identity])))).to.have.length(1);
    expect(bodies.map((b) => (b.properties as Record<string, unknown>).networkAcls)).to.deep.equal([
      { defaultAction: "Deny", ipRules: [] },
      { defaultAction: "Allow", ipRules: [] },
      { defaultAction: "Deny", ipRules: [{ value: "16.17.18.19" }] },
    ]);
  });

  it("turns protection off with protectStatefulResources: false", async () => {
    const run = await runOnMocks(program(validArgs({ protectStatefulResources: false })));
    expect(run.graph.resources.filter((r) => r.protect)).to.have.length(0);
  });

  it("passes friendly name, high business impact and cloud through", async () => {
    const run = await runOnMocks(
      program(
        validArgs({
          cloud: "AzureUSGovernment",
          location: "usgovvirginia",
          friendlyName: "Prod ML",
          highBusinessImpact: true,
        }),
      ),
    );
    const properties = run.graph.named("ml-workspace").inputs.properties as Record<string, unknown>;
    expect(properties).to.deep.include({ friendlyName: "Prod ML", hbiWorkspace: true });
    expect(run.outputs).to.deep.include({ cloud: "AzureUSGovernment", location: "usgovvirginia" });
  });

  it("accepts Output-valued arguments and uses their resolved values", async () => {
    const run = await runOnMocks(
      program(
        validArgs({
          location: pulumi.output("northeurope"),
          allowedIpRanges: [pulumi.output("16.17.18.0/24")],
          publicNetworkAccess: pulumi.output("EnabledFromSelectedIps" as const),
          storageAccountId: pulumi.output(existing.storageAccountId),
        }),
      ),
    );
    const ws = run.graph.named("ml-workspace");
    expect(ws.inputs.location).to.equal("northeurope");
    expect((ws.inputs.properties as Record<string, unknown>).storageAccount).to.equal(
      existing.storageAccountId,
    );
    expect(run.graph.ofType(T.storage)).to.have.length(0);
  });
});
