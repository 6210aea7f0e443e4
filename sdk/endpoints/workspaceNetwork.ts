/**
 * All the endpoint sets of one workspace, keyed by stable set names. The one place that sees every set,
 * so the rules across sets (distinct address spaces, one services set, one writer per hub zone) are
 * checked before any set is created.
 */
import * as pulumi from "@pulumi/pulumi";
import type { DnsRecord } from "../dns/dnsRecords";
import {
  type EndpointSetLayoutArgs,
  type WorkspaceTargetsArgs,
  layoutOf,
  throwProblems,
} from "./endpointSetArgs";
import { PrivateEndpointSet } from "./privateEndpointSet";
import { type EndpointSetLayout, validateEndpointSets } from "./validateEndpointSets";

/** Arguments of {@link WorkspaceNetwork}. */
export interface WorkspaceNetworkArgs extends WorkspaceTargetsArgs {
  /**
   * The endpoint sets, one per VNet, by stable name (`services`, `clients`, `aks`...). Each set's
   * resources are named after its key, so adding, removing or reordering sets renames nothing else.
   */
  sets: { [setName: string]: EndpointSetLayoutArgs };
}

/** Every set's layout, validated across sets. */
function checkedLayouts(args: WorkspaceNetworkArgs): EndpointSetLayout[] {
  const setNames = Object.keys(args.sets);
  if (setNames.length === 0) {
    throw new pulumi.InputPropertyError({
      propertyPath: "sets",
      reason: "sets is empty: give at least one endpoint set",
    });
  }
  const layouts = setNames.map((setName) =>
    layoutOf(setName, {
      ...args.sets[setName],
      additionalStorageAccounts: args.additionalStorageAccounts,
      cloud: args.cloud,
    }),
  );
  throwProblems(validateEndpointSets(layouts), (set) => `sets.${set}.`);
  return layouts;
}

export class WorkspaceNetwork extends pulumi.ComponentResource {
  /** The endpoint sets, by set name. */
  public readonly sets!: Readonly<Record<string, PrivateEndpointSet>>;
  /** Name of the services set (the only set, or the one marked servicesSet). */
  public readonly servicesSetName!: string;
  /** The services set's endpoint subnet: where computes go. */
  public readonly servicesSubnetId!: pulumi.Output<string>;
  /** Each set's FQDN → private IP records, by set name. */
  public readonly dnsRecords!: pulumi.Output<Record<string, DnsRecord[]>>;

  constructor(name: string, args: WorkspaceNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    // Checked before registering anything, the component itself included; rehydration (opts.urn) has no args.
    const layouts = opts?.urn ? undefined : checkedLayouts(args);
    super("azureml-network-isolation:index:WorkspaceNetwork", name, {}, opts);
    if (!layouts) return;
    const setNames = layouts.map((l) => l.name);

    const sets: Record<string, PrivateEndpointSet> = {};
    for (const setName of setNames) {
      sets[setName] = new PrivateEndpointSet(
        `${name}-${setName}`,
        { ...args, ...args.sets[setName] },
        { parent: this },
      );
    }
    this.sets = sets;
    this.servicesSetName = setNames.length === 1 ? setNames[0] : layouts.find((l) => l.servicesSet)!.name;
    this.servicesSubnetId = sets[this.servicesSetName].subnetId;
    this.dnsRecords = pulumi.all(Object.fromEntries(setNames.map((s) => [s, sets[s].dnsRecords])));
    this.registerOutputs({ servicesSubnetId: this.servicesSubnetId, dnsRecords: this.dnsRecords });
  }
}
