/**
 * ARM ids of the egress resources the components give a subnet: NAT gateways, their public IPs and route
 * tables (Microsoft.Network, under the resource group). Kept apart from fakeAzure's main table, which other
 * work extends too.
 */
import type { IdShape } from "./fakeAzure";

export const egressIdShapes: Record<string, IdShape> = {
  "network:NatGateway": { provider: "Microsoft.Network", segments: [["natGateways", "natGatewayName"]] },
  "network:PublicIPAddress": {
    provider: "Microsoft.Network",
    segments: [["publicIPAddresses", "publicIpAddressName"]],
  },
  "network:RouteTable": { provider: "Microsoft.Network", segments: [["routeTables", "routeTableName"]] },
};
