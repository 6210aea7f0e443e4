import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { settle, startRecording } from "../../plan/mockRun";
import { checkedArgs } from "../../sdk/workspace/checkedArgs";
import { SecuredWorkspace } from "../../sdk/workspace/securedWorkspace";
import { deferredArgs, securedWorkspaceArgProblems } from "../../sdk/workspace/securedWorkspaceArgProblems";
import type { SecuredWorkspaceArgs } from "../../sdk/workspace/securedWorkspaceArgs";
import { existing, validArgs } from "./fixtures";

interface BadCase {
  title: string;
  args: Partial<SecuredWorkspaceArgs>;
  /** The property path the error names. */
  property: string;
  /** Part of the reason: the bad value and the fix. */
  message: RegExp;
  /** Component name, when the case is about it. */
  name?: string;
}

const ips = (...allowedIpRanges: string[]): Partial<SecuredWorkspaceArgs> => ({
  publicNetworkAccess: "EnabledFromSelectedIps",
  allowedIpRanges,
});
const manyIps = Array.from({ length: 201 }, (_, i) => `20.${Math.floor(i / 250)}.${i % 250}.1`);

const cases: BadCase[] = [
  {
    title: "workspace name too short",
    args: { workspaceName: "ab" },
    property: "workspaceName",
    message: /"ab" is not a valid workspace name; use 3 to 33/,
  },
  {
    title: "workspace name too long",
    args: { workspaceName: "a".repeat(34) },
    property: "workspaceName",
    message: /"a{34}" is not a valid workspace name/,
  },
  {
    title: "workspace name starting with a hyphen",
    args: { workspaceName: "-mlw" },
    property: "workspaceName",
    message: /"-mlw" .*starting with a letter or digit/,
  },
  {
    title: "workspace name with a dot",
    args: { workspaceName: "ml.prod" },
    property: "workspaceName",
    message: /"ml\.prod" is not a valid workspace name/,
  },
  {
    title: "component name unusable as workspace name",
    name: "my workspace",
    args: { workspaceName: undefined },
    property: "workspaceName (defaulted from the component name)",
    message: /"my workspace" is not a valid workspace name/,
  },
  {
    title: "empty resource group",
    args: { resourceGroupName: "" },
    property: "resourceGroupName",
    message: /"" is missing or empty; give the resource group name/,
  },
  {
    title: "empty location",
    args: { location: " " },
    property: "location",
    message: /" " is missing or empty; give a region such as "westeurope"/,
  },
  {
    title: "unknown location",
    args: { location: "mars-north" },
    property: "location",
    message: /"mars-north" is not a known Azure region; use a programmatic region name/,
  },
  {
    title: "unknown cloud",
    args: { cloud: "AzureGermanCloud" as never },
    property: "cloud",
    message:
      /"AzureGermanCloud" is not a supported cloud; use one of AzureCloud, AzureChinaCloud, AzureUSGovernment/,
  },
  {
    title: "public region in the China cloud",
    args: { cloud: "AzureChinaCloud" },
    property: "location",
    message: /"westeurope" is a region of AzureCloud, not of AzureChinaCloud; set cloud to "AzureCloud"/,
  },
  {
    title: "US Gov region with the default cloud",
    args: { location: "usgovvirginia" },
    property: "location",
    message: /"usgovvirginia" is a region of AzureUSGovernment, not of AzureCloud/,
  },
  {
    title: "unknown public access mode",
    args: { publicNetworkAccess: "Public" as never },
    property: "publicNetworkAccess",
    message: /"Public" is not a public access mode; use one of Disabled, Enabled, EnabledFromSelectedIps/,
  },
  {
    title: "IP ranges with public access Disabled",
    args: { allowedIpRanges: ["16.17.18.0/24"] },
    property: "allowedIpRanges",
    message:
      /\["16\.17\.18\.0\/24"\] is given but publicNetworkAccess is "Disabled".*set publicNetworkAccess to "EnabledFromSelectedIps" or remove allowedIpRanges/,
  },
  {
    title: "IP ranges with public access Enabled",
    args: { publicNetworkAccess: "Enabled", allowedIpRanges: ["16.17.18.0/24"] },
    property: "allowedIpRanges",
    message: /publicNetworkAccess is "Enabled", which ignores IP ranges/,
  },
  {
    title: "selected IPs without ranges",
    args: ips(),
    property: "allowedIpRanges",
    message: /\[\] is empty but publicNetworkAccess is "EnabledFromSelectedIps"; list at least one/,
  },
  {
    title: "private 10/8 address",
    args: ips("10.1.2.3"),
    property: "allowedIpRanges[0]",
    message: /"10\.1\.2\.3" is not allowed: it overlaps 10\.0\.0\.0\/8 \(private\)/,
  },
  {
    title: "private 172.16/12 range",
    args: ips("16.17.18.0/24", "172.16.5.0/24"),
    property: "allowedIpRanges[1]",
    message: /"172\.16\.5\.0\/24" is not allowed: it overlaps 172\.16\.0\.0\/12 \(private\)/,
  },
  {
    title: "private 192.168/16 range",
    args: ips("192.168.1.0/24"),
    property: "allowedIpRanges[0]",
    message: /overlaps 192\.168\.0\.0\/16 \(private\)/,
  },
  {
    title: "carrier-grade NAT address",
    args: ips("100.64.0.1"),
    property: "allowedIpRanges[0]",
    message: /overlaps 100\.64\.0\.0\/10 \(carrierGradeNat\)/,
  },
  {
    title: "loopback address",
    args: ips("127.0.0.1"),
    property: "allowedIpRanges[0]",
    message: /overlaps 127\.0\.0\.0\/8 \(loopback\)/,
  },
  {
    title: "link-local address",
    args: ips("169.254.10.10"),
    property: "allowedIpRanges[0]",
    message: /overlaps 169\.254\.0\.0\/16 \(linkLocal\)/,
  },
  {
    title: "multicast address",
    args: ips("224.0.0.1"),
    property: "allowedIpRanges[0]",
    message: /overlaps 224\.0\.0\.0\/4 \(multicast\)/,
  },
  {
    title: "the whole internet",
    args: ips("0.0.0.0/0"),
    property: "allowedIpRanges[0]",
    message: /"0\.0\.0\.0\/0" is not allowed: it overlaps 0\.0\.0\.0\/8/,
  },
  {
    title: "benchmarking range 198.18/15",
    args: ips("198.18.0.0/15"),
    property: "allowedIpRanges[0]",
    message: /"198\.18\.0\.0\/15" is not allowed: it overlaps 198\.18\.0\.0\/15/,
  },
  {
    title: "IETF protocol range 192.0.0/24",
    args: ips("192.0.0.8"),
    property: "allowedIpRanges[0]",
    message: /"192\.0\.0\.8" is not allowed: it overlaps 192\.0\.0\.0/,
  },
  {
    title: "IPv6 range",
    args: ips("2001:db8::/32"),
    property: "allowedIpRanges[0]",
    message: /"2001:db8::\/32" is not allowed: it is IPv6; Azure Machine Learning IP rules take IPv4 only/,
  },
  {
    title: "not an address",
    args: ips("office-network"),
    property: "allowedIpRanges[0]",
    message: /"office-network" is not allowed: it is not an IPv4 address in dotted-decimal form/,
  },
  {
    title: "prefix longer than /32",
    args: ips("16.17.18.0/33"),
    property: "allowedIpRanges[0]",
    message: /the prefix length \/33 is not between \/0 and \/32/,
  },
  {
    title: "host bits set",
    args: ips("16.17.18.1/24"),
    property: "allowedIpRanges[0]",
    message: /host bits are set; the range starts at 16\.17\.18\.0\/24/,
  },
  {
    title: "empty range",
    args: ips("16.17.18.0/24", ""),
    property: "allowedIpRanges[1]",
    message: /"" is not allowed: it is empty/,
  },
  {
    title: "more than 200 rules after de-duplication",
    args: ips(...manyIps, manyIps[0]),
    property: "allowedIpRanges",
    message:
      /201 rules after de-duplication: a workspace takes at most 200 IP rules; merge addresses into CIDR ranges/,
  },
  {
    title: "storage account id of a key vault",
    args: { storageAccountId: existing.keyVaultId },
    property: "storageAccountId",
    message:
      /is the id of a Microsoft\.KeyVault\/vaults; give the id of a Microsoft\.Storage\/storageAccounts/,
  },
  {
    title: "key vault given by name",
    args: { keyVaultId: "kv-shared" },
    property: "keyVaultId",
    message: /"kv-shared" is not an ARM resource id; give the id of a Microsoft\.KeyVault\/vaults/,
  },
  {
    title: "registry id of a storage account",
    args: { containerRegistryId: existing.storageAccountId },
    property: "containerRegistryId",
    message: /give the id of a Microsoft\.ContainerRegistry\/registries/,
  },
  {
    title: "Application Insights id of a Log Analytics workspace",
    args: { applicationInsightsId: existing.logAnalyticsWorkspaceId },
    property: "applicationInsightsId",
    message:
      /is the id of a Microsoft\.OperationalInsights\/workspaces; give the id of a Microsoft\.Insights\/components/,
  },
  {
    title: "Log Analytics id of Application Insights",
    args: { logAnalyticsWorkspaceId: existing.applicationInsightsId },
    property: "logAnalyticsWorkspaceId",
    message: /give the id of a Microsoft\.OperationalInsights\/workspaces/,
  },
  {
    title: "additional storage id of a registry",
    args: { additionalStorageAccountIds: [existing.storageAccountId, existing.containerRegistryId] },
    property: "additionalStorageAccountIds[1]",
    message:
      /is the id of a Microsoft\.ContainerRegistry\/registries; give the id of a Microsoft\.Storage\/storageAccounts/,
  },
  {
    title: "missing image build compute",
    args: { imageBuildCompute: undefined },
    property: "imageBuildCompute",
    message:
      /is required; the workspace's registry is private, so ACR Tasks cannot build images: give the name of a compute cluster/,
  },
  {
    title: "invalid image build compute name",
    args: { imageBuildCompute: "cpu cluster" },
    property: "imageBuildCompute",
    message: /"cpu cluster" is not a valid compute cluster name/,
  },
  {
    title: "protection given as an Output",
    args: { protectStatefulResources: pulumi.output(false) },
    property: "protectStatefulResources",
    message: /an Output is given; .*give a plain true or false/,
  },
];

describe("SecuredWorkspace argument validation", () => {
  for (const c of cases) {
    it(`rejects ${c.title} before registering anything`, async () => {
      const graph = await startRecording();
      const name = c.name ?? "ml";
      let error: unknown;
      try {
        new SecuredWorkspace(name, validArgs(c.args));
      } catch (e) {
        error = e;
      }
      await settle();
      expect(graph.resources, "resources registered").to.have.length(0);
      expect(pulumi.InputPropertiesError.isInstance(error), String(error)).to.equal(true);
      const { errors, message } = error as pulumi.InputPropertiesError;
      expect(errors, message).to.have.length(1);
      expect(errors[0].propertyPath).to.equal(c.property);
      expect(errors[0].reason).to.match(c.message);
      expect(message).to.contain(`Invalid arguments for SecuredWorkspace "${name}":\n- ${c.property}: `);
    });
  }

  it("reports every problem at once", () => {
    let error: unknown;
    try {
      new SecuredWorkspace(
        "ml",
        validArgs({ workspaceName: "x", location: "nowhere", imageBuildCompute: undefined }),
      );
    } catch (e) {
      error = e;
    }
    expect((error as pulumi.InputPropertiesError).errors.map((e) => e.propertyPath)).to.deep.equal([
      "workspaceName",
      "location",
      "imageBuildCompute",
    ]);
  });

  describe("Output-valued arguments", () => {
    // The component reads every argument through `checkedArgs`; a rejected value there fails the resources
    // that consume it, which the mock monitor cannot drain, so the check is exercised on its own.
    const awaitOutput = (o: pulumi.Output<unknown>) =>
      (o as unknown as { promise(): Promise<unknown> }).promise();
    const args = validArgs({
      publicNetworkAccess: pulumi.output("EnabledFromSelectedIps" as const),
      allowedIpRanges: pulumi.output(["16.17.18.0/24", "10.0.0.0/8"]),
      location: pulumi.output("chinaeast2"),
    });
    const deferred = deferredArgs(args);

    it("are skipped by the constructor's check and listed as deferred", () => {
      expect([...deferred]).to.have.members(["publicNetworkAccess", "allowedIpRanges", "location"]);
      expect(securedWorkspaceArgProblems("ml", args as never, deferred)).to.deep.equal([]);
    });

    it("fail with a ResourceError naming property, value and fix when they resolve", async () => {
      const error = await awaitOutput(
        checkedArgs("ml", args, deferred, ["publicNetworkAccess", "allowedIpRanges"]),
      ).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(pulumi.ResourceError.isInstance(error), String(error)).to.equal(true);
      expect((error as Error).message).to.contain(
        'Invalid arguments for SecuredWorkspace "ml":\n- allowedIpRanges[1]: "10.0.0.0/8" is not allowed: it overlaps 10.0.0.0/8 (private)',
      );
    });

    it("are checked against plain arguments they depend on", async () => {
      const error = await awaitOutput(checkedArgs("ml", args, deferred, ["location", "cloud"])).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((error as Error).message).to.contain(
        '- location: "chinaeast2" is a region of AzureChinaCloud, not of AzureCloud; set cloud to "AzureChinaCloud"',
      );
    });

    it("resolve to their values when valid", async () => {
      const ok = validArgs({ location: pulumi.output("northeurope") });
      const values = await awaitOutput(checkedArgs("ml", ok, deferredArgs(ok), ["location", "cloud"]));
      expect(values).to.deep.equal({ location: "northeurope", cloud: undefined });
    });
  });
});
