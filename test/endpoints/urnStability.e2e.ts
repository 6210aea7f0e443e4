import { expect } from "chai";
import { WorkspaceNetwork } from "../../sdk/endpoints/workspaceNetwork";
import type { EndpointSetLayoutArgs } from "../../sdk/endpoints/endpointSetArgs";
import { runOnMocks } from "../../plan/mockRun";
import { archiveId, dataLakeId, existingWorkspace } from "./fixtures";

const layouts: Record<string, EndpointSetLayoutArgs> = {
  services: { addressSpace: ["10.1.0.0/24"], endpointSubnetPrefix: "10.1.0.0/27", servicesSet: true },
  clients: { addressSpace: ["10.2.0.0/24"], endpointSubnetPrefix: "10.2.0.0/27" },
  aks: { addressSpace: ["10.3.0.0/16"], endpointSubnetPrefix: "10.3.0.0/27" },
};

async function urns(setNames: string[], storage: Record<string, string> = {}): Promise<Set<string>> {
  const { graph } = await runOnMocks(() => {
    new WorkspaceNetwork("net", {
      ...existingWorkspace,
      additionalStorageAccounts: storage,
      sets: Object.fromEntries(setNames.map((s) => [s, layouts[s]])),
    });
  });
  return new Set(graph.resources.map((r) => r.urn));
}

function of(all: Set<string>, set: string): string[] {
  return [...all].filter((u) => u.endsWith(`::net-${set}`) || u.includes(`::net-${set}-`)).sort();
}

describe("URN stability across runs", function () {
  // Four program runs of a WorkspaceNetwork, each judging its spokes by the resolution model.
  this.timeout(120_000);
  it("adding, removing or reordering sets leaves every other set's URNs unchanged", async () => {
    const base = await urns(["services", "clients"]);
    const reordered = await urns(["clients", "services"]);
    const added = await urns(["aks", "services", "clients"]);
    const removed = await urns(["services"]);
    expect([...reordered].sort()).to.deep.equal([...base].sort());
    expect(of(base, "services")).to.have.length.greaterThan(20);
    for (const run of [added, removed]) expect(of(run, "services")).to.deep.equal(of(base, "services"));
    expect(of(added, "clients")).to.deep.equal(of(base, "clients"));
    expect(of(added, "aks")).to.have.length(of(base, "clients").length);
    expect(of(removed, "clients")).to.deep.equal([]);
  });

  it("adding or removing an additional storage account only adds or removes its own resources", async () => {
    const one = await urns(["services"], { lake: dataLakeId });
    const two = await urns(["services"], { archive: archiveId, lake: dataLakeId });
    const added = [...two].filter((u) => !one.has(u));
    expect([...one].filter((u) => !two.has(u))).to.deep.equal([]);
    expect(added.map((u) => u.split("::").pop()).sort()).to.deep.equal([
      "net-services-pe-storage-archive-blob",
      "net-services-pe-storage-archive-file",
      "net-services-reader-storage-archive-blob",
      "net-services-reader-storage-archive-file",
      "net-services-zg-storage-archive-blob",
      "net-services-zg-storage-archive-file",
    ]);
  });

  it("WorkspaceNetwork refuses cross-set problems before creating any set, naming the set", async () => {
    let error: unknown;
    const { graph } = await runOnMocks(() => {
      try {
        new WorkspaceNetwork("net", {
          ...existingWorkspace,
          sets: {
            services: layouts.services,
            clients: { ...layouts.clients, addressSpace: ["10.1.0.0/16"] },
          },
        });
      } catch (e) {
        error = e;
      }
    });
    expect(String((error as Error).message))
      .to.match(/^Invalid arguments for WorkspaceNetwork "net":\n/)
      .and.match(
        /\n- sets\.clients\.addressSpace: 10\.1\.0\.0\/16: overlaps 10\.1\.0\.0\/24 of set services/,
      );
    expect(graph.resources.filter((r) => r.custom)).to.deep.equal([]);
  });
});
