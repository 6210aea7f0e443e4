import { expect } from "chai";
import { addressesNeeded, planEndpoints } from "../../sdk/endpoints/endpointPlan";
import { adoptedZoneKey, zoneKeysFor, zoneKeysOf, zoneNameFor } from "../../sdk/dns/zoneKeys";
import { dnsRecordsOf } from "../../sdk/dns/dnsRecords";
import { allClouds, privateDnsZones } from "../../policy/azure/clouds";

describe("endpoint plan", () => {
  it("plans the workspace, blob, file, vault and registry endpoints under stable keys", () => {
    expect(planEndpoints({}).map((e) => [e.key, e.groupId, e.studioReader])).to.deep.equal([
      ["workspace-amlworkspace", "amlworkspace", false],
      ["storage-blob", "blob", true],
      ["storage-file", "file", true],
      ["vault-vault", "vault", false],
      ["registry-registry", "registry", false],
    ]);
  });

  it("adds requested storage sub-resources once, and blob and file per additional account keyed by its key", () => {
    const keys = planEndpoints({
      storageGroupIds: ["dfs", "queue", "dfs"],
      additionalStorageKeys: ["lake"],
    }).map((e) => e.key);
    expect(keys).to.include.members([
      "storage-dfs",
      "storage-queue",
      "storage-lake-blob",
      "storage-lake-file",
    ]);
    expect(keys.filter((k) => k === "storage-dfs")).to.have.length(1);
  });

  it("counts the private IPs the endpoints take", () => {
    expect(addressesNeeded(planEndpoints({}))).to.equal(3 + 1 + 1 + 1 + 2);
    expect(addressesNeeded(planEndpoints({ additionalStorageKeys: ["a", "b"] }))).to.equal(12);
  });

  it("keys zones the same way in every cloud, and maps keys back to each cloud's zone names", () => {
    expect(zoneKeysFor("amlworkspace")).to.deep.equal(["api", "notebooks"]);
    expect(zoneKeysOf(["blob", "file", "blob", "vault", "registry"])).to.deep.equal([
      "blob",
      "file",
      "vaultcore",
      "azurecr",
    ]);
    for (const cloud of allClouds) {
      for (const [groupId, zones] of Object.entries(privateDnsZones[cloud])) {
        const keys = zoneKeysFor(groupId as keyof (typeof privateDnsZones)[typeof cloud]);
        expect(keys.map((k) => zoneNameFor(cloud, k))).to.deep.equal(zones);
      }
    }
    expect(zoneNameFor("AzureChinaCloud", "notebooks")).to.equal("privatelink.notebooks.chinacloudapi.cn");
    expect(zoneNameFor("AzureUSGovernment", "vaultcore")).to.equal("privatelink.vaultcore.usgovcloudapi.net");
  });

  // DNS names are case-insensitive: a zone or record name in capitals is the same name.
  it("keys an adopted zone named in capitals by its lower-case name, a regional one by group id and region", () => {
    expect(adoptedZoneKey("PRIVATELINK.API.AZUREML.MS")).to.equal("api");
    expect(adoptedZoneKey("WestEurope.Data.PrivateLink.AzureCR.io")).to.equal("registry-westeurope");
  });

  it("gives a custom DNS server each endpoint name once, in lower case, and refuses one name from two endpoints", () => {
    expect(dnsRecordsOf([[{ fqdn: "MLW.API.AZUREML.MS", ipAddresses: ["10.1.1.4"] }]])).to.deep.equal([
      { fqdn: "mlw.api.azureml.ms", ipAddresses: ["10.1.1.4"] },
    ]);
    expect(() =>
      dnsRecordsOf([
        [{ fqdn: "mlw.api.azureml.ms", ipAddresses: ["10.1.1.4"] }],
        [{ fqdn: "MLW.api.azureml.ms" }],
      ]),
    ).to.throw("two private endpoints register mlw.api.azureml.ms");
  });

  // customDnsConfigs' fqdn is optional in ARM's schema and the list is absent before provisioning: neither names a
  // record. The records come sorted by name, whatever the endpoints' order.
  it("skips DNS configs without a name and endpoints without configs, and sorts the records by name", () => {
    expect(
      dnsRecordsOf([
        [{ fqdn: "stml1.blob.core.windows.net", ipAddresses: ["10.1.1.5"] }, { ipAddresses: ["10.1.1.9"] }],
        undefined,
        [{ fqdn: "kvml1.vault.azure.net", ipAddresses: ["10.1.1.6"] }],
      ]),
    ).to.deep.equal([
      { fqdn: "kvml1.vault.azure.net", ipAddresses: ["10.1.1.6"] },
      { fqdn: "stml1.blob.core.windows.net", ipAddresses: ["10.1.1.5"] },
    ]);
  });
});
