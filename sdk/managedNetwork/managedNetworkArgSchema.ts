/**
 * The managed network argument as kinds: the JSON shape of every field first (any shape can arrive from
 * YAML, Python, Go or .NET), then {@link managedNetworkProblems} for the forms and the rules across fields
 * (modes per rule type, supported targets, ports, storage hosts, rule names, the firewall).
 */
import { bool, freeText, listOf, mapOf, type ArgKind } from "../validation/argKinds";
import { objectOf, schemaProblems, type ArgSchema } from "../validation/argSchema";
import type {
  FqdnRuleArgs,
  ManagedNetworkArgs,
  PrivateEndpointRuleArgs,
  ServiceTagRuleArgs,
} from "./managedNetworkArgs";
import { managedNetworkProblems } from "./managedNetworkProblems";

const text = (expected: string) => freeText(expected);

const privateEndpointRuleSchema: ArgSchema<PrivateEndpointRuleArgs> = {
  serviceResourceId: { kind: text("the ARM id of the rule's target"), required: true },
  subresourceTarget: { kind: text('the target\'s sub-resource, e.g. "blob"'), required: true },
  sparkEnabled: { kind: bool },
};

const fqdnRuleSchema: ArgSchema<FqdnRuleArgs> = {
  destination: { kind: text('a host name such as "pypi.org"'), required: true },
};

const serviceTagRuleSchema: ArgSchema<ServiceTagRuleArgs> = {
  serviceTag: { kind: text('a service tag such as "DataFactory"') },
  addressPrefixes: { kind: listOf(text("a public IPv4 address or CIDR range")) },
  protocol: { kind: text('"TCP", "UDP", "ICMP" or "*"'), required: true },
  portRanges: { kind: text('ports or ranges such as "443" or "80, 8080-8089"'), required: true },
  action: { kind: text('"Allow" or "Deny"') },
};

export const managedNetworkArgSchema: ArgSchema<ManagedNetworkArgs> = {
  isolationMode: { kind: text('"Disabled", "AllowInternetOutbound" or "AllowOnlyApprovedOutbound"') },
  privateEndpointRules: { kind: mapOf(objectOf(privateEndpointRuleSchema, "a private endpoint rule")) },
  fqdnRules: { kind: mapOf(objectOf(fqdnRuleSchema, "an FQDN rule")) },
  serviceTagRules: { kind: mapOf(objectOf(serviceTagRuleSchema, "a service tag rule")) },
  firewallSku: { kind: text('"Standard" or "Basic"') },
  provisionAtCreation: { kind: bool },
};

/** The `managedNetwork` argument: well-shaped fields first, then what they must say together. */
export const managedNetworkKind: ArgKind = {
  expected: "a managed network (isolationMode, rule maps, firewallSku, provisionAtCreation)",
  problems(propertyPath, value) {
    const shape = schemaProblems(managedNetworkArgSchema, value, { prefix: propertyPath });
    return shape.length > 0 ? shape : managedNetworkProblems(value as ManagedNetworkArgs, propertyPath);
  },
  inner: (key) => (managedNetworkArgSchema as Record<string, { kind: ArgKind } | undefined>)[key]?.kind,
};
