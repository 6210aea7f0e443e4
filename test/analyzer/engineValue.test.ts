import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { engineProperties, unknownSentinel } from "../../plan/policy/engineValue";

const secret = (value: unknown) => ({
  "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
  value,
});
// The SDK's unknown marker, what `deserializeProperties(..., keepUnknowns)` yields at preview.
const unknown = pulumi.unknown;

describe("engineProperties", () => {
  it("encodes unknowns as the engine's sentinel, at any depth", () => {
    expect(pulumi.isUnknown(unknown)).to.equal(true);
    expect(engineProperties({ a: unknown, b: { c: [1, unknown] } })).to.deep.equal({
      a: unknownSentinel,
      b: { c: [1, unknownSentinel] },
    });
  });

  it("keeps secrets in their envelope, drops undefined properties and internal keys", () => {
    expect(
      engineProperties({ s: secret({ k: unknown }), u: undefined, __defaults: [], l: [undefined] }),
    ).to.deep.equal({
      s: secret({ k: unknownSentinel }),
      l: [null],
    });
  });

  it("refuses values it cannot encode faithfully", () => {
    expect(() => engineProperties({ a: { b: new Date(0) } })).to.throw(
      /unsupported value of type Date at a\.b/,
    );
    expect(() => engineProperties({ n: Number.NaN })).to.throw(/non-finite number at n/);
  });
});
