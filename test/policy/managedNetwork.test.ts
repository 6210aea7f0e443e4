import { expect } from "chai";
import { buildModel } from "../../policy/model/buildModel";
import { outboundRulesOf } from "../../policy/model/queries";
import type { OutboundRule } from "../../policy/model/types";
import { isUnknown } from "../../policy/model/values";
import { computeRegion } from "../../policy/rules/computeRegion";
import { computeVnet } from "../../policy/rules/computeVnet";
import { dependencyEndpointsPerVnet } from "../../policy/rules/dependencyEndpointsPerVnet";
import { managedNetworkBatchEndpointRules } from "../../policy/rules/managedNetworkBatchEndpointRules";
import { managedNetworkComputeSubnet } from "../../policy/rules/managedNetworkComputeSubnet";
import { managedNetworkDeploymentEgress } from "../../policy/rules/managedNetworkDeploymentEgress";
import { managedNetworkOutboundRuleTypes } from "../../policy/rules/managedNetworkOutboundRuleTypes";
import { managedNetworkUnsupportedCompute } from "../../policy/rules/managedNetworkUnsupportedCompute";
import { privateLinkUsed } from "../../policy/rules/privateLinkUsed";
import { workspaceManagedNetworkIsolationMode } from "../../policy/rules/workspaceManagedNetworkIsolationMode";
import { check, messagesOf } from "./check";
import { forms, nameOf, ref, unknownString, type Form, type GraphNode } from "./graph";
import { computeCluster, core, endpointSet, location, network, rg, tokens, type Core } from "./topologies";

const ruleTokens = {
  settingsRule: "azure-native:machinelearningservices:ManagedNetworkSettingsRule",
  outboundRule: "azure-native:machinelearningservices:OutboundRule",
  deployment: "azure-native:machinelearningservices:OnlineDeployment",
  generic: "azure-native:resources:Resource",
};

const peRule = (target: GraphNode, subresourceTarget: string) => ({
  type: "PrivateEndpoint",
  category: "UserDefined",
  destination: { serviceResourceId: ref(target), subresourceTarget, sparkEnabled: false },
});

/** The core workspace with a managed network in `mode` and the rules `rules` makes inline. */
function managed(form: Form, mode: string | undefined, rules?: (c: Core) => Record<string, unknown>): Core {
  const c = core(form);
  c.workspace.props.managedNetwork = { isolationMode: mode, outboundRules: rules?.(c) };
  return c;
}

/** A rule as a resource of its own, naming the workspace by its name output. */
function ruleResource(c: Core, token: string, name: string, properties: unknown): GraphNode {
  return c.graph.add(token, name, {
    resourceGroupName: rg,
    workspaceName: nameOf(c.workspace),
    ...(token === ruleTokens.outboundRule ? { managedNetworkName: "default" } : {}),
    ruleName: name,
    properties,
  });
}

describe("managed network: the model", () => {
  for (const form of forms) {
    it(`reads inline, ManagedNetworkSettingsRule, OutboundRule and generic rules with their targets (${form})`, () => {
      const c = managed(form, "AllowOnlyApprovedOutbound", (c) => ({
        "st-queue": peRule(c.storage, "queue"),
        pypi: { type: "FQDN", category: "UserDefined", destination: "pypi.org" },
        adf: {
          type: "ServiceTag",
          destination: { serviceTag: "DataFactory", protocol: "TCP", portRanges: "443", action: "Allow" },
        },
      }));
      ruleResource(c, ruleTokens.settingsRule, "st-table", peRule(c.storage, "table"));
      ruleResource(c, ruleTokens.outboundRule, "kv", peRule(c.vault, "vault"));
      c.graph.add(ruleTokens.generic, "generic-rule", {
        resourceGroupName: rg,
        resourceProviderNamespace: "Microsoft.MachineLearningServices",
        parentResourcePath: "workspaces/mlw-private",
        resourceType: "outboundRules",
        resourceName: "conda",
        apiVersion: "2025-04-01",
        properties: { type: "FQDN", destination: "*.anaconda.org" },
      });
      c.graph.add(ruleTokens.generic, "generic-managed-network-rule", {
        resourceGroupName: rg,
        resourceProviderNamespace: "Microsoft.MachineLearningServices",
        parentResourcePath: "workspaces/mlw-private/managedNetworks/default",
        resourceType: "outboundRules",
        resourceName: "hf",
        apiVersion: "2025-04-01-preview",
        properties: { type: "FQDN", destination: "cdn-lfs.huggingface.co" },
      });
      const model = buildModel(c.graph.resources());
      const workspace = model.workspaces[0];
      const rules = outboundRulesOf(model, workspace);
      expect(Array.isArray(rules)).to.equal(true);
      const byName = new Map((rules as OutboundRule[]).map((r) => [r.name, r]));
      expect([...byName.keys()].sort()).to.deep.equal([
        "adf",
        "conda",
        "hf",
        "kv",
        "pypi",
        "st-queue",
        "st-table",
      ]);
      expect(byName.get("st-queue")).to.include({
        declared: "inline",
        urn: c.workspace.urn,
        type: "PrivateEndpoint",
      });
      expect(byName.get("st-queue")!.privateEndpoint).to.deep.equal({
        target: c.storage.urn,
        subresourceTarget: "queue",
        sparkEnabled: false,
      });
      expect(byName.get("st-table")!.privateEndpoint!.target).to.equal(c.storage.urn);
      expect(byName.get("kv")!.privateEndpoint!.target).to.equal(c.vault.urn);
      expect(byName.get("pypi")).to.include({ fqdn: "pypi.org", privateEndpoint: undefined });
      expect(byName.get("adf")!.serviceTag).to.include({ serviceTag: "DataFactory", portRanges: "443" });
      expect(byName.get("conda")).to.include({
        declared: "resource",
        fqdn: "*.anaconda.org",
        workspace: workspace.key,
      });
    });
  }

  it("links a rule resource whose workspace name is unknown through its own ARM id", () => {
    const c = managed("preview", "AllowInternetOutbound");
    const id = `/subscriptions/s/resourceGroups/${rg}/providers/Microsoft.MachineLearningServices/workspaces/mlw-private/managedNetworks/default/outboundRules/r1`;
    c.graph.add(ruleTokens.outboundRule, "by-id", {
      id,
      resourceGroupName: rg,
      workspaceName: unknownString,
      managedNetworkName: "default",
      ruleName: "r1",
      properties: { type: "FQDN", destination: "pypi.org" },
    });
    const model = buildModel(c.graph.resources());
    expect(model.outboundRules.map((r) => r.workspace)).to.deep.equal([c.workspace.urn]);
    expect(messagesOf(c.graph.resources(), managedNetworkOutboundRuleTypes)[0]).to.include(
      "outbound rule 'by-id' is a FQDN rule, but ML workspace 'mlw' has isolation mode AllowInternetOutbound",
    );
  });

  it("reads a generic workspace body's managed network and keeps an unknown rule map unknown", () => {
    const c = core("preview");
    c.graph.add(ruleTokens.generic, "generic-ws", {
      resourceGroupName: rg,
      resourceProviderNamespace: "Microsoft.MachineLearningServices",
      parentResourcePath: "",
      resourceType: "workspaces",
      resourceName: "mlw-generic",
      apiVersion: "2025-10-01-preview",
      location,
      properties: {
        managedNetwork: {
          isolationMode: "AllowInternetOutbound",
          firewallSku: "Basic",
          outboundRules: unknownString,
        },
      },
    });
    const model = buildModel(c.graph.resources());
    const generic = model.workspaces.find((w) => w.urn.endsWith("generic-ws"))!;
    expect(generic).to.include({
      managedNetworkMode: "AllowInternetOutbound",
      managedNetworkFirewallSku: "Basic",
    });
    expect(isUnknown(generic.inlineOutboundRules)).to.equal(true);
    expect(isUnknown(outboundRulesOf(model, generic))).to.equal(true);
  });
});

describe("managed network: computes", () => {
  for (const form of forms) {
    it(`refuses a cluster in a subnet of its own and an attached AKS/VM; computeVnet stays quiet (${form})`, () => {
      const c = managed(form, "AllowOnlyApprovedOutbound");
      const net = network(c.graph, "own", "10.7");
      computeCluster(c.graph, c.workspace, net.computeSubnet, "in-subnet");
      c.graph.add(tokens.compute, "managed-cluster", {
        resourceGroupName: rg,
        workspaceName: nameOf(c.workspace),
        computeName: "managed-cluster",
        location,
        properties: { computeType: "AmlCompute", properties: { enableNodePublicIp: false } },
      });
      for (const computeType of ["AKS", "VirtualMachine"])
        c.graph.add(tokens.compute, `attached-${computeType}`, {
          resourceGroupName: rg,
          workspaceName: nameOf(c.workspace),
          computeName: computeType.toLowerCase(),
          location,
          properties: { computeType, resourceId: "/subscriptions/s/resourceGroups/r/providers/X/y/z" },
        });
      const found = check(c.graph.resources(), [
        managedNetworkComputeSubnet,
        managedNetworkUnsupportedCompute,
        computeVnet,
      ]);
      expect(found.map((f) => `${f.rule} @ ${f.urn.split("::").pop()}`)).to.deep.equal([
        "managed-network-compute-subnet @ in-subnet",
        "managed-network-unsupported-compute @ attached-AKS",
        "managed-network-unsupported-compute @ attached-VirtualMachine",
      ]);
      expect(found[0].message).to.equal(
        "compute 'in-subnet' (AmlCompute) is placed in subnet 'own-snet-compute', but ML workspace 'mlw' has a managed network (AllowOnlyApprovedOutbound). Azure ML docs (how-to-managed-network): \"When using Managed virtual network, you can't deploy compute resources inside your custom virtual network. Compute resources can only be created inside the managed virtual network.\" Fix: remove the compute's subnet so it runs in the managed VNet",
      );
      expect(found[1].message).to.include("is an attached AKS cluster (AKS)");
    });
  }

  it("leaves computes of a Disabled or unknown-mode workspace to the customer-VNet rules", () => {
    for (const mode of ["Disabled", unknownString]) {
      const c = managed("preview", mode);
      const net = network(c.graph, "own", "10.7");
      computeCluster(c.graph, c.workspace, net.computeSubnet);
      expect(
        check(c.graph.resources(), [managedNetworkComputeSubnet, managedNetworkUnsupportedCompute]),
      ).to.deep.equal([]);
    }
  });

  it("checks the region of computes of a managed-network workspace without private endpoints", () => {
    const c = managed("update", "AllowInternetOutbound");
    c.graph.add(tokens.compute, "far", {
      resourceGroupName: rg,
      workspaceName: nameOf(c.workspace),
      computeName: "far",
      location: "eastus",
      properties: { computeType: "AmlCompute", properties: {} },
    });
    expect(messagesOf(c.graph.resources(), computeRegion)).to.deep.equal([
      "compute 'far' (AmlCompute) runs in eastus, but ML workspace 'mlw' uses a managed network and is in westeurope. Azure ML docs (how-to-managed-network): \"Creating a compute cluster in a different region than the workspace isn't supported when using a managed virtual network.\" Fix: create the compute (or the attached AKS cluster) in westeurope",
    ]);
  });
});

describe("managed network: outbound rule types", () => {
  const approved = "AllowOnlyApprovedOutbound";
  const cases: { mode: string | undefined; rule: unknown; expected: string | undefined }[] = [
    { mode: approved, rule: { type: "FQDN", destination: "pypi.org" }, expected: undefined },
    { mode: approved, rule: { type: "FQDN", destination: "pypi.org:443" }, expected: undefined },
    {
      mode: "AllowInternetOutbound",
      rule: { type: "FQDN", destination: "pypi.org" },
      expected: "is a FQDN rule, but ML workspace 'mlw' has isolation mode AllowInternetOutbound",
    },
    {
      mode: undefined,
      rule: {
        type: "ServiceTag",
        destination: { serviceTag: "DataFactory", protocol: "TCP", portRanges: "443" },
      },
      expected:
        "is a ServiceTag rule, but ML workspace 'mlw' has isolation mode Disabled (managedNetwork omitted)",
    },
    {
      mode: approved,
      rule: { type: "FQDN", destination: "example.com:8080" },
      expected: "reaches port 8080 of 'example.com'",
    },
    {
      mode: approved,
      rule: { type: "FQDN", destination: "*.blob.core.windows.net" },
      expected: "names the storage endpoint '*.blob.core.windows.net'",
    },
    {
      mode: approved,
      rule: { type: "FQDN", destination: "st1.dfs.core.chinacloudapi.cn" },
      expected: "names the storage endpoint 'st1.dfs.core.chinacloudapi.cn'",
    },
    { mode: approved, rule: { type: "FQDN", destination: unknownString }, expected: undefined },
    { mode: unknownString, rule: { type: "FQDN", destination: "pypi.org" }, expected: undefined },
  ];
  for (const { mode, rule, expected } of cases) {
    it(`${JSON.stringify(rule)} in ${mode === unknownString ? "an unknown mode" : String(mode)}: ${expected ?? "nothing"}`, () => {
      const inline = managed("preview", mode, () => ({ r1: rule }));
      const separate = managed("update", mode);
      ruleResource(separate, ruleTokens.settingsRule, "r1", rule);
      for (const [c, subject] of [
        [inline, "outbound rule 'r1' of ML workspace 'mlw'"],
        [separate, "outbound rule 'r1'"],
      ] as const) {
        const messages = messagesOf(c.graph.resources(), managedNetworkOutboundRuleTypes);
        if (expected === undefined) expect(messages).to.deep.equal([]);
        else expect(messages.map((m) => m.startsWith(`${subject} ${expected}. `))).to.deep.equal([true]);
      }
    });
  }
  it("reports an inline rule on the workspace and a separate one on its own resource", () => {
    const c = managed("update", "AllowInternetOutbound", () => ({
      a: { type: "FQDN", destination: "pypi.org" },
    }));
    const separate = ruleResource(c, ruleTokens.outboundRule, "b", { type: "FQDN", destination: "x.org" });
    const found = check(c.graph.resources(), [managedNetworkOutboundRuleTypes]);
    expect(found.map((f) => f.urn).sort()).to.deep.equal([c.workspace.urn, separate.urn].sort());
  });
});

describe("managed network: online deployments and batch endpoints", () => {
  it("flags egressPublicNetworkAccess on a deployment of a managed-network workspace only (advisory)", () => {
    for (const [mode, expected] of [
      ["AllowInternetOutbound", 1],
      ["Disabled", 0],
    ] as const) {
      const c = managed("preview", mode);
      c.graph.add(ruleTokens.deployment, "blue", {
        resourceGroupName: rg,
        workspaceName: nameOf(c.workspace),
        endpointName: "scoring",
        deploymentName: "blue",
        location,
        properties: { endpointComputeType: "Managed", egressPublicNetworkAccess: "Disabled" },
      });
      const found = check(c.graph.resources(), [managedNetworkDeploymentEgress]);
      expect(found, mode).to.have.length(expected);
      if (expected) {
        expect(found[0].level).to.equal("advisory");
        expect(found[0].message).to.include(
          "online deployment 'blue' sets egressPublicNetworkAccess to Disabled, but ML workspace 'mlw' has a managed network (AllowInternetOutbound)",
        );
      }
    }
  });

  for (const form of forms) {
    it(`asks batch endpoints for queue and table rules to the default storage (${form})`, () => {
      const batch = (c: Core) =>
        c.graph.add(tokens.batchEndpoint, "batch", {
          resourceGroupName: rg,
          workspaceName: nameOf(c.workspace),
          endpointName: "batch",
          location,
          properties: { authMode: "AADToken" },
        });
      const missing = managed(form, "AllowOnlyApprovedOutbound", (c) => ({
        "st-queue": peRule(c.storage, "queue"),
      }));
      batch(missing);
      expect(messagesOf(missing.graph.resources(), managedNetworkBatchEndpointRules)).to.deep.equal([
        "batch endpoint 'batch' is in ML workspace 'mlw', whose managed network has no private endpoint outbound rule for table of its default storage storage account 'st'. Azure ML docs (how-to-managed-network): \"If you plan to use Azure Machine Learning batch endpoints for deployment or ParallelRunStep, add outbound private endpoint rules to allow traffic to the following sub resources for the default storage account: queue, table\" Fix: add PrivateEndpoint outbound rules to the default storage account with subresourceTarget 'table'",
      ]);
      const complete = managed(form, "AllowInternetOutbound");
      ruleResource(complete, ruleTokens.settingsRule, "st-queue", peRule(complete.storage, "queue"));
      ruleResource(complete, ruleTokens.outboundRule, "st-table", peRule(complete.storage, "table"));
      batch(complete);
      expect(messagesOf(complete.graph.resources(), managedNetworkBatchEndpointRules)).to.deep.equal([]);
    });
  }
});

describe("managed network: the isolation mode an organisation requires", () => {
  const modes = [undefined, "Disabled", "AllowInternetOutbound", "AllowOnlyApprovedOutbound", unknownString];
  it("by default flags AllowInternetOutbound only, counts an omitted managedNetwork as Disabled, skips unknown", () => {
    const flagged = modes.filter((mode) => {
      const c = core("preview");
      if (mode !== undefined) c.workspace.props.managedNetwork = { isolationMode: mode };
      return messagesOf(c.graph.resources(), workspaceManagedNetworkIsolationMode).length > 0;
    });
    expect(flagged).to.deep.equal(["AllowInternetOutbound"]);
    const strict = { allowedModes: ["AllowOnlyApprovedOutbound"] };
    expect(
      check(core("update").graph.resources(), [workspaceManagedNetworkIsolationMode], strict)[0].message,
    ).to.equal(
      "ML workspace 'mlw' has no managed network (managedNetwork omitted, which Azure treats as Disabled); allowed: AllowOnlyApprovedOutbound. Azure Policy built-in 6ddb1705-c8cf-450e-aa4b-19ad6703c440: \"Azure Machine Learning and Ai Studio should use Allow Only Approved Outbound Managed Vnet mode\" Fix: set managedNetwork.isolationMode to AllowOnlyApprovedOutbound",
    );
  });
  it("leaves hub projects (they inherit the hub's settings) and workspaces of unknown kind out", () => {
    for (const kind of ["Project", unknownString, "Hub"]) {
      const c = core("preview");
      c.workspace.props.kind = kind;
      c.workspace.props.managedNetwork = { isolationMode: "AllowInternetOutbound" };
      const expected = kind === "Hub" ? 1 : 0;
      expect(messagesOf(c.graph.resources(), workspaceManagedNetworkIsolationMode), kind).to.have.length(
        expected,
      );
    }
  });
  it("takes the allowed modes from the pack config", () => {
    const c = managed("update", "AllowInternetOutbound");
    const allowed = { allowedModes: ["AllowInternetOutbound", "AllowOnlyApprovedOutbound"] };
    expect(check(c.graph.resources(), [workspaceManagedNetworkIsolationMode], allowed)).to.deep.equal([]);
    const disabledOnly = check(c.graph.resources(), [workspaceManagedNetworkIsolationMode], {
      allowedModes: ["Disabled"],
    });
    expect(disabledOnly.map((f) => f.level)).to.deep.equal(["advisory"]);
  });
});

describe("managed network: client VNets need only the default storage", () => {
  for (const form of forms) {
    it(`a clients VNet with workspace, blob and file endpoints passes; without file it names the studio (${form})`, () => {
      const c = managed(form, "AllowOnlyApprovedOutbound");
      const clients = network(c.graph, "clients", "10.1");
      endpointSet(c.graph, "clients", clients, rg, [
        { node: c.workspace, groupId: "amlworkspace" },
        { node: c.storage, groupId: "blob" },
        { node: c.storage, groupId: "file" },
      ]);
      expect(check(c.graph.resources(), [dependencyEndpointsPerVnet])).to.deep.equal([]);
      const partial = managed(form, "AllowOnlyApprovedOutbound");
      const net = network(partial.graph, "clients", "10.1");
      endpointSet(partial.graph, "clients", net, rg, [
        { node: partial.workspace, groupId: "amlworkspace" },
        { node: partial.storage, groupId: "blob" },
      ]);
      const messages = messagesOf(partial.graph.resources(), dependencyEndpointsPerVnet);
      expect(messages).to.have.length(1);
      expect(messages[0]).to.include("has no private endpoint for file (storage account 'st')");
      expect(messages[0]).to.include("your client needs access to the default storage account");
    });
  }
});

describe("managed network: dependencies reached through Azure's Required rules", () => {
  for (const form of forms) {
    it(`count as private-linked in AllowOnlyApprovedOutbound, and in AllowInternetOutbound when their public access is Disabled (${form})`, () => {
      const flagged = (c: Core) => messagesOf(c.graph.resources(), privateLinkUsed).length;
      // No endpoint of the stack reaches the workspace or its dependencies: only the workspace is flagged.
      expect(flagged(managed(form, "AllowOnlyApprovedOutbound"))).to.equal(1);
      expect(flagged(managed(form, "AllowInternetOutbound"))).to.equal(1);
      const open = managed(form, "AllowInternetOutbound");
      open.registry.props.publicNetworkAccess = "Enabled";
      expect(flagged(open)).to.equal(2);
      // Without a managed network nothing reaches them privately.
      expect(flagged(managed(form, "Disabled"))).to.equal(4);
    });
  }
});
