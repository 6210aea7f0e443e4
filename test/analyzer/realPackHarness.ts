/**
 * What the real-pack tests share: the forms a program runs in (preview, after update, parts outside the program
 * by literal id, discovered in the account), the check of one program in one form over the Analyzer protocol,
 * and the endpoint topologies in every form. `realPack.e2e.ts` runs the topologies in the forms of a program
 * that holds everything; `realPackLiteralIds.e2e.ts` runs them with parts outside the program.
 */
import { expect } from "chai";
import { runOnMocks, type RecordedGraph } from "../../plan/mockRun";
import type { PolicyPackSession, PolicyRun } from "../../plan/policy/policyPackSession";
import { discoveredGraph } from "./discoveredForm";
import { classicTopology } from "./programs/classicTopologies";
import { allGroupIds } from "./programs/endpointSet";
import type { Existing } from "./programs/placement";
import { isolatedClients, singleVnet } from "./programs/topologies";

/** One way to run a program: which part already exists, and preview or update. */
export interface Form {
  name: string;
  existing: Existing;
  preview: boolean;
  /** Read back from the cloud after the update, as cloud discovery finds it. */
  discovered?: boolean;
}

export const preview: Form = { name: "preview", existing: "none", preview: true };
export const update: Form = { name: "after update", existing: "none", preview: false };
export const discovered: Form = {
  name: "discovered in the account",
  existing: "none",
  preview: false,
  discovered: true,
};
export const existingAt = (existing: Existing): Form => ({
  name: `${existing} outside the program, by literal id (preview)`,
  existing,
  preview: true,
});

/** Mandatory findings as `policy @ logical name`, sorted. */
export function mandatory(run: PolicyRun, graph: RecordedGraph): string[] {
  return run.diagnostics
    .filter((d) => d.enforcementLevel === "mandatory")
    .map((d) => `${d.policyName} @ ${graph.byUrn(d.urn)?.name ?? d.urn}`)
    .sort();
}

/** @pulumi/policy's downgrade when a policy reads an unknown value at preview. */
const previewDowngrade = /can't run .* during preview|can't be known during preview/;

function expectNoPreviewDowngrade(run: PolicyRun, session: PolicyPackSession): void {
  const logs = session.logs();
  const texts = [
    ...run.diagnostics.map((d) => d.message),
    ...logs.engine.map((m) => m.message),
    ...logs.output.map((o) => o.line),
  ];
  expect(texts.filter((t) => previewDowngrade.test(t))).to.deep.equal([]);
}

/** The recorded graph really is the form it claims to be. */
function expectForm(graph: RecordedGraph, form: Form): void {
  const ids = graph.resources.filter((r) => r.custom && /^azure(-native)?:/.test(r.type)).map((r) => r.id);
  expect(ids.every((id) => (form.preview ? id === undefined : typeof id === "string"))).to.equal(true);
  const absent: Record<Existing, string[]> = {
    none: [],
    workspace: [
      "azure-native:machinelearningservices:Workspace",
      "azure-native:storage:StorageAccount",
      "azure:machinelearning/workspace:Workspace",
      "azure:storage/account:Account",
    ],
    dependencies: [
      "azure-native:storage:StorageAccount",
      "azure-native:keyvault:Vault",
      "azure:storage/account:Account",
      "azure:keyvault/keyVault:KeyVault",
    ],
    network: [
      "azure-native:network:VirtualNetwork",
      "azure-native:network:Subnet",
      "azure:network/virtualNetwork:VirtualNetwork",
      "azure:network/subnet:Subnet",
    ],
  };
  for (const type of absent[form.existing]) expect(graph.ofType(type), type).to.deep.equal([]);
}

/** Discovered resources carry no URL path parameter, parent or dependency; targets list their connections. */
function expectDiscovered(graph: RecordedGraph): void {
  for (const r of graph.resources) {
    expect(r.outputs, r.urn).to.not.have.any.keys("resourceGroupName", "workspaceName", "virtualNetworkName");
    expect([r.parent, r.dependencies, r.propertyDependencies]).to.deep.equal([undefined, [], {}]);
  }
  const targets = graph.ofType("azure-native:storage:StorageAccount");
  for (const t of targets) expect(t.outputs.privateEndpointConnections).to.have.length.greaterThan(0);
}

/** A topology program and the mandatory findings expected in each form it runs in. */
export interface TopologyCase {
  graph: string;
  program: (e: Existing) => () => void;
  forms: Form[];
  expected: (e: Existing) => string[];
}

/** The sessions a check runs in: the pack configured for preview and for update. */
export interface CheckSessions {
  preview: PolicyPackSession;
  update: PolicyPackSession;
}

/** Runs `program` in `form` on the mocks and checks its graph with the real pack. */
export async function check(
  program: () => void,
  form: Form,
  sessions: CheckSessions,
  session = form.preview ? sessions.preview : sessions.update,
) {
  const recorded = await runOnMocks(program, { preview: form.preview });
  expectForm(recorded.graph, form);
  const graph = form.discovered ? discoveredGraph(recorded) : recorded.graph;
  if (form.discovered) expectDiscovered(graph);
  const run = await session.check(graph);
  expect(run.stackAnalyzed).to.equal(true);
  if (form.preview) expectNoPreviewDowngrade(run, session);
  return { graph, run };
}

/** One test per topology and form `wanted` keeps. */
export function topologyTests(
  topologies: TopologyCase[],
  sessions: () => CheckSessions,
  wanted: (form: Form) => boolean,
): void {
  for (const t of topologies) {
    for (const form of t.forms.filter(wanted)) {
      const expected = t.expected(form.existing);
      it(`${t.graph}, ${form.name}: ${expected.length === 0 ? "no mandatory finding" : expected.join(", ")}`, async () => {
        const { graph, run } = await check(t.program(form.existing), form, sessions());
        expect(mandatory(run, graph)).to.deep.equal(expected);
      });
    }
  }
}

/** A program holding everything it uses (not a part outside it, by literal id). */
export const wholeProgram = (form: Form) => form.existing === "none";

export const endpointTopologies: TopologyCase[] = [
  {
    graph: "correct single-VNet topology",
    program: singleVnet,
    forms: [preview, update, existingAt("workspace"), existingAt("network"), discovered],
    expected: () => [],
  },
  {
    graph: "correct isolated-clients topology",
    program: (e) => isolatedClients(e),
    forms: [preview, update, existingAt("workspace"), existingAt("network"), discovered],
    expected: () => [],
  },
  {
    graph: "clients VNet holding only a workspace endpoint",
    program: (e) => isolatedClients(e, ["amlworkspace"]),
    forms: [
      preview,
      update,
      existingAt("dependencies"),
      existingAt("network"),
      existingAt("workspace"),
      discovered,
    ],
    // With the workspace outside the stack, which dependencies it has is unknown: nothing to report.
    expected: (e) => (e === "workspace" ? [] : ["dependency-endpoints-per-vnet @ clients-pe-amlworkspace"]),
  },
];

export const classicTopologies: TopologyCase[] = [
  {
    graph: "correct single-VNet topology",
    program: (e) => classicTopology(e),
    forms: [preview, update, existingAt("workspace"), existingAt("network")],
    expected: () => [],
  },
  {
    graph: "correct isolated-clients topology (clients subnet inline)",
    program: (e) => classicTopology(e, allGroupIds),
    forms: [preview, update, existingAt("workspace"), existingAt("network")],
    expected: () => [],
  },
  {
    graph: "clients VNet holding only a workspace endpoint",
    program: (e) => classicTopology(e, ["amlworkspace"]),
    forms: [preview, update, existingAt("dependencies"), existingAt("network"), existingAt("workspace")],
    expected: (e) => (e === "workspace" ? [] : ["dependency-endpoints-per-vnet @ clients-pe-amlworkspace"]),
  },
];
