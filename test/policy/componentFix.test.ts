/**
 * Findings in the user's words: on a resource one of the components made, the fix names the component and the
 * argument to change (from the parent chain the analyzer gives), then the Azure-level change for raw programs.
 */
import { expect } from "chai";
import type { PolicyResource, ResourceValidation, StackValidationArgs } from "@pulumi/policy";
import { runOnMocks, type RecordedResource } from "../../plan/mockRun";
import { modelResource } from "../../plan/modelResources";
import type { StackResource } from "../../policy/model/stackResource";
import { componentArguments } from "../../policy/pack/componentArguments";
import { stackPolicy } from "../../policy/pack/stackPolicy";
import { resourceRules, stackRules } from "../../policy/policies";
import { componentFix, madeFromUrn } from "../../policy/pack/componentArguments";
import { resourcePolicy } from "../../policy/pack/resourcePolicy";
import { workspacePublicAccess } from "../../policy/rules/workspacePublicAccess";
import { SecuredWorkspace } from "../../sdk/workspace/securedWorkspace";
import { PublicNetworkAccess } from "../../sdk/workspace/publicNetworkAccess";
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
    // Resource rules too: their findings on a component's child name its argument as well.
    const names = new Set([...stackRules, ...resourceRules].map((r) => r.name));
    for (const rows of Object.values(componentArguments))
      for (const row of rows) expect(names, row.rule).to.include(row.rule);
  });

  it("every row names its arguments, for a child of the component (a set's inside WorkspaceNetwork)", () => {
    let rows = 0;
    for (const [component, table] of Object.entries(componentArguments))
      for (const row of table) {
        const type = (c: string) => `azureml-network-isolation:index:${c}`;
        const maker =
          component === "PrivateEndpointSet"
            ? {
                type: type(component),
                name: "net-clients",
                parent: { type: type("WorkspaceNetwork"), name: "net" },
              }
            : { type: type(component), name: "made" };
        const fix = componentFix(row.rule, { type: row.role, parent: maker });
        const owner =
          component === "PrivateEndpointSet" ? 'WorkspaceNetwork "net" → ' : `${component} "made" → `;
        const paths = row.arguments.map((a) =>
          component === "PrivateEndpointSet" ? `sets.clients.${a}` : a,
        );
        expect(fix, `${component} ${row.rule} ${row.role}`).to.equal(`${owner}${paths.join(" or ")}`);
        rows++;
      }
    expect(rows).to.equal(Object.values(componentArguments).flat().length);
  });

  it("reads the component from the parent's URN where only that is known (Analyze): its type chain and name", () => {
    const urn =
      "urn:pulumi:dev::proj::azureml-network-isolation:index:WorkspaceNetwork$azureml-network-isolation:index:PrivateEndpointSet::net-clients";
    const made = madeFromUrn("azure-native:network:Subnet", urn);
    expect(made.parent).to.deep.equal({
      type: "azureml-network-isolation:index:PrivateEndpointSet",
      name: "net-clients",
      parent: { type: "azureml-network-isolation:index:WorkspaceNetwork", parent: undefined },
    });
    // The network's name is not in the URN: the set is named as the component it is.
    expect(componentFix("subnet-private", made)).to.equal(
      'PrivateEndpointSet "net-clients" → subnetOutbound',
    );
    expect(madeFromUrn("azure-native:network:Subnet", undefined)).to.deep.equal({
      type: "azure-native:network:Subnet",
    });
  });

  it("names SecuredWorkspace's argument in a resource rule's finding on the workspace it made", async () => {
    const { graph } = await runOnMocks(() => {
      new SecuredWorkspace("ml", {
        workspaceName: "mlw-open",
        resourceGroupName: "rg-ml",
        location: "westeurope",
        imageBuildCompute: "cpu-cluster",
        publicNetworkAccess: PublicNetworkAccess.EnabledFromSelectedIps,
        allowedIpRanges: ["52.140.0.0/24"],
      });
    });
    const workspace = graph
      .ofType("azure-native:resources:Resource")
      .find((r) => r.inputs.resourceProviderNamespace === "Microsoft.MachineLearningServices")!;
    const reported = (parent: string | undefined) => {
      const messages: string[] = [];
      const args = {
        type: workspace.type,
        urn: workspace.urn,
        name: workspace.name,
        props: workspace.inputs,
        opts: { parent },
        getConfig: () => ({}),
      };
      const validate = resourcePolicy(workspacePublicAccess).validateResource as ResourceValidation;
      void validate(args as never, (m: string) => messages.push(m));
      return messages;
    };
    const messages = reported(workspace.parent);
    expect(messages).to.have.length(1);
    expect(messages[0]).to.contain(
      'Fix: SecuredWorkspace "ml" → publicNetworkAccess; in a raw program: set ',
    );
    expect(reported(undefined)[0]).not.to.contain("in a raw program");
  });
});
