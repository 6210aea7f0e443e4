import { expect } from "chai";
import { PrivateCompute, PrivateComputeKinds, type PrivateComputeArgs } from "../../sdk";
import { settle, startRecording } from "../../plan/mockRun";

const base: PrivateComputeArgs = {
  kind: PrivateComputeKinds.Instance,
  workspaceName: "mlw",
  resourceGroupName: "rg-ml",
  workspaceLocation: "westeurope",
  subnetId: "/subscriptions/s/resourceGroups/rg-ml/providers/Microsoft.Network/virtualNetworks/v/subnets/pe",
  vmSize: "Standard_DS3_v2",
};

describe("PrivateCompute", () => {
  it("shuts a compute instance down after 60 idle minutes by default, or after the minutes given", async () => {
    const graph = await startRecording();
    new PrivateCompute("dev", base);
    new PrivateCompute("dev2", { ...base, idleShutdownMinutes: 30 });
    await settle();
    const idle = (name: string) =>
      (graph.named(name).inputs.properties as { properties: { idleTimeBeforeShutdown: string } }).properties
        .idleTimeBeforeShutdown;
    expect(idle("dev-compute")).to.equal("PT60M");
    expect(idle("dev2-compute")).to.equal("PT30M");
  });

  for (const bad of [10, 5000, 20.5]) {
    it(`refuses idleShutdownMinutes ${bad} before registering anything`, async () => {
      const graph = await startRecording();
      expect(() => new PrivateCompute("dev", { ...base, idleShutdownMinutes: bad })).to.throw(
        /idleShutdownMinutes[\s\S]*15 to 4320/,
      );
      await settle();
      expect(graph.resources).to.have.length(0);
    });
  }
});
