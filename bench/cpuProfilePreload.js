// Preloaded into a policy pack's process (NODE_OPTIONS=--require, since Node refuses --cpu-prof there) to
// profile it like `node --cpu-prof`: the profile is written to $BENCH_CPU_PROFILE when the pack is stopped.
const fs = require("fs");
const inspector = require("inspector");

const session = new inspector.Session();
session.connect();
session.post("Profiler.enable", () => session.post("Profiler.start"));
process.once("SIGTERM", () => {
  session.post("Profiler.stop", (err, result) => {
    if (!err) fs.writeFileSync(process.env.BENCH_CPU_PROFILE, JSON.stringify(result.profile));
    process.exit(0);
  });
});
