import { expect } from "chai";
import { check } from "./check";
import { forms } from "./graph";
import { isolatedClients, singleVnet } from "./topologies";

describe("policy pack on correct topologies (raw azure-native shapes)", () => {
  // Customer-VNet topologies: the organisation allows workspaces without a managed network.
  const customerVnets = { allowedModes: ["Disabled"] };
  for (const form of forms) {
    it(`single VNet passes with no violation (${form})`, () => {
      expect(check(singleVnet(form).graph.resources(), undefined, customerVnets)).to.deep.equal([]);
    });
    it(`isolated clients passes with no violation (${form})`, () => {
      expect(check(isolatedClients(form).graph.resources(), undefined, customerVnets)).to.deep.equal([]);
    });
  }
});
