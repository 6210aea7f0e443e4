/**
 * What an export lacks that the verdicts depend on, said once each: pages of the query not given (fewer rows
 * than its `total_records`), and companion files not given while their parents are there (ARG's `resources`
 * table has no zone groups, computes, forwarding rules or ruleset links). Without them the pack judges those
 * parents as having none — a finding to confirm with the companion file, never a pass.
 */
import { armIdKey } from "../../policy/azure/armId";
import type { ArgExport } from "./argExport";
import { argTypes } from "./argTypes";

export function estateNotes(exported: ArgExport): string[] {
  const notes: string[] = [];
  const counts = new Map<string, number>();
  for (const row of exported.rows.values()) counts.set(row.type, (counts.get(row.type) ?? 0) + 1);
  const total = Math.max(0, ...exported.pages.map((p) => p.totalRecords ?? 0));
  const paged = exported.pages.reduce((n, p) => n + p.rows, 0);
  if (paged < total)
    notes.push(
      `the export holds ${paged} of the ${total} rows its query matched: pages are missing (run the query again with --skip-token for each page)`,
    );
  for (const [type, { companion }] of Object.entries(argTypes)) {
    if (!companion || (counts.get(type) ?? 0) > 0) continue;
    const parents = counts.get(companion.parent) ?? 0;
    if (parents === 0) continue;
    notes.push(
      `${parents} ${companion.parent.split("/").pop()} and no ${companion.noun} in the input: ` +
        `ARG's resources table lacks them; give the file of their az rest GETs (…/${companion.path}?api-version=${companion.apiVersion}), ` +
        `or read the findings about ${companion.noun} as unconfirmed`,
    );
    if (type === zoneGroupType) notes.push(...recordedEndpoints(exported));
  }
  return notes;
}

const zoneGroupType = "microsoft.network/privateendpoints/privatednszonegroups";

/**
 * Without the zone groups, what `dnsresources` says: endpoints whose IP (`customDnsConfigs`, or their NIC's
 * private IP) an A record in a private zone holds. The record is there, but it does not say a zone group keeps
 * it — a record written by hand or by a script stays when the endpoint's IP changes or the endpoint goes — so no
 * zone group is inferred from it: the zone-group findings stay unconfirmed, and the note says which zones hold
 * the endpoints' records.
 */
function recordedEndpoints(exported: ArgExport): string[] {
  if (exported.aRecordIps.size === 0) return [];
  const nicIps = new Map<string, string[]>();
  for (const row of exported.rows.values())
    if (row.type === "microsoft.network/networkinterfaces")
      nicIps.set(armIdKey(row.id), ipsOf(row.properties.ipConfigurations, "privateIPAddress"));
  let recorded = 0;
  const zones = new Set<string>();
  for (const row of exported.rows.values()) {
    if (row.type !== "microsoft.network/privateendpoints") continue;
    const nics = Array.isArray(row.properties.networkInterfaces) ? row.properties.networkInterfaces : [];
    const ips = [
      ...ipsOf(row.properties.customDnsConfigs, "ipAddresses"),
      ...nics.flatMap((n) =>
        isObject(n) && typeof n.id === "string" ? (nicIps.get(armIdKey(n.id)) ?? []) : [],
      ),
    ];
    const found = ips.flatMap((ip) => [...(exported.aRecordIps.get(ip) ?? [])]);
    if (found.length === 0) continue;
    recorded++;
    for (const zone of found) zones.add(zone);
  }
  if (recorded === 0) return [];
  return [
    `${recorded} private endpoints have A records in private DNS zones (${[...zones].sort().join(", ")}) holding their IPs ` +
      `(dnsresources): the records exist, but whether a zone group keeps them is unknown — a record does not say who wrote it`,
  ];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** The IPs of a list of objects' `field` (a string or a list of strings), or of their own `properties`. */
function ipsOf(list: unknown, field: string): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    if (!isObject(item)) return [];
    const value = item[field] ?? (isObject(item.properties) ? item.properties[field] : undefined);
    const values = Array.isArray(value) ? value : [value];
    return values.filter((v): v is string => typeof v === "string");
  });
}
