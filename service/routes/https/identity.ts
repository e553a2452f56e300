/**
 * Whom the center's certificate must name: the host of its URL, and nothing else.
 *
 * Node checks a server's identity against `servername`, else `host`, else "localhost". Directly, `https.request` passes
 * the URL's host; through the proxy, https-proxy-agent opens TLS on the tunnel with neither for an IP address (it
 * leaves out SNI for IPs, rightly, and drops `host`), so `https://127.0.0.1/` was checked against "localhost": a
 * certificate for DNS:localhost was accepted and the right one for IP:127.0.0.1 refused. So the exchange never lets a
 * library infer the name: it gives the TLS layer the SNI to send and a check bound to the URL's host.
 */
import { isIP } from 'node:net';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';

export interface CenterIdentity {
  /** The host the certificate must name, without IPv6 brackets. */
  host: string;
  /**
   * SNI: the DNS name (without a final dot, RFC 6066 section 3), or '' for an IP address, which SNI must not carry.
   * '' (rather than absent) also stops Node's agent and https-proxy-agent from filling one in.
   */
  servername: string;
  /** tls.connect's check, ignoring the name Node proposes (which through the proxy is not the URL's host). */
  checkServerIdentity: (proposed: string, cert: PeerCertificate) => Error | undefined;
}

export function centerIdentity(url: URL): CenterIdentity {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // An IP address is matched against the certificate's IP addresses only; a name against its DNS names (Node's rules).
  const servername = isIP(host) === 0 ? host.replace(/\.$/, '') : '';
  return { host, servername, checkServerIdentity: (_proposed, cert) => checkServerIdentity(host, cert) };
}
