/**
 * Organisation-scale stacks for the policy benchmark. Running the organisation program on the mock monitor
 * grows faster than linearly (about 11 s for 1,000 resources; out of memory before 10,000), so one
 * workspace is run on the mocks and its records are copied under other workspace names: the copies are
 * the records the mock run of many workspaces produces (test/bench checks that for a few workspaces).
 * Resources outside the workspace (a platform hub) are the stack's once.
 */
import { RecordedGraph, type RecordedResource, runOnMocks } from "../plan/mockRun";
import { classicOrganisationProgram } from "./classicOrganisationProgram";
import { hubSpokeOrganisationProgram, spokePrefixes } from "./hubSpokeOrganisationProgram";
import { organisationProgram, workspaceName, type OrganisationShape } from "./organisationProgram";

interface OrganisationKind {
  program: (shape: OrganisationShape) => () => void;
  /** Strings of the template workspace that each copy `w` replaces (beyond its name), e.g. its address prefixes. */
  copied?: { template: readonly string[]; of: (w: number) => readonly string[] };
}

/**
 * The organisation programs: with our components (azure-native), with the classic provider, and a platform
 * hub with two routed spokes per workspace (their address prefixes are the workspace's own).
 */
export const organisations = {
  components: { program: organisationProgram },
  classic: { program: classicOrganisationProgram },
  hubSpoke: {
    program: hubSpokeOrganisationProgram,
    copied: { template: spokePrefixes(0), of: spokePrefixes },
  },
} as const satisfies Record<string, OrganisationKind>;
export type Organisation = keyof typeof organisations;

/** The mock-monitor graph of one workspace of an organisation program. */
export async function workspaceTemplate(
  setsPerWorkspace: number,
  preview: boolean,
  organisation: Organisation = "components",
): Promise<RecordedGraph> {
  const program = organisations[organisation].program({ workspaces: 1, setsPerWorkspace });
  const { graph } = await runOnMocks(program, { preview });
  return graph;
}

type Replacements = readonly (readonly [string, string])[];

/** `value` with every string's replacements made; other values (unknown sentinels, secrets) kept. */
function renamed(value: unknown, replacements: Replacements): unknown {
  if (typeof value === "string") return replacements.reduce((s, [from, to]) => s.replaceAll(from, to), value);
  if (Array.isArray(value)) return value.map((v) => renamed(v, replacements));
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renamed(v, replacements)]));
  }
  return value;
}

/**
 * The stack of `workspaces` copies of the template's workspace (the resources whose URN names it), under
 * the stack of the template and beside its other resources, which every workspace shares.
 */
export function organisationGraph(
  template: RecordedGraph,
  workspaces: number,
  organisation: Organisation = "components",
): RecordedGraph {
  const marker = workspaceName(0);
  const [stack] = template.resources;
  if (stack?.type !== "pulumi:pulumi:Stack") throw new Error("the template must start with the stack");
  const workspace = template.resources.filter((r) => r.urn.includes(marker));
  const graph = new RecordedGraph();
  graph.resources.push(...template.resources.filter((r) => !r.urn.includes(marker)));
  const { copied }: OrganisationKind = organisations[organisation];
  for (let w = 0; w < workspaces; w++) {
    const strings = copied ? copied.template.map((s, i): [string, string] => [s, copied.of(w)[i]]) : [];
    const replacements: Replacements = [[marker, workspaceName(w)], ...strings];
    for (const r of workspace) graph.resources.push(renamed(r, replacements) as RecordedResource);
  }
  return graph;
}

/** A synthetic organisation stack of about `resources` resources, and its shape. */
export function organisationOfSize(
  template: RecordedGraph,
  resources: number,
  setsPerWorkspace: number,
  organisation: Organisation = "components",
): { graph: RecordedGraph; shape: OrganisationShape } {
  const marker = workspaceName(0);
  const perWorkspace = template.resources.filter((r) => r.urn.includes(marker)).length;
  const shared = template.resources.length - perWorkspace;
  const workspaces = Math.max(1, Math.round((resources - shared) / perWorkspace));
  return {
    graph: organisationGraph(template, workspaces, organisation),
    shape: { workspaces, setsPerWorkspace },
  };
}
