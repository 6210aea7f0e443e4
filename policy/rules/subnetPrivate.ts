/**
 * Azure Policy's "Subnets should be private" (7bca8353): every subnet, a resource of its own or inline in
 * its VNet, sets defaultOutboundAccess false, so nothing in it reaches the internet through Azure's
 * implicit default outbound address. Inline subnets are reported on their VNet.
 */
import { builtInQuote, builtInTags } from "../azure/builtins";
import { benchmark } from "../pack/benchmark";
import { describeSetting } from "../model/settingInputs";
import { message } from "../pack/message";
import type { StackRule } from "../pack/rule";

const builtInId = "7bca8353-aa3b-429b-904a-9229c4385837";

export const subnetPrivate: StackRule<object> = {
  name: "subnet-private",
  description:
    "A subnet should be private (defaultOutboundAccess: false); outbound goes through an explicit egress.",
  enforcementLevel: "advisory",
  configSchema: { properties: {} },
  defaults: {},
  severity: "medium",
  framework: benchmark("NS-2"),
  remediationSteps:
    "Set `defaultOutboundAccess: false` on the `azure-native:network:Subnet` (or on each of a `VirtualNetwork`'s inline `subnets`). Computes without public IPs then need an explicit egress: a NAT gateway, or a firewall through a route table, on the subnet. `WorkspaceNetwork`'s endpoint subnets hold only private endpoints, which need no outbound access.",
  url: "https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access",
  tags: ["network-isolation", ...builtInTags(builtInId)],
  check: (model) =>
    [...model.subnets.values()].flatMap((subnet) => {
      const access = subnet.defaultOutboundAccess;
      if (access === false || (access !== undefined && access !== true)) return [];
      return [
        {
          urn: subnet.urn,
          message: message({
            subject: subnet.label,
            problem: `has defaultOutboundAccess ${access === undefined ? "omitted (Azure treats it as true)" : "true"}`,
            quote: builtInQuote(builtInId),
            fix: `set ${describeSetting(subnet.token, "defaultOutboundAccess", false)} and give the subnet an explicit egress (NAT gateway or firewall) if anything in it needs the internet`,
          }),
        },
      ];
    }),
};
