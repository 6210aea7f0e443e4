/**
 * Which storage accounts, key vaults and registries the dependency rules govern: by default those an ML
 * workspace of the stack uses (its default storage, key vault and registry, and the storage accounts its
 * datastores name), or every one in the stack. Computed once per model and scope.
 */
import { dependenciesOf, workspaceOf } from "./queries";
import type { DependencyService, Key, StackModel } from "./types";

export const DependencyScopes = {
  workspaceDependencies: "workspace-dependencies",
  all: "all",
} as const;
export type DependencyScope = (typeof DependencyScopes)[keyof typeof DependencyScopes];

const usedByWorkspaces = new WeakMap<StackModel, ReadonlySet<Key>>();

/** Keys of the services a workspace of the stack uses; references unknown at preview are left out. */
export function workspaceDependencyKeys(model: StackModel): ReadonlySet<Key> {
  const cached = usedByWorkspaces.get(model);
  if (cached) return cached;
  const keys = new Set<Key>();
  for (const workspace of model.workspaces) for (const d of dependenciesOf(workspace)) keys.add(d.key);
  for (const datastore of model.datastores) {
    if (workspaceOf(model, datastore.workspace) && typeof datastore.storageAccount === "string")
      keys.add(datastore.storageAccount);
  }
  usedByWorkspaces.set(model, keys);
  return keys;
}

/** The in-stack services of `kind` the rules govern under `scope`. */
export function servicesInScope(
  model: StackModel,
  kind: DependencyService["kind"],
  scope: DependencyScope,
): DependencyService[] {
  const used = scope === DependencyScopes.all ? undefined : workspaceDependencyKeys(model);
  return [...model.services.values()].filter((s) => s.kind === kind && (!used || used.has(s.key)));
}
