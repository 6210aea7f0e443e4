/**
 * Every provided stack keeps the URNs it had before issue 18 (stackUrns.before.json, planned from commit
 * 9c9ecc8): private subnets, tags and names change inputs only, never a URN. New stacks are not in the file.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { planStack } from "../../plan/plan";

const before = JSON.parse(fs.readFileSync(path.join(__dirname, "stackUrns.before.json"), "utf8")) as Record<
  string,
  string[]
>;

describe("provided stacks keep their URNs (issue 18)", function () {
  this.timeout(120_000);
  for (const [stack, urns] of Object.entries(before)) {
    it(`${stack}: the same ${urns.length} URNs`, async () => {
      const doc = await planStack(stack, { policyPack: false });
      expect(doc.resources.map((r) => r.urn).sort()).to.deep.equal(urns);
    });
  }
});
