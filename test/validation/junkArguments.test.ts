/**
 * Property-based tests of every component argument, as callers in YAML, Python, Go or .NET can send it: junk
 * of every JSON shape is refused with one structured error naming that argument before anything is
 * registered (or, inside an Output, with a ResourceError when it resolves), and generated valid arguments are
 * accepted and plan. The junk of each argument is declared here, independently of the components' kinds, from
 * Azure's rules (name patterns, the region table, ARM id shapes).
 *
 * Fixed seed, few runs: the suite has a two-minute budget. Set FC_SEED to explore other seeds locally.
 */
import { expect } from "chai";
import fc from "fast-check";
import { contosoHub } from "../hubSpoke/programs/platformSpoke";
import * as pulumi from "@pulumi/pulumi";
import { ArmTypes, isArmIdOfType } from "../../policy/azure/armId";
import { parseCidr } from "../../policy/azure/cidr";
import { type AzureCloud, allClouds } from "../../policy/azure/clouds";
import { cloudOfRegion, regions } from "../../policy/azure/locations";
import { runOnMocks, settle, startRecording } from "../../plan/mockRun";
import { fakeSubscriptionId } from "../../plan/fakeAzure";
import { SecuredWorkspace } from "../../sdk/workspace/securedWorkspace";
import { securedWorkspaceArgSchema } from "../../sdk/workspace/securedWorkspaceArgProblems";
import { PrivateEndpointSet, privateEndpointSetArgSchema } from "../../sdk/endpoints/privateEndpointSet";
import { WorkspaceNetwork, workspaceNetworkArgSchema } from "../../sdk/endpoints/workspaceNetwork";
import { endpointSetLayoutSchema } from "../../sdk/endpoints/endpointSetArgs";
import { PrivateCompute, privateComputeArgSchema } from "../../sdk/compute/privateCompute";
import { AttachedAksCompute, attachedAksComputeArgSchema } from "../../sdk/compute/attachedAksCompute";
import {
  DataFactoryManagedEndpoints,
  dataFactoryManagedEndpointsArgSchema,
} from "../../sdk/managedVnet/dataFactoryManagedEndpoints";
import {
  SynapseManagedEndpoints,
  synapseManagedEndpointsArgSchema,
} from "../../sdk/managedVnet/synapseManagedEndpoints";
import {
  ManagedEndpointApproval,
  managedEndpointApprovalArgSchema,
} from "../../sdk/managedVnet/managedEndpointApproval";
import { CentralPrivateDns, centralPrivateDnsArgSchema } from "../../sdk/dns/centralPrivateDns";
import { checkedWhenResolved, type ArgSchema } from "../../sdk/validation/argSchema";
import { argErrorText, withReadableArgErrors } from "../../sdk/validation/argErrorText";
import { deployTopology } from "../../stacks/program/deployTopology";
import { topologyFromConfig } from "../../stacks/program/topology";

const seed = Number(process.env.FC_SEED ?? 14);
const junkRuns = 12;
const validRuns = 2;

// ---- Junk, by what Azure accepts ----------------------------------------------------------------------

/** Every JSON shape but a string. */
const nonString = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);
const nonBoolean = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.string({ maxLength: 8 }),
  fc.array(fc.boolean(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.boolean(), { maxKeys: 2 }),
);
const nonList = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.string({ maxLength: 12 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
);
const nonObject = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.string({ maxLength: 12 }),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }),
);
/** Strings users get wrong: blank, traversal, a right-to-left override, an impossible prefix length. */
const trickyStrings = fc.oneof(
  fc.constantFrom("", " ", "\t", "x", "../../x", "10.0.0.0/99", "westeurope ", "null", "true"),
  fc.string({ maxLength: 12 }).map((s) => `ok${s}\u202Eexe`),
  fc.string({ maxLength: 40 }),
);

/** Anything that is not a string `valid` accepts. */
const stringUnless = (valid: (s: string) => boolean) =>
  fc.oneof(
    nonString,
    trickyStrings.filter((s) => !valid(s)),
  );
const namedBy = (pattern: RegExp) => stringUnless((s) => pattern.test(s));
const idOf = (...types: string[]) => stringUnless((s) => types.some((t) => isArmIdOfType(s, t)));
const enumOf = (...values: string[]) => stringUnless((s) => values.includes(s));
const integerUnless = (min: number, max: number) =>
  fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.string({ maxLength: 6 }),
    fc.array(fc.integer(), { maxLength: 2 }),
    fc.integer().filter((n) => n < min || n > max),
    fc.double({ noNaN: false }).filter((n) => !Number.isInteger(n)),
  );
const listWith = (element: fc.Arbitrary<unknown>, valid: fc.Arbitrary<unknown>) =>
  fc.oneof(
    nonList,
    element.map((e) => [e]),
    fc.tuple(valid, element).map(([v, e]) => [v, e]),
  );
const mapWith = (entry: fc.Arbitrary<unknown>, key: fc.Arbitrary<string> = fc.constant("k1")) =>
  fc.oneof(
    nonObject,
    fc.tuple(key, entry).map(([k, e]) => ({ [k]: e })),
  );

// Azure's rules, restated from its documentation rather than read from the components.
const workspaceName = /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/;
const computeName = /^[a-zA-Z][a-zA-Z0-9-]{0,22}[a-zA-Z0-9]$/;
const aksComputeName = /^[a-zA-Z][a-zA-Z0-9-]{0,14}[a-zA-Z0-9]$/;
const resourceGroupName = /^[-\w.()]{0,89}[-\w()]$/;
const dataFactoryName = /^[a-zA-Z0-9](?:[a-zA-Z0-9]|-(?!-)){1,61}[a-zA-Z0-9]$/;
const synapseName = /^(?!.*-ondemand)[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/;
const childName = /^[a-zA-Z0-9](?:[a-zA-Z0-9_.-]{0,78}[a-zA-Z0-9_])?$/;
const vmSize = /^[A-Za-z][A-Za-z0-9_]{1,63}$/;
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const region = stringUnless((s) => cloudOfRegion(s) !== undefined);
const cloud = enumOf(...allClouds);
const cidr = stringUnless((s) => parseCidr(s) !== undefined);
const boolean = nonBoolean;
const rgName = namedBy(resourceGroupName);
const ipv4 = stringUnless((s) => parseCidr(`${s}/32`) !== undefined);
/** Tags Azure refuses: not strings, keys with <>%&\?/ or longer than 512, values over 256, more than 50. */
const tagsJunk = fc.oneof(
  mapWith(nonString),
  mapWith(fc.constant("v"), fc.constantFrom("", "a/b", "<x>", "q?", "k".repeat(513))),
  mapWith(fc.constant("v".repeat(257))),
  fc.constant(Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, "v"]))),
);
const networkName = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}[a-zA-Z0-9_]$/;

// ---- Valid values ---------------------------------------------------------------------------------------

const sub = `/subscriptions/${fakeSubscriptionId}/resourceGroups`;
const lower = (min: number, max: number) =>
  fc.stringMatching(new RegExp(`^[a-z][a-z0-9]{${min - 1},${max - 1}}$`));
const validRg = fc.stringMatching(/^[a-zA-Z0-9_()-][-\w.()]{0,30}[-\w()]$/);
const validId = (type: string) =>
  fc.tuple(validRg, lower(3, 20)).map(([rg, n]) => `${sub}/${rg}/providers/${type}/${n}`);
const validSubnetId = fc
  .tuple(validRg, lower(2, 20), lower(2, 20))
  .map(([rg, v, s]) => `${sub}/${rg}/providers/Microsoft.Network/virtualNetworks/${v}/subnets/${s}`);
const validCloudRegion = fc
  .constantFrom<AzureCloud>(...allClouds)
  .chain((c) =>
    fc.record({ cloud: fc.constant(c), location: fc.constantFrom(...regions[c]) }, { noNullPrototype: true }),
  );
const validTargets = fc.record(
  {
    workspaceId: validId(ArmTypes.workspace),
    storageAccountId: validId(ArmTypes.storageAccount),
    keyVaultId: validId(ArmTypes.keyVault),
    containerRegistryId: validId(ArmTypes.containerRegistry),
    additionalStorageAccounts: fc.dictionary(lower(2, 12), validId(ArmTypes.storageAccount), {
      maxKeys: 2,
      noNullPrototype: true,
    }),
  },
  { noNullPrototype: true },
);
const validLayout = (octet: number) =>
  fc.record(
    {
      addressSpace: fc.constant([`10.${octet}.0.0/16`]),
      endpointSubnetPrefix: fc.integer({ min: 0, max: 255 }).map((b) => `10.${octet}.${b}.0/24`),
      dnsMode: fc.constantFrom("OwnZones", "None"),
      storageGroupIds: fc.subarray(["queue", "table", "dfs"]),
    },
    { noNullPrototype: true },
  );

// ---- The components --------------------------------------------------------------------------------------

const targets = {
  workspaceId: `${sub}/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw1`,
  storageAccountId: `${sub}/rg-ml/providers/Microsoft.Storage/storageAccounts/stml1`,
  keyVaultId: `${sub}/rg-ml/providers/Microsoft.KeyVault/vaults/kvml1`,
  containerRegistryId: `${sub}/rg-ml/providers/Microsoft.ContainerRegistry/registries/crml1`,
};
const targetJunk = {
  workspaceId: idOf(ArmTypes.workspace),
  storageAccountId: idOf(ArmTypes.storageAccount),
  keyVaultId: idOf(ArmTypes.keyVault),
  containerRegistryId: idOf(ArmTypes.containerRegistry),
  additionalStorageAccounts: fc.oneof(
    mapWith(idOf(ArmTypes.storageAccount)),
    mapWith(fc.constant(targets.storageAccountId), fc.constantFrom("", "a/b", "x\u202E", "-lake")),
  ),
};
const placement = { location: "westeurope", resourceGroupName: "rg-ml" };
const placementJunk = {
  workspacePrincipalId: namedBy(guid),
  location: region,
  cloud,
  resourceGroupName: rgName,
  managedNetwork: boolean,
  tags: tagsJunk,
};
const isolationModes = ["Disabled", "AllowInternetOutbound", "AllowOnlyApprovedOutbound"];
const approved = "AllowOnlyApprovedOutbound";
/** A managed network Azure refuses (how-to-managed-network's limitations, the 2025-10-01-preview schema). */
const managedNetworkJunk = fc.oneof(
  nonObject,
  enumOf(...isolationModes).map((isolationMode) => ({ isolationMode })),
  // FQDN rules: other ports, storage (needs a private endpoint rule), not a host name.
  fc
    .oneof(
      nonString,
      fc.constantFrom("pypi.org:8080", "st1.blob.core.windows.net", "https://pypi.org/simple", ""),
    )
    .map((destination) => ({ isolationMode: approved, fqdnRules: { pypi: { destination } } })),
  // FQDN and service tag rules outside AllowOnlyApprovedOutbound.
  fc.constantFrom("Disabled", "AllowInternetOutbound").map((isolationMode) => ({
    isolationMode,
    fqdnRules: { pypi: { destination: "pypi.org" } },
  })),
  fc.constantFrom("Disabled", "AllowInternetOutbound").map((isolationMode) => ({
    isolationMode,
    serviceTagRules: { adf: { serviceTag: "DataFactory", protocol: "TCP", portRanges: "443" } },
  })),
  // A private endpoint rule to something that is not a supported target.
  fc
    .oneof(nonString, fc.constantFrom(`${sub}/rg/providers/Microsoft.Web/sites/app1`, "x", "../../x"))
    .map((serviceResourceId) => ({
      isolationMode: "AllowInternetOutbound",
      privateEndpointRules: { data: { serviceResourceId, subresourceTarget: "blob" } },
    })),
  // Rule names Azure rejects.
  fc
    .constantFrom("a", "-bad", "x".repeat(40), "a b", "ok\u202E")
    .map((rule) => ({ isolationMode: approved, fqdnRules: { [rule]: { destination: "pypi.org" } } })),
  // A firewall with no FQDN rule to use it.
  fc.constant({ isolationMode: approved, firewallSku: "Standard" }),
  nonBoolean.map((provisionAtCreation) => ({ isolationMode: approved, provisionAtCreation })),
);
const layout = { addressSpace: ["10.1.0.0/24"], endpointSubnetPrefix: "10.1.0.0/27" };
const layoutJunk = {
  addressSpace: fc.oneof(fc.constant([]), listWith(cidr, fc.constant("10.1.0.0/24"))),
  endpointSubnetPrefix: cidr,
  subnetId: idOf(ArmTypes.subnet),
  dnsMode: enumOf("OwnZones", "ExistingZones", "None"),
  existingZoneIds: mapWith(idOf(ArmTypes.privateDnsZone), fc.constant("privatelink.api.azureml.ms")),
  storageGroupIds: listWith(enumOf("queue", "table", "dfs"), fc.constant("queue")),
  servicesSet: boolean,
  endpoints: listWith(
    enumOf("workspace", "storage", "vault", "registry", "additionalStorage"),
    fc.constant("workspace"),
  ),
  hubVirtualNetworkId: idOf(ArmTypes.virtualNetwork),
  // Junk, or a hub overlapping the set's 10.1.0.0/24.
  hubAddressSpace: fc.oneof(
    fc.constant([]),
    listWith(cidr, fc.constant("10.0.0.0/16")),
    fc.constant(["10.1.0.0/16"]),
  ),
  hubPeering: enumOf("BothWays", "ThisSideOnly"),
  // Not peerings, a key that cannot name a child, an entry with a remote id of another type or an unknown mode,
  // or a remote overlapping the set's 10.1.0.0/24.
  peerings: fc.oneof(
    mapWith(nonObject),
    mapWith(
      fc.constant({ remoteVirtualNetworkId: contosoHub.virtualNetworkId }),
      fc.constantFrom("", " ", "a/b", "../x", "-k", "k\u202E"),
    ),
    mapWith(idOf(ArmTypes.virtualNetwork).map((remoteVirtualNetworkId) => ({ remoteVirtualNetworkId }))),
    mapWith(
      enumOf("BothWays", "ThisSideOnly").map((peering) => ({
        remoteVirtualNetworkId: contosoHub.virtualNetworkId,
        peering,
      })),
    ),
    mapWith(
      fc.constant({
        remoteVirtualNetworkId: contosoHub.virtualNetworkId,
        remoteAddressSpace: ["10.1.0.0/16"],
      }),
    ),
  ),
  // Not a description, a malformed one, or one whose DNS server is outside its range.
  platformHub: fc.oneof(
    fc.constantFrom("hub", 42, [], null),
    fc.constant({ ...contosoHub, addressSpace: ["10.0.0.1/16"] }),
    fc.constant({ ...contosoHub, virtualNetworkId: "vnet-hub" }),
    fc.constant({ ...contosoHub, dnsServers: [{ ip: "10.9.4.4", kind: "resolverInbound" }] }),
    fc.constant({ ...contosoHub, dnsServers: [{ ip: "10.0.4.4", kind: "dns" }] }),
  ),
  dnsServers: fc.oneof(fc.constant([]), listWith(ipv4, fc.constant("10.0.4.4"))),
  linkExistingZones: boolean,
  subnetOutbound: enumOf("None", "NatGateway", "Firewall", "Default"),
  firewallPrivateIp: ipv4,
  // Junk, or a prefix whose longest name (an endpoint's NIC) exceeds 64 characters.
  azureNamePrefix: fc.oneof(namedBy(networkName), fc.constant("x".repeat(40))),
};

interface ComponentCase {
  component: string;
  construct(name: string, args: Record<string, unknown>): pulumi.ComponentResource;
  schema: ArgSchema<never>;
  /** Arguments that are valid together. */
  base: Record<string, unknown>;
  /** Junk per argument: what this argument must refuse. */
  junk: Record<string, fc.Arbitrary<unknown>>;
  /** Valid argument sets; absent where the component only runs under a parent (see its case). */
  valid?: fc.Arbitrary<Record<string, unknown>>;
}

const cases: ComponentCase[] = [
  {
    component: "SecuredWorkspace",
    construct: (name, args) => new SecuredWorkspace(name, args as never),
    schema: securedWorkspaceArgSchema as never,
    base: { ...placement, workspaceName: "mlw-prod", imageBuildCompute: "cpu-cluster" },
    junk: {
      workspaceName: namedBy(workspaceName),
      resourceGroupName: rgName,
      cloud,
      location: region,
      friendlyName: fc.oneof(nonString, fc.string({ minLength: 257, maxLength: 300 })),
      description: nonString,
      tags: fc.oneof(mapWith(nonString), mapWith(fc.constant("v"), fc.constantFrom("", "a/b", "<x>", "q?"))),
      highBusinessImpact: boolean,
      publicNetworkAccess: enumOf("Disabled", "Enabled", "EnabledFromSelectedIps"),
      // With the default mode (Disabled), any range is refused too.
      allowedIpRanges: listWith(fc.oneof(nonString, fc.string()), fc.constant("20.1.2.0/24")),
      imageBuildCompute: namedBy(computeName),
      storageAccountId: idOf(ArmTypes.storageAccount),
      keyVaultId: idOf(ArmTypes.keyVault),
      containerRegistryId: idOf(ArmTypes.containerRegistry),
      applicationInsightsId: idOf(ArmTypes.applicationInsights),
      logAnalyticsWorkspaceId: idOf(ArmTypes.logAnalyticsWorkspace),
      // Azure's naming rules for each created dependency.
      storageAccountName: namedBy(/^[a-z0-9]{3,24}$/),
      keyVaultName: namedBy(/^[a-zA-Z](?:[a-zA-Z0-9]|-(?!-)){1,22}[a-zA-Z0-9]$/),
      containerRegistryName: namedBy(/^[a-zA-Z0-9]{5,50}$/),
      applicationInsightsName: fc.oneof(
        nonString,
        fc.constantFrom("", "a/b", "50%", "ends.", "x".repeat(261)),
      ),
      logAnalyticsWorkspaceName: namedBy(/^[a-zA-Z0-9][a-zA-Z0-9-]{2,61}[a-zA-Z0-9]$/),
      additionalStorageAccountIds: listWith(
        idOf(ArmTypes.storageAccount),
        fc.constant(targets.storageAccountId),
      ),
      protectStatefulResources: boolean,
      managedNetwork: managedNetworkJunk,
    },
    valid: fc
      .record(
        {
          region: validCloudRegion,
          resourceGroupName: validRg,
          workspaceName: fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/),
          imageBuildCompute: fc.stringMatching(/^[a-z][a-z0-9-]{0,22}[a-z0-9]$/),
          publicNetworkAccess: fc.constantFrom("Disabled", "Enabled"),
          tags: fc.dictionary(lower(1, 10), fc.string({ maxLength: 20 }), {
            maxKeys: 2,
            noNullPrototype: true,
          }),
          storageAccountId: validId(ArmTypes.storageAccount),
          highBusinessImpact: fc.boolean(),
        },
        { requiredKeys: ["region", "resourceGroupName", "imageBuildCompute"], noNullPrototype: true },
      )
      .map(({ region: r, ...rest }) => ({ ...r, ...rest, protectStatefulResources: false })),
  },
  {
    component: "PrivateEndpointSet",
    construct: (name, args) => new PrivateEndpointSet(name, args as never),
    schema: privateEndpointSetArgSchema as never,
    base: { ...targets, ...placement, ...layout },
    junk: { ...targetJunk, ...placementJunk, ...layoutJunk },
    valid: fc
      .tuple(validTargets, validCloudRegion, validRg, validLayout(1), fc.uuid())
      .map(([t, r, rg, l, principal]) => ({
        ...t,
        ...r,
        resourceGroupName: rg,
        ...l,
        workspacePrincipalId: principal,
      })),
  },
  {
    component: "WorkspaceNetwork",
    construct: (name, args) => new WorkspaceNetwork(name, args as never),
    schema: workspaceNetworkArgSchema as never,
    base: { ...targets, ...placement, sets: { services: layout } },
    junk: {
      ...targetJunk,
      ...placementJunk,
      sets: fc.oneof(
        fc.constant({}),
        mapWith(nonObject),
        mapWith(fc.constant(layout), fc.constantFrom("", "a/b", "x\u202E")),
        // Junk in one argument of one set.
        ...Object.entries(layoutJunk).map(([key, junk]) =>
          junk.map((j) => ({ services: { ...layout, [key]: j } })),
        ),
      ),
    },
    valid: fc
      .tuple(validTargets, validCloudRegion, validLayout(1), validLayout(2), fc.boolean())
      .map(([t, r, services, clients, two]) => ({
        ...t,
        ...r,
        resourceGroupName: "rg-ml",
        sets: two ? { services: { ...services, servicesSet: true }, clients } : { services },
      })),
  },
  {
    component: "PrivateCompute",
    construct: (name, args) => new PrivateCompute(name, args as never),
    schema: privateComputeArgSchema as never,
    base: {
      kind: "Cluster",
      workspaceName: "mlw1",
      resourceGroupName: "rg-ml",
      workspaceLocation: "westeurope",
      subnetId: `${sub}/rg-ml/providers/Microsoft.Network/virtualNetworks/v/subnets/s`,
      vmSize: "Standard_DS3_v2",
    },
    junk: {
      kind: enumOf("Cluster", "Instance"),
      workspaceName: namedBy(workspaceName),
      resourceGroupName: rgName,
      workspaceLocation: region,
      location: region,
      subnetId: idOf(ArmTypes.subnet),
      vmSize: namedBy(vmSize),
      maxNodes: integerUnless(1, 1000),
      computeName: namedBy(computeName),
      idleShutdownMinutes: integerUnless(15, 4320),
      managedNetwork: boolean,
      peeredSpoke: boolean,
      tags: tagsJunk,
    },
    valid: fc
      .record(
        {
          kind: fc.constantFrom("Cluster", "Instance"),
          workspaceName: fc.stringMatching(/^[a-z0-9][a-z0-9_-]{2,20}$/),
          resourceGroupName: validRg,
          workspaceLocation: fc.constantFrom(...regions.AzureCloud),
          subnetId: validSubnetId,
          vmSize: fc.constantFrom("Standard_DS3_v2", "Standard_NC6s_v3", "STANDARD_D2_V2"),
          maxNodes: fc.integer({ min: 1, max: 1000 }),
          idleShutdownMinutes: fc.integer({ min: 15, max: 4320 }),
        },
        { noNullPrototype: true },
      )
      .map((a) => ({ ...a, location: a.workspaceLocation.toUpperCase() })),
  },
  {
    component: "AttachedAksCompute",
    construct: (name, args) => new AttachedAksCompute(name, args as never),
    schema: attachedAksComputeArgSchema as never,
    base: {
      workspaceName: "mlw1",
      resourceGroupName: "rg-ml",
      workspaceLocation: "westeurope",
      clusterId: `${sub}/rg-ml/providers/Microsoft.ContainerService/managedClusters/aks1`,
      clusterLocation: "West Europe",
    },
    junk: {
      workspaceName: namedBy(workspaceName),
      resourceGroupName: rgName,
      workspaceLocation: region,
      clusterId: idOf(ArmTypes.managedCluster),
      clusterLocation: region,
      computeName: namedBy(aksComputeName),
      // Kubernetes cannot be attached with a managed network.
      managedNetwork: fc.oneof(boolean, fc.constant(true)),
      tags: tagsJunk,
    },
    valid: fc
      .record(
        {
          workspaceName: fc.stringMatching(/^[a-z0-9][a-z0-9_-]{2,20}$/),
          resourceGroupName: validRg,
          workspaceLocation: fc.constantFrom(...regions.AzureUSGovernment),
          clusterId: validId(ArmTypes.managedCluster),
          computeName: fc.stringMatching(/^[a-z][a-z0-9-]{0,14}[a-z0-9]$/),
        },
        { noNullPrototype: true },
      )
      .map((a) => ({ ...a, clusterLocation: a.workspaceLocation })),
  },
  {
    component: "DataFactoryManagedEndpoints",
    construct: (name, args) => new DataFactoryManagedEndpoints(name, args as never),
    schema: dataFactoryManagedEndpointsArgSchema as never,
    base: { ...targets, factoryName: "adf1", factoryResourceGroupName: "rg-ml" },
    junk: {
      ...targetJunk,
      factoryName: namedBy(dataFactoryName),
      factoryResourceGroupName: rgName,
      managedVirtualNetworkName: namedBy(childName),
      createManagedVirtualNetwork: boolean,
      approveOnTargets: boolean,
      tags: tagsJunk,
    },
    // Approves on the targets by default: this is also ManagedEndpointApproval's valid-argument run.
    valid: fc
      .tuple(validTargets, fc.stringMatching(/^[a-z0-9]{3,20}$/), validRg, fc.boolean())
      .map(([t, factoryName, rg, create]) => ({
        ...t,
        factoryName,
        factoryResourceGroupName: rg,
        createManagedVirtualNetwork: create,
      })),
  },
  {
    component: "SynapseManagedEndpoints",
    construct: (name, args) => new SynapseManagedEndpoints(name, args as never),
    schema: synapseManagedEndpointsArgSchema as never,
    base: { ...targets, synapseWorkspaceName: "synws", managedVirtualNetwork: "default" },
    junk: {
      ...targetJunk,
      synapseWorkspaceName: namedBy(synapseName),
      managedVirtualNetwork: stringUnless((s) => s === "default"),
      preventDataExfiltration: fc.oneof(boolean, fc.constant(true)),
      approveOnTargets: boolean,
      tags: tagsJunk,
    },
    valid: fc
      .tuple(
        validTargets,
        fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}[a-z0-9]$/),
        fc.constantFrom(false, undefined),
      )
      .map(([t, synapseWorkspaceName, prevent]) => ({
        ...t,
        synapseWorkspaceName,
        managedVirtualNetwork: "default",
        preventDataExfiltration: prevent,
      })),
  },
  {
    component: "ManagedEndpointApproval",
    construct: (name, args) => new ManagedEndpointApproval(name, args as never),
    schema: managedEndpointApprovalArgSchema as never,
    base: { targetId: targets.storageAccountId, managedEndpointName: "adf1-mpe-blob" },
    junk: {
      targetId: idOf(
        ArmTypes.workspace,
        ArmTypes.storageAccount,
        ArmTypes.keyVault,
        ArmTypes.containerRegistry,
      ),
      managedEndpointName: namedBy(childName),
      description: nonString,
      tags: tagsJunk,
    },
  },
  {
    component: "CentralPrivateDns",
    construct: (name, args) => new CentralPrivateDns(name, args as never),
    schema: centralPrivateDnsArgSchema as never,
    base: { ...placement },
    junk: {
      resourceGroupName: rgName,
      location: region,
      cloud,
      storageGroupIds: listWith(enumOf("queue", "table", "dfs"), fc.constant("dfs")),
      virtualNetworkIds: mapWith(idOf(ArmTypes.virtualNetwork)),
      // Junk ids, names not of this cloud's zones, and ids of another zone.
      existingZoneIds: fc.oneof(
        mapWith(idOf(ArmTypes.privateDnsZone), fc.constant("privatelink.api.azureml.ms")),
        mapWith(
          fc.constant(`${sub}/rg/providers/Microsoft.Network/privateDnsZones/privatelink.api.ml.azure.cn`),
          fc.constantFrom("privatelink.api.ml.azure.cn", "privatelink.vault.azure.net", "a/b"),
        ),
        mapWith(
          fc.constant(
            `${sub}/rg/providers/Microsoft.Network/privateDnsZones/privatelink.file.core.windows.net`,
          ),
          fc.constant("privatelink.blob.core.windows.net"),
        ),
      ),
      resolverVirtualNetworkId: idOf(ArmTypes.virtualNetwork),
      // Junk, or a prefix the resolver refuses (/29 and smaller, larger than /24); alone it lacks the resolver VNet.
      inboundSubnetPrefix: fc.oneof(cidr, fc.constantFrom("10.0.4.0/29", "10.0.0.0/23")),
      inboundSubnetId: idOf(ArmTypes.subnet),
      tags: tagsJunk,
    },
    valid: fc
      .record(
        {
          region: validCloudRegion,
          resourceGroupName: validRg,
          storageGroupIds: fc.subarray(["queue", "table", "dfs"]),
          tags: fc.dictionary(lower(1, 10), fc.string({ maxLength: 20 }), {
            maxKeys: 3,
            noNullPrototype: true,
          }),
        },
        { noNullPrototype: true },
      )
      .map(({ region: r, ...rest }) => ({
        ...r,
        ...rest,
        virtualNetworkIds: { hub: `${sub}/rg/providers/Microsoft.Network/virtualNetworks/hub` },
        resolverVirtualNetworkId: `${sub}/rg/providers/Microsoft.Network/virtualNetworks/hub`,
        inboundSubnetPrefix: "10.0.4.0/28",
      })),
  },
];

/** Whether `path` is `argument` or inside it. */
const isAbout = (path: string, argument: string) =>
  path === argument || path.startsWith(`${argument}.`) || path.startsWith(`${argument}[`);

/** The error constructing the component throws (undefined when it accepts the arguments). */
function errorOf(c: ComponentCase, args: Record<string, unknown>): unknown {
  try {
    c.construct("junk", args);
    return undefined;
  } catch (e) {
    return e;
  }
}

describe("every component argument, by property-based tests (fast-check, fixed seed)", function () {
  // Each generated WorkspaceNetwork is planned and its spokes judged by the resolution model: seconds, not ms.
  this.timeout(90_000);
  for (const c of cases) {
    describe(c.component, () => {
      it("declares junk for every argument its schema checks", () => {
        expect(Object.keys(c.junk)).to.have.members(Object.keys(c.schema));
      });

      it("refuses arguments that are not an object at all", () => {
        fc.assert(
          fc.property(nonObject, (args) => {
            const error = errorOf(c, args as never);
            expect(pulumi.InputPropertiesError.isInstance(error), String(error)).to.equal(true);
            expect((error as pulumi.InputPropertiesError).errors[0].propertyPath).to.equal("args");
          }),
          { seed, numRuns: junkRuns },
        );
      });

      for (const [argument, junk] of Object.entries(c.junk)) {
        it(`refuses junk ${argument} with a structured error naming it, registering nothing`, async () => {
          const graph = await startRecording({ preview: true });
          fc.assert(
            fc.property(junk, (value) => {
              const error = errorOf(c, { ...c.base, [argument]: value });
              expect(pulumi.InputPropertiesError.isInstance(error), String(error)).to.equal(true);
              const { errors, message } = error as pulumi.InputPropertiesError;
              expect(errors.length, message).to.be.greaterThan(0);
              expect(
                errors.map((e) => e.propertyPath).some((p) => isAbout(p, argument)),
                message,
              ).to.equal(true);
              for (const e of errors) expect(e.reason, e.propertyPath).to.be.a("string").and.not.equal("");
            }),
            { seed, numRuns: junkRuns },
          );
          await settle();
          expect(graph.resources).to.deep.equal([]);
        });
      }

      it("checks Output-valued junk when it resolves, with a ResourceError naming the argument", async () => {
        const plainOnly = new Set(
          Object.entries(c.schema as Record<string, { plain?: string }>)
            .filter(([, field]) => field.plain !== undefined)
            .map(([key]) => key),
        );
        const deferrable = Object.entries(c.junk).filter(([argument]) => !plainOnly.has(argument));
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...deferrable).chain(([a, junk]) => fc.tuple(fc.constant(a), junk)),
            async ([argument, value]) => {
              const args = checkedWhenResolved(c.component, "late", c.schema, {
                ...c.base,
                [argument]: pulumi.output(value),
              } as never) as Record<string, unknown>;
              const outcome = await (args[argument] as unknown as { promise(): Promise<unknown> })
                .promise()
                .then(
                  () => "resolved",
                  (e: unknown) => e,
                );
              expect(pulumi.ResourceError.isInstance(outcome), String(outcome)).to.equal(true);
              expect((outcome as Error).message).to.contain(
                `Invalid arguments for ${c.component} "late":\n- ${argument}`,
              );
            },
          ),
          { seed, numRuns: junkRuns },
        );
        // And a plain-only argument given as an Output is refused before registration.
        for (const argument of plainOnly) {
          const error = errorOf(c, { ...c.base, [argument]: pulumi.output(c.base[argument] ?? true) });
          expect(pulumi.InputPropertiesError.isInstance(error), `${argument}: ${String(error)}`).to.equal(
            true,
          );
          expect((error as pulumi.InputPropertiesError).errors.map((e) => e.propertyPath)).to.include(
            argument,
          );
        }
      });

      if (c.valid) {
        it("accepts generated valid arguments and plans them", async () => {
          await fc.assert(
            fc.asyncProperty(c.valid!, async (args) => {
              const graph = await startRecording();
              c.construct("valid", args);
              await settle();
              // Synapse's endpoints are created by the commands it outputs: it may register only itself.
              expect(graph.resources.length, JSON.stringify(args)).to.be.greaterThan(0);
            }),
            { seed, numRuns: validRuns },
          );
        });
      }
    });
  }

  it("also checks each endpoint set's arguments inside WorkspaceNetwork's sets", () => {
    expect(Object.keys(layoutJunk)).to.have.members(Object.keys(endpointSetLayoutSchema));
  });
});

describe("argument errors as the CLI shows them", () => {
  const config = (values: Record<string, string>) => ({
    get: (key: string) => values[key],
    getObject: <T>(key: string) => (values[key] === undefined ? undefined : (JSON.parse(values[key]) as T)),
    getBoolean: (key: string) => (values[key] === undefined ? undefined : values[key] === "true"),
    getNumber: (key: string) => (values[key] === undefined ? undefined : Number(values[key])),
  });

  it("the provided program reports bad config as property: reason lines, not as an error object", async () => {
    const error = await runOnMocks(() =>
      withReadableArgErrors(() =>
        deployTopology(topologyFromConfig(config({ workspaceName: "ml.prod", location: "westeu" }))),
      ),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(pulumi.RunError.isInstance(error), String(error)).to.equal(true);
    expect((error as Error).message).to.equal(
      [
        'Invalid arguments for SecuredWorkspace "ml":',
        '  - workspaceName: "ml.prod" is not a valid workspace name; use 3 to 33 characters: letters, digits, ' +
          "'_' and '-', starting with a letter or digit",
        '  - location: "westeu" is not a known Azure region; use a programmatic region name such as ' +
          '"westeurope" (az account list-locations)',
      ].join("\n"),
    );
  });

  it("leaves other errors alone", () => {
    const boom = new Error("boom");
    expect(() =>
      withReadableArgErrors(() => {
        throw boom;
      }),
    ).to.throw(boom);
    expect(argErrorText(boom)).to.equal(undefined);
  });
});

describe("the issue's WorkspaceNetwork from config", () => {
  it("refuses every bad id, name and region in one structured error, registering nothing", async () => {
    const graph = await startRecording();
    const error = errorOf(cases[2], {
      ...cases[2].base,
      workspaceId: "x",
      storageAccountId: "",
      keyVaultId: "../../x",
      resourceGroupName: "",
      location: "x",
    });
    await settle();
    expect(graph.resources).to.deep.equal([]);
    expect((error as pulumi.InputPropertiesError).errors).to.deep.equal([
      {
        propertyPath: "workspaceId",
        reason:
          '"x" is not an ARM resource id; give the id of a Microsoft.MachineLearningServices/workspaces, ' +
          "e.g. /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<name>",
      },
      {
        propertyPath: "storageAccountId",
        reason: '"" is missing or empty; give the id of a Microsoft.Storage/storageAccounts',
      },
      {
        propertyPath: "keyVaultId",
        reason:
          '"../../x" is not an ARM resource id; give the id of a Microsoft.KeyVault/vaults, ' +
          "e.g. /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<name>",
      },
      {
        propertyPath: "location",
        reason:
          '"x" is not a known Azure region; use a programmatic region name such as "westeurope" (az account list-locations)',
      },
      { propertyPath: "resourceGroupName", reason: '"" is missing or empty; give the resource group name' },
    ]);
  });
});
