/**
 * Validation of workspace IP network rules ("Enabled from selected IP addresses"): IPv4 only, a single
 * address or a CIDR range, public internet addresses only, at most 200 rules per workspace.
 */
import * as ipaddr from "ipaddr.js";

/** Azure Machine Learning accepts at most this many IP rules per workspace. */
export const maxIpRules = 200;

/**
 * ipaddr.js range names that are not public internet addresses. `as112` and `amt` are left out: they are
 * anycast ranges on the public internet.
 */
const nonPublicRanges = [
  "unspecified",
  "broadcast",
  "multicast",
  "linkLocal",
  "loopback",
  "carrierGradeNat",
  "private",
  "reserved",
] as const;

type RangeTable = Record<string, [ipaddr.IPv4, number] | [ipaddr.IPv4, number][]>;

const nonPublicBlocks: { name: string; network: ipaddr.IPv4; bits: number }[] = nonPublicRanges.flatMap(
  (name) => {
    const entry = (ipaddr.IPv4.prototype as unknown as { SpecialRanges: RangeTable }).SpecialRanges[name];
    const blocks = Array.isArray(entry[0])
      ? (entry as [ipaddr.IPv4, number][])
      : [entry as [ipaddr.IPv4, number]];
    return blocks.map(([network, bits]) => ({ name, network, bits }));
  },
);

export interface IpRuleProblem {
  value: string;
  reason: string;
}

/** Why `value` is not a valid workspace IP rule, or undefined when it is one. */
export function ipRuleProblem(value: string): string | undefined {
  const text = value.trim();
  if (text === "")
    return "it is empty; give an IPv4 address such as 16.17.18.19 or a range such as 16.17.18.0/24";
  const [address, prefix, ...rest] = text.split("/");
  if (rest.length > 0) return "it has more than one '/'";
  if (ipaddr.IPv6.isValid(address)) return "it is IPv6; Azure Machine Learning IP rules take IPv4 only";
  if (!ipaddr.IPv4.isValidFourPartDecimal(address)) {
    return "it is not an IPv4 address in dotted-decimal form (a.b.c.d or a.b.c.d/n)";
  }
  let bits = 32;
  if (prefix !== undefined) {
    if (!/^\d{1,2}$/.test(prefix) || Number(prefix) > 32)
      return `the prefix length /${prefix} is not between /0 and /32`;
    bits = Number(prefix);
  }
  const ip = ipaddr.IPv4.parse(address);
  const network = ipaddr.IPv4.networkAddressFromCIDR(`${address}/${bits}`);
  if (network.toString() !== ip.toString()) {
    return `host bits are set; the range starts at ${network.toString()}/${bits}`;
  }
  const overlap = nonPublicBlocks.find((block) => ip.match(block.network, Math.min(bits, block.bits)));
  if (overlap) {
    return `it overlaps ${overlap.network.toString()}/${overlap.bits} (${overlap.name}); only public internet addresses are allowed`;
  }
  return undefined;
}

/** Every problem in a list of IP rules: each bad rule, and the count limit after de-duplication. */
export function ipRuleProblems(values: readonly string[]): IpRuleProblem[] {
  const problems: IpRuleProblem[] = [];
  for (const value of values) {
    const reason = ipRuleProblem(value);
    if (reason) problems.push({ value, reason });
  }
  const distinct = distinctIpRules(values);
  if (distinct.length > maxIpRules) {
    problems.push({
      value: `${distinct.length} rules`,
      reason: `a workspace takes at most ${maxIpRules} IP rules; merge addresses into CIDR ranges`,
    });
  }
  return problems;
}

/** Rules with duplicates removed (a bare address and its /32 are the same rule), in first-seen order. */
export function distinctIpRules(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const key = value.trim().replace(/\/32$/, "");
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(value.trim());
  }
  return out;
}
