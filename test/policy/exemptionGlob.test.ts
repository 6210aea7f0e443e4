/**
 * The exemption glob's work is bounded: counted in character comparisons, not timed, so a loaded machine
 * cannot make it flake. The regular expression it replaced took 59 s for this pattern on a 15-character
 * name; here a 20,000-character name costs about one comparison per character.
 */
import { expect } from "chai";
import fc from "fast-check";
import { compileGlob, type StepCounter } from "../../policy/pack/glob";
import { compileExemptions, exemptionLimits, withExemptions } from "../../policy/pack/exemptions";

function steps(pattern: string, text: string): { matched: boolean; steps: number } {
  const counter: StepCounter = { steps: 0 };
  const matched = compileGlob(pattern)(text, counter);
  return { matched, steps: counter.steps };
}

/** The semantics as a reference: a regular expression built from generated patterns over a safe alphabet. */
function reference(pattern: string, text: string): boolean {
  const source = pattern.replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${source}$`, "s").test(text);
}

describe("exemption glob matching", () => {
  const hostile = "**********************a";

  it("the issue's hostile pattern costs one comparison per character of a long name, matched or not", () => {
    for (const n of [1_000, 20_000]) {
      const miss = steps(hostile, "b".repeat(n));
      expect(miss.matched).to.equal(false);
      expect(miss.steps).to.be.at.most(n + hostile.length);
      const hit = steps(hostile, `${"b".repeat(n)}a`);
      expect(hit.matched).to.equal(true);
      expect(hit.steps).to.be.at.most(n + hostile.length);
    }
  });

  it("an exemption with the hostile pattern does bounded work on a resource with a long name", () => {
    const counter: StepCounter = { steps: 0 };
    const exempt = compileExemptions([{ pattern: hostile, reason: "x" }], counter);
    const name = "b".repeat(5_000);
    expect(exempt(`urn:pulumi:prod::ml::azure-native:network:Subnet::${name}`)).to.equal(false);
    expect(counter.steps).to.be.within(1, name.length + hostile.length);
  });

  it("a pattern whose segments nearly match everywhere stays within (name length) x (segment length)", () => {
    const pattern = "*aaaaaaaab*aaaaaaaab*";
    for (const n of [1_000, 10_000]) {
      const r = steps(pattern, "a".repeat(n));
      expect(r.matched).to.equal(false);
      expect(r.steps).to.be.at.most(n * 9);
      // Linear: ten times the name is about ten times the work, never a hundred.
      if (n === 10_000) expect(r.steps).to.be.at.most(11 * steps(pattern, "a".repeat(1_000)).steps);
    }
  });

  it("a policy's full allowance of patterns at the longest length costs a bounded amount per character", () => {
    const patterns = Array.from({ length: exemptionLimits.maxPatterns }, (_, i) =>
      `*${"?".repeat(exemptionLimits.maxPatternLength - 3)}${i}*`.slice(0, exemptionLimits.maxPatternLength),
    );
    const name = "x".repeat(2_000);
    const total = patterns.reduce((sum, p) => sum + steps(p, name).steps, 0);
    expect(total).to.be.at.most(name.length * exemptionLimits.maxPatterns * exemptionLimits.maxPatternLength);
    // And the exemption test over them answers (no stall): none matches.
    const exempt = compileExemptions(patterns.map((pattern) => ({ pattern, reason: "r" })));
    expect(exempt(`urn:pulumi:s::p::t::${name}`)).to.equal(false);
  });

  it("agrees with the glob's meaning ('*' any run, '?' one character, anchored) on random patterns", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "b", "*", "?"), maxLength: 8 }),
        fc.string({ unit: fc.constantFrom("a", "b"), maxLength: 10 }),
        (pattern, text) => compileGlob(pattern)(text) === reference(pattern, text),
      ),
      { numRuns: 3000 },
    );
  });

  it("the config schema bounds the number and length of patterns", () => {
    const schema = withExemptions({ properties: {} }).properties?.exemptions as {
      maxItems?: number;
      items: { properties: { pattern: { maxLength?: number } } };
    };
    expect(schema.maxItems).to.equal(exemptionLimits.maxPatterns);
    expect(schema.items.properties.pattern.maxLength).to.equal(exemptionLimits.maxPatternLength);
  });
});
