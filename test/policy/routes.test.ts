/**
 * Routes through the hub firewall on the model of Microsoft's "Dedicated virtual network for private
 * endpoints" (test/analyzer/programs/dedicatedEndpointSpoke.ts): the clients spoke reaches the endpoint spoke
 * through the hub firewall its route names, so the pack's rules accept it, with one advisory for the
 * firewall's rules; without the route, or with a spoke dropping forwarded traffic, the clients spoke is blocked.
 */
import { expect } from "chai";
import { runOnMocks } from "../../plan/mockRun";
import { resolutionRows } from "../../plan/resolutionTable";
import { stackModel } from "../../plan/modelResources";
import type { StackModel } from "../../policy/model/types";
import { stackRules } from "../../policy/policies";
import {
  dedicatedEndpointSpoke,
  clientsCidr,
  endpointsCidr,
  type DedicatedEndpointSpokeArgs,
} from "../analyzer/programs/dedicatedEndpointSpoke";
import {
  dedicatedEndpointSpokeClassic,
  type DedicatedEndpointSpokeClassicArgs,
} from "../analyzer/programs/dedicatedEndpointSpokeClassic";
import { discoveredGraph } from "../analyzer/discoveredForm";

async function modelOf(args: DedicatedEndpointSpokeArgs, preview = false): Promise<StackModel> {
  const run = await runOnMocks(dedicatedEndpointSpoke(args), { preview });
  return stackModel(run.graph);
}

function findings(model: StackModel): { rule: string; level: string; message: string; urn: string }[] {
  return stackRules.flatMap((rule) =>
    rule
      .check(model, rule.defaults as never)
      .map((v) => ({ rule: rule.name, level: rule.enforcementLevel, message: v.message, urn: v.urn })),
  );
}

const mandatory = (model: StackModel) => findings(model).filter((f) => f.level === "mandatory");
const vnet = (model: StackModel, name: string) =>
  [...model.vnets.keys()].find((k) => k.endsWith(`::${name}`))!;

describe("routes through the hub firewall: Microsoft's dedicated private-endpoint spoke", function () {
  this.timeout(60_000);

  for (const preview of [true, false])
    it(`plans with no mandatory finding, the clients spoke reaching the endpoints through the firewall (${preview ? "preview" : "update"})`, async () => {
      const model = await modelOf({}, preview);
      expect(mandatory(model)).to.deep.equal([]);
      const reach = model.network.connected(vnet(model, "clients-vnet"), vnet(model, "endpoints-vnet"));
      expect(reach.route).to.match(/^through Azure Firewall 'fw' in VNet 'hub-vnet'/);
      // The plan prints the clients spoke's resolution table, each name reached through the firewall.
      const rows = resolutionRows(model, vnet(model, "clients-vnet"));
      expect(rows).to.have.length(6);
      for (const row of rows) expect(row.route).to.match(/^through Azure Firewall 'fw'/);
      const advisories = findings(model).filter((f) => f.rule === "traffic-through-firewall");
      expect(advisories).to.have.length(1);
      // Reported on the route table whose route sends the traffic there: what to change, not the asking VNet.
      expect(advisories[0].urn).to.match(/::clients-routes$/);
      expect(advisories[0].message)
        .to.include("whether Azure Firewall 'fw''s rules allow that traffic was not verified")
        // The asking VNet named once, as the subject of the path (issue 26 item 5: no doubled nouns).
        .and.include("VNet 'clients-vnet' reaches the private endpoints of VNet 'endpoints-vnet' through")
        .and.not.include("VNet 'clients-vnet' VNet");
    });

  // transitPaths asks from every VNet relying on the workspace's endpoints: its client VNets, its computes' VNets
  // and the VNets of its endpoints, each (from, to) pair once.
  for (const clientsHold of [["compute"], ["workspaceEndpoint"], ["compute", "workspaceEndpoint"]] as const)
    it(`says once that a spoke holding ${clientsHold.join(" and ")} reaches the endpoint spoke through the firewall`, async () => {
      const advisories = findings(await modelOf({ clientsHold })).filter(
        (f) => f.rule === "traffic-through-firewall",
      );
      expect(advisories).to.have.length(1);
      expect(advisories[0].message).to.include(
        "VNet 'clients-vnet' reaches the private endpoints of VNet 'endpoints-vnet' through",
      );
    });

  it("without its route, the clients spoke is blocked: it reaches none of the endpoints", async () => {
    const found = mandatory(await modelOf({ withoutRoutes: true }));
    expect(found.map((f) => f.rule)).to.deep.equal(["client-vnet-reaches-workspace"]);
    expect(found[0].message)
      .to.include("VNet 'clients-vnet', a client VNet of ML workspace 'mlw'")
      .and.include("VNet 'clients-vnet' and VNet 'endpoints-vnet' are not peered");
  });

  it("blocked when the endpoint spoke's peering to the hub drops forwarded traffic (Azure's default)", async () => {
    const found = mandatory(await modelOf({ endpointSpokeDropsForwarded: true }));
    expect(found.map((f) => f.rule)).to.deep.equal(["client-vnet-reaches-workspace"]);
    expect(found[0].message).to.include(
      "VNet peering 'endpoints-to-hub' does not set allowForwardedTraffic, so VNet 'endpoints-vnet' drops the traffic Azure Firewall 'fw' forwards to it",
    );
  });

  it("reads a route of its own (network.Route) and the default route 0.0.0.0/0", async () => {
    for (const args of [{ routeResource: true }, { defaultRoute: true }]) {
      const model = await modelOf(args);
      expect(mandatory(model), JSON.stringify(args)).to.deep.equal([]);
    }
  });

  it("names the network rule of the firewall's policy that allows the clients' range to the endpoints'", async () => {
    const advisory = findings(await modelOf({ networkRule: true })).find(
      (f) => f.rule === "traffic-through-firewall",
    );
    expect(advisory?.message)
      .to.include("network rule 'https' of collection 'clients-to-endpoints'")
      .and.include("configure SNAT for the endpoints' range");
  });
  // A rule collection group belongs to one policy (its firewallPolicyName): another policy's rule allows nothing
  // through this firewall.
  it("does not name a network rule of another firewall policy", async () => {
    const run = await runOnMocks(dedicatedEndpointSpoke({ networkRule: true }), { preview: false });
    const group = run.graph.named("fw-rules");
    for (const props of [group.inputs, group.outputs]) props.firewallPolicyName = "afwp-other";
    group.propertyDependencies = {};
    group.dependencies = [];
    const advisory = findings(stackModel(run.graph)).find((f) => f.rule === "traffic-through-firewall");
    expect(advisory?.message)
      .to.include("whether Azure Firewall 'fw''s rules allow that traffic was not verified")
      .and.not.include("network rule 'https'");
  });
  // A filter collection's action applies to all its rules: a Deny collection's rule allows nothing; the
  // action is an enum, read in any case. An application rule matches names, not the endpoints' prefixes.
  it("names a network rule only in an Allow collection (in any case), not in a Deny one, nor an application rule", async () => {
    const run = await runOnMocks(dedicatedEndpointSpoke({ networkRule: true }), { preview: false });
    const group = run.graph.named("fw-rules");
    const advisoryWith = (action: string, ruleType = "NetworkRule") => {
      for (const props of [group.inputs, group.outputs]) {
        const collections = props.ruleCollections as
          { action: { type: string }; rules: { ruleType: string }[] }[] | undefined;
        if (collections) collections[0].action = { type: action };
        if (collections) collections[0].rules[0].ruleType = ruleType;
      }
      return findings(stackModel(run.graph)).find((f) => f.rule === "traffic-through-firewall")?.message;
    };
    expect(advisoryWith("allow")).to.include("network rule 'https' of collection 'clients-to-endpoints'");
    for (const [action, ruleType] of [
      ["Deny", "NetworkRule"],
      ["Allow", "ApplicationRule"],
    ])
      expect(advisoryWith(action, ruleType))
        .to.include("whether Azure Firewall 'fw''s rules allow that traffic was not verified")
        .and.not.include("network rule 'https'");
  });
  it("takes a network rule's `*` source as covering the clients' range", async () => {
    const run = await runOnMocks(dedicatedEndpointSpoke({ networkRule: true }), { preview: false });
    const group = run.graph.named("fw-rules");
    for (const props of [group.inputs, group.outputs]) {
      const collections = props.ruleCollections as { rules: { sourceAddresses: string[] }[] }[] | undefined;
      if (collections) collections[0].rules[0].sourceAddresses = ["*"];
    }
    const advisory = findings(stackModel(run.graph)).find((f) => f.rule === "traffic-through-firewall");
    expect(advisory?.message).to.include("network rule 'https' of collection 'clients-to-endpoints'");
  });
});

describe("routes through the hub firewall in the classic provider and as discovered in the account", function () {
  this.timeout(60_000);
  const classic = async (args: DedicatedEndpointSpokeClassicArgs) =>
    stackModel((await runOnMocks(dedicatedEndpointSpokeClassic(args), { preview: false })).graph);
  const discovered = async (args: DedicatedEndpointSpokeArgs) =>
    stackModel(discoveredGraph(await runOnMocks(dedicatedEndpointSpoke(args), { preview: false })));

  for (const [form, args, route] of [
    [
      "an inline route, SubnetRouteTableAssociation",
      {},
      "route 'to-private-endpoints' of route table 'clients-routes'",
    ],
    ["a Route resource of its own", { routeResource: true }, "route 'clients-route'"],
  ] as const)
    it(`classic (${form}): the clients spoke reaches the endpoints through the firewall, no mandatory finding`, async () => {
      const model = await classic(args);
      expect(mandatory(model)).to.deep.equal([]);
      // The classic next hop (`nextHopInIpAddress`) is the firewall's private IP.
      expect(model.routes.map((r) => r.nextHopIpAddress)).to.deep.equal(["10.0.1.4"]);
      expect(
        model.network.connected(vnet(model, "clients-vnet"), vnet(model, "endpoints-vnet")).route,
      ).to.equal(
        `through Azure Firewall 'fw' in VNet 'hub-vnet' (${route} on subnet 'clients-snet' sends 10.2.0.0/16 there; both VNets are peered both ways with the hub and receive forwarded traffic)`,
      );
    });

  it("classic: without the route table, the clients spoke is blocked", async () => {
    const found = mandatory(await classic({ withoutRoutes: true }));
    expect(found.map((f) => f.rule)).to.deep.equal(["client-vnet-reaches-workspace"]);
    expect(found[0].message).to.include("VNet 'clients-vnet' and VNet 'endpoints-vnet' are not peered");
  });

  it("discovered (a route table read back with its routes and subnets): clean; without the route, blocked", async () => {
    const model = await discovered({});
    expect(mandatory(model)).to.deep.equal([]);
    expect(
      model.network.connected(vnet(model, "clients-vnet"), vnet(model, "endpoints-vnet")).route,
    ).to.match(/^through Azure Firewall 'fw' in VNet 'hub-vnet' \(route 'to-private-endpoints' of /);
    // A route table's GET lists its subnets (RouteTablePropertiesFormat.subnets, read-only: "A collection of
    // references to subnets."): that alone associates it, the subnet's own `routeTable` left out.
    const graph = discoveredGraph(await runOnMocks(dedicatedEndpointSpoke({}), { preview: false }));
    const subnet = graph.named("clients-snet");
    delete subnet.inputs.routeTable;
    graph.named("clients-routes").inputs.subnets = [{ id: subnet.id }];
    expect(mandatory(stackModel(graph))).to.deep.equal([]);
    const blocked = mandatory(await discovered({ withoutRoutes: true }));
    expect(blocked.map((f) => f.rule)).to.deep.equal(["client-vnet-reaches-workspace"]);
  });

  // Read back, the association shows on both sides: the subnet's `routeTable` and the table's `subnets`. It is one
  // association: its route counted once, the advisory on the table given once.
  it("a table the subnet names and that lists the subnet (as read back) routes it once", async () => {
    const graph = discoveredGraph(await runOnMocks(dedicatedEndpointSpoke({}), { preview: false }));
    const subnet = graph.named("clients-snet");
    graph.named("clients-routes").inputs.subnets = [{ id: subnet.id }];
    const model = stackModel(graph);
    const bySubnet = model.network.routesByVnet.get(vnet(model, "clients-vnet"));
    expect([...(bySubnet?.values() ?? [])].flat()).to.have.length(1);
    expect(findings(model).filter((f) => f.rule === "traffic-through-firewall")).to.have.length(1);
  });

  // ARM's own shape (REST "Routes - Get" sample response: `{ "name": "route1", "id": ..., "properties": {
  // "addressPrefix": ..., "nextHopType": ... } }`), as a generic resource or a Resource Graph row gives it.
  it("reads an inline route whose fields are under ARM's properties", async () => {
    const graph = discoveredGraph(await runOnMocks(dedicatedEndpointSpoke({}), { preview: false }));
    const table = graph.named("clients-routes");
    const flat = table.inputs.routes as { name: string }[];
    table.inputs.routes = flat.map(({ name, ...properties }) => ({ name, properties }));
    const model = stackModel(graph);
    expect(model.routes.map((r) => r.nextHopIpAddress)).to.deep.equal(["10.0.1.4"]);
    expect(mandatory(model)).to.deep.equal([]);
  });

  // ARM's Subnet holds SubnetPropertiesFormat under `properties` ("routeTable": "The reference to the RouteTable
  // resource."), as a generic resource or a Resource Graph row gives it: the subnet's route table read there too.
  it("reads a subnet's route table under ARM's properties", async () => {
    const graph = discoveredGraph(await runOnMocks(dedicatedEndpointSpoke({}), { preview: false }));
    const subnet = graph.named("clients-snet");
    subnet.inputs.properties = { routeTable: subnet.inputs.routeTable };
    delete subnet.inputs.routeTable;
    expect(mandatory(stackModel(graph))).to.deep.equal([]);
  });
});

/**
 * Which network rule of the firewall's policy allows the path (firewallTransit.ts's `allowingRule`): one run of
 * the program, each case rewriting the rule (and the clients' address space) before the model is built. A rule
 * allows the path only when its sources hold every prefix of the asking VNet and its destinations every prefix of
 * the endpoints' VNet,.
 */
describe("traffic-through-firewall: a network rule allows the path only when it covers both ranges whole", function () {
  this.timeout(60_000);
  let graph: Awaited<ReturnType<typeof runOnMocks>>["graph"];
  before(async () => {
    graph = (await runOnMocks(dedicatedEndpointSpoke({ networkRule: true }), { preview: false })).graph;
  });

  interface Case {
    sources?: string[];
    destinations?: string[];
    clientPrefixes?: string[];
  }
  /** The advisory's message with the rule (and the clients VNet) rewritten as `c` says. */
  function advisoryWith(c: Case): string {
    const group = graph.named("fw-rules");
    const clients = graph.named("clients-vnet");
    const saved = [group, clients].map((r) => JSON.stringify([r.inputs, r.outputs]));
    try {
      for (const props of [group.inputs, group.outputs]) {
        const collections = props.ruleCollections as
          { rules: { sourceAddresses: string[]; destinationAddresses: string[] }[] }[] | undefined;
        if (!collections) continue;
        const rule = collections[0].rules[0];
        if (c.sources) rule.sourceAddresses = c.sources;
        if (c.destinations) rule.destinationAddresses = c.destinations;
      }
      if (c.clientPrefixes)
        for (const props of [clients.inputs, clients.outputs])
          if (props.addressSpace) props.addressSpace = { addressPrefixes: c.clientPrefixes };
      const found = findings(stackModel(graph)).filter((f) => f.rule === "traffic-through-firewall");
      expect(found).to.have.length(1);
      return found[0].message;
    } finally {
      [group.inputs, group.outputs] = JSON.parse(saved[0]) as [
        Record<string, unknown>,
        Record<string, unknown>,
      ];
      [clients.inputs, clients.outputs] = JSON.parse(saved[1]) as [
        Record<string, unknown>,
        Record<string, unknown>,
      ];
    }
  }
  const named = "network rule 'https' of collection 'clients-to-endpoints'";
  const notVerified = "whether Azure Firewall 'fw''s rules allow that traffic was not verified";

  it("names the rule as the program writes it, and a rule holding the ranges in wider ones", () => {
    expect(advisoryWith({})).to.include(named);
    expect(
      advisoryWith({ sources: ["10.0.0.0/8"], destinations: ["10.2.0.0/15", "192.168.0.0/16"] }),
    ).to.include(named);
  });
  it("does not take a rule covering part of the clients' range (a narrower source, or one of two prefixes) as allowing the path", () => {
    expect(advisoryWith({ sources: ["10.1.1.0/24"] }))
      .to.include(notVerified)
      .and.not.include(named);
    expect(advisoryWith({ clientPrefixes: [clientsCidr, "172.16.0.0/24"] }))
      .to.include(notVerified)
      .and.not.include(named);
  });
  it("does not take a rule to another destination, or from the endpoints' own range, as allowing the path", () => {
    expect(advisoryWith({ destinations: ["10.9.0.0/16"] })).to.include(notVerified);
    expect(advisoryWith({ sources: [endpointsCidr], destinations: [endpointsCidr] })).to.include(notVerified);
    expect(advisoryWith({ destinations: ["10.2.1.0/24"] })).to.include(notVerified);
  });
  it("does not take a rule as allowing a VNet whose address space lists no prefix", () => {
    expect(advisoryWith({ clientPrefixes: [], sources: ["*"] }))
      .to.include(notVerified)
      .and.not.include(named);
  });
});
