import * as pulumi from "@pulumi/pulumi";
import type { DnsRecord } from "../dns/dnsRecords";
import { memberPath } from "../validation/argProblem";
import { mapOf } from "../validation/argKinds";
import { objectOf, schemaProblems, throwArgProblems, type ArgSchema } from "../validation/argSchema";
import { NameRules } from "../validation/names";
import {
  type EndpointSetLayoutArgs,
  type WorkspaceTargetsArgs,
  endpointSetLayoutSchema,
  layoutOf,
  throwProblems,
  workspaceTargetsSchema,
} from "./endpointSetArgs";
import { argsOwnedBy, PrivateEndpointSet } from "./privateEndpointSet";
import { type EndpointSetLayout, validateEndpointSets } from "./validateEndpointSets";

/** Arguments of {@link WorkspaceNetwork}. */
export interface WorkspaceNetworkArgs extends WorkspaceTargetsArgs {
  /**
   * The endpoint sets, one per VNet, by stable name (`services`, `clients`, `aks`...). Each set's
   * resources are named after its key, so adding, removing or reordering sets renames nothing else.
   */
  sets: { [setName: string]: EndpointSetLayoutArgs };
}

/** Each argument's kind: the workspace's targets, and the sets by name (at least one). */
export const workspaceNetworkArgSchema: ArgSchema<WorkspaceNetworkArgs> = {
  ...workspaceTargetsSchema,
  sets: {
    kind: mapOf(objectOf(endpointSetLayoutSchema, "an endpoint set"), { key: NameRules.key, minEntries: 1 }),
    required: true,
  },
};

/** Every set's layout, validated on its own arguments, then across sets. */
function checkedLayouts(name: string, args: WorkspaceNetworkArgs): EndpointSetLayout[] {
  throwArgProblems("WorkspaceNetwork", name, schemaProblems(workspaceNetworkArgSchema, args));
  const setNames = Object.keys(args.sets);
  const layouts = setNames.map((setName) =>
    layoutOf(setName, {
      ...args.sets[setName],
      additionalStorageAccounts: args.additionalStorageAccounts,
      cloud: args.cloud,
      managedNetwork: args.managedNetwork,
    }),
  );
  throwProblems(
    "WorkspaceNetwork",
    name,
    validateEndpointSets(layouts),
    (set) => `${memberPath("sets", set)}.`,
  );
  return layouts;
}

/** Each network's sets, kept off the class: the schema analyzer reads every class property as an output. */
const setsOf = new WeakMap<WorkspaceNetwork, Readonly<Record<string, PrivateEndpointSet>>>();

/**
 * All the endpoint sets of one workspace, keyed by stable set names: one {@link PrivateEndpointSet} per VNet
 * (services, clients, AKS...). The one place that sees every set, so the rules across sets (distinct address
 * spaces, one services set, one writer per hub zone) are checked before any set is created; adding, removing
 * or reordering sets renames nothing else.
 *
 * @example
 * ```ts
 * const net = new WorkspaceNetwork("net", {
 *   ...ws.endpointTargets(),
 *   sets: {
 *     services: { addressSpace: ["10.10.0.0/16"], endpointSubnetPrefix: "10.10.1.0/24", servicesSet: true },
 *     clients: { addressSpace: ["10.20.0.0/16"], endpointSubnetPrefix: "10.20.1.0/24" },
 *   },
 * });
 * export const servicesSubnetId = net.servicesSubnetId;
 * export const clientIps = net.endpointSet("clients").privateIpAddresses;
 * ```
 */
export class WorkspaceNetwork extends pulumi.ComponentResource {
  // Per-set values are maps keyed by set name (not the PrivateEndpointSet objects): Pulumi's schema for other
  // languages can only carry plain outputs and references to @pulumi/* resources.
  /** Name of the services set (the only set, or the one marked servicesSet); "" with a managed network. */
  public readonly servicesSetName!: pulumi.Output<string>;
  /** The services set's endpoint subnet: where computes go; "" with a managed network (managed VNet). */
  public readonly servicesSubnetId!: pulumi.Output<string>;
  /** Each set's VNet id, by set name. */
  public readonly virtualNetworkIds!: pulumi.Output<Record<string, string>>;
  /** Each set's VNet name, by set name (to add subnets, e.g. an AKS node subnet, to a set's VNet). */
  public readonly virtualNetworkNames!: pulumi.Output<Record<string, string>>;
  /** Each set's endpoint subnet id, by set name. */
  public readonly subnetIds!: pulumi.Output<Record<string, string>>;
  /** Each set's private endpoint ids by endpoint key (e.g. `workspace-amlworkspace`), by set name. */
  public readonly endpointIds!: pulumi.Output<Record<string, Record<string, string>>>;
  /** Each set's private IPs by endpoint key, by set name. */
  public readonly privateIpAddresses!: pulumi.Output<Record<string, Record<string, string[]>>>;
  /** Each set's private DNS zone ids by zone name, by set name (empty for dnsMode None or AzurePolicy). */
  public readonly zoneIds!: pulumi.Output<Record<string, Record<string, string>>>;
  /** Each set's FQDN → private IP records, by set name. */
  public readonly dnsRecords!: pulumi.Output<Record<string, DnsRecord[]>>;

  /**
   * One set, by name (TypeScript only): its outputs depend on that set's resources alone, where the maps
   * above depend on every set.
   */
  endpointSet(setName: string): PrivateEndpointSet {
    const set = setsOf.get(this)?.[setName];
    if (!set) throw new Error(`WorkspaceNetwork has no endpoint set named '${setName}'`);
    return set;
  }

  constructor(name: string, args: WorkspaceNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    // Checked before registering anything, the component itself included; rehydration (opts.urn) has no args.
    const layouts = opts?.urn ? undefined : checkedLayouts(name, args);
    super("azureml-network-isolation:index:WorkspaceNetwork", name, {}, opts);
    if (!layouts) return;
    const setNames = layouts.map((l) => l.name);

    // None with a managed network, or when every set says servicesSet: false (the services VNet is elsewhere).
    const servicesSetName = args.managedNetwork
      ? undefined
      : (
          layouts.find((l) => l.servicesSet === true) ??
          (layouts.length === 1 && layouts[0].servicesSet !== false ? layouts[0] : undefined)
        )?.name;
    const sets: Record<string, PrivateEndpointSet> = {};
    for (const setName of setNames) {
      sets[setName] = new PrivateEndpointSet(
        `${name}-${setName}`,
        // The set knows whether it is the services set: the others' subnets hold only endpoints.
        argsOwnedBy(
          { ...args, ...args.sets[setName], servicesSet: setName === servicesSetName },
          { component: "WorkspaceNetwork", name, set: setName, prefix: `${memberPath("sets", setName)}.` },
        ),
        { parent: this },
      );
    }
    setsOf.set(this, sets);
    const bySet = <T>(
      value: (set: PrivateEndpointSet) => pulumi.Output<T>,
    ): pulumi.Output<Record<string, T>> =>
      pulumi.all(Object.fromEntries(setNames.map((s) => [s, value(sets[s])]))) as pulumi.Output<
        Record<string, T>
      >;
    this.servicesSetName = pulumi.output(servicesSetName ?? "");
    this.servicesSubnetId = servicesSetName ? sets[servicesSetName].subnetId : pulumi.output("");
    this.virtualNetworkIds = bySet((s) => s.virtualNetworkId);
    this.virtualNetworkNames = bySet((s) => s.virtualNetworkName);
    this.subnetIds = bySet((s) => s.subnetId);
    this.endpointIds = bySet((s) => s.endpointIds);
    this.privateIpAddresses = bySet((s) => s.privateIpAddresses);
    this.zoneIds = bySet((s) => s.zoneIds);
    this.dnsRecords = bySet((s) => s.dnsRecords);
    this.registerOutputs({
      servicesSetName: this.servicesSetName,
      servicesSubnetId: this.servicesSubnetId,
      virtualNetworkIds: this.virtualNetworkIds,
      virtualNetworkNames: this.virtualNetworkNames,
      subnetIds: this.subnetIds,
      endpointIds: this.endpointIds,
      privateIpAddresses: this.privateIpAddresses,
      zoneIds: this.zoneIds,
      dnsRecords: this.dnsRecords,
    });
  }
}
