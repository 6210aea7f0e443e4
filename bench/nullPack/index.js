// The benchmark's baseline pack: it reads every property of every resource it is sent, in Analyze and in
// AnalyzeStack, and enforces nothing, so it costs what the protocol and CrossGuard's deserialisation cost.
// One advisory stack diagnostic reports what it read, so the benchmark can check that it did.
// Plain JavaScript: run-policy-pack type-checks TypeScript packs at start, which a baseline does not need.
const { PolicyPack } = require("@pulumi/policy");

/** Counts every value under `value`; values the engine sent as unknown throw on read and count too. */
function read(value) {
  if (value === null || typeof value !== "object") return 1;
  let count = 1;
  for (const key of Object.keys(value)) {
    try {
      count += read(value[key]);
    } catch (e) {
      if (e.constructor.name !== "UnknownValueError") throw e;
      count += 1;
    }
  }
  return count;
}

let analyzed = 0;

new PolicyPack("null-pack", {
  policies: [
    {
      name: "read-resource",
      description: "Reads every input of one resource.",
      enforcementLevel: "advisory",
      validateResource: (args) => {
        analyzed += read(args.props) > 0 ? 1 : 0;
      },
    },
    {
      name: "read-stack",
      description: "Reads every output, parent and dependency of every resource of the stack.",
      enforcementLevel: "advisory",
      validateStack: (args, reportViolation) => {
        let values = 0;
        for (const r of args.resources) {
          values += read(r.props) + (r.parent ? 1 : 0) + r.dependencies.length;
          for (const deps of Object.values(r.propertyDependencies)) values += deps.length;
        }
        reportViolation(`read ${args.resources.length} resources (${values} values); analyzed ${analyzed}`);
        analyzed = 0;
      },
    },
  ],
});
