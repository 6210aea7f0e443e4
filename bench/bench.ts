/**
 * `npm run bench`: the policy pack at organisation scale, the components against flat programs, and the
 * deployment critical paths. Prints the figures; `--json` prints the raw reports instead. `--only
 * policy|components|critical-path` runs one part; `--organisation components|classic|hubSpoke` one organisation
 * stack of the policy part; `--form preview|update` the form the engine sends (default preview); `--quick` runs
 * small sizes (seconds, not minutes).
 */
import { parseArgs } from "util";
import { componentText, criticalPathText, policyText } from "./benchReport";
import { componentBench } from "./componentBench";
import { criticalPathBench } from "./criticalPathBench";
import { benchForms, policyBench, type BenchForm } from "./policyBench";

const parts = ["policy", "components", "critical-path"] as const;
type Part = (typeof parts)[number];
/** The components' organisation stack, the same organisation written with the classic provider, and a platform
 * hub with routed spokes. */
const organisations = ["components", "classic", "hubSpoke"] as const;
type Organisation = (typeof organisations)[number];

function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value !== undefined && !allowed.includes(value as T)) {
    throw new Error(`--${flag} takes one of ${allowed.join(", ")}, got ${value}`);
  }
  return value as T | undefined;
}

function benchArgs(argv: string[]): {
  only?: Part;
  organisation?: Organisation;
  form?: BenchForm;
  quick: boolean;
  json: boolean;
} {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: "string" },
      organisation: { type: "string" },
      form: { type: "string" },
      quick: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
    strict: true,
  });
  return {
    only: oneOf("only", values.only, parts),
    organisation: oneOf("organisation", values.organisation, organisations),
    form: oneOf("form", values.form, benchForms),
    quick: values.quick,
    json: values.json,
  };
}

async function main(): Promise<void> {
  const args = benchArgs(process.argv.slice(2));
  const wanted = (part: Part) => args.only === undefined || args.only === part;
  const print = (text: string, report: unknown) =>
    console.log(args.json ? JSON.stringify(report, null, 2) : `${text}\n`);
  if (wanted("policy")) {
    for (const organisation of organisations.filter((o) => (args.organisation ?? o) === o)) {
      const sets = organisation === "hubSpoke" ? 2 : 3; // the hub-and-spoke workspace has two spokes
      const report = await policyBench(
        args.quick
          ? {
              sizes: [100, 300],
              setsPerWorkspace: sets,
              repeats: 3,
              concurrency: 16,
              organisation,
              form: args.form,
            }
          : {
              sizes: [1000, 10000],
              setsPerWorkspace: sets,
              repeats: 5,
              concurrency: 16,
              organisation,
              form: args.form,
            },
      );
      print(policyText(report), report);
    }
  }
  if (wanted("components")) {
    const report = await componentBench(
      args.quick
        ? { sets: [1, 3], repeats: 3, warmUp: true }
        : { sets: [1, 10, 100], repeats: 3, warmUp: true },
    );
    print(componentText(report), report);
  }
  if (wanted("critical-path")) {
    const report = await criticalPathBench({ sets: args.quick ? [1, 2] : [1, 2, 5, 10] });
    print(criticalPathText(report), report);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exitCode = 1;
});
