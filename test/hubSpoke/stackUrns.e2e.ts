/**
 * Every provided stack keeps the URNs it had before issue 18 (stackUrns.before.json, planned from commit
 * 9c9ecc8): private subnets, tags and names change inputs only, never a URN. New stacks are not in the file.
 * The one deliberate change since is listed below, with its reason and the migration docs/upgrading.md gives.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { planStack } from "../../plan/plan";

const before = JSON.parse(fs.readFileSync(path.join(__dirname, "stackUrns.before.json"), "utf8")) as Record<
  string,
  string[]
>;

const prefix = "urn:pulumi:data-factory-managed-vnet::azureml-isolated::azureml-network-isolation:index:";
/**
 * The Data Factory managed VNet became a template deployment (it was a generic resource, whose provider sent a
 * `location` the resource lacks and would DELETE what Data Factory cannot delete): same name, new type.
 */
const deliberate: Record<string, { was: string; now: string }[]> = {
  "data-factory-managed-vnet": [
    {
      was: `${prefix}DataFactoryManagedEndpoints$azure-native:resources:Resource::adf-managed-vnet`,
      now: `${prefix}DataFactoryManagedEndpoints$azure-native:resources:Deployment::adf-managed-vnet`,
    },
  ],
};

function expectedUrns(stack: string, urns: string[]): string[] {
  const changes = deliberate[stack] ?? [];
  return urns.map((urn) => changes.find((c) => c.was === urn)?.now ?? urn).sort();
}

describe("provided stacks keep their URNs (issue 18)", function () {
  this.timeout(120_000);
  for (const [stack, urns] of Object.entries(before)) {
    it(`${stack}: the same ${urns.length} URNs`, async () => {
      const doc = await planStack(stack, { policyPack: false });
      expect(doc.resources.map((r) => r.urn).sort()).to.deep.equal(expectedUrns(stack, urns));
    });
  }
});
