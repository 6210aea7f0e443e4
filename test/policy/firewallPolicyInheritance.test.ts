/**
 * A firewall whose policy sets no DNS settings inherits its parent's (`basePolicy`): "A child policy inherits
 * all parent policy DNS settings, but it can override the parent policy." (MicrosoftDocs/azure-docs
 * articles/firewall/dns-settings.md, "Policy inheritance"). Read from azure-native (preview, update,
 * discovered) and classic (`basePolicyId`) programs.
 */
import { expect } from "chai";
import { runOnMocks } from "../../plan/mockRun";
import { stackModel } from "../../plan/modelResources";
import { DnsHostKinds } from "../../policy/model/networkGraph";
import type { StackModel } from "../../policy/model/types";
import { isUnknown } from "../../policy/model/values";
import { resolutionUnverified } from "../../policy/rules/resolutionUnverified";
import { zoneLinkedToVnet } from "../../policy/rules/zoneLinkedToVnet";
import { discoveredGraph } from "../analyzer/discoveredForm";
import { hubSpoke, type HubSpokeArgs } from "../analyzer/programs/hubSpoke";
import { quickstart301Classic } from "../analyzer/programs/quickstart301Classic";

type Form = "preview" | "update" | "discovered";

async function modelOf(program: () => void, form: Form): Promise<StackModel> {
  const run = await runOnMocks(program, { preview: form === "preview" });
  return stackModel(form === "discovered" ? discoveredGraph(run) : run.graph);
}

const firewallHost = (model: StackModel) =>
  [...model.network.hosts.values()].find((h) => h.kind === DnsHostKinds.firewall)!;

const mandatory = (model: StackModel) =>
  zoneLinkedToVnet.check(model, zoneLinkedToVnet.defaults).map((v) => v.message);

describe("firewall policy inheritance (basePolicy): a child policy takes its parent's DNS settings", function () {
  this.timeout(60_000);
  const args = (a: Partial<HubSpokeArgs>): HubSpokeArgs => ({ dns: "firewall", ...a });

  for (const form of ["preview", "update", "discovered"] as const) {
    it(`a child policy without dnsSettings under a parent enabling DNS proxy is a DNS proxy (${form})`, async () => {
      const model = await modelOf(hubSpoke(args({ firewallParent: "inStack" })), form);
      expect(firewallHost(model).dnsProxy).to.equal(true);
      expect(mandatory(model)).to.deep.equal([]);
    });
  }

  it("a child policy under a parent that leaves DNS proxy off answers no DNS query", async () => {
    const model = await modelOf(
      hubSpoke(args({ firewallParent: "inStack", firewallProxy: false })),
      "update",
    );
    expect(firewallHost(model).dnsProxy).to.equal(false);
    expect(mandatory(model)[0]).to.include("does not enable DNS proxy");
  });

  it("a parent outside the stack leaves the child's DNS settings unknown: no mandatory finding, the advisory says so", async () => {
    const model = await modelOf(hubSpoke(args({ firewallParent: "outside" })), "update");
    expect(isUnknown(firewallHost(model).dnsProxy)).to.equal(true);
    expect(mandatory(model)).to.deep.equal([]);
    expect(resolutionUnverified.check(model, resolutionUnverified.defaults)).to.have.length(1);
  });

  // Each setting inherits on its own: a child enabling DNS proxy but naming no DNS servers forwards to the
  // parent's servers ("A child policy inherits all parent policy DNS settings, but it can override the parent
  // policy").
  it("a child policy setting only DNS proxy takes its parent's DNS servers", async () => {
    const run = await runOnMocks(hubSpoke(args({ firewallParent: "inStack" })), { preview: false });
    const settings = {
      "fw-policy": { enableProxy: true },
      "fw-base-policy": { enableProxy: false, servers: ["192.168.10.10"] },
    };
    for (const [name, dnsSettings] of Object.entries(settings)) {
      const policy = run.graph.named(name);
      policy.inputs.dnsSettings = dnsSettings;
      policy.outputs.dnsSettings = dnsSettings;
    }
    const model = stackModel(run.graph);
    expect(firewallHost(model)).to.deep.include({ dnsProxy: true, forwardsTo: ["192.168.10.10"] });
    expect(mandatory(model)).to.deep.equal([]);
    const [advisory] = resolutionUnverified.check(model, resolutionUnverified.defaults);
    expect(advisory.message).to.include("192.168.10.10");
  });

  /** The update's model of `args` with each named policy's `dnsSettings` replaced. */
  const withSettings = async (a: Partial<HubSpokeArgs>, settings: Record<string, object>) => {
    const run = await runOnMocks(hubSpoke(args(a)), { preview: false });
    for (const [name, dnsSettings] of Object.entries(settings)) {
      const policy = run.graph.named(name);
      policy.inputs.dnsSettings = dnsSettings;
      policy.outputs.dnsSettings = dnsSettings;
    }
    return stackModel(run.graph);
  };

  // "... but it can override the parent policy": a child naming only DNS servers keeps them and takes the
  // parent's DNS proxy.
  it("a child policy's own DNS servers override its parent's; its proxy setting comes from the parent", async () => {
    const model = await withSettings(
      { firewallParent: "inStack" },
      {
        "fw-policy": { servers: ["192.168.10.10"] },
        "fw-base-policy": { enableProxy: true, servers: ["192.168.20.20"] },
      },
    );
    expect(firewallHost(model)).to.deep.include({ dnsProxy: true, forwardsTo: ["192.168.10.10"] });
  });

  it("a child policy setting only DNS proxy under a parent outside the stack: its DNS servers are unknown", async () => {
    const model = await withSettings({ firewallParent: "outside" }, { "fw-policy": { enableProxy: true } });
    const host = firewallHost(model);
    expect(host.dnsProxy).to.equal(true);
    expect(isUnknown(host.forwardsTo)).to.equal(true);
  });

  // "By default, Azure Firewall uses Azure DNS and DNS Proxy is disabled." (firewall/dns-settings)
  it("a policy, and no parent, without dnsSettings leaves DNS proxy off", async () => {
    const run = await runOnMocks(hubSpoke(args({})), { preview: false });
    const policy = run.graph.named("fw-policy");
    delete policy.inputs.dnsSettings;
    delete policy.outputs.dnsSettings;
    const model = stackModel(run.graph);
    expect(firewallHost(model).dnsProxy).to.equal(false);
    expect(mandatory(model)[0]).to.include("does not enable DNS proxy");
  });

  it("classic: a child policy (basePolicyId) of the quickstart's policy is a DNS proxy; with the parent's proxy off it is not", async () => {
    const child = await modelOf(quickstart301Classic("none", { childPolicy: true }), "update");
    expect(firewallHost(child).dnsProxy).to.equal(true);
    expect(mandatory(child)).to.deep.equal([]);
    const off = await modelOf(
      quickstart301Classic("none", { childPolicy: true, proxyEnabled: false }),
      "update",
    );
    expect(firewallHost(off).dnsProxy).to.equal(false);
    expect(mandatory(off)[0]).to.include("does not enable DNS proxy");
  });
});
