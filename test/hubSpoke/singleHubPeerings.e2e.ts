/**
 * `peerings` leaves the single-hub form alone: every program using `hubVirtualNetworkId`, `hubAddressSpace`,
 * `hubPeering` or `platformHub` registers the same peerings (URN, parent, inputs, dependencies, options) at
 * preview and at update as before `peerings` existed (singleHubPeerings.before.json, from commit eb4f811), so
 * the engine shows no rename, no replace and no update. The other resources' URNs: stackUrns.e2e.ts.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { registeredPeerings, singleHubPrograms } from "./singleHubPeerings";

const before = JSON.parse(
  fs.readFileSync(path.join(__dirname, "singleHubPeerings.before.json"), "utf8"),
) as Record<string, unknown[]>;

describe("single-hub peerings are registered as before peerings existed", function () {
  this.timeout(120_000);
  for (const name of Object.keys(singleHubPrograms))
    for (const preview of [true, false]) {
      const key = `${name} (${preview ? "preview" : "update"})`;
      it(key, async () => {
        expect(before[key], "recorded before").to.not.have.length(0);
        expect(await registeredPeerings(name, preview)).to.deep.equal(before[key]);
      });
    }
});
