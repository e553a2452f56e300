/**
 * How a relayed report reached this manager (docs/relay.md): the agent's port (31136 express, 31138 https), the agent's
 * address, and when the manager took it. The receiver (service/relay/) hands it with every report; the spool keeps it
 * on the report's record, and delivery picks the forwarding route by `port`.
 */
export interface RelayVia {
  port: 'express' | 'https';
  /** The agent's address as the manager saw it (IPv4, IPv6, or IPv4-mapped IPv6). */
  from: string;
  /** ISO 8601: when the manager stored the report (its age, for the retry limit, counts from here). */
  receivedAt: string;
}
