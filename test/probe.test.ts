import { runOnMocks } from "../plan/mockRun";
import { stackModel } from "../plan/modelResources";
import { dedicatedEndpointSpoke } from "../test/analyzer/programs/dedicatedEndpointSpoke";
import { check } from "../test/policy/check";
describe("probe", function () {
  this.timeout(60000);
  for (const preview of [true, false])
  for (const args of [{}, { withoutRoutes: true }, {defaultRoute: true}, {endpointSpokeDropsForwarded: true}, {routeResource: true}])
  it(JSON.stringify(args)+preview, async () => {
    const run = await runOnMocks(dedicatedEndpointSpoke(args), { preview });
    const model = stackModel(run.graph);
    const keys = [...model.vnets.keys()];
    const c = keys.find((k) => k.endsWith("clients-vnet"))!, e = keys.find((k) => k.endsWith("endpoints-vnet"))!;
    console.log(JSON.stringify(model.network.connected(c, e)));
    const found = check(run.graph.resources as never);
    console.log(found.filter(f=>f.level==="mandatory").map(f=>f.rule+": "+f.message.slice(0,300)));
  });
});
