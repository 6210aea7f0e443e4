/**
 * The AnalyzeStack request encoded one resource at a time is the request the generated message encodes:
 * the same bytes, decoded by the pack's side into the same resources.
 */
import * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import { expect } from "chai";
import { analyzeStackRequest, stackResource } from "../../plan/policy/analyzerMessages";
import type { AnalyzerResource } from "../../plan/policy/analyzerResources";

function resource(i: number, size: number): AnalyzerResource {
  const urn = `urn:pulumi:s::p::azure-native:network:VirtualNetwork::vnet-${i}`;
  return {
    urn,
    type: "azure-native:network:VirtualNetwork",
    name: `vnet-${i}`,
    inputs: { padding: "x".repeat(size) },
    outputs: { padding: "x".repeat(size), subnets: [{ name: "a" }], n: i },
    parent: i > 0 ? "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s" : undefined,
    dependencies: i > 0 ? ["urn:pulumi:s::p::pulumi:pulumi:Stack::p-s"] : [],
    propertyDependencies: i > 1 ? { padding: [urn] } : {},
    protect: false,
    ignoreChanges: [],
    aliases: [],
  };
}

describe("analyzeStackRequest: the AnalyzeStack request encoded per resource", () => {
  // Lengths under 128, over 128 and over 16,384 bytes: one-, two- and three-byte length varints.
  const resources = [resource(0, 0), resource(1, 200), resource(2, 20_000), resource(3, 3)];

  it("is byte for byte the generated message's encoding", () => {
    const whole = new analyzerPb.AnalyzeStackRequest();
    whole.setResourcesList(resources.map(stackResource));
    expect(Buffer.from(analyzeStackRequest(resources).serializeBinary())).to.deep.equal(
      Buffer.from(whole.serializeBinary()),
    );
  });

  it("decodes into the resources, in order", () => {
    const decoded = analyzerPb.AnalyzeStackRequest.deserializeBinary(
      analyzeStackRequest(resources).serializeBinary(),
    ).getResourcesList();
    expect(decoded.map((r) => r.getUrn())).to.deep.equal(resources.map((r) => r.urn));
    expect(decoded[2].getProperties()!.toJavaScript().padding).to.have.length(20_000);
  });
});
