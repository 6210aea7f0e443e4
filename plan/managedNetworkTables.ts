/**
 * Each workspace's managed network as the plan shows it: the mode, the firewall and one row per outbound rule,
 * with who made it. Read from the recorded graph: after an update the workspace's read-back (Azure's Required
 * rules included); at preview, when nothing is read back yet, the rules the program sends.
 */
import { parseArmId } from "../policy/azure/armId";
import type { RecordedGraph, RecordedResource } from "./mockRun";
import { secretsOpened } from "./modelResources";

export interface OutboundRuleRow {
  name: string;
  /** PrivateEndpoint, FQDN or ServiceTag. */
  type: string;
  /** The target: an ARM id with its sub-resource, a host name, or a service tag / prefixes with ports. */
  destination: string;
  /** "Azure" for the rules Azure adds itself (any category but UserDefined), "user" for the program's. */
  madeBy: "Azure" | "user";
  /** The rule's status as read back; undefined at preview. */
  status?: string;
}

export interface ManagedNetworkTable {
  /** Logical name of the workspace resource. */
  workspace: string;
  /** Its URN. */
  urn: string;
  isolationMode: string;
  /** Firewall SKU when FQDN rules exist (Azure's default Standard when not given), else undefined. */
  firewallSku?: string;
  firewallPublicIpAddress?: string;
  /** Provisioning status as read back (Active, Inactive); undefined at preview. */
  status?: string;
  rules: OutboundRuleRow[];
}

interface ArmRule {
  type?: string;
  category?: string;
  status?: string;
  destination?: unknown;
}

interface ArmManagedNetwork {
  isolationMode?: string;
  firewallSku?: string;
  firewallPublicIpAddress?: string;
  status?: { status?: string };
  outboundRules?: Record<string, ArmRule>;
}

/** How each rule type's destination reads. */
const destinationText: Partial<Record<string, (d: Record<string, unknown>) => string>> = {
  // The target's type and name read better than its id: "Microsoft.Storage/storageAccounts stdata (blob)".
  // At preview a target created in the stack has no id yet.
  PrivateEndpoint: (d) => {
    const raw = typeof d.serviceResourceId === "string" ? d.serviceResourceId : undefined;
    const id = raw === undefined ? undefined : parseArmId(raw);
    const target = id ? `${id.type} ${id.name}` : (raw ?? "(id known after deployment)");
    return `${target} (${String(d.subresourceTarget)})`;
  },
  ServiceTag: (d) =>
    `${Array.isArray(d.addressPrefixes) && d.addressPrefixes.length ? d.addressPrefixes.join(", ") : String(d.serviceTag)} ` +
    `${String(d.protocol)}/${String(d.portRanges)} ${String(d.action ?? "Allow")}`,
};

function ruleRow(name: string, rule: ArmRule): OutboundRuleRow {
  const type = String(rule.type);
  const format = destinationText[type];
  return {
    name,
    type,
    destination:
      format && rule.destination && typeof rule.destination === "object"
        ? format(rule.destination as Record<string, unknown>)
        : String(rule.destination),
    madeBy: (rule.category ?? "UserDefined") === "UserDefined" ? "user" : "Azure",
    status: rule.status,
  };
}

/**
 * The managed network a workspace resource reads back, or sends when nothing is read back yet; a secret one
 * opened (the plan masks its values in the whole document).
 */
function managedNetworkOf(resource: RecordedResource): ArmManagedNetwork | undefined {
  const of = (recorded: Record<string, unknown>) => {
    const state = secretsOpened(recorded) as Record<string, unknown>;
    return ((state.properties as Record<string, unknown> | undefined)?.managedNetwork ??
      state.managedNetwork) as ArmManagedNetwork | undefined;
  };
  return of(resource.outputs) ?? of(resource.inputs);
}

const isWorkspace = (r: RecordedResource) =>
  r.type === "azure-native:machinelearningservices:Workspace" ||
  (r.type === "azure-native:resources:Resource" &&
    r.inputs.resourceProviderNamespace === "Microsoft.MachineLearningServices" &&
    r.inputs.resourceType === "workspaces");

export function managedNetworkTables(graph: RecordedGraph): ManagedNetworkTable[] {
  return graph.resources.filter(isWorkspace).flatMap((resource) => {
    const network = managedNetworkOf(resource);
    if (!network?.isolationMode || network.isolationMode === "Disabled") return [];
    const rules = Object.entries(network.outboundRules ?? {}).map(([name, rule]) => ruleRow(name, rule));
    const hasFqdn = rules.some((r) => r.type === "FQDN");
    return [
      {
        workspace: resource.name,
        urn: resource.urn,
        isolationMode: network.isolationMode,
        firewallSku: hasFqdn ? (network.firewallSku ?? "Standard") : undefined,
        firewallPublicIpAddress: network.firewallPublicIpAddress,
        status: network.status?.status,
        // Azure's rules after the user's, each group by name.
        rules: rules.sort((a, b) => a.madeBy.localeCompare(b.madeBy) * -1 || a.name.localeCompare(b.name)),
      },
    ];
  });
}
