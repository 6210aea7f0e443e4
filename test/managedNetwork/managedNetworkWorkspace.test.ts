import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { FakeAzure } from "../../plan/fakeAzure";
import { runOnMocks, startRecording, type MockRun } from "../../plan/mockRun";
import { checkLiveIsolationMode } from "../../sdk/managedNetwork/liveIsolationMode";
import { managedNetworkTables } from "../../plan/managedNetworkTables";
import type { IsolationModes, ManagedNetworkArgs } from "../../sdk/managedNetwork/managedNetworkArgs";
import { SecuredWorkspace } from "../../sdk/workspace/securedWorkspace";
import { existing, validArgs } from "../workspace/fixtures";

const workspaceOf = (run: MockRun) => run.graph.named("ml-workspace");
const propertiesOf = (run: MockRun) => workspaceOf(run).inputs.properties as Record<string, unknown>;
const program = (managedNetwork?: ManagedNetworkArgs) => () => {
  new SecuredWorkspace("ml", validArgs({ managedNetwork }));
};
const approved: ManagedNetworkArgs = {
  isolationMode: "AllowOnlyApprovedOutbound",
  // An Output, as a target created in the same program is: checked when it resolves.
  privateEndpointRules: {
    "data-blob": { serviceResourceId: pulumi.output(existing.storageAccountId), subresourceTarget: "blob" },
  },
  fqdnRules: { pypi: { destination: "PyPI.org" }, anaconda: { destination: "*.anaconda.com" } },
  serviceTagRules: {
    adf: { serviceTag: "DataFactory", protocol: "TCP", portRanges: "443" },
    partner: {
      addressPrefixes: ["20.30.40.0/24"],
      protocol: "TCP",
      portRanges: "443, 8443",
      action: "Allow",
    },
  },
  firewallSku: "Basic",
};

describe("SecuredWorkspace with a managed network (fake Azure)", () => {
  it("sends the user's rules inline, as the 2025-10-01-preview schema takes them, and nothing when Disabled", async () => {
    const run = await runOnMocks(program(approved));
    expect(propertiesOf(run).managedNetwork).to.deep.equal({
      isolationMode: "AllowOnlyApprovedOutbound",
      firewallSku: "Basic",
      outboundRules: {
        "data-blob": {
          type: "PrivateEndpoint",
          category: "UserDefined",
          destination: {
            serviceResourceId: existing.storageAccountId,
            subresourceTarget: "blob",
            sparkEnabled: false,
          },
        },
        anaconda: { type: "FQDN", category: "UserDefined", destination: "*.anaconda.com" },
        pypi: { type: "FQDN", category: "UserDefined", destination: "pypi.org" },
        adf: {
          type: "ServiceTag",
          category: "UserDefined",
          destination: { serviceTag: "DataFactory", protocol: "TCP", portRanges: "443", action: "Allow" },
        },
        partner: {
          type: "ServiceTag",
          category: "UserDefined",
          destination: {
            addressPrefixes: ["20.30.40.0/24"],
            protocol: "TCP",
            portRanges: "443, 8443",
            action: "Allow",
          },
        },
      },
    });
    expect(propertiesOf(run).provisionNetworkNow).to.equal(true);
    const disabled = await runOnMocks(program());
    expect(propertiesOf(disabled)).to.not.have.any.keys("managedNetwork", "provisionNetworkNow");
    expect(disabled.graph.named("ml").outputs.managedNetworkIsolationMode).to.equal("Disabled");
  });

  it("reads back Azure's Required rules, Active status and the firewall IP; a second update sends the same inputs", async () => {
    const azure = new FakeAzure(false);
    const first = await runOnMocks(program(approved), { azure });
    const second = await runOnMocks(program(approved), { azure: new FakeAzure(false, azure) });
    const [table] = managedNetworkTables(first.graph);
    expect(table.status).to.equal("Active");
    expect(table.firewallSku).to.equal("Basic");
    expect(table.firewallPublicIpAddress).to.match(/^\d+\.\d+\.\d+\.\d+$/);
    // The table shows each rule Azure read back as Azure's, by its category (which rules Azure adds is the
    // fake's answer, tested as such in test/plan/fakeAzure.test.ts).
    const readBackRules = (
      workspaceOf(first).outputs.properties as {
        managedNetwork: { outboundRules: Record<string, { category?: string }> };
      }
    ).managedNetwork.outboundRules;
    const byAzure = Object.keys(readBackRules).filter((n) => readBackRules[n].category !== "UserDefined");
    expect(byAzure).to.have.length.greaterThan(0);
    expect(
      table.rules
        .filter((r) => r.madeBy === "Azure")
        .map((r) => r.name)
        .sort(),
    ).to.deep.equal(byAzure.sort());
    expect(table.rules.filter((r) => r.madeBy === "user")).to.have.length(5);
    // The read-back differs from what was sent; the program's inputs do not follow it.
    const readBack = (workspaceOf(first).outputs.properties as { managedNetwork: { outboundRules: object } })
      .managedNetwork.outboundRules;
    expect(Object.keys(readBack)).to.have.length.greaterThan(5);
    expect(second.graph.resources.map((r) => [r.urn, r.inputs])).to.deep.equal(
      first.graph.resources.map((r) => [r.urn, r.inputs]),
    );
  });

  describe("mode changes against the live workspace", () => {
    const live = async (mode: ManagedNetworkArgs["isolationMode"]) => {
      const azure = new FakeAzure(false);
      await runOnMocks(program({ isolationMode: mode }), { azure });
      return azure;
    };
    // A failed check fails the workspace that waits for it, which the mock monitor cannot drain (as for
    // checkedArgs): the check runs on its own, at preview, against the live workspace of an earlier update.
    const previewError = async (azure: FakeAzure, mode: ManagedNetworkArgs["isolationMode"]) => {
      await startRecording({ azure: new FakeAzure(true, azure) });
      const parent = new pulumi.ComponentResource("test:index:Parent", "parent");
      return checkLiveIsolationMode(
        "ml",
        "rg-ml",
        "mlw-prod",
        (mode ?? "Disabled") as IsolationModes,
        parent,
      ).then(
        () => undefined,
        (e: unknown) =>
          pulumi.ResourceError.isInstance(e) ? e.message : `not a ResourceError: ${String(e)}`,
      );
    };

    it("refuses a more open mode at preview, naming the live mode and the fix", async () => {
      const error = await previewError(await live("AllowOnlyApprovedOutbound"), "AllowInternetOutbound");
      expect(error).to.contain(
        'Invalid arguments for SecuredWorkspace "ml":\n- managedNetwork.isolationMode: "AllowInternetOutbound" would move the live workspace back from "AllowOnlyApprovedOutbound"; Azure cannot disable a managed network or make it more open, so keep isolationMode "AllowOnlyApprovedOutbound" (or recreate the workspace)',
      );
    });

    it("refuses dropping the managed network (back to Disabled) at preview", async () => {
      const error = await previewError(await live("AllowInternetOutbound"), undefined);
      expect(error).to.contain(
        '- managedNetwork.isolationMode: "Disabled" would move the live workspace back from "AllowInternetOutbound"',
      );
    });

    it("lets a workspace move forward, and a new workspace take any mode", async () => {
      expect(await previewError(await live("AllowInternetOutbound"), "AllowOnlyApprovedOutbound")).to.equal(
        undefined,
      );
      expect(await previewError(await live("Disabled"), "AllowInternetOutbound")).to.equal(undefined);
      expect(await previewError(new FakeAzure(false), "AllowInternetOutbound")).to.equal(undefined);
    });
  });
});
