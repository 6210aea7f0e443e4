/**
 * Validation of {@link ManagedNetworkArgs}: one pure function over the argument as given, skipping values still
 * inside an Output or a Promise, so the constructor checks what it can see and the same function checks the
 * whole argument again once it resolves. Facts are tables (modes, rule types per mode, private endpoint targets,
 * storage host names), not branches, so the typed validators of the SDK can take them over.
 */
import { parseArmId } from "../../policy/azure/armId";
import { ipRuleProblem } from "../../policy/azure/ipRules";
import { allClouds, privateDnsZones, storageGroupIds } from "../../policy/azure/clouds";
import { shown, type ArgProblem } from "../validation/argProblem";
import { isDeferred } from "../validation/plainValues";
import {
  FirewallSkus,
  IsolationModes,
  type FqdnRuleArgs,
  type ManagedNetworkArgs,
  type PrivateEndpointRuleArgs,
  type ServiceTagRuleArgs,
} from "./managedNetworkArgs";

/** How open each mode is: Azure only lets a workspace move to a higher rank ([MN] "can't be reconfigured"). */
export const isolationModeRank: Readonly<Record<IsolationModes, number>> = {
  Disabled: 0,
  AllowInternetOutbound: 1,
  AllowOnlyApprovedOutbound: 2,
};

export function isIsolationMode(value: unknown): value is IsolationModes {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(isolationModeRank, value);
}

/** The rule maps, the ARM rule type each sends, and the modes that take it ([MN] §Limitations). */
export const ruleKinds = {
  privateEndpointRules: {
    armType: "PrivateEndpoint",
    modes: [IsolationModes.AllowInternetOutbound, IsolationModes.AllowOnlyApprovedOutbound],
  },
  fqdnRules: { armType: "FQDN", modes: [IsolationModes.AllowOnlyApprovedOutbound] },
  serviceTagRules: { armType: "ServiceTag", modes: [IsolationModes.AllowOnlyApprovedOutbound] },
} as const satisfies Record<string, { armType: string; modes: readonly IsolationModes[] }>;
export type RuleMap = keyof typeof ruleKinds;

/** ARM's pattern for an outbound rule name (parameter `RuleName` of workspaceRP.json, 2025-10-01-preview). */
export const outboundRuleNamePattern = /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/;

/**
 * Private endpoint targets the managed network supports ([MN] §Private endpoints) and the sub-resources
 * (private-link group ids) each offers, by lower-cased ARM type.
 */
export const privateEndpointTargets: Readonly<Record<string, readonly string[]>> = {
  "microsoft.machinelearningservices/workspaces": ["amlworkspace"],
  "microsoft.machinelearningservices/registries": ["amlregistry"],
  "microsoft.storage/storageaccounts": ["blob", "file", "queue", "table", "dfs", "web"],
  "microsoft.containerregistry/registries": ["registry"],
  "microsoft.keyvault/vaults": ["vault"],
  "microsoft.cognitiveservices/accounts": ["account"],
  "microsoft.search/searchservices": ["searchService"],
  "microsoft.sql/servers": ["sqlServer"],
  "microsoft.datafactory/factories": ["dataFactory"],
  "microsoft.documentdb/databaseaccounts": ["Sql", "MongoDB", "Cassandra", "Gremlin", "Table"],
  "microsoft.eventhub/namespaces": ["namespace"],
  "microsoft.cache/redis": ["redisCache"],
  "microsoft.databricks/workspaces": ["databricks_ui_api"],
  "microsoft.dbformariadb/servers": ["mariadbServer"],
  "microsoft.dbforpostgresql/servers": ["postgresqlServer"],
  "microsoft.dbforpostgresql/flexibleservers": ["postgresqlServer"],
  "microsoft.dbformysql/servers": ["mysqlServer"],
  "microsoft.dbformysql/flexibleservers": ["mysqlServer"],
  "microsoft.apimanagement/service": ["Gateway"],
  "microsoft.insights/privatelinkscopes": ["azuremonitor"],
};

/** Public storage host suffixes in every cloud (from the private zones: "privatelink.blob.core..." → "blob.core..."). */
const storageHostSuffixes: readonly string[] = allClouds.flatMap((cloud) =>
  storageGroupIds.flatMap((g) => privateDnsZones[cloud][g].map((zone) => zone.replace(/^privatelink\./, ""))),
);

/** The ports an FQDN rule allows ([MN] §Limitations: "FQDN outbound rules only support ports 80 and 443"). */
const fqdnPorts = ["80", "443"];
const hostNamePattern = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const serviceTagProtocols = ["TCP", "UDP", "ICMP", "*"];
const ruleActions = ["Allow", "Deny"];
const portRangesPattern = /^\s*(\*|\d{1,5}(-\d{1,5})?(\s*,\s*\d{1,5}(-\d{1,5})?)*)\s*$/;

/** A value validation can see now; undefined when absent or still deferred. */
function plain<T>(value: T | undefined): T | undefined {
  return isDeferred(value) ? undefined : value;
}

type Check<R> = (path: string, rule: R, mode: IsolationModes | undefined) => ArgProblem[];

function privateEndpointRuleProblems(path: string, rule: PrivateEndpointRuleArgs): ArgProblem[] {
  const id = plain(rule.serviceResourceId) as string | undefined;
  const sub = plain(rule.subresourceTarget) as string | undefined;
  if (id === undefined) return [];
  const parsed = parseArmId(id);
  const supported = parsed ? privateEndpointTargets[parsed.type.toLowerCase()] : undefined;
  if (!supported) {
    return [
      {
        propertyPath: `${path}.serviceResourceId`,
        reason:
          `${shown(id)} is ${parsed ? `the id of a ${parsed.type}, which` : "not an ARM resource id; it"} is not a ` +
          `private endpoint target the managed network supports; give the ARM id of a supported resource (storage ` +
          `account, key vault, container registry, workspace, registry, AI Search, SQL, Cosmos DB...), ` +
          `e.g. /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Storage/storageAccounts/<name>`,
      },
    ];
  }
  if (sub !== undefined && !supported.includes(sub)) {
    return [
      {
        propertyPath: `${path}.subresourceTarget`,
        reason: `${shown(sub)} is not a sub-resource of a ${parsed!.type}; use one of ${supported.join(", ")}`,
      },
    ];
  }
  return [];
}

function fqdnRuleProblems(path: string, rule: FqdnRuleArgs): ArgProblem[] {
  const destination = plain(rule.destination) as string | undefined;
  if (destination === undefined) return [];
  const propertyPath = `${path}.destination`;
  const [host, port] = destination.trim().split(":");
  if (port !== undefined && !/\//.test(destination)) {
    return [
      {
        propertyPath,
        reason: fqdnPorts.includes(port)
          ? `${shown(destination)} names a port; FQDN rules always cover ports 80 and 443, give the host name only (${shown(host)})`
          : `${shown(destination)} names port ${port}; FQDN rules of a managed network allow only ports 80 and 443: ` +
            `use a service tag rule with addressPrefixes for other ports`,
      },
    ];
  }
  if (!hostNamePattern.test(destination)) {
    return [
      {
        propertyPath,
        reason:
          `${shown(destination)} is not a host name; give a name such as "pypi.org" or "*.anaconda.com" ` +
          `(no scheme, path or port)`,
      },
    ];
  }
  const lower = destination.toLowerCase();
  const storage = storageHostSuffixes.find((s) => lower === s || lower.endsWith(`.${s}`));
  if (storage) {
    return [
      {
        propertyPath,
        reason:
          `${shown(destination)} is an Azure Storage endpoint; in AllowOnlyApprovedOutbound storage is reached only ` +
          `through a private endpoint: add a privateEndpointRules entry with the account's ARM id and sub-resource ` +
          `"${storage.split(".")[0]}" instead`,
      },
    ];
  }
  return [];
}

function serviceTagRuleProblems(path: string, rule: ServiceTagRuleArgs): ArgProblem[] {
  const problems: ArgProblem[] = [];
  const tag = plain(rule.serviceTag) as string | undefined;
  const prefixes = plain(rule.addressPrefixes) as string[] | undefined;
  const protocol = plain(rule.protocol) as string | undefined;
  const ports = plain(rule.portRanges) as string | undefined;
  const action = plain(rule.action) as string | undefined;
  if (!isDeferred(rule.serviceTag) && !isDeferred(rule.addressPrefixes) && !tag && !prefixes?.length) {
    problems.push({
      propertyPath: `${path}.serviceTag`,
      reason: `is required; give a service tag (e.g. "DataFactory") or addressPrefixes`,
    });
  }
  prefixes?.forEach((prefix, i) => {
    const reason = isDeferred(prefix) ? undefined : ipRuleProblem(prefix);
    if (reason)
      problems.push({
        propertyPath: `${path}.addressPrefixes[${i}]`,
        reason: `${shown(prefix)} is not allowed: ${reason}`,
      });
  });
  if (protocol !== undefined && !serviceTagProtocols.includes(protocol)) {
    problems.push({
      propertyPath: `${path}.protocol`,
      reason: `${shown(protocol)} is not a protocol; use one of ${serviceTagProtocols.join(", ")}`,
    });
  }
  const badPort = ports
    ?.split(/[,-]/)
    .find((p) => p.trim() !== "*" && !(Number(p) >= 1 && Number(p) <= 65535));
  if (ports !== undefined && (!portRangesPattern.test(ports) || badPort !== undefined)) {
    problems.push({
      propertyPath: `${path}.portRanges`,
      reason: `${shown(ports)} is not a port list; give ports or ranges from 1 to 65535, comma separated (e.g. "80, 8080-8089"), or "*"`,
    });
  }
  if (action !== undefined && !ruleActions.includes(action)) {
    problems.push({
      propertyPath: `${path}.action`,
      reason: `${shown(action)} is not an action; use "Allow" or "Deny"`,
    });
  }
  return problems;
}

const ruleChecks: { [K in RuleMap]: Check<NonNullable<ManagedNetworkArgs[K]>[string]> } = {
  privateEndpointRules: privateEndpointRuleProblems,
  fqdnRules: fqdnRuleProblems,
  serviceTagRules: serviceTagRuleProblems,
};

/** Every problem of the managed network argument that is visible now. */
export function managedNetworkProblems(
  managedNetwork: ManagedNetworkArgs | undefined,
  propertyPath = "managedNetwork",
): ArgProblem[] {
  if (managedNetwork === undefined || isDeferred(managedNetwork)) return [];
  const problems: ArgProblem[] = [];
  const rawMode = managedNetwork.isolationMode;
  const mode = isDeferred(rawMode) ? undefined : ((rawMode as string | undefined) ?? IsolationModes.Disabled);
  if (mode !== undefined && !isIsolationMode(mode)) {
    problems.push({
      propertyPath: `${propertyPath}.isolationMode`,
      reason: `${shown(mode)} is not an isolation mode; use one of ${Object.keys(isolationModeRank).join(", ")}`,
    });
  }
  const knownMode = isIsolationMode(mode) ? mode : undefined;
  const seen = new Map<string, string>();
  for (const map of Object.keys(ruleKinds) as RuleMap[]) {
    const rules = managedNetwork[map] ?? {};
    const names = Object.keys(rules);
    const allowed: readonly string[] = ruleKinds[map].modes;
    if (names.length > 0 && knownMode !== undefined && !allowed.includes(knownMode)) {
      problems.push({
        propertyPath: `${propertyPath}.${map}`,
        reason:
          `${shown(names)} given but isolationMode is "${knownMode}", which takes no ${ruleKinds[map].armType} rules; ` +
          `set isolationMode to ${allowed.map((m) => `"${m}"`).join(" or ")} or remove them`,
      });
    }
    for (const name of names) {
      const path = `${propertyPath}.${map}.${name}`;
      if (!outboundRuleNamePattern.test(name)) {
        problems.push({
          propertyPath: path,
          reason:
            `${shown(name)} is not a rule name Azure accepts; use 3 to 33 letters, digits, '_' and '-', starting ` +
            `with a letter or digit (${outboundRuleNamePattern.source})`,
        });
      }
      const other = seen.get(name.toLowerCase());
      if (other) {
        problems.push({
          propertyPath: path,
          reason: `${shown(name)} is also a rule in ${other}; Azure keeps all rules in one map, so give each a distinct name`,
        });
      }
      seen.set(name.toLowerCase(), map);
      const check = ruleChecks[map] as Check<unknown>;
      problems.push(...check(path, rules[name], knownMode));
    }
  }
  const sku = plain(managedNetwork.firewallSku) as string | undefined;
  if (sku !== undefined && !Object.prototype.hasOwnProperty.call(FirewallSkus, sku)) {
    problems.push({
      propertyPath: `${propertyPath}.firewallSku`,
      reason: `${shown(sku)} is not a firewall SKU; use "Standard" or "Basic" (Premium is not offered)`,
    });
  } else if (sku !== undefined && Object.keys(managedNetwork.fqdnRules ?? {}).length === 0) {
    problems.push({
      propertyPath: `${propertyPath}.firewallSku`,
      reason:
        `${shown(sku)} is given but there are no fqdnRules; Azure creates the firewall only for FQDN rules, ` +
        `so add an FQDN rule or remove firewallSku`,
    });
  }
  return problems;
}

/**
 * Why moving the live workspace from `live` to `desired` fails: Azure refuses a more open mode or Disabled once
 * a managed network is on ([MN] "can't be reconfigured"), and refuses it mid-update.
 */
export function isolationModeChangeProblems(
  live: string | undefined,
  desired: IsolationModes,
  propertyPath = "managedNetwork.isolationMode",
): ArgProblem[] {
  if (!isIsolationMode(live) || isolationModeRank[desired] >= isolationModeRank[live]) return [];
  return [
    {
      propertyPath,
      reason:
        `"${desired}" would move the live workspace back from "${live}"; Azure cannot disable a managed network ` +
        `or make it more open, so keep isolationMode "${live}" (or recreate the workspace)`,
    },
  ];
}
