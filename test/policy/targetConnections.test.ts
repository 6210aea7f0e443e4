/**
 * Private endpoints seen only from their target: a target read back from Azure lists its
 * `privateEndpointConnections` (a read-only list on the storage account, the registry and the workspace;
 * under `properties` on a Key Vault). An endpoint there that is outside the
 * stack counts once per target; one in the stack is read from its own resource; an id naming no private
 * endpoint is no endpoint.
 */
import { expect } from "chai";
import { buildModel } from "../../policy/model/buildModel";
import { isUnknown } from "../../policy/model/values";
import { core, location, rg, tokens } from "./topologies";

const otherEndpoint = (name: string) =>
  `/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-other/providers/Microsoft.Network/privateEndpoints/${name}`;
const connection = (id: string) => ({ privateEndpoint: { id } });

describe("private endpoints seen from their target's privateEndpointConnections", () => {
  it("counts an endpoint outside the stack once per target, for each target kind, the Key Vault's under properties", () => {
    const c = core("update");
    const listed = [connection(otherEndpoint("pe-a")), connection(otherEndpoint("pe-a"))];
    for (const node of [c.storage, c.registry, c.workspace]) node.props.privateEndpointConnections = listed;
    c.vault.props.properties = {
      ...(c.vault.props.properties as object),
      privateEndpointConnections: listed,
    };
    const model = buildModel(c.graph.resources());
    const targets = model.endpoints.map((e) => e.connections[0].target);
    expect(targets).to.have.members([c.storage.urn, c.registry.urn, c.workspace.urn, c.vault.urn]);
    expect(targets).to.have.length(4);
    // Where it sits is not in the connection: unknown, so rules needing it skip it.
    for (const endpoint of model.endpoints) expect(isUnknown(endpoint.vnet)).to.equal(true);
  });

  it("adds no endpoint for one the stack holds, nor for an id naming another kind of resource", () => {
    const c = core("update");
    const own = c.graph.add(tokens.endpoint, "pe-own", {
      resourceGroupName: rg,
      privateEndpointName: "pe-own",
      location,
    });
    c.storage.props.privateEndpointConnections = [
      connection(own.armId),
      connection(otherEndpoint("vnet-a").replace("privateEndpoints", "virtualNetworks")),
    ];
    expect(buildModel(c.graph.resources()).endpoints.map((e) => e.key)).to.deep.equal([own.urn]);
  });
});
