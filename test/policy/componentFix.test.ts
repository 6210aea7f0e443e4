/**
 * Findings in the user's words: on a resource one of the components made, the fix names the component and the
 * argument to change (from the parent chain the analyzer gives), then the Azure-level change for raw programs.
 */
import { expect } from "chai";
import type { PolicyResource, StackValidationArgs } from "@pulumi/policy";
import { runOnMocks, type RecordedResource } from "../../plan/mockRun";
import { modelResource } from "../../plan/modelResources";
import type { StackResource } from "../../policy/model/stackResource";
import { componentArguments } from "../../policy/pack/componentArguments";
import { stackPolicy } from "../../policy/pack/stackPolicy";
import { stackRules } from "../../policy/policies";
import { zoneLinkedToVnet } from "../../policy/rules/zoneLinkedToVnet";
import { CentralPrivateDns } from "../../sdk/dns/centralPrivateDns";
import { DnsModes } from "../../sdk/dns/dnsModes";
import { WorkspaceNetwork } from "../../sdk/endpoints/workspaceNetwork";
import { existingWorkspace } from "../endpoints/fixtures";

/** The resources as AnalyzeStack gives them: components included, each with its parent resource. */
function analyzed(recorded: readonly RecordedResource[], withParents: boolean): StackResource[] {
  const byUrn = new Map<string, StackResource>(recorded.map((r) => [r.urn, modelResource(r)]));
  if (withParents) for (const r of recorded) if (r.parent) byUrn.get(r.urn)!.parent = byUrn.get(r.parent);
  return [...byUrn.values()];
}

async function zoneLinkMessages(withParents: boolean): Promise<string[]> {
  // A set writing zones no VNet of it links, and not a spoke: the component leaves it to the pack.
  const { graph } = await runOnMocks(() => {
    const dns = new CentralPrivateDns("dns", { resourceGroupName: "rg-dns", location: "westeurope" });
    new WorkspaceNetwork("net", {
      ...existingWorkspace,
      sets: {
        "clients.eu": {
          addressSpace: ["10.1.0.0/16"],
          endpointSubnetPrefix: "10.1.1.0/24",
          dnsMode: DnsModes.ExistingZones,
          existingZoneIds: dns.zoneIdsByName(),
        },
      },
    });
  });
  const reported: string[] = [];
  const resources = analyzed(graph.resources, withParents) as unknown as PolicyResource[];
  const args = { resources, getConfig: () => ({}) } as unknown as StackValidationArgs;
  await stackPolicy(zoneLinkedToVnet).validateStack(args, (m) => reported.push(m));
  return reported;
}

describe("findings in the components' words", () => {
  it("names WorkspaceNetwork's set argument first, then the raw program's change", async () => {
    const messages = await zoneLinkMessages(true);
    expect(messages).to.have.length.greaterThan(0);
    for (const m of messages)
      expect(m).to.contain(
        'Fix: WorkspaceNetwork "net" → sets["clients.eu"].dnsServers or sets["clients.eu"].linkExistingZones; in a raw program: add a VirtualNetworkLink',
      );
  });

  it("leaves the fix of a resource no component made as it was", async () => {
    for (const m of await zoneLinkMessages(false)) {
      expect(m).to.contain("Fix: add a VirtualNetworkLink");
      expect(m).not.to.contain("in a raw program");
    }
  });

  it("maps only rules the pack has", () => {
    const names = new Set(stackRules.map((r) => r.name));
    for (const rows of Object.values(componentArguments))
      for (const row of rows) expect(names, row.rule).to.include(row.rule);
  });
});
