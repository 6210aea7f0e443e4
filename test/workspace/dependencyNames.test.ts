import { expect } from "chai";
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
