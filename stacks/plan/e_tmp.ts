import { planStack } from "./plan";
(async () => {
  for (let i = 0; i < 3; i++) {
    const d = await planStack("isolated-clients", { policyPack: false });
    console.log(JSON.stringify(Math.round(d.timings.programMs)));
  }
})();
