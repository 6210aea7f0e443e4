/**
 * An Output-valued argument that is a secret and resolves to a bad value is refused without printing it: the
 * reason reads `[secret]` where the value (and its parts) would stand, as Pulumi prints secrets.
 */
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { privateComputeArgSchema, type PrivateComputeArgs } from "../../sdk/compute/privateCompute";
import { checkedWhenResolved } from "../../sdk/validation/argSchema";
import { checkedArgs } from "../../sdk/workspace/checkedArgs";
import { deferredArgs } from "../../sdk/workspace/securedWorkspaceArgProblems";
import { validArgs } from "../workspace/fixtures";

const settled = (o: pulumi.Output<unknown>) =>
  (o as unknown as { promise(): Promise<unknown> }).promise().then(
    () => undefined,
    (e: unknown) => e as Error,
  );

describe("secret arguments refused when they resolve", () => {
  it("SecuredWorkspace: a secret IP range is refused with [secret] in place of its value", async () => {
    const args = validArgs({
      publicNetworkAccess: "EnabledFromSelectedIps",
      allowedIpRanges: pulumi.secret(["16.17.18.0/24", "10.99.0.0/16"]),
    });
    const error = await settled(
      checkedArgs("ml", args, deferredArgs(args), ["publicNetworkAccess", "allowedIpRanges"]),
    );
    expect(pulumi.ResourceError.isInstance(error), String(error)).to.equal(true);
    expect(error!.message).to.contain('- allowedIpRanges[1]: "[secret]" is not allowed');
    expect(error!.message).to.not.contain("10.99");
  });

  it("SecuredWorkspace: the same range as a plain Output is quoted", async () => {
    const args = validArgs({
      publicNetworkAccess: "EnabledFromSelectedIps",
      allowedIpRanges: pulumi.output(["16.17.18.0/24", "10.99.0.0/16"]),
    });
    const error = await settled(
      checkedArgs("ml", args, deferredArgs(args), ["publicNetworkAccess", "allowedIpRanges"]),
    );
    expect(error!.message).to.contain('- allowedIpRanges[1]: "10.99.0.0/16" is not allowed');
  });

  it("components checked by their schema: a secret bad value reads [secret]", async () => {
    const args = {
      workspaceId:
        "/subscriptions/0/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w",
      computeName: "cpu",
      vmSize: "Standard_DS3_v2",
      location: pulumi.secret("West Erope"),
    } as unknown as PrivateComputeArgs;
    const checked = checkedWhenResolved("PrivateCompute", "c", privateComputeArgSchema, args);
    const error = await settled(pulumi.output(checked.location));
    expect(pulumi.ResourceError.isInstance(error), String(error)).to.equal(true);
    expect(error!.message).to.contain('- location: "[secret]" is not a known Azure region');
    expect(error!.message).to.not.contain("Erope");
  });
});
