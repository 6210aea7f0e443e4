/**
 * The fake Azure's answers to invokes, tested as the fake's behaviour (what the provider and ARM do, read from
 * pulumi-azure-native's `Invoke`), not the product's.
 */
import * as azureClassic from "@pulumi/azure";
import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { fakeSubscriptionId, fakeTenantId } from "../../plan/fakeAzure";
import { runOnMocks } from "../../plan/mockRun";
import { genericWorkspace, genericWorkspaceLocator } from "./genericWorkspace";

async function failure(program: () => Promise<unknown>): Promise<string> {
  try {
    await runOnMocks(program);
  } catch (e) {
    return (e as Error).message;
  }
  return "no error";
}

describe("fake Azure invokes (the fake's behaviour)", () => {
  it("GETs with getResource's own API version whatever apiVersion it is given, as the provider does (#4109)", async () => {
    const message = await failure(async () => {
      const ws = genericWorkspace();
      await new Promise<void>((resolve) => ws.id.apply(() => resolve()));
      await azure.resources.getResource(genericWorkspaceLocator);
    });
    expect(message).to.contain('Status=400 Code="NoRegisteredProviderFound"');
    expect(message).to.contain("API version '2024-03-01' for type 'workspaces'");
  });

  it("reads a workspace with the typed getWorkspace: its managed network, or 404 before it exists", async () => {
    let mode: string | undefined;
    const missing = await failure(() =>
      azure.machinelearningservices.getWorkspace({ resourceGroupName: "rg", workspaceName: "absent" }),
    );
    expect(missing).to.contain('Status=404 Code="ResourceNotFound"');
    await runOnMocks(async () => {
      const ws = genericWorkspace({ managedNetwork: { isolationMode: "AllowOnlyApprovedOutbound" } });
      await new Promise<void>((resolve) => ws.id.apply(() => resolve()));
      const read = await azure.machinelearningservices.getWorkspace({
        resourceGroupName: "rg",
        workspaceName: "mlw",
      });
      mode = read.managedNetwork?.isolationMode;
      expect(read.azureApiVersion).to.equal("2025-12-01");
    });
    expect(mode).to.equal("AllowOnlyApprovedOutbound");
  });

  it("answers getClientConfig of both providers", async () => {
    const { outputs } = await runOnMocks(async () => ({
      native: await azure.authorization.getClientConfig(),
      classic: await azureClassic.core.getClientConfig(),
      classicOutput: azureClassic.core.getClientConfigOutput().tenantId,
    }));
    expect((outputs.native as { tenantId: string }).tenantId).to.equal(fakeTenantId);
    expect((outputs.classic as { subscriptionId: string }).subscriptionId).to.equal(fakeSubscriptionId);
    expect(outputs.classicOutput).to.equal(fakeTenantId);
  });

  it("fails an invoke it cannot answer with the function's token", async () => {
    const message = await failure(() => pulumi.runtime.invoke("azure-native:compute:getVirtualMachine", {}));
    expect(message).to.contain("azure-native:compute:getVirtualMachine");
  });
});
