/**
 * Turns a recorded mock-monitor graph into the resources the engine hands a policy pack: every
 * registration (the stack, components, providers and custom resources) in registration order, with the
 * default providers the engine adds, the inputs `Analyze` sees, the outputs `AnalyzeStack` sees, and the
 * parent and (property) dependencies as URNs.
 */
import type { RecordedGraph, RecordedResource } from "../mockRun";
import {
  defaultProvider,
  installedPackageVersion,
  isProviderlessType,
  packageOf,
  type ProviderResource,
} from "./defaultProvider";

/** One resource as the engine describes it to an analyzer. */
export interface AnalyzerResource {
  urn: string;
  type: string;
  name: string;
  /** What `Analyze` receives: the resource's inputs. */
  inputs: Record<string, unknown>;
  /** What `AnalyzeStack` receives: the resource's outputs (at preview, inputs plus unknowns). */
  outputs: Record<string, unknown>;
  parent?: string;
  dependencies: string[];
  /** Only properties that have dependencies, as the engine sends them. */
  propertyDependencies: Record<string, string[]>;
  protect: boolean;
  ignoreChanges: string[];
  /** Set only when the program set it, as the engine tells "unset" from false. */
  deleteBeforeReplace?: boolean;
  aliases: string[];
  provider?: ProviderResource;
}

export interface AnalyzerResourcesOptions {
  /** Version of each package's default provider; defaults to the installed `@pulumi/<pkg>` SDK. */
  providerVersion?: (pkg: string) => string | undefined;
}

/** The engine's view of `graph`, in the order the engine analyzes it. */
export function analyzerResources(
  graph: RecordedGraph,
  options: AnalyzerResourcesOptions = {},
): AnalyzerResource[] {
  const versionOf = options.providerVersion ?? ((pkg: string) => installedPackageVersion(pkg));
  const byUrn = new Map(graph.resources.map((r) => [r.urn, r]));
  const defaults = new Map<string, ProviderResource>();
  const out: AnalyzerResource[] = [];

  for (const r of graph.resources) {
    let provider: ProviderResource | undefined;
    if (r.custom && !isProviderlessType(r.type)) {
      if (r.provider) {
        provider = explicitProvider(r.provider, byUrn);
      } else {
        const pkg = packageOf(r.type);
        provider = defaults.get(pkg);
        if (!provider) {
          provider = defaultProvider(urnPrefix(r.urn), pkg, versionOf(pkg));
          defaults.set(pkg, provider);
          // The engine registers a default provider just before its first user.
          out.push(providerAsResource(provider));
        }
      }
    }
    out.push(fromRecorded(r, provider));
  }
  return out;
}

function fromRecorded(r: RecordedResource, provider: ProviderResource | undefined): AnalyzerResource {
  const propertyDependencies: Record<string, string[]> = {};
  for (const [key, urns] of Object.entries(r.propertyDependencies)) {
    if (urns.length > 0) propertyDependencies[key] = urns;
  }
  return {
    urn: r.urn,
    type: r.type,
    name: r.name,
    inputs: r.inputs,
    outputs: r.outputs,
    parent: r.parent,
    dependencies: r.dependencies,
    propertyDependencies,
    protect: r.protect,
    ignoreChanges: r.ignoreChanges,
    deleteBeforeReplace: r.deleteBeforeReplace ? true : undefined,
    aliases: r.aliases,
    provider,
  };
}

function providerAsResource(p: ProviderResource): AnalyzerResource {
  return {
    urn: p.urn,
    type: p.type,
    name: p.name,
    inputs: p.inputs,
    outputs: p.inputs,
    dependencies: [],
    propertyDependencies: {},
    protect: false,
    ignoreChanges: [],
    aliases: [],
  };
}

/** A provider reference is `<urn>::<id>`; the engine resolves it to the provider's registered state. */
function explicitProvider(reference: string, byUrn: Map<string, RecordedResource>): ProviderResource {
  const urn = reference.slice(0, reference.lastIndexOf("::"));
  const registered = byUrn.get(urn);
  if (!registered) throw new Error(`provider ${urn} is referenced but was never registered`);
  return { urn, type: registered.type, name: registered.name, inputs: registered.inputs };
}

/** `urn:pulumi:<stack>::<project>` of a URN. */
function urnPrefix(urn: string): string {
  const parts = urn.split("::");
  return `${parts[0]}::${parts[1]}`;
}
