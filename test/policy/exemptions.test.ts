import { expect } from "chai";
import { compileExemptions, exemptionsOf } from "../../policy/pack/exemptions";

const urn = (name: string, type = "azure-native:network:PrivateEndpoint") =>
  `urn:pulumi:prod::ml::azureml-network-isolation:index:WorkspaceNetwork$${type}::${name}`;

describe("exemption patterns", () => {
  it("match the whole URN when they contain '::', else the resource's name", () => {
    const exempt = compileExemptions([
      { pattern: "*::net-clients-*", reason: "r" },
      { pattern: "pe-?", reason: "r" },
    ]);
    expect(exempt(urn("net-clients-pe-storage-blob"))).to.equal(true);
    expect(exempt(urn("net-services-pe-storage-blob"))).to.equal(false);
    expect(exempt(urn("pe-1"))).to.equal(true);
    expect(exempt(urn("pe-12"))).to.equal(false);
    // A name pattern is anchored to the name: it does not match a longer URN segment.
    expect(exempt(urn("my-pe-1"))).to.equal(false);
  });

  it("treat everything but '*' and '?' literally, case-sensitively", () => {
    const exempt = compileExemptions([{ pattern: "a.b(c)+[d]", reason: "r" }]);
    expect(exempt(urn("a.b(c)+[d]"))).to.equal(true);
    expect(exempt(urn("axb(c)+[d]"))).to.equal(false);
    expect(exempt(urn("A.b(c)+[d]"))).to.equal(false);
  });

  it("compile once per config array and exempt nothing without one", () => {
    const exemptions = [{ pattern: "x", reason: "r" }];
    expect(exemptionsOf({ exemptions })).to.equal(exemptionsOf({ exemptions }));
    expect(exemptionsOf({})(urn("x"))).to.equal(false);
  });
});
