/**
 * The "discovered" form of a recorded graph: the resources as a Pulumi Cloud audit policy group over the
 * Azure account sees them. Each azure-native resource carries only its read-back state — the outputs its
 * SDK class declares (what a GET returns: no URL path parameters such as `resourceGroupName` or
 * `workspaceName`), its own `id` and ARM `type`, and on private-link targets the connections of their
 * endpoints — with no parent, no dependencies and no property dependencies. Built from any update graph,
 * so every engine-faithful case gets this form without writing it again.
 */
import { RecordedGraph, type MockRun, type RecordedResource } from "../../plan/mockRun";

const readBackKeys = new Map<string, ReadonlySet<string>>();

/**
 * The output properties of an azure-native token, from its SDK class: the properties the constructor
 * assigns when it reads an existing resource by id (its `else` branch), which are what the provider reads
 * back; path parameters are inputs only.
 */
function readBackKeysOf(token: string): ReadonlySet<string> {
  const known = readBackKeys.get(token);
  if (known) return known;
  const [, module, type] = token.split(":");
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the SDK module named by the token
  const sdk = require(`@pulumi/azure-native/${module}`) as Record<string, { toString(): string }>;
  const source = sdk[type].toString();
  const readBranch = source.slice(source.indexOf("else {"));
  const keys = new Set(
    [...readBranch.slice(0, readBranch.indexOf("}")).matchAll(/resourceInputs\["(\w+)"\]/g)].map((m) => m[1]),
  );
  if (keys.size === 0) throw new Error(`no read-back properties found in the SDK class of ${token}`);
  readBackKeys.set(token, keys);
  return keys;
}

function discovered(r: RecordedResource, run: MockRun): RecordedResource {
  const keys = readBackKeysOf(r.type);
  const state = Object.fromEntries(Object.entries(r.outputs).filter(([key]) => keys.has(key)));
  const readBack = run.azure.readBack(r.id!, state);
  return {
    ...r,
    inputs: readBack,
    outputs: readBack,
    parent: undefined,
    dependencies: [],
    propertyDependencies: {},
    provider: undefined,
  };
}

/**
 * The account's resources after `run` (an update: ids known). `outside` drops resources that live in
 * another account (their targets still list their connections).
 */
export function discoveredGraph(
  run: MockRun,
  outside: (r: RecordedResource) => boolean = () => false,
): RecordedGraph {
  const graph = new RecordedGraph();
  for (const r of run.graph.resources) {
    if (!r.custom || !r.type.startsWith("azure-native:") || outside(r)) continue;
    if (r.id === undefined) throw new Error(`${r.urn} has no id: the discovered form needs an update run`);
    graph.resources.push(discovered(r, run));
  }
  return graph;
}
