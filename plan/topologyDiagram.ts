/**
 * A Mermaid flowchart of the network topology, from the pack's model: workspaces and the services they
 * use, one subgraph per VNet holding its private endpoints, each endpoint's connection to its target
 * (labelled with the group ids), the zones its zone groups write into, and each zone's links to VNets; and one
 * subgraph per managed VNet (Synapse, Data Factory) holding its managed private endpoints, each connected to
 * its target.
 */
import type { Key, ManagedEndpoint, StackModel } from "../policy/model/types";
import { isUnknown } from "../policy/model/values";
import type { RecordedGraph } from "./mockRun";
import { endpointDns } from "./vnetTables";

/** Mermaid node ids are generated; labels are quoted with `"` written as an entity. */
class Nodes {
  private readonly ids = new Map<string, string>();

  id(key: string): string {
    let id = this.ids.get(key);
    if (!id) this.ids.set(key, (id = `n${this.ids.size}`));
    return id;
  }

  has(key: string): boolean {
    return this.ids.has(key);
  }
}

function label(...lines: string[]): string {
  return `"${lines.map((l) => l.replace(/"/g, "#quot;").replace(/[<>]/g, "")).join("<br/>")}"`;
}

const managedVnetServices: Record<ManagedEndpoint["service"], string> = {
  synapse: "Synapse workspace",
  dataFactory: "data factory",
};

/**
 * The service whose managed VNet holds a managed endpoint. The model keys a Synapse workspace only; a data
 * factory is the in-stack factory its `factoryName` came from, else that input (a factory outside the stack).
 */
function managedVnetOwner(m: ManagedEndpoint, graph: RecordedGraph, nameOf: (key: Key) => string): string {
  const resource = graph.byUrn(m.urn);
  const factory = (resource?.propertyDependencies.factoryName ?? [])
    .map((urn) => graph.byUrn(urn))
    .find((r) => r?.type === "azure-native:datafactory:Factory");
  const factoryName = resource?.inputs.factoryName;
  const name =
    typeof m.host === "string"
      ? nameOf(m.host)
      : (factory?.name ?? (typeof factoryName === "string" ? `'${factoryName}'` : "(not known)"));
  return `${managedVnetServices[m.service]} ${name}`;
}

export function topologyDiagram(model: StackModel, graph: RecordedGraph): string {
  const nodes = new Nodes();
  const out = ["flowchart LR"];
  const nameOf = (key: Key) => graph.byUrn(key)?.name ?? model.label(key);

  const vnetKeys = new Set<Key>(model.vnets.keys());
  for (const e of model.endpoints) if (typeof e.vnet === "string") vnetKeys.add(e.vnet);
  for (const vnets of model.linkedVnetsByZone.values()) for (const v of vnets) vnetKeys.add(v);

  for (const vnet of vnetKeys) {
    const prefixes = model.vnets.get(vnet)?.addressPrefixes;
    out.push(
      `  subgraph ${nodes.id(vnet)}[${label(`VNet ${nameOf(vnet)}`, Array.isArray(prefixes) ? prefixes.join(", ") : "")}]`,
    );
    for (const e of model.endpoints.filter((x) => x.vnet === vnet)) {
      const ips = [...new Set(endpointDns(graph, e.urn).flatMap((d) => d.ipAddresses))];
      out.push(`    ${nodes.id(e.key)}(${label(nameOf(e.key), ips.join(", "))})`);
    }
    out.push("  end");
  }
  for (const e of model.endpoints.filter((x) => typeof x.vnet !== "string")) {
    out.push(`  ${nodes.id(e.key)}(${label(nameOf(e.key), "VNet not known")})`);
  }

  const managedVnets = new Map<string, ManagedEndpoint[]>();
  for (const m of model.managedEndpoints) {
    const owner = managedVnetOwner(m, graph, nameOf);
    managedVnets.set(owner, [...(managedVnets.get(owner) ?? []), m]);
  }
  for (const [owner, endpoints] of managedVnets) {
    out.push(`  subgraph ${nodes.id(`managed VNet of ${owner}`)}[${label(`managed VNet of ${owner}`)}]`);
    for (const m of endpoints) out.push(`    ${nodes.id(m.key)}(${label(nameOf(m.key))})`);
    out.push("  end");
  }

  for (const w of model.workspaces) {
    out.push(`  ${nodes.id(w.key)}[[${label(`ML workspace ${nameOf(w.key)}`)}]]`);
    for (const dep of [w.storageAccount, w.keyVault, w.containerRegistry]) {
      if (typeof dep !== "string") continue;
      if (!nodes.has(dep)) out.push(`  ${nodes.id(dep)}[(${label(model.label(dep))})]`);
      out.push(`  ${nodes.id(w.key)} -.-> ${nodes.id(dep)}`);
    }
  }

  for (const e of model.endpoints) {
    for (const c of e.connections) {
      if (typeof c.target !== "string") continue;
      if (!nodes.has(c.target)) out.push(`  ${nodes.id(c.target)}[(${label(model.label(c.target))})]`);
      const groups = c.groupIds === undefined || isUnknown(c.groupIds) ? "" : c.groupIds.join(", ");
      out.push(`  ${nodes.id(e.key)} -->${groups ? `|${label(groups)}|` : ""} ${nodes.id(c.target)}`);
    }
    for (const group of model.zoneGroupsByEndpoint.get(e.key) ?? []) {
      for (const zone of group.zones) {
        if (!nodes.has(zone.key)) {
          const name = typeof zone.zoneName === "string" ? zone.zoneName : model.label(zone.key);
          const where = model.zones.has(zone.key) ? [] : ["outside the stack"];
          out.push(`  ${nodes.id(zone.key)}{{${label(name, ...where)}}}`);
        }
        out.push(`  ${nodes.id(e.key)} -.->|${label("A records")}| ${nodes.id(zone.key)}`);
      }
    }
  }

  for (const m of model.managedEndpoints) {
    if (typeof m.target !== "string") continue;
    if (!nodes.has(m.target)) out.push(`  ${nodes.id(m.target)}[(${label(model.label(m.target))})]`);
    const group = typeof m.groupId === "string" ? `|${label(m.groupId)}|` : "";
    out.push(`  ${nodes.id(m.key)} -->${group} ${nodes.id(m.target)}`);
  }

  for (const zone of model.zones.values()) {
    if (!nodes.has(zone.key)) {
      out.push(
        `  ${nodes.id(zone.key)}{{${label(typeof zone.zoneName === "string" ? zone.zoneName : zone.label)}}}`,
      );
    }
  }
  for (const [zone, vnets] of model.linkedVnetsByZone) {
    if (!nodes.has(zone)) out.push(`  ${nodes.id(zone)}{{${label(model.label(zone))}}}`);
    for (const vnet of vnets) out.push(`  ${nodes.id(zone)} ---|${label("linked")}| ${nodes.id(vnet)}`);
  }
  return out.join("\n") + "\n";
}
