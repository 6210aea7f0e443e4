/**
 * Names and ids that become ARM path segments are one segment each: a `..` step, `/`, `?`, `#`, `%` or an
 * invisible character would make ARM address another resource (`…/resourceGroups/../…`), so the components
 * refuse them at preview naming the property and the fix, before anything is registered.
 */
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { parseArmId } from "../../policy/azure/armId";
import { fakeSubscriptionId } from "../../plan/fakeAzure";
import { settle, startRecording } from "../../plan/mockRun";
import { CentralPrivateDns } from "../../sdk/dns/centralPrivateDns";
import { PrivateCompute, PrivateComputeKinds } from "../../sdk/compute/privateCompute";
import { SecuredWorkspace } from "../../sdk/workspace/securedWorkspace";

const rg = `/subscriptions/${fakeSubscriptionId}/resourceGroups`;
const vnetId = `${rg}/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub`;

function errorsOf(construct: () => unknown): { propertyPath: string; reason: string }[] {
  try {
    construct();
  } catch (e) {
    expect(pulumi.InputPropertiesError.isInstance(e), String(e)).to.equal(true);
    return (e as pulumi.InputPropertiesError).errors;
  }
  throw new Error("no error");
}

describe("names and ids that become ARM path segments", () => {
  it("parseArmId refuses `..`, `.`, `?`, `#`, `%2F` and invisible characters in any segment", () => {
    expect(parseArmId(vnetId)?.name).to.equal("vnet-hub");
    for (const bad of [
      `${rg}/../providers/Microsoft.Network/virtualNetworks/..`,
      `${rg}/rg-hub/providers/Microsoft.Network/virtualNetworks/.`,
      `${rg}/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet?api-version=1`,
      `${rg}/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet#x`,
      `${rg}/rg-hub/providers/Microsoft.Network/virtualNetworks/a%2Fb`,
      `${rg}/rg\u202ehub/providers/Microsoft.Network/virtualNetworks/vnet`,
    ])
      expect(parseArmId(bad), bad).to.equal(undefined);
  });

  it("refuses a resolver VNet id with a `..` resource group, naming the property and the segment", async () => {
    const graph = await startRecording();
    const errors = errorsOf(
      () =>
        new CentralPrivateDns("dns", {
          resourceGroupName: "rg-dns",
          location: "westeurope",
          resolverVirtualNetworkId: `${rg}/../providers/Microsoft.Network/virtualNetworks/..`,
          inboundSubnetPrefix: "10.0.4.0/28",
        }),
    );
    await settle();
    expect(graph.resources).to.deep.equal([]);
    expect(errors).to.have.length(1);
    expect(errors[0].propertyPath).to.equal("resolverVirtualNetworkId");
    expect(errors[0].reason).to.contain('has the segment ".."').and.contain("relative path step");
  });

  it("refuses a component name that is not one path segment, since it starts its children's auto-names", async () => {
    const graph = await startRecording();
    const errors = errorsOf(
      () =>
        new CentralPrivateDns("dns/../../x?y#z", {
          resourceGroupName: "rg-dns",
          location: "westeurope",
          resolverVirtualNetworkId: vnetId,
          inboundSubnetPrefix: "10.0.4.0/28",
        }),
    );
    await settle();
    expect(graph.resources).to.deep.equal([]);
    expect(errors[0].propertyPath).to.equal("name");
    expect(errors[0].reason).to.contain("'/' splits it into two path segments");
    for (const [bad, why] of [
      ["..", "relative path step"],
      ["cpu?x", "'?' ends the request path"],
      ["cpu#x", "'#' ends the request path"],
      ["cpu%2Fx", "'%' starts a URL escape"],
      ["cpu\u200bx", "invisible character U+200B"],
    ])
      expect(
        errorsOf(
          () =>
            new PrivateCompute(bad, {
              kind: PrivateComputeKinds.Cluster,
              workspaceName: "mlw",
              resourceGroupName: "rg-ml",
              workspaceLocation: "westeurope",
              subnetId: `${rg}/rg-ml/providers/Microsoft.Network/virtualNetworks/v/subnets/s`,
              vmSize: "Standard_DS3_v2",
            }),
        )[0].reason,
        bad,
      ).to.contain(why);
  });

  it("refuses tag names with a right-to-left override, a newline or NUL, as other names", () => {
    for (const [tag, shown] of [
      ["team\u202e", "U+202E"],
      ["team\nx", "U+000A"],
      ["team\u0000", "U+0000"],
    ]) {
      const errors = errorsOf(
        () =>
          new SecuredWorkspace("mlw", {
            resourceGroupName: "rg-ml",
            location: "westeurope",
            imageBuildCompute: "cpu-cluster",
            tags: { [tag]: "x" },
          }),
      );
      expect(errors.map((e) => e.propertyPath)).to.deep.equal([`tags[${JSON.stringify(tag)}]`]);
      expect(errors[0].reason).to.contain(`invisible character ${shown}`);
    }
  });
});
