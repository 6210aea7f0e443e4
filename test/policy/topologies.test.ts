import { expect } from "chai";
import { check } from "./check";
import { forms } from "./graph";
import { isolatedClients, singleVnet } from "./topologies";

describe("policy pack on correct topologies (raw azure-native shapes)", () => {
  for (const form of forms) {
    it(`single VNet passes with no violation (${form})`, () => {
      expect(check(singleVnet(form).graph.resources())).to.deep.equal([]);
    });
    it(`isolated clients passes with no violation (${form})`, () => {
      expect(check(isolatedClients(form).graph.resources())).to.deep.equal([]);
    });
  }
});
