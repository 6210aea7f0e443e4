/** The A records a custom DNS server needs, from private endpoints' DNS configs. */

/** One record: a name and the private addresses it resolves to. */
export interface DnsRecord {
  fqdn: string;
  ipAddresses: string[];
}

/** An endpoint's `customDnsConfigs` entry, as Azure returns it. */
export interface CustomDnsConfig {
  fqdn?: string;
  ipAddresses?: string[];
}

/**
 * Records from the DNS configs of several endpoints, sorted by name. A name listed twice (two endpoints
 * of one target) is an error: one of the two would silently win in any zone.
 */
export function dnsRecordsOf(configs: readonly (readonly CustomDnsConfig[] | undefined)[]): DnsRecord[] {
  const byName = new Map<string, DnsRecord>();
  for (const config of configs.flatMap((c) => c ?? [])) {
    if (!config.fqdn) continue;
    const fqdn = config.fqdn.toLowerCase();
    if (byName.has(fqdn))
      throw new Error(`two private endpoints register ${fqdn}; each target needs one endpoint per VNet`);
    byName.set(fqdn, { fqdn, ipAddresses: [...(config.ipAddresses ?? [])] });
  }
  return [...byName.values()].sort((a, b) => a.fqdn.localeCompare(b.fqdn));
}
