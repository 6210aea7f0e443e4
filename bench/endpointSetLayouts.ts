/**
 * Layouts of `count` endpoint sets for one workspace: distinct /16 address spaces (10.<i>.0.0/16, never
 * the Docker bridge range), each with an endpoint subnet, the first marked as the services set.
 */
import type { EndpointSetLayoutArgs } from "../sdk";

/** The most sets distinct 10.<i>.0.0/16 spaces allow. */
export const maxEndpointSets = 256;

/** The stable key of set `i`. */
export function endpointSetName(i: number): string {
  return i === 0 ? "services" : `vnet${i}`;
}

export function endpointSetLayouts(count: number): Record<string, EndpointSetLayoutArgs> {
  if (!Number.isInteger(count) || count < 1 || count > maxEndpointSets) {
    throw new RangeError(`endpoint set count must be an integer in 1..${maxEndpointSets}, got ${count}`);
  }
  const sets: Record<string, EndpointSetLayoutArgs> = {};
  for (let i = 0; i < count; i++) {
    sets[endpointSetName(i)] = {
      addressSpace: [`10.${i}.0.0/16`],
      endpointSubnetPrefix: `10.${i}.1.0/24`,
      servicesSet: i === 0,
    };
  }
  return sets;
}
