/**
 * The private DNS zone of every group id in every cloud, checked row by row against Microsoft's zone table
 * (private-endpoint-dns, "Azure services DNS zone configuration": Commercial, Government and China tables), as
 * built from each cloud's DNS suffixes: the storage zones are `privatelink.<group id>.<suffix>`; a wrong suffix in
 * one row of one cloud fails here.
 */
import { expect } from "chai";
import {
  allClouds,
  classifyZone,
  privateDnsZones,
  storageGroupIds,
  type AzureCloud,
} from "../../policy/azure/clouds";

/** Per cloud: the storage suffix, the workspace's two zones, the vault's and the registry's (Microsoft's table). */
const documented: Record<
  AzureCloud,
  { storage: string; workspace: string[]; vault: string; registry: string }
> = {
  AzureCloud: {
    storage: "core.windows.net",
    workspace: ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"],
    vault: "privatelink.vaultcore.azure.net",
    registry: "privatelink.azurecr.io",
  },
  AzureChinaCloud: {
    storage: "core.chinacloudapi.cn",
    workspace: ["privatelink.api.ml.azure.cn", "privatelink.notebooks.chinacloudapi.cn"],
    vault: "privatelink.vaultcore.azure.cn",
    registry: "privatelink.azurecr.cn",
  },
  AzureUSGovernment: {
    storage: "core.usgovcloudapi.net",
    workspace: ["privatelink.api.ml.azure.us", "privatelink.notebooks.usgovcloudapi.net"],
    vault: "privatelink.vaultcore.usgovcloudapi.net",
    registry: "privatelink.azurecr.us",
  },
};

describe("private DNS zone names per cloud, as Microsoft's zone table gives them", () => {
  for (const cloud of allClouds)
    it(`${cloud}: every group id's zones`, () => {
      const doc = documented[cloud];
      const zones = privateDnsZones[cloud];
      for (const g of storageGroupIds) expect(zones[g], g).to.deep.equal([`privatelink.${g}.${doc.storage}`]);
      expect(zones.amlworkspace).to.deep.equal(doc.workspace);
      expect(zones.vault).to.deep.equal([doc.vault]);
      expect(zones.registry).to.deep.equal([doc.registry]);
      expect(Object.keys(zones).sort()).to.deep.equal(
        [...storageGroupIds, "amlworkspace", "vault", "registry"].sort(),
      );
    });
});

describe("classifyZone: which cloud and group id a zone name is of", () => {
  // Zone names from a program or the account come in any case and, fully qualified, with a trailing dot.
  it("reads a name in any case and with a trailing dot, in every cloud", () => {
    expect(classifyZone("PrivateLink.Vaultcore.UsGovCloudApi.net.")).to.deep.equal({
      cloud: "AzureUSGovernment",
      groupId: "vault",
    });
    expect(classifyZone("privatelink.notebooks.chinacloudapi.cn.")).to.deep.equal({
      cloud: "AzureChinaCloud",
      groupId: "amlworkspace",
    });
    expect(classifyZone("privatelink.contoso.com")).to.equal(undefined);
  });
});
