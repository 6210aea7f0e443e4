/** The judges of issue 25's blind rounds (blindMutations25b, 25c, 25d), one definition for all three lists. */
import type { Mutation } from "./mutate";

/** Every unit test file (`*.test.ts`, no e2e) of the folders of issue 25's code judges every mutant. */
const judges = [
  "test/policy/*.test.ts",
  "test/hubSpoke/*.test.ts",
  "test/endpoints/*.test.ts",
  "test/validation/*.test.ts",
  "test/plan/*.test.ts",
];

/**
 * The same files with the component tests first, for a component mutant: the set (and so the verdict) is the
 * same, only `--bail` stops sooner when the tests of the components kill it.
 */
const componentsFirst = [...judges.slice(1, 4), judges[4], judges[0]];

/** A blind mutant judged by the whole set. */
export const blindMutant = (name: string, file: string, from: string, to: string): Mutation => ({
  name,
  file,
  from,
  to,
  tests: file.startsWith("sdk/") ? componentsFirst : judges,
});
