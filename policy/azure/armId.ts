/** Azure Resource Manager ids: parsing and type checks. */
import { pathSegmentProblem } from "./pathSegment";

export interface ArmId {
  subscriptionId: string;
  resourceGroup: string;
  /** Full resource type, e.g. `Microsoft.Network/virtualNetworks/subnets`. */
  type: string;
  /** Name segments, one per type segment, e.g. `["vnet1", "snet1"]`. */
  names: string[];
  /** The last name. */
  name: string;
}

const armIdPattern = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/([^/]+)\/(.+)$/i;

/**
 * The first segment of `id`, an id in ARM's shape, that is not one ARM path segment, with why; undefined when
 * there is none or `id` is not in ARM's shape at all.
 */
export function unsafeSegmentOf(id: string): { segment: string; reason: string } | undefined {
  if (!armIdPattern.test(id.trim())) return undefined;
  for (const segment of id.trim().split("/").slice(1)) {
    const reason = pathSegmentProblem(segment);
    if (reason !== undefined) return { segment, reason };
  }
  return undefined;
}

/**
 * Parses an ARM resource id; undefined when `id` is not one, or when a segment is not one path segment (a
 * `..` step, `?`, `#`, `%` or an invisible character): ARM would address another resource, or none.
 */
export function parseArmId(id: string): ArmId | undefined {
  const match = armIdPattern.exec(id.trim());
  if (!match) return undefined;
  const segments = match[4].split("/");
  if (segments.length % 2 !== 0 || segments.some((s) => s === "")) return undefined;
  if (unsafeSegmentOf(id) !== undefined) return undefined;
  const types: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < segments.length; i += 2) {
    types.push(segments[i]);
    names.push(segments[i + 1]);
  }
  return {
    subscriptionId: match[1],
    resourceGroup: match[2],
    type: `${match[3]}/${types.join("/")}`,
    names,
    name: names[names.length - 1],
  };
}

/** True when `id` is an ARM id of resource type `type` (case-insensitive, as ARM compares). */
export function isArmIdOfType(id: string, type: string): boolean {
  const parsed = parseArmId(id);
  return parsed !== undefined && parsed.type.toLowerCase() === type.toLowerCase();
}

/** The id of the resource that contains a child resource, e.g. a subnet's VNet. */
export function parentArmId(id: string): string | undefined {
  const parsed = parseArmId(id);
  if (!parsed || parsed.names.length < 2) return undefined;
  return id.trim().split("/").slice(0, -2).join("/");
}

/** Normalises an id for comparison: ARM ids are case-insensitive. */
export function armIdKey(id: string): string {
  return id.trim().replace(/\/$/, "").toLowerCase();
}

/** The resource types the product works with. */
export const ArmTypes = {
  workspace: "Microsoft.MachineLearningServices/workspaces",
  storageAccount: "Microsoft.Storage/storageAccounts",
  keyVault: "Microsoft.KeyVault/vaults",
  containerRegistry: "Microsoft.ContainerRegistry/registries",
  applicationInsights: "Microsoft.Insights/components",
  logAnalyticsWorkspace: "Microsoft.OperationalInsights/workspaces",
  virtualNetwork: "Microsoft.Network/virtualNetworks",
  subnet: "Microsoft.Network/virtualNetworks/subnets",
  privateDnsZone: "Microsoft.Network/privateDnsZones",
  managedCluster: "Microsoft.ContainerService/managedClusters",
  synapseWorkspace: "Microsoft.Synapse/workspaces",
  dataFactory: "Microsoft.DataFactory/factories",
} as const;
