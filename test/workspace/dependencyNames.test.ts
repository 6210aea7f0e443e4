import { expect } from "chai";
import type * as pulumi from "@pulumi/pulumi";
import { runOnMocks } from "../../plan/mockRun";
import { SecuredWorkspace } from "../../sdk/workspace/securedWorkspace";
import type { SecuredWorkspaceArgs } from "../../sdk/workspace/securedWorkspaceArgs";
import { existing, validArgs } from "./fixtures";
import {
  globalDependencyNames,
  monitoringNames,
  nameSuffixLength,
} from "../../sdk/workspace/dependencyNames";
import {
  PublicNetworkAccess,
  isPublicNetworkAccess,
  workspaceNetworkBody,
} from "../../sdk/workspace/publicNetworkAccess";

/** Each service's naming rule. */
const rules = {
  storageAccount: /^[a-z0-9]{3,24}$/,
  keyVault: /^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/,
  containerRegistry: /^[a-zA-Z0-9]{5,50}$/,
  logAnalyticsWorkspace: /^[a-zA-Z0-9][a-zA-Z0-9-]{2,61}[a-zA-Z0-9]$/,
  applicationInsights: /^[^%&\\?/]{1,255}$/,
};

describe("dependency names", () => {
  const suffix = "a1b2c3d4";
  for (const workspaceName of ["abc", "mlw-prod", "ML_Team_42", "a".repeat(33), "9-_-_-_-x"]) {
    it(`are valid for workspace ${JSON.stringify(workspaceName)}`, () => {
      const names = { ...globalDependencyNames(workspaceName, suffix), ...monitoringNames(workspaceName) };
      for (const [key, name] of Object.entries(names))
        expect(name, key).to.match(rules[key as keyof typeof rules]);
    });
  }

  it("are stable and end in the suffix", () => {
    expect(suffix).to.have.length(nameSuffixLength);
    expect(globalDependencyNames("mlw-prod", suffix)).to.deep.equal({
      storageAccount: "stmlwproda1b2c3d4",
      keyVault: "kv-mlwprod-a1b2c3d4",
      containerRegistry: "crmlwproda1b2c3d4",
    });
    expect(monitoringNames("ML_Team")).to.deep.equal({
      logAnalyticsWorkspace: "ML-Team-log",
      applicationInsights: "ML-Team-appi",
    });
  });
});

describe("public network access body", () => {
  it("always carries networkAcls, so a mode switch is an update of the same properties", () => {
    expect(workspaceNetworkBody(PublicNetworkAccess.Disabled, [])).to.deep.equal({
      publicNetworkAccess: "Disabled",
      networkAcls: { defaultAction: "Deny", ipRules: [] },
    });
    expect(workspaceNetworkBody(PublicNetworkAccess.Enabled, [])).to.deep.equal({
      publicNetworkAccess: "Enabled",
      networkAcls: { defaultAction: "Allow", ipRules: [] },
    });
    expect(
      workspaceNetworkBody(PublicNetworkAccess.EnabledFromSelectedIps, ["1.2.3.4", "1.2.3.4/32"]),
    ).to.deep.equal({
      publicNetworkAccess: "Enabled",
      networkAcls: { defaultAction: "Deny", ipRules: [{ value: "1.2.3.4" }] },
    });
  });

  it("knows exactly its three modes", () => {
    expect(Object.values(PublicNetworkAccess).every(isPublicNetworkAccess)).to.equal(true);
    expect(["disabled", "Public", "toString", ""].some(isPublicNetworkAccess)).to.equal(false);
  });
});

describe("dependency names given by the caller", () => {
  const given = {
    storageAccountName: "stmlprod",
    keyVaultName: "kv-ml-prod",
    containerRegistryName: "crmlprod",
    applicationInsightsName: "appi-ml-prod",
    logAnalyticsWorkspaceName: "log-ml-prod",
  };

  it("names the created dependencies, without a random suffix when every global name is given", async () => {
    const { graph } = await runOnMocks(() => new SecuredWorkspace("ml", validArgs(given)));
    const named = (type: string) => graph.ofType(type).map((r) => r.outputs.name);
    expect(named("azure-native:storage:StorageAccount")).to.deep.equal(["stmlprod"]);
    expect(named("azure-native:keyvault:Vault")).to.deep.equal(["kv-ml-prod"]);
    expect(named("azure-native:containerregistry:Registry")).to.deep.equal(["crmlprod"]);
    expect(named("azure-native:applicationinsights:Component")).to.deep.equal(["appi-ml-prod"]);
    expect(named("azure-native:operationalinsights:Workspace")).to.deep.equal(["log-ml-prod"]);
    expect(graph.ofType("random:index/randomString:RandomString")).to.deep.equal([]);
  });

  it("keeps today's derived names (and suffix) when none is given, so existing stacks see no diff", async () => {
    const { graph } = await runOnMocks(() => new SecuredWorkspace("ml", validArgs()));
    expect(graph.ofType("random:index/randomString:RandomString")).to.have.length(1);
    const [account] = graph.ofType("azure-native:storage:StorageAccount");
    expect(account.outputs.name).to.match(/^stmlwprod[a-z0-9]{8}$/);
  });

  it("refuses a name Azure refuses, and a name for a dependency that is adopted, naming the argument", () => {
    const errorsOf = (args: Partial<SecuredWorkspaceArgs>) => {
      try {
        new SecuredWorkspace("ml", validArgs(args));
      } catch (e) {
        return (e as pulumi.InputPropertiesError).errors.map((p) => `${p.propertyPath}: ${p.reason}`);
      }
      return [];
    };
    expect(errorsOf({ storageAccountName: "St-ML" })).to.deep.equal([
      'storageAccountName: "St-ML" is not a valid storage account name; use 3 to 24 lower-case letters and digits, unique across Azure',
    ]);
    expect(errorsOf({ keyVaultName: "kv--ml" })[0]).to.match(
      /^keyVaultName: "kv--ml" is not a valid key vault name/,
    );
    expect(errorsOf({ keyVaultName: "kv-ml", keyVaultId: existing.keyVaultId })).to.deep.equal([
      "keyVaultName: names a resource this component does not create, since it adopts keyVaultId; remove keyVaultName",
    ]);
  });
});
