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
import * as pulumi from "@pulumi/pulumi";
import { IsolationModes, type ManagedNetworkArgs } from "./managedNetworkArgs";
import { ruleKinds, type RuleMap } from "./managedNetworkProblems";

/** One outbound rule as ARM takes it; the destination's values stay Inputs. */
export interface ArmOutboundRule {
  type: string;
  category: "UserDefined";
  destination: unknown;
}

/** The `managedNetwork` of WorkspaceProperties (the fields this component sends). */
export interface ArmManagedNetwork {
  isolationMode: IsolationModes;
  outboundRules: Record<string, ArmOutboundRule>;
  firewallSku?: pulumi.Input<string>;
}

/** The part of the workspace's `properties` the managed network decides; empty when Disabled. */
export interface ManagedNetworkBody {
  managedNetwork?: pulumi.Input<ArmManagedNetwork | undefined>;
  provisionNetworkNow?: pulumi.Input<boolean | undefined>;
}

/** Each rule map's destination as ARM takes it. */
const destinationOf: { [K in RuleMap]: (rule: Record<string, pulumi.Input<unknown>>) => unknown } = {
  privateEndpointRules: (r) => ({
    serviceResourceId: r.serviceResourceId,
    subresourceTarget: r.subresourceTarget,
    sparkEnabled: r.sparkEnabled ?? false,
  }),
  fqdnRules: (r) => pulumi.output(r.destination as pulumi.Input<string>).apply((d) => d.toLowerCase()),
  serviceTagRules: (r) => ({
    serviceTag: r.serviceTag,
    addressPrefixes: r.addressPrefixes,
    protocol: r.protocol,
    portRanges: r.portRanges,
    action: r.action ?? "Allow",
  }),
};

/** The body for a known mode. */
interface BodyForMode {
  managedNetwork?: ArmManagedNetwork;
  provisionNetworkNow?: pulumi.Input<boolean>;
}

/** The body for a given mode; rules in name order so the body is the same on every run. */
function bodyFor(mode: IsolationModes, args: ManagedNetworkArgs): BodyForMode {
  if (mode === IsolationModes.Disabled) return {};
  const outboundRules: Record<string, ArmOutboundRule> = {};
  for (const map of Object.keys(ruleKinds) as RuleMap[]) {
    const rules = (args[map] ?? {}) as unknown as Record<string, Record<string, pulumi.Input<unknown>>>;
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

/**
 * The body of the arguments as given: an Output-valued leaf (a rule's target created in the same program) stays
 * unknown on its own at preview, so the mode and the other rules stay readable to policies.
 */
export function managedNetworkBody(args: ManagedNetworkArgs | undefined): ManagedNetworkBody {
  const mode = args?.isolationMode ?? IsolationModes.Disabled;
  if (!args || typeof mode === "string") return args ? bodyFor(mode as IsolationModes, args) : {};
  const body = pulumi.output(mode).apply((m) => bodyFor(m, args));
  return {
    managedNetwork: body.apply((b) => b.managedNetwork),
    provisionNetworkNow: pulumi
      .all([mode, args.provisionAtCreation])
      .apply(([m, p]) => (m === IsolationModes.Disabled ? undefined : (p ?? true))),
  };
}
