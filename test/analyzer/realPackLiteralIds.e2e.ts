/**
 * The real pack's endpoint topologies (realPackHarness.ts) with the workspace, its dependencies or the network
 * outside the program, referenced by literal ARM id: no property dependencies link them, so the model must
 * join them by id. `realPack.e2e.ts` runs the same topologies as whole programs.
 */
import { endpointTopologies, classicTopologies, topologyTests, wholeProgram } from "./realPackHarness";
import { startRealPack, stopRealPack, type RealPackSessions } from "./realPackSessions";

describe("the real policy pack on topologies with parts outside the program, by literal id", function () {
  this.timeout(60_000);
  let sessions: RealPackSessions;
  before(async () => (sessions = await startRealPack()));
  after(() => stopRealPack(sessions));

  const outside = (form: Parameters<typeof wholeProgram>[0]) => !wholeProgram(form);
  describe("azure-native", () => topologyTests(endpointTopologies, () => sessions, outside));
  describe("the classic @pulumi/azure provider", () =>
    topologyTests(classicTopologies, () => sessions, outside));
});
