/**
 * The provided stacks' program: `pulumi up -s <stack>` deploys the topology that
 * stacks/Pulumi.<stack>.yaml describes. Its exports are the stack outputs.
 */
import * as pulumi from "@pulumi/pulumi";
import { deployTopology } from "./deployTopology";
import { topologyFromConfig } from "./topology";

export = deployTopology(topologyFromConfig(new pulumi.Config()));
