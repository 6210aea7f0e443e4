/**
 * The topology a provided stack deploys, read from stack config. Pure: the program and the tests call
 * {@link topologyFromConfig} with any key lookup. Stack-config mistakes are reported with the config key
 * (`pulumi config set <key>`), since that is what the user edits.
 */
import * as pulumi from "@pulumi/pulumi";
import { parseArmId } from "../../policy/azure/armId";

/** One VNet's endpoint set as the stack config describes it. */
export interface VnetConfig {
  addressSpace: string;
  endpointSubnet: string;
}

export interface Topology {
  location: string;
  cloud: string;
  resourceGroupName: string;
  workspaceName: string;
  publicNetworkAccess: string;
  allowedIpRanges: string[];
  imageBuildCompute: string;
  computeVmSize: string;
  computeInstanceName?: string;
  services: VnetConfig;
  clients?: VnetConfig;
  aks?: VnetConfig & { nodeSubnet: string; nodeCount: number };
  dnsMode: string;
  /** Hub zone ids by zone name (the id's last segment). */
  hubZoneIds: Record<string, string>;
  onlineEndpoint?: { name: string; publicNetworkAccess: string };
  /** The workspace managed network; undefined when Disabled (computes in the services subnet). */
  managedNetwork?: ManagedNetworkConfig;
  /** A data factory whose managed VNet reaches the workspace through managed private endpoints. */
  dataFactoryName?: string;
  protectStatefulResources: boolean;
}

/** The workspace managed network as the stack config describes it. */
export interface ManagedNetworkConfig {
  isolationMode: string;
  /** FQDN rules: rule name → host name. */
  fqdnRules: Record<string, string>;
  firewallSku?: string;
  /** An additional storage account the stack creates, reached through a blob private endpoint rule. */
  dataStorageAccount?: string;
}

function managedNetworkOf(
  config: ConfigSource,
  clients: VnetConfig | undefined,
): ManagedNetworkConfig | undefined {
  const isolationMode = config.get("managedNetworkIsolationMode") ?? "Disabled";
  if (isolationMode === "Disabled") return undefined;
  if (!clients) {
    throw new StackConfigError(
      "managedNetworkIsolationMode: with a managed network the computes run in the managed VNet and the stack " +
        "creates no services VNet; set clientsAddressSpace and clientsEndpointSubnet for the clients' endpoints",
    );
  }
  const firewallSku = config.get("managedNetworkFirewallSku") ?? "";
  const dataStorageAccount = config.get("managedNetworkDataStorageAccount") ?? "";
  return {
    isolationMode,
    fqdnRules: config.getObject<Record<string, string>>("managedNetworkFqdnRules") ?? {},
    firewallSku: firewallSku === "" ? undefined : firewallSku,
    dataStorageAccount: dataStorageAccount === "" ? undefined : dataStorageAccount,
  };
}

/** Reads one config key, already defaulted from Pulumi.yaml by the CLI (or by the offline plan). */
export interface ConfigSource {
  get(key: string): string | undefined;
  getObject<T>(key: string): T | undefined;
  getBoolean(key: string): boolean | undefined;
  getNumber(key: string): number | undefined;
}

/** A stack value the program cannot use: reported like the SDK's config errors, as a message without a trace. */
export class StackConfigError extends pulumi.RunError {}

function optionalVnet(config: ConfigSource, prefix: "clients" | "aks"): VnetConfig | undefined {
  const addressSpace = config.get(`${prefix}AddressSpace`) ?? "";
  const endpointSubnet = config.get(`${prefix}EndpointSubnet`) ?? "";
  if (addressSpace === "" && endpointSubnet === "") return undefined;
  if (addressSpace === "" || endpointSubnet === "") {
    throw new StackConfigError(
      `${prefix}AddressSpace and ${prefix}EndpointSubnet go together: set both ` +
        `(e.g. pulumi config set ${prefix}EndpointSubnet <cidr inside ${prefix}AddressSpace>) or neither`,
    );
  }
  return { addressSpace, endpointSubnet };
}

/**
 * `hubZoneIds`: a map from zone name to the zone's ARM id, the shape of the components' `existingZoneIds`. The
 * list form of earlier versions is refused with the map it stands for, so the fix can be pasted.
 */
function hubZoneIdsOf(value: unknown): Record<string, string> {
  if (value === undefined) return {};
  if (Array.isArray(value)) {
    const asMap = value
      .map((id) => `    ${parseArmId(String(id))?.name ?? "<zone name>"}: ${String(id)}`)
      .join("\n");
    throw new StackConfigError(
      "hubZoneIds is a map from zone name to the zone's ARM id (as existingZoneIds of the components), not a " +
        `list; write it as:\n  azureml-isolated:hubZoneIds:\n${asMap}`,
    );
  }
  if (typeof value !== "object" || value === null)
    throw new StackConfigError("hubZoneIds is a map from zone name to the zone's ARM id");
  for (const [zone, id] of Object.entries(value)) {
    const parsed = typeof id === "string" ? parseArmId(id) : undefined;
    if (!parsed || parsed.type.toLowerCase() !== "microsoft.network/privatednszones") {
      throw new StackConfigError(
        `hubZoneIds.${zone}: ${JSON.stringify(id)} is not the ARM id of a private DNS zone ` +
          `(/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/privateDnsZones/<zone name>)`,
      );
    }
    if (parsed.name.toLowerCase() !== zone.toLowerCase())
      throw new StackConfigError(
        `hubZoneIds.${zone}: the id names zone ${parsed.name}; key each id by its zone`,
      );
  }
  return value as Record<string, string>;
}

export function topologyFromConfig(config: ConfigSource): Topology {
  const workspaceName = config.get("workspaceName") ?? "mlw-isolated";
  const aks = optionalVnet(config, "aks");
  const aksNodeSubnet = config.get("aksNodeSubnet") ?? "";
  if (aks && aksNodeSubnet === "") {
    throw new StackConfigError("aksNodeSubnet: the AKS VNet needs a node subnet inside aksAddressSpace");
  }
  const onlineEndpointName = config.get("onlineEndpointName") ?? "";
  const computeInstanceName = config.get("computeInstanceName") ?? "";
  const dataFactoryName = config.get("dataFactoryName") ?? "";
  const clients = optionalVnet(config, "clients");
  return {
    location: config.get("location") ?? "westeurope",
    cloud: config.get("cloud") ?? "AzureCloud",
    resourceGroupName: config.get("resourceGroupName") || `rg-${workspaceName}`,
    workspaceName,
    publicNetworkAccess: config.get("publicNetworkAccess") ?? "Disabled",
    allowedIpRanges: config.getObject<string[]>("allowedIpRanges") ?? [],
    imageBuildCompute: config.get("imageBuildCompute") ?? "cpu-cluster",
    computeVmSize: config.get("computeVmSize") ?? "Standard_DS3_v2",
    computeInstanceName: computeInstanceName === "" ? undefined : computeInstanceName,
    services: {
      addressSpace: config.get("servicesAddressSpace") ?? "10.10.0.0/16",
      endpointSubnet: config.get("servicesEndpointSubnet") ?? "10.10.1.0/24",
    },
    clients,
    managedNetwork: managedNetworkOf(config, clients),
    aks: aks && { ...aks, nodeSubnet: aksNodeSubnet, nodeCount: config.getNumber("aksNodeCount") ?? 3 },
    dnsMode: config.get("dnsMode") ?? "OwnZones",
    hubZoneIds: hubZoneIdsOf(config.getObject<unknown>("hubZoneIds")),
    onlineEndpoint:
      onlineEndpointName === ""
        ? undefined
        : {
            name: onlineEndpointName,
            publicNetworkAccess: config.get("onlineEndpointPublicNetworkAccess") ?? "Disabled",
          },
    dataFactoryName: dataFactoryName === "" ? undefined : dataFactoryName,
    protectStatefulResources: config.getBoolean("protectStatefulResources") ?? true,
  };
}
