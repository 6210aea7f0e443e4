/**
 * Workspace kinds in the model, in the preview, update and literal forms: a project resolves to its hub (its
 * computes and datastores count with the hub's), a project whose hub is outside the stack is not judged,
 * hubs get no customer-VNet or image-build demand, a feature store is judged as a default workspace, and the
 * classic `aifoundry` hub and project read as workspaces of those kinds.
 */
import { expect } from "chai";
import { buildModel } from "../../policy/model/buildModel";
import type { StackResource } from "../../policy/model/stackResource";
import type { StackRule } from "../../policy/pack/rule";
import { computeInVirtualNetwork } from "../../policy/rules/computeInVirtualNetwork";
import { imageBuildCompute } from "../../policy/rules/imageBuildCompute";
import { check } from "./check";
import { forms, nameOf, ref, type Graph, type GraphNode } from "./graph";
import { core, location, rg, tokens } from "./topologies";

function flagged(graph: Graph, rule: StackRule<object>): string[] {
  const names = new Map(graph.nodes.map((n) => [n.urn, n.name]));
  return check(graph.resources(), [rule], {}).map((f) => names.get(f.urn) ?? f.urn);
}

/** A compute instance without a subnet, in `workspace`. */
function instance(graph: Graph, workspace: GraphNode, name: string): GraphNode {
  return graph.add(tokens.compute, name, {
    resourceGroupName: rg,
    workspaceName: nameOf(workspace),
    computeName: name,
    location,
    properties: { computeType: "ComputeInstance", disableLocalAuth: true, properties: {} },
  });
}

function hubWithProject(form: (typeof forms)[number], kind: string) {
  const c = core(form);
  delete c.workspace.props.imageBuildCompute;
  c.workspace.props.kind = kind;
  const project = c.graph.add(tokens.workspace, "project", {
    resourceGroupName: rg,
    workspaceName: "prj",
    location,
    kind: "Project",
    hubResourceId: ref(c.workspace),
  });
  return { ...c, project };
}

describe("workspace kinds", () => {
  for (const form of forms) {
    it(`resolves a project to its hub: its computes and datastores count with the hub's (${form})`, () => {
      const h = hubWithProject(form, "Hub");
      const datastore = h.graph.add(tokens.datastore, "ds", {
        resourceGroupName: rg,
        workspaceName: nameOf(h.project),
        name: "ds",
        properties: { datastoreType: "AzureBlob", accountName: "stml", containerName: "c" },
      });
      const model = buildModel(h.graph.resources());
      expect(model.workspaces.map((w) => w.urn)).to.deep.equal([h.workspace.urn]);
      expect(model.projects.map((w) => w.urn)).to.deep.equal([h.project.urn]);
      expect(model.workspacesByKey.get(h.project.urn)?.urn).to.equal(h.workspace.urn);
      expect(model.datastoresByWorkspace.get(h.workspace.urn)?.map((d) => d.urn)).to.deep.equal([
        datastore.urn,
      ]);
    });

    it(`asks no customer VNet or image-build cluster of a hub or its project; a default workspace still (${form})`, () => {
      const h = hubWithProject(form, "Hub");
      instance(h.graph, h.workspace, "hub-instance");
      instance(h.graph, h.project, "project-instance");
      expect(flagged(h.graph, computeInVirtualNetwork)).to.deep.equal([]);
      expect(flagged(h.graph, imageBuildCompute)).to.deep.equal([]);
      for (const kind of ["Default", "FeatureStore"]) {
        h.workspace.props.kind = kind;
        // The project's compute is judged with the workspace it resolves to.
        expect(flagged(h.graph, computeInVirtualNetwork), kind).to.deep.equal([
          "hub-instance",
          "project-instance",
        ]);
        expect(flagged(h.graph, imageBuildCompute), kind).to.deep.equal(["mlw"]);
      }
    });
  }

  it("leaves a project whose hub is outside the stack out of the model's judgement", () => {
    const c = core("literal");
    const project = c.graph.add(tokens.workspace, "project", {
      resourceGroupName: rg,
      workspaceName: "prj",
      kind: "Project",
      hubResourceId: `/subscriptions/s/resourceGroups/rg-hub/providers/Microsoft.MachineLearningServices/workspaces/hub`,
    });
    instance(c.graph, project, "project-instance");
    const model = buildModel(c.graph.resources());
    expect(model.projects.map((p) => p.urn)).to.deep.equal([project.urn]);
    expect(model.workspacesByKey.has(project.urn)).to.equal(false);
    expect(flagged(c.graph, computeInVirtualNetwork)).to.deep.equal([]);
  });

  it("reads the classic aifoundry hub and project as workspaces of kind Hub and Project", () => {
    const hubId =
      "/subscriptions/s/resourceGroups/rg-ai/providers/Microsoft.MachineLearningServices/workspaces/hub";
    const classic = (token: string, name: string, props: Record<string, unknown>): StackResource => ({
      type: `azure:${token}`,
      name,
      urn: `urn:pulumi:s::p::azure:${token}::${name}`,
      props,
    });
    const model = buildModel([
      classic("aifoundry/hub:Hub", "hub", {
        name: "hub",
        id: hubId,
        resourceGroupName: "rg-ai",
        location,
        publicNetworkAccess: "Disabled",
        managedNetwork: { isolationMode: "AllowOnlyApprovedOutbound" },
      }),
      classic("aifoundry/project:Project", "project", {
        name: "prj",
        location,
        aiServicesHubId: hubId,
      }),
    ]);
    const [hub] = model.workspaces;
    expect([hub.workspaceKind, hub.publicNetworkAccess, hub.managedNetworkMode]).to.deep.equal([
      "Hub",
      "Disabled",
      "AllowOnlyApprovedOutbound",
    ]);
    expect(model.projects.map((p) => [p.workspaceKind, p.hub])).to.deep.equal([["Project", hub.key]]);
    expect(model.unread).to.deep.equal([]);
  });
});
