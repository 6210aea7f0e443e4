import { expect } from "chai";
import { unknownCheckingProxy, type ResourceValidationArgs } from "@pulumi/policy";
import { viewOf } from "../../policy/model/resourceView";
import { resourcePolicy } from "../../policy/pack/resourcePolicy";
import {
  computeIdleShutdown,
  computeLocalAuth,
  computePublicIp,
  isoDurationMinutes,
} from "../../policy/rules/computeHygiene";
import { workspacePublicAccess } from "../../policy/rules/workspacePublicAccess";
import { unknownString } from "./graph";
import { tokens } from "./topologies";

const view = (type: string, props: Record<string, unknown>) =>
  viewOf({ type, urn: `urn:pulumi:test::proj::${type}::r`, name: "r", props: unknownCheckingProxy(props) })!;

function args(type: string, props: Record<string, unknown>, config: object = {}): ResourceValidationArgs {
  return {
    type,
    props: unknownCheckingProxy(props),
    urn: `urn:pulumi:test::proj::${type}::r`,
    name: "r",
    getConfig: <T extends object>() => config as T,
  } as unknown as ResourceValidationArgs;
}

describe("rule 12: single-resource hygiene", () => {
  it("flags a workspace whose public access is not Disabled, in every token form", () => {
    const forms: [string, Record<string, unknown>][] = [
      [tokens.workspace, { publicNetworkAccess: "Enabled" }],
      ["azure-native:machinelearningservices/v20241001preview:Workspace", {}],
      [
        "azure-native:resources:Resource",
        {
          resourceProviderNamespace: "Microsoft.MachineLearningServices",
          resourceType: "workspaces",
          properties: { publicNetworkAccess: "Enabled" },
        },
      ],
    ];
    for (const [type, props] of forms)
      expect(workspacePublicAccess.check(view(type, props), workspacePublicAccess.defaults)).to.have.length(
        1,
      );
    expect(
      workspacePublicAccess.check(
        view(tokens.workspace, { publicNetworkAccess: "Disabled" }),
        workspacePublicAccess.defaults,
      ),
    ).to.deep.equal([]);
    expect(
      workspacePublicAccess.check(
        view(tokens.workspace, { publicNetworkAccess: unknownString }),
        workspacePublicAccess.defaults,
      ),
    ).to.deep.equal([]);
  });
  it("accepts selected IPs when configured to", () => {
    const selected = view(tokens.workspace, {
      publicNetworkAccess: "Enabled",
      networkAcls: { defaultAction: "Deny", ipRules: [{ value: "16.17.18.19" }] },
    });
    expect(workspacePublicAccess.check(selected, { allowSelectedIps: true })).to.deep.equal([]);
    expect(workspacePublicAccess.check(selected, { allowSelectedIps: false })).to.have.length(1);
  });
  it("remediates in place: Disabled, IP rules dropped, unknown inputs left as they are", async () => {
    const policy = resourcePolicy(workspacePublicAccess);
    const props = {
      publicNetworkAccess: "Enabled",
      ipAllowlist: ["16.17.18.19"],
      storageAccount: unknownString,
    };
    const result = (await policy.remediateResource!(args(tokens.workspace, props))) as Record<
      string,
      unknown
    >;
    expect(props).to.deep.equal({ publicNetworkAccess: "Disabled", storageAccount: unknownString });
    expect(result.publicNetworkAccess).to.equal("Disabled");
    const generic = {
      resourceProviderNamespace: "Microsoft.MachineLearningServices",
      resourceType: "workspaces",
      properties: { publicNetworkAccess: "Enabled" },
    };
    await policy.remediateResource!(args("azure-native:resources:Resource", generic));
    expect(generic.properties.publicNetworkAccess).to.equal("Disabled");
    expect(
      await policy.remediateResource!(args(tokens.workspace, { publicNetworkAccess: "Disabled" })),
    ).to.equal(undefined);
    // The classic provider: its own flag, and omitted means enabled.
    const classic = { name: "mlw", storageAccountId: unknownString };
    await policy.remediateResource!(args("azure:machinelearning/workspace:Workspace", classic));
    expect(classic).to.deep.equal({
      name: "mlw",
      storageAccountId: unknownString,
      publicNetworkAccessEnabled: false,
    });
    expect(
      await policy.remediateResource!(
        args("azure:machinelearning/workspace:Workspace", { publicNetworkAccessEnabled: false }),
      ),
    ).to.equal(undefined);
  });
  it("skips a resource of a kind the rule does not read before building its view, classic tokens too", () => {
    const checked: string[] = [];
    const policy = resourcePolicy({
      ...computeLocalAuth,
      kinds: ["storageAccount"],
      check: (view) => {
        checked.push(`${view.type} as ${view.kind}`);
        return [];
      },
    });
    const validate = policy.validateResource as (a: ResourceValidationArgs, r: (m: string) => void) => void;
    for (const type of [
      "azure:network/virtualNetwork:VirtualNetwork",
      "azure:storage/account:Account",
      tokens.vnet,
      tokens.storage,
    ])
      validate(args(type, { name: "x", resourceGroupName: "rg" }), () => undefined);
    expect(checked).to.deep.equal([
      "azure:storage/account:Account as storageAccount",
      `${tokens.storage} as storageAccount`,
    ]);
  });
  it("reports through validateResource without throwing on unknowns", async () => {
    const policy = resourcePolicy(computeLocalAuth);
    const reported: string[] = [];
    const validate = policy.validateResource as (a: ResourceValidationArgs, r: (m: string) => void) => void;
    validate(
      args(tokens.compute, { properties: { computeType: "AmlCompute", disableLocalAuth: unknownString } }),
      (m) => reported.push(m),
    );
    expect(reported).to.deep.equal([]);
    validate(args(tokens.compute, { properties: { computeType: "AmlCompute" } }), (m) => reported.push(m));
    expect(reported).to.have.length(1);
  });
  it("flags computes with local auth or public IPs, accepts hardened ones", () => {
    const loose = view(tokens.compute, { properties: { computeType: "ComputeInstance", properties: {} } });
    const hard = view(tokens.compute, {
      properties: {
        computeType: "AmlCompute",
        disableLocalAuth: true,
        properties: { enableNodePublicIp: false },
      },
    });
    expect(computeLocalAuth.check(loose, {})).to.have.length(1);
    expect(computePublicIp.check(loose, {})).to.have.length(1);
    expect(computeLocalAuth.check(hard, {})).to.deep.equal([]);
    expect(computePublicIp.check(hard, {})).to.deep.equal([]);
  });
  it("checks compute instance idle shutdown against the configured limit", () => {
    const instance = (idle?: string) =>
      view(tokens.compute, {
        properties: {
          computeType: "ComputeInstance",
          properties: idle ? { idleTimeBeforeShutdown: idle } : {},
        },
      });
    expect(computeIdleShutdown.check(instance(), { maxIdleMinutes: 60 })[0]).to.include(
      "has no idleTimeBeforeShutdown",
    );
    expect(computeIdleShutdown.check(instance("PT2H"), { maxIdleMinutes: 60 })[0]).to.include(
      "120 idle minutes",
    );
    expect(computeIdleShutdown.check(instance("PT30M"), { maxIdleMinutes: 60 })).to.deep.equal([]);
    expect(computeIdleShutdown.check(instance("30 minutes"), { maxIdleMinutes: 60 })[0]).to.include(
      "not an ISO 8601 duration",
    );
    expect([isoDurationMinutes("P1DT1H"), isoDurationMinutes("PT"), isoDurationMinutes("P")]).to.deep.equal([
      1500,
      undefined,
      undefined,
    ]);
  });
});
