/** Parts of the plain NetworkGraph inputs the tests on the resolution and reachability core build on. */
import type { DnsHost, GraphPeering } from "../../policy/model/networkGraph";

/** A peering `from` → `to` allowing access; `settings` override any of its fields. */
export function peering(from: string, to: string, settings: Partial<GraphPeering> = {}): GraphPeering {
  return {
    key: `${from}->${to}`,
    label: `peering ${from}->${to}`,
    from,
    to,
    allowVirtualNetworkAccess: true,
    ...settings,
  };
}

/** The hub's private resolver inbound endpoint, 10.0.4.4. */
export const resolverInbound: DnsHost = {
  key: "inbound",
  label: "resolver inbound endpoint 'inbound'",
  kind: "resolverInbound",
  ip: "10.0.4.4",
  vnet: "hub",
};
