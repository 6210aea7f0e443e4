/** Rule 7 (collisions): two endpoints of one target writing records into one zone overwrite each other. */
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { StackRule, Violation } from "../pack/rule";
import type { Key, PrivateEndpoint } from "../model/types";
import { quotes } from "./quotes";

export const dnsRecordCollision: StackRule<object> = {
  name: "private-dns-record-collision",
  description:
    "Two private endpoints of the same target must not write records into the same private DNS zone.",
  enforcementLevel: "mandatory",
  configSchema: { properties: {} },
  defaults: {},
  severity: "medium",
  framework: benchmark("NS-2"),
  remediationSteps: [
    "Two endpoints of one target must not write into one zone: give each isolated VNet its own zone instances, or keep one endpoint per target in a shared zone.",
    "",
    "- azure-native: create separate `network.PrivateZone` instances (own resource group) per VNet, each linked only to its VNet.",
    '- Components: `WorkspaceNetwork` sets with `dnsMode: "OwnZones"` do this; `"ExistingZones"` is for one set per hub zone.',
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/private-link/private-endpoint-dns-integration",
  tags: ["dns", "private-endpoint"],
  check: (model) => {
    const writers = new Map<string, { target: Key; zone: Key; endpoints: PrivateEndpoint[] }>();
    const endpointsByKey = new Map(model.endpoints.map((e) => [e.key, e]));
    for (const group of model.zoneGroups) {
      const endpoint = typeof group.endpoint === "string" ? endpointsByKey.get(group.endpoint) : undefined;
      if (!endpoint) continue;
      for (const connection of endpoint.connections) {
        if (typeof connection.target !== "string") continue;
        for (const zone of group.zones) {
          const key = `${connection.target}\n${zone.key}`;
          const entry = writers.get(key) ?? { target: connection.target, zone: zone.key, endpoints: [] };
          if (!entry.endpoints.includes(endpoint)) entry.endpoints.push(endpoint);
          writers.set(key, entry);
        }
      }
    }
    const violations: Violation[] = [];
    for (const { target, zone, endpoints } of writers.values()) {
      for (const endpoint of endpoints.slice(1)) {
        violations.push({
          urn: endpoint.urn,
          message: message({
            subject: endpoint.label,
            problem: `writes the records of ${model.label(target)} into ${model.label(zone)}, as ${endpoints[0].label} already does`,
            quote: quotes.recordCollision,
            fix: "give each isolated VNet its own zone instances (own resource group) linked only to that VNet, or keep one endpoint per target in a shared zone set",
          }),
        });
      }
    }
    return violations;
  },
};
