/**
 * Finds what a resource refers to. In order: the input's property dependencies (URNs, known even at
 * preview), then an ARM id when the value is known (an in-stack resource found by id or by resource group
 * + names, otherwise a resource outside the stack), then resource group + name for references by name.
 */
import { armIdentity, armIdentityOfId, externalKey, parseExternalKey } from "./identity";
import { kindInfo, kindOfArmType, type Kind } from "./kinds";
import type { ResourceView } from "./resourceView";
import type { Entity, Key } from "./types";
import { isUnknown, unknown, type Maybe } from "./values";

export class ResourceIndex {
  private readonly views = new Map<string, ResourceView>();
  private readonly identities = new Map<string, Key>();
  private readonly kinds = new Map<Key, Kind>();
  private readonly labels = new Map<Key, string>();

  constructor(views: readonly ResourceView[]) {
    for (const view of views) {
      this.views.set(view.urn, view);
      this.add(view.urn, view.kind, `${kindLabels[view.kind]} '${view.name}'`);
      if (view.armId) this.addIdentity(armIdentityOfId(view.armId), view.urn);
      const armType = kindInfo[view.kind].armType;
      if (armType) this.addIdentity(this.identityOf(armType, view.resourceGroup, view.armNames), view.urn);
    }
  }

  /** Registers an entity that is not a resource of its own (a VNet's inline subnet). */
  add(key: Key, kind: Kind, label: string): void {
    this.kinds.set(key, kind);
    this.labels.set(key, label);
  }

  addIdentity(identity: string | undefined, key: Key): void {
    if (identity !== undefined && !this.identities.has(identity)) this.identities.set(identity, key);
  }

  identityOf(
    armType: string,
    resourceGroup: Maybe<string>,
    names: readonly Maybe<string>[],
  ): string | undefined {
    if (typeof resourceGroup !== "string" || !names.every((n): n is string => typeof n === "string")) {
      return undefined;
    }
    return armIdentity(armType, resourceGroup, names);
  }

  /** A key of a resource outside the stack, known only by ARM id or name. */
  isExternal(key: Key): boolean {
    return parseExternalKey(key) !== undefined;
  }

  kindOf(key: Key): Kind | undefined {
    const external = parseExternalKey(key);
    return external ? kindOfArmType(external.type) : this.kinds.get(key);
  }

  /** An in-stack resource as the model's entities name it: keyed by URN, labelled for messages. */
  entity(view: ResourceView): Entity {
    return { key: view.urn, urn: view.urn, label: this.label(view.urn), token: view.type };
  }

  label(key: Key): string {
    const external = parseExternalKey(key);
    if (external) {
      const kind = kindOfArmType(external.type);
      const what = kind ? kindLabels[kind] : external.type;
      return `${what} '${external.names.join("/")}' (resource group ${external.resourceGroup}, outside this stack)`;
    }
    return this.labels.get(key) ?? key;
  }

  /** The single in-stack dependency of `input` that has one of `kinds`. */
  private dependency(
    view: ResourceView,
    input: string,
    kinds: readonly Kind[],
  ): Key | "ambiguous" | undefined {
    const found = new Set(
      view.dependencies(input).filter((urn) => {
        const kind = this.views.get(urn)?.kind;
        return kind !== undefined && kinds.includes(kind);
      }),
    );
    if (found.size > 1) return "ambiguous";
    return found.values().next().value;
  }

  /** What an input holding an ARM id (`value`) refers to, restricted to `kinds`. */
  byId(view: ResourceView, input: string, value: Maybe<string>, kinds: readonly Kind[]): Maybe<Key> {
    const dependency = this.dependency(view, input, kinds);
    if (dependency !== undefined && dependency !== "ambiguous") return dependency;
    if (typeof value === "string") return this.keyOfId(value);
    return isUnknown(value) || dependency === "ambiguous" ? unknown : undefined;
  }

  /** The key of the resource an ARM id names: in the stack when found there, otherwise external. */
  keyOfId(id: string): Key | undefined {
    const identity = armIdentityOfId(id);
    if (identity === undefined) return undefined;
    return this.identities.get(identity) ?? externalKey(identity);
  }

  /** What a name input refers to (a compute's `workspaceName`, a subnet's `virtualNetworkName`). */
  byName(
    view: ResourceView,
    input: string,
    kind: Kind,
    resourceGroup: Maybe<string>,
    names: Maybe<string>[],
  ): Maybe<Key> {
    const dependency = this.dependency(view, input, [kind]);
    if (dependency !== undefined && dependency !== "ambiguous") return dependency;
    if (names.some(isUnknown) || isUnknown(resourceGroup)) return unknown;
    const identity = this.identityOf(kindInfo[kind].armType!, resourceGroup, names);
    return identity === undefined ? undefined : (this.identities.get(identity) ?? externalKey(identity));
  }

  /** The VNet holding a subnet given by key (for external subnets, from their ARM id). */
  parentVnetOfExternalSubnet(key: Key): Key | undefined {
    const external = parseExternalKey(key);
    if (!external || kindOfArmType(external.type) !== "subnet") return undefined;
    const identity = armIdentity(
      kindInfo.virtualNetwork.armType!,
      external.resourceGroup,
      external.names.slice(0, 1),
    );
    return this.identities.get(identity) ?? externalKey(identity);
  }
}

export const kindLabels: Readonly<Record<Kind, string>> = {
  workspace: "ML workspace",
  storageAccount: "storage account",
  keyVault: "key vault",
  containerRegistry: "container registry",
  virtualNetwork: "VNet",
  subnet: "subnet",
  privateEndpoint: "private endpoint",
  zoneGroup: "private DNS zone group",
  privateZone: "private DNS zone",
  vnetLink: "VNet link",
  compute: "compute",
  onlineEndpoint: "online endpoint",
  batchEndpoint: "batch endpoint",
  datastore: "datastore",
  managedCluster: "AKS cluster",
  synapseWorkspace: "Synapse workspace",
  synapseManagedEndpoint: "Synapse managed private endpoint",
  dataFactoryManagedEndpoint: "Data Factory managed private endpoint",
  networkInterface: "network interface",
  outboundRule: "outbound rule",
  onlineDeployment: "online deployment",
  vnetPeering: "VNet peering",
  vnetDnsServers: "VNet DNS servers",
  dnsResolver: "DNS private resolver",
  resolverInboundEndpoint: "resolver inbound endpoint",
  resolverOutboundEndpoint: "resolver outbound endpoint",
  forwardingRuleset: "DNS forwarding ruleset",
  forwardingRule: "forwarding rule",
  rulesetVnetLink: "ruleset VNet link",
  firewall: "Azure Firewall",
  firewallPolicy: "firewall policy",
  routeTable: "route table",
  route: "route",
  routeTableAssociation: "route table association",
  firewallRuleGroup: "firewall rule collection group",
};
