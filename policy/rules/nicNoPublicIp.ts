/**
 * Azure Policy's "Network interfaces should not have public IPs" (83a86a26, Deny): no IP configuration of
 * a network interface names a public IP address. Mandatory, as the built-in only denies.
 */
import { builtInQuote, builtInTags } from "../azure/builtins";
import { benchmark } from "../pack/benchmark";
import { inputName } from "../model/settingInputs";
import { message } from "../pack/message";
import type { StackRule } from "../pack/rule";

const builtInId = "83a86a26-fd1f-447c-b59d-e51f44264114";

export const nicNoPublicIp: StackRule<object> = {
  name: "nic-no-public-ip",
  description: "A network interface should not have a public IP address.",
  enforcementLevel: "mandatory",
  configSchema: { properties: {} },
  defaults: {},
  severity: "high",
  framework: benchmark("NS-2"),
  remediationSteps:
    "Remove `publicIPAddress` from every entry of `ipConfigurations` of the `azure-native:network:NetworkInterface`; reach the VM through Azure Bastion or a private network, and give it egress through a NAT gateway or firewall. For ML compute, use `PrivateCompute` (no public IP, in the services subnet or the workspace managed network) rather than VMs of your own.",
  url: "https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-addresses",
  tags: ["network-isolation", ...builtInTags(builtInId)],
  check: (model) =>
    model.networkInterfaces
      .filter((nic) => nic.hasPublicIp === true)
      .map((nic) => ({
        urn: nic.urn,
        message: message({
          subject: nic.label,
          problem: "has a public IP address on an IP configuration",
          quote: builtInQuote(builtInId),
          fix: `remove ${inputName(nic.token, "ipConfigurations.publicIPAddress")} from its IP configurations and reach it privately (Bastion, VPN, peering)`,
        }),
      })),
};
