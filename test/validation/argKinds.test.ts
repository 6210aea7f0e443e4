/**
 * Argument kinds refuse invisible characters in every non-free string kind, ARM ids included (a zero-width
 * space pasted into an id passes a type check and a loose id parse, then fails at Azure with a 404).
 */
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { runOnMocks } from "../../plan/mockRun";
import type { ManagedNetworkArgs } from "../../sdk/managedNetwork/managedNetworkArgs";
import { armId, armIdOf, freeText, region } from "../../sdk/validation/argKinds";
import { SecuredWorkspace } from "../../sdk/workspace/securedWorkspace";
import { existing, validArgs } from "../workspace/fixtures";

describe("argument kinds: invisible characters", () => {
  const vaultId = existing.keyVaultId;
  const reasons = (problems: { reason: string }[]) => problems.map((p) => p.reason);

  it("an ARM id with a zero-width space is refused, naming the character; the clean id passes", () => {
    const kind = armId("Microsoft.KeyVault/vaults");
    expect(kind.problems("keyVaultId", vaultId)).to.deep.equal([]);
    expect(reasons(kind.problems("keyVaultId", `${vaultId}\u200b`))).to.deep.equal([
      `"${vaultId}\\u200b" contains the invisible character U+200B; type the value again without it`,
    ]);
  });

  it("so is an id checked by a custom acceptance, and a region", () => {
    const kind = armIdOf(["Microsoft.KeyVault/vaults"], () => true);
    expect(reasons(kind.problems("p", `\u2060${vaultId}`))[0]).to.include("invisible character U+2060");
    expect(reasons(region.problems("location", "west\u200beurope"))[0]).to.include(
      "invisible character U+200B",
    );
  });

  it("free text is not checked for them (descriptions may hold any character)", () => {
    expect(freeText("a description").problems("description", "a\u200bb")).to.deep.equal([]);
  });
});

describe("managed network: provisionNetworkNow when the mode is an Output", () => {
  const propertiesOf = async (managedNetwork: ManagedNetworkArgs) => {
    const run = await runOnMocks(() => {
      new SecuredWorkspace("ml", validArgs({ managedNetwork }));
    });
    return run.graph.named("ml-workspace").inputs.properties as Record<string, unknown>;
  };

  it("is sent (true by default, or as given) with a managed mode known only at run time", async () => {
    const approved = pulumi.output("AllowOnlyApprovedOutbound" as const);
    expect((await propertiesOf({ isolationMode: approved })).provisionNetworkNow).to.equal(true);
    expect(
      (await propertiesOf({ isolationMode: approved, provisionAtCreation: false })).provisionNetworkNow,
    ).to.equal(false);
  });

  it("is left out when the Output mode is Disabled", async () => {
    const properties = await propertiesOf({ isolationMode: pulumi.output("Disabled" as const) });
    expect(properties.provisionNetworkNow).to.equal(undefined);
  });
});
