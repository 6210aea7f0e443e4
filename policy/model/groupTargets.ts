/** Which kind of resource a private-endpoint group id (sub-resource) belongs to. */
import type { Kind } from "./kinds";

export const groupTargetKinds: Readonly<Record<string, Kind>> = {
  amlworkspace: "workspace",
  blob: "storageAccount",
  file: "storageAccount",
  queue: "storageAccount",
  table: "storageAccount",
  dfs: "storageAccount",
  web: "storageAccount",
  vault: "keyVault",
  registry: "containerRegistry",
};

/** Every kind a private endpoint of ours may target. */
export const endpointTargetKinds: readonly Kind[] = [...new Set(Object.values(groupTargetKinds))];

/** The kinds an endpoint's connection may target given its group ids (all target kinds when unknown). */
export function targetKindsOf(groupIds: unknown): readonly Kind[] {
  if (!Array.isArray(groupIds)) return endpointTargetKinds;
  const kinds = groupIds.flatMap((g) =>
    typeof g === "string" && groupTargetKinds[g.toLowerCase()] ? [groupTargetKinds[g.toLowerCase()]] : [],
  );
  return kinds.length > 0 ? kinds : endpointTargetKinds;
}
