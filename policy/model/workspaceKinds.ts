/**
 * What an ML workspace of each `kind` has of its own. A hub-based project (Azure AI Foundry, `kind:
 * Project`, `hubResourceId` naming its hub) "obtains the hub's security settings": one managed network
 * shared by hub and projects, the hub's private endpoints, public access setting and dependencies
 * (concept-hub-workspace; AI Foundry configure-private-link). Hubs support a managed network but not a
 * bring-your-own VNet, compute clusters or batch endpoints (concept-hub-workspace). A feature store
 * (`kind: FeatureStore`) is configured as a default workspace: its own storage, key vault, registry,
 * image-build compute, public access and managed network (azure-ai-ml FeatureStore).
 */
import { isUnknown, type Maybe } from "./values";

export interface WorkspaceKindTraits {
  /** What the plan's picture calls it ("ML hub ..."). */
  noun: string;
  /** Network settings, private endpoints, managed network and dependencies of its own (a project uses its hub's). */
  ownNetwork: boolean;
  /** Compute clusters can be created in it, so one can build its images. */
  computeClusters: boolean;
  /** Its computes may sit in a subnet of a customer VNet. */
  customerVnet: boolean;
}

const fullWorkspace: WorkspaceKindTraits = {
  noun: "workspace",
  ownNetwork: true,
  computeClusters: true,
  customerVnet: true,
};

const traitsByKind: Readonly<Record<string, WorkspaceKindTraits>> = {
  default: fullWorkspace,
  featurestore: { ...fullWorkspace, noun: "feature store" },
  hub: { noun: "hub", ownNetwork: true, computeClusters: false, customerVnet: false },
  project: { noun: "project", ownNetwork: false, computeClusters: false, customerVnet: false },
};

/** The traits of a declared kind (omitted is Default, as Azure applies it); unknown while the kind is. */
export function workspaceKindTraits(kind: Maybe<string>): Maybe<WorkspaceKindTraits> {
  if (isUnknown(kind)) return kind;
  return traitsByKind[(kind ?? "Default").toLowerCase()] ?? fullWorkspace;
}

/** Whether a workspace of this kind has `trait`; unknown while the kind is. */
export function kindHas(
  kind: Maybe<string>,
  trait: Exclude<keyof WorkspaceKindTraits, "noun">,
): Maybe<boolean> {
  const traits = workspaceKindTraits(kind);
  return isUnknown(traits) ? traits : traits?.[trait];
}
