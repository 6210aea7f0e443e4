/**
 * The provided stacks' program: `pulumi up -s <stack>` deploys the topology that
 * stacks/Pulumi.<stack>.yaml describes. Its exports are the stack outputs. Bad arguments are reported as
 * `property: reason` lines, as the CLI shows them for hosted components.
 */
import * as pulumi from "@pulumi/pulumi";
import { withReadableArgErrors } from "../../sdk/validation/argErrorText";
import { deployTopology } from "./deployTopology";
import { deployHubSpoke, hubSpokeFromConfig } from "./hubSpoke";
import { topologyFromConfig } from "./topology";

export = withReadableArgErrors(() => {
  const config = new pulumi.Config();
  const hubSpoke = hubSpokeFromConfig(config);
  return hubSpoke ? deployHubSpoke(hubSpoke) : deployTopology(topologyFromConfig(config));
});
