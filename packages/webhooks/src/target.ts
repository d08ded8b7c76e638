import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';

import ipaddr from 'ipaddr.js';

/** Where a webhook may be sent. */
export interface TargetPolicy {
  /**
   * Allows http and private, loopback and other non-public addresses: development and tests
   * only. Otherwise only https to public unicast addresses.
   */
  allowPrivate: boolean;
}

/** A target refused before anything was sent, with the reason in words. */
export class TargetRefused extends Error {
  override name = 'TargetRefused';
}

/**
 * Why an IP address is no webhook target, or undefined for a public unicast one. IPv4 inside IPv6
 * (`::ffff:10.0.0.1`) is judged as the IPv4 address it is; every special range (loopback,
 * private, link-local with the cloud metadata address, carrier-grade NAT, multicast, reserved,
 * 6to4 and Teredo tunnels, …) is refused by its name in ipaddr.js.
 */
export function addressRefusal(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  const range = parsed.range();
  return range === 'unicast' ? undefined : `${address} is a ${range} address`;
}

/**
 * Checks a webhook URL as registered: absolute, https (http only with `allowPrivate`), no
 * credentials in it, and, when its host is an IP address, a public one. A host name is checked
 * again at each delivery, against what it resolves to then (`guardedLookup`).
 */
export function checkTargetUrl(raw: string, policy: TargetPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TargetRefused(`${JSON.stringify(raw)} is not an absolute URL`);
  }
  const schemes = policy.allowPrivate ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) {
    throw new TargetRefused(`a webhook URL must use ${schemes.join(' or ')}, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new TargetRefused('a webhook URL may not carry a user name or password');
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!policy.allowPrivate && ipaddr.isValid(host)) {
    const refusal = addressRefusal(host);
    if (refusal) throw new TargetRefused(`a webhook may not go to ${refusal}`);
  }
  return url;
}

/**
 * A DNS lookup for the HTTP client that resolves the host and refuses it when any of its addresses
 * is not public, so the connection goes to an address that was checked (a name that resolves to
 * a public address when registered and to a private one later is refused then).
 */
export function guardedLookup(policy: TargetPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = policy.allowPrivate
        ? []
        : addresses.flatMap(({ address }) => addressRefusal(address) ?? []);
      if (refused.length > 0 || addresses.length === 0) {
        const reason = refused[0] ?? `${hostname} has no address`;
        return callback(new TargetRefused(`a webhook may not go to ${reason}`), '', 0);
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      callback(null, first!.address, first!.family);
    });
  };
}
