/**
 * The Azure Policy parity rules on small graphs (raw azure-native shapes, test/policy/graph.ts), in the
 * preview, update and literal forms: the scope of the dependency rules, each condition's edges, unknowns at
 * preview, generic resources, and the remediations.
 */
import { expect } from "chai";
import { unknownCheckingProxy, type ResourceValidationArgs } from "@pulumi/policy";
import { resourcePolicy } from "../../policy/pack/resourcePolicy";
import type { StackRule } from "../../policy/pack/rule";
import { computeLocalAuth } from "../../policy/rules/computeHygiene";
import { computeInVirtualNetwork } from "../../policy/rules/computeInVirtualNetwork";
import { keyVaultFirewall, keyVaultPublicAccess } from "../../policy/rules/keyVaultNetworkRules";
import { nicNoPublicIp } from "../../policy/rules/nicNoPublicIp";
import { privateLinkUsed } from "../../policy/rules/privateLinkUsed";
import {
  registryNetworkRules,
  registryPublicAccess,
  registrySku,
} from "../../policy/rules/registryNetworkRules";
import { storageBlobPublicAccess } from "../../policy/rules/storageBlobPublicAccess";
import {
  storageNetworkRules,
  storagePublicAccess,
  storageTrustedServices,
} from "../../policy/rules/storageNetworkRules";
import { subnetPrivate } from "../../policy/rules/subnetPrivate";
import { check } from "./check";
import { forms, nameOf, ref, unknownString, type Graph } from "./graph";
import { computeCluster, core, rg, singleVnet, tokens } from "./topologies";

/** The logical names a rule flags. */
function flagged(graph: Graph, rule: StackRule<object>, config: object = {}): string[] {
  const names = new Map(graph.nodes.map((n) => [n.urn, n.name]));
  return check(graph.resources(), [rule], config).map((f) => names.get(f.urn) ?? f.urn);
}

function addStorage(graph: Graph, name: string, props: Record<string, unknown>) {
  return graph.add(tokens.storage, name, {
    resourceGroupName: rg,
    accountName: name,
    publicNetworkAccess: "Disabled",
    networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" },
    ...props,
  });
}

describe("Azure Policy parity: dependency services in scope", () => {
  for (const form of forms) {
    it(`flags a workspace's public storage, not an unused one, unless scope is all (${form})`, () => {
      const c = core(form);
      c.storage.props.publicNetworkAccess = "Enabled";
      addStorage(c.graph, "unused", { publicNetworkAccess: "Enabled" });
      expect(flagged(c.graph, storagePublicAccess)).to.deep.equal(["st"]);
      expect(flagged(c.graph, storagePublicAccess, { scope: "all" })).to.deep.equal(["st", "unused"]);
    });
    it(`counts a datastore's storage account as used (${form})`, () => {
      const c = core(form);
      addStorage(c.graph, "lake", { publicNetworkAccess: "Enabled" });
      c.graph.add(tokens.datastore, "ds", {
        resourceGroupName: rg,
        workspaceName: nameOf(c.workspace),
        name: "ds",
        properties: { datastoreType: "AzureBlob", accountName: "lake", containerName: "c" },
      });
      expect(flagged(c.graph, storagePublicAccess)).to.deep.equal(["lake"]);
    });
  }
  it("leaves a value unknown at preview alone", () => {
    const c = core("preview");
    c.storage.props.publicNetworkAccess = unknownString;
    c.vault.props.properties = {
      ...(c.vault.props.properties as object),
      publicNetworkAccess: unknownString,
    };
    expect(flagged(c.graph, storagePublicAccess)).to.deep.equal([]);
    expect(flagged(c.graph, keyVaultPublicAccess)).to.deep.equal([]);
  });
});

describe("Azure Policy parity: storage, key vault and registry conditions", () => {
  it("storage firewall: Allow or omitted flagged, IP rules flagged unless allowed, bypass must hold AzureServices", () => {
    const c = core("update");
    c.storage.props.networkRuleSet = {
      defaultAction: "Deny",
      ipRules: [{ iPAddressOrRange: "16.17.18.19" }],
    };
    expect(check(c.graph.resources(), [storageNetworkRules])[0].message).to.include("lets 1 IP rule(s)");
    expect(flagged(c.graph, storageNetworkRules, { allowIpRules: true })).to.deep.equal([]);
    delete c.storage.props.networkRuleSet;
    expect(check(c.graph.resources(), [storageNetworkRules])[0].message).to.include(
      "defaultAction omitted (Azure treats it as Allow)",
    );
    expect(flagged(c.graph, storageTrustedServices)).to.deep.equal([]);
    c.storage.props.networkRuleSet = { defaultAction: "Deny", bypass: "Logging, Metrics" };
    expect(flagged(c.graph, storageTrustedServices)).to.deep.equal(["st"]);
    c.storage.props.networkRuleSet = { defaultAction: "Deny", bypass: "Logging, AzureServices" };
    expect(flagged(c.graph, storageTrustedServices)).to.deep.equal([]);
  });
  // ARM reads enum values in any case: a registry of SKU "premium" is Premium.
  it("compares a service's settings case-insensitively", () => {
    const c = core("update");
    c.registry.props.sku = { name: "premium" };
    expect(flagged(c.graph, registrySku)).to.deep.equal([]);
  });
  it("reads a generic storage account's ARM networkAcls", () => {
    const c = core("update");
    c.graph.nodes.splice(c.graph.nodes.indexOf(c.storage), 1);
    const generic = c.graph.add("azure-native:resources:Resource", "st-generic", {
      resourceGroupName: rg,
      resourceProviderNamespace: "Microsoft.Storage",
      parentResourcePath: "",
      resourceType: "storageAccounts",
      resourceName: "stml",
      properties: { publicNetworkAccess: "Disabled", networkAcls: { defaultAction: "Allow" } },
    });
    c.workspace.props.storageAccount = `/subscriptions/0/resourceGroups/${rg}/providers/Microsoft.Storage/storageAccounts/stml`;
    expect(flagged(c.graph, storageNetworkRules)).to.deep.equal([generic.name]);
  });
  it("key vault: public access flagged unless recovering; firewall flagged only when both are open", () => {
    const c = core("update");
    const vault = (props: Record<string, unknown>) =>
      (c.vault.props.properties = { tenantId: "t", sku: { family: "A", name: "standard" }, ...props });
    vault({ publicNetworkAccess: "Enabled", networkAcls: { defaultAction: "Deny" } });
    expect([flagged(c.graph, keyVaultPublicAccess), flagged(c.graph, keyVaultFirewall)]).to.deep.equal([
      ["kv"],
      [],
    ]);
    vault({});
    expect([flagged(c.graph, keyVaultPublicAccess), flagged(c.graph, keyVaultFirewall)]).to.deep.equal([
      ["kv"],
      ["kv"],
    ]);
    vault({ createMode: "recover" });
    expect([flagged(c.graph, keyVaultPublicAccess), flagged(c.graph, keyVaultFirewall)]).to.deep.equal([
      [],
      [],
    ]);
  });
  it("registry: public access, unrestricted rules (Allow or omitted with access Enabled or omitted), SKU", () => {
    const c = core("update");
    c.registry.props.publicNetworkAccess = "Enabled";
    c.registry.props.networkRuleSet = { defaultAction: "Deny" };
    expect([flagged(c.graph, registryPublicAccess), flagged(c.graph, registryNetworkRules)]).to.deep.equal([
      ["acr"],
      [],
    ]);
    delete c.registry.props.publicNetworkAccess;
    delete c.registry.props.networkRuleSet;
    expect(flagged(c.graph, registryNetworkRules)).to.deep.equal(["acr"]);
    expect(flagged(c.graph, registrySku)).to.deep.equal([]);
    c.registry.props.sku = { name: "Standard" };
    expect(flagged(c.graph, registrySku)).to.deep.equal(["acr"]);
  });
});

describe("Azure Policy parity: private link, computes, subnets and NICs", () => {
  for (const form of forms) {
    it(`flags the workspace and dependencies without endpoints, not those with (${form})`, () => {
      expect(flagged(core(form).graph, privateLinkUsed)).to.deep.equal(["mlw", "st", "kv", "acr"]);
      expect(flagged(singleVnet(form).graph, privateLinkUsed)).to.deep.equal([]);
    });
    it(`flags a compute without subnet, not a managed-network workspace's (${form})`, () => {
      const t = singleVnet(form);
      const cluster = computeCluster(t.graph, t.workspace, t.services.computeSubnet, "no-subnet");
      cluster.props.properties = { computeType: "AmlCompute", disableLocalAuth: true, properties: {} };
      expect(flagged(t.graph, computeInVirtualNetwork)).to.deep.equal(["no-subnet"]);
      t.workspace.props.managedNetwork = { isolationMode: "AllowOnlyApprovedOutbound" };
      expect(flagged(t.graph, computeInVirtualNetwork)).to.deep.equal([]);
    });
  }
  it("stands down on an endpoint whose target is unknown", () => {
    const c = core("preview");
    c.graph.add(tokens.endpoint, "pe-any", {
      resourceGroupName: rg,
      privateEndpointName: "pe-any",
      privateLinkServiceConnections: unknownString,
    });
    expect(flagged(c.graph, privateLinkUsed)).to.deep.equal([]);
  });
  it("flags subnets with default outbound access, resource or inline, and reads generic VNets' ARM subnets", () => {
    const t = singleVnet("update");
    t.services.computeSubnet.props.defaultOutboundAccess = true;
    t.graph.add(tokens.vnet, "inline", {
      resourceGroupName: rg,
      virtualNetworkName: "vnet-inline",
      subnets: [
        { name: "private", addressPrefix: "10.9.1.0/24", defaultOutboundAccess: false },
        { name: "open", addressPrefix: "10.9.2.0/24" },
      ],
    });
    t.graph.add("azure-native:resources:Resource", "generic-vnet", {
      resourceGroupName: rg,
      resourceProviderNamespace: "Microsoft.Network",
      parentResourcePath: "",
      resourceType: "virtualNetworks",
      resourceName: "vnet-generic",
      properties: {
        subnets: [{ name: "a", properties: { addressPrefix: "10.8.1.0/24", defaultOutboundAccess: false } }],
      },
    });
    expect(flagged(t.graph, subnetPrivate)).to.deep.equal(["inline", "services-snet-compute"]);
  });
  for (const form of forms) {
    it(`flags a NIC naming a public IP, known or not yet (${form})`, () => {
      const t = singleVnet(form);
      const pip = t.graph.add("azure-native:network:PublicIPAddress", "pip", { resourceGroupName: rg });
      const nic = (name: string, extra: Record<string, unknown>) =>
        t.graph.add("azure-native:network:NetworkInterface", name, {
          resourceGroupName: rg,
          networkInterfaceName: name,
          ipConfigurations: [{ name: "ip", subnet: { id: ref(t.services.computeSubnet) }, ...extra }],
        });
      nic("nic-public", { publicIPAddress: { id: ref(pip) } });
      nic("nic-private", {});
      expect(flagged(t.graph, nicNoPublicIp)).to.deep.equal(["nic-public"]);
    });
  }
});

function args(type: string, props: Record<string, unknown>): ResourceValidationArgs {
  return {
    type,
    props: unknownCheckingProxy(props),
    urn: `urn:pulumi:test::proj::${type}::r`,
    name: "r",
    getConfig: <T extends object>() => ({}) as T,
  } as unknown as ResourceValidationArgs;
}

describe("Azure Policy parity: remediations", () => {
  it("disallows anonymous blob access in place, typed or generic, and leaves a compliant account alone", async () => {
    const policy = resourcePolicy(storageBlobPublicAccess);
    const typed = { accountName: "st", allowBlobPublicAccess: true, publicNetworkAccess: unknownString };
    await policy.remediateResource!(args(tokens.storage, typed));
    expect(typed).to.deep.equal({
      accountName: "st",
      allowBlobPublicAccess: false,
      publicNetworkAccess: unknownString,
    });
    const generic = {
      resourceProviderNamespace: "Microsoft.Storage",
      resourceType: "storageAccounts",
      properties: {} as Record<string, unknown>,
    };
    await policy.remediateResource!(args("azure-native:resources:Resource", generic));
    expect(generic.properties.allowBlobPublicAccess).to.equal(false);
    expect(await policy.remediateResource!(args(tokens.storage, { allowBlobPublicAccess: false }))).to.equal(
      undefined,
    );
  });
  it("turns a compute cluster's or instance's local authentication off, as Azure's Modify does", async () => {
    const policy = resourcePolicy(computeLocalAuth);
    const props = { properties: { computeType: "AmlCompute", disableLocalAuth: false } };
    await policy.remediateResource!(args(tokens.compute, props));
    expect(props.properties.disableLocalAuth).to.equal(true);
    // a6f9a2d0 has no SSH exception: an instance declaring SSH access is remediated like any other.
    const ssh = {
      properties: {
        computeType: "ComputeInstance",
        properties: { sshSettings: { sshPublicAccess: "Enabled", adminPublicKey: "ssh-rsa AAAA" } },
      } as Record<string, unknown>,
    };
    await policy.remediateResource!(args(tokens.compute, ssh));
    expect(ssh.properties.disableLocalAuth).to.equal(true);
  });
});
