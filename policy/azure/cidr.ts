/** IPv4 CIDR arithmetic for VNet address spaces and subnets. */
import * as ipaddr from "ipaddr.js";

export interface Cidr {
  /** The text as given. */
  text: string;
  /** First address as an unsigned 32-bit integer. */
  start: number;
  /** Last address as an unsigned 32-bit integer. */
  end: number;
  bits: number;
}

/** The Docker bridge network's range: a VNet using it breaks Azure ML computes. */
export const dockerBridgeCidr = "172.17.0.0/16";

function toInt(ip: ipaddr.IPv4): number {
  return ip.octets.reduce((acc, octet) => acc * 256 + octet, 0);
}

/** Parses `a.b.c.d/n`; undefined when it is not an IPv4 CIDR with its host bits clear. */
export function parseCidr(text: string): Cidr | undefined {
  const match = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(text.trim());
  if (!match || !ipaddr.IPv4.isValidFourPartDecimal(match[1])) return undefined;
  const bits = Number(match[2]);
  if (bits > 32) return undefined;
  const start = toInt(ipaddr.IPv4.parse(match[1]));
  const size = 2 ** (32 - bits);
  if (start % size !== 0) return undefined;
  return { text: text.trim(), start, end: start + size - 1, bits };
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.start <= b.end && b.start <= a.end;
}

export function contains(outer: Cidr, inner: Cidr): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Number of addresses in the range. */
export function size(cidr: Cidr): number {
  return cidr.end - cidr.start + 1;
}

/** Azure reserves five addresses in every subnet. */
export const azureReservedAddressesPerSubnet = 5;

/** Addresses Azure lets endpoints use in a subnet. */
export function usableAddresses(cidr: Cidr): number {
  return Math.max(0, size(cidr) - azureReservedAddressesPerSubnet);
}

/** The address `offset` places after the start of the range, as dotted decimal. */
export function addressAt(cidr: Cidr, offset: number): string {
  const value = cidr.start + offset;
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

export function overlapsDockerBridge(cidr: Cidr): boolean {
  return overlaps(cidr, parseCidr(dockerBridgeCidr)!);
}
