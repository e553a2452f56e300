/**
 * How a relayed report reached this manager: the agent's port (31136 express, 31138 https), the agent's address, and
 * when the manager took it. The receiver hands it with every report; the spool keeps it on the report's record, and
 * delivery picks the forwarding route by `port`. Declared in spool/record.ts (the spool, intake and delivery read it,
 * and none of them may import service/relay/, which imports them).
 */
export type { RelayVia } from '../spool/record.js';
