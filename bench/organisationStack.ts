/**
 * Organisation-scale stacks for the policy benchmark. Running the organisation program on the mock monitor
 * grows faster than linearly (about 11 s for 1,000 resources; out of memory before 10,000), so one
 * workspace is run on the mocks and its records are copied under other workspace names: the copies are
 * the records the mock run of many workspaces produces (test/bench checks that for a few workspaces).
 */
import { RecordedGraph, type RecordedResource, runOnMocks } from "../plan/mockRun";
import { classicOrganisationProgram } from "./classicOrganisationProgram";
import { organisationProgram, workspaceName, type OrganisationShape } from "./organisationProgram";

/** The organisation programs: with our components (azure-native), and with the classic provider. */
export const organisations = {
  components: organisationProgram,
  classic: classicOrganisationProgram,
} as const;
export type Organisation = keyof typeof organisations;

/** The mock-monitor graph of one workspace of an organisation program. */
export async function workspaceTemplate(
  setsPerWorkspace: number,
  preview: boolean,
  organisation: Organisation = "components",
): Promise<RecordedGraph> {
  const program = organisations[organisation]({ workspaces: 1, setsPerWorkspace });
  const { graph } = await runOnMocks(program, { preview });
  return graph;
}

/** `value` with every string's `from` replaced by `to`; other values (unknown sentinels, secrets) kept. */
function renamed(value: unknown, from: string, to: string): unknown {
  if (typeof value === "string") return value.replaceAll(from, to);
  if (Array.isArray(value)) return value.map((v) => renamed(v, from, to));
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renamed(v, from, to)]));
  }
  return value;
}

/** The stack of `workspaces` copies of the template's workspace, under the stack of the template. */
export function organisationGraph(template: RecordedGraph, workspaces: number): RecordedGraph {
  const marker = workspaceName(0);
  const [stack, ...workspace] = template.resources;
  if (stack?.type !== "pulumi:pulumi:Stack" || workspace.some((r) => !r.urn.includes(marker))) {
    throw new Error(`the template must be the stack followed by resources of workspace ${marker}`);
  }
  const graph = new RecordedGraph();
  graph.resources.push(stack);
  for (let w = 0; w < workspaces; w++) {
    const name = workspaceName(w);
    for (const r of workspace) graph.resources.push(renamed(r, marker, name) as RecordedResource);
  }
  return graph;
}

/** A synthetic organisation stack of about `resources` resources, and its shape. */
export function organisationOfSize(
  template: RecordedGraph,
  resources: number,
  setsPerWorkspace: number,
): { graph: RecordedGraph; shape: OrganisationShape } {
  const perWorkspace = template.resources.length - 1;
  const workspaces = Math.max(1, Math.round(resources / perWorkspace));
  return { graph: organisationGraph(template, workspaces), shape: { workspaces, setsPerWorkspace } };
}
