import { expect } from "chai";
import * as path from "path";
import { approvalTemplate } from "../../sdk/managedVnet/managedEndpointApproval";
import {
  approvableTargetTypes,
  approvalTargetOf,
  approvedStates,
} from "../../sdk/managedVnet/targetConnections";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const extracts = require("./connectionStateSpecs.json") as {
  specs: Record<string, { properties: Record<string, { type?: string; enum?: string[] }> }>;
};

const rg = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml/providers";
const targets: Record<string, string> = {
  "Microsoft.MachineLearningServices/workspaces": `${rg}/Microsoft.MachineLearningServices/workspaces/mlw1`,
  "Microsoft.Storage/storageAccounts": `${rg}/Microsoft.Storage/storageAccounts/stml1`,
  "Microsoft.KeyVault/vaults": `${rg}/Microsoft.KeyVault/vaults/kv-ml1`,
  "Microsoft.ContainerRegistry/registries": `${rg}/Microsoft.ContainerRegistry/registries/crml1`,
};

/** The connection state the approval's template writes for a target. */
function stateSent(targetId: string): Record<string, unknown> {
  const template = approvalTemplate(approvalTargetOf(targetId)!) as {
    resources: {
      apiVersion: string;
      properties: { privateLinkServiceConnectionState: Record<string, unknown> };
    }[];
  };
  return template.resources[0].properties.privateLinkServiceConnectionState;
}

describe("ManagedEndpointApproval: the approved connection state in each provider's own spec", () => {
  it("has a target per approvable type, each following the spec file of the API version it writes with", () => {
    expect(Object.keys(targets).sort()).to.deep.equal([...approvableTargetTypes].sort());
    for (const type of approvableTargetTypes) {
      const approved = approvedStates[type.toLowerCase()];
      expect(approved.spec, type).to.contain(`/stable/${approved.apiVersion}/`);
      expect(extracts.specs, type).to.have.property(approved.spec);
      expect(approvalTargetOf(targets[type])?.apiVersion).to.equal(approved.apiVersion);
    }
  });

  for (const [type, targetId] of Object.entries(targets)) {
    it(`${type}: every field sent is one of the spec's, with an allowed value, and the actions field is sent`, () => {
      const { properties } = extracts.specs[approvedStates[type.toLowerCase()].spec];
      const sent = stateSent(targetId);
      expect(Object.keys(sent)).to.have.members(Object.keys(properties));
      expect(sent.status).to.equal("Approved");
      expect(sent.description).to.equal("[parameters('description')]");
      for (const [field, value] of Object.entries(sent)) {
        const allowed = properties[field].enum;
        if (allowed) expect(allowed, `${type} ${field}`).to.include(value);
      }
    });
  }

  it("storage spells actionRequired, the others actionsRequired (the fields differ by provider)", () => {
    expect(stateSent(targets["Microsoft.Storage/storageAccounts"])).to.include({ actionRequired: "None" });
    for (const type of Object.keys(targets).filter((t) => t !== "Microsoft.Storage/storageAccounts")) {
      expect(stateSent(targets[type]), type)
        .to.include({ actionsRequired: "None" })
        .and.not.have.property("actionRequired");
    }
    expect(path.basename(approvedStates["microsoft.storage/storageaccounts"].spec)).to.equal(
      "privatelinks.json",
    );
  });
});
