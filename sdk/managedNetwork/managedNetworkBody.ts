/**
 * The ARM body fragment of a workspace managed network, checked against the REST spec of the version the
 * workspace sends (workspaceRP.json, 2025-10-01-preview: `WorkspaceProperties.managedNetwork` is a
 * `ManagedNetworkSettings` {isolationMode, outboundRules, firewallSku}; `outboundRules` maps a rule name to an
 * `OutboundRule` discriminated by `type`: `FqdnOutboundRule.destination` is a string,
 * `PrivateEndpointOutboundRule.destination` a `PrivateEndpointDestination` {serviceResourceId,
 * subresourceTarget, sparkEnabled}, `ServiceTagOutboundRule.destination` a `ServiceTagDestination` {serviceTag,
 * addressPrefixes, protocol, portRanges, action}; `provisionNetworkNow` is a boolean of WorkspaceProperties).
 *
 * The user's rules go inline, in the one workspace PUT, never as separate `outboundRules` child resources:
 * one request carries the whole user rule set, so rules cannot race and delete one another (concurrent child
 * PUTs do: Azure/terraform-provider-azapi#453), and the body holds only what the user wrote, so Azure's own
 * Required rules in the read-back never enter the program's inputs. Disabled sends nothing: the body of a
 * workspace without a managed network stays what it was before this argument existed.
 */
import type * as pulumi from "@pulumi/pulumi";
import { IsolationModes, type ManagedNetworkArgs } from "./managedNetworkArgs";
import { ruleKinds, type RuleMap } from "./managedNetworkProblems";

/** The argument with every Input resolved. */
export type ResolvedManagedNetwork = pulumi.Unwrap<ManagedNetworkArgs>;

/** One outbound rule as ARM takes it. */
export interface ArmOutboundRule {
  type: string;
  category: "UserDefined";
  destination: unknown;
}

/** The `managedNetwork` of WorkspaceProperties (the fields this component sends). */
export interface ArmManagedNetwork {
  isolationMode: IsolationModes;
  outboundRules: Record<string, ArmOutboundRule>;
  firewallSku?: string;
}

/** The part of the workspace's `properties` the managed network decides; empty when Disabled. */
export interface ManagedNetworkBody {
  managedNetwork?: ArmManagedNetwork;
  provisionNetworkNow?: boolean;
}

/** Each rule map's destination as ARM takes it. */
const destinationOf: { [K in RuleMap]: (rule: Record<string, unknown>) => unknown } = {
  privateEndpointRules: (r) => ({
    serviceResourceId: r.serviceResourceId,
    subresourceTarget: r.subresourceTarget,
    sparkEnabled: r.sparkEnabled ?? false,
  }),
  fqdnRules: (r) => String(r.destination).toLowerCase(),
  serviceTagRules: (r) => ({
    ...(r.serviceTag === undefined ? {} : { serviceTag: r.serviceTag }),
    ...(r.addressPrefixes === undefined ? {} : { addressPrefixes: r.addressPrefixes }),
    protocol: r.protocol,
    portRanges: r.portRanges,
    action: r.action ?? "Allow",
  }),
};

/** The body for valid, resolved arguments; rules in name order so the body is the same on every run. */
export function managedNetworkBody(args: ResolvedManagedNetwork | undefined): ManagedNetworkBody {
  const mode = args?.isolationMode ?? IsolationModes.Disabled;
  if (!args || mode === IsolationModes.Disabled) return {};
  const outboundRules: Record<string, ArmOutboundRule> = {};
  for (const map of Object.keys(ruleKinds) as RuleMap[]) {
    const rules = (args[map] ?? {}) as Record<string, Record<string, unknown>>;
    for (const name of Object.keys(rules).sort()) {
      outboundRules[name] = {
        type: ruleKinds[map].armType,
        category: "UserDefined",
        destination: destinationOf[map](rules[name]),
      };
    }
  }
  return {
    managedNetwork: {
      isolationMode: mode,
      outboundRules,
      ...(args.firewallSku === undefined ? {} : { firewallSku: args.firewallSku }),
    },
    provisionNetworkNow: args.provisionAtCreation ?? true,
  };
}
