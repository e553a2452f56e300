/**
 * An HTTP proxy on loopback that answers each CONNECT as the test says: 407 (credentials wanted), 403 (the target is
 * forbidden), a connection closed after the CONNECT was read, or a tunnel to the target (only ever 127.0.0.1). It can
 * stop listening (connection refused) and listen again on the same port.
 */
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

export type ProxyFault = 'tunnel' | '407' | '403' | 'close';

export interface FaultyProxy {
  port: number;
  /** The fault each CONNECT met, in order. */
  met: ProxyFault[];
  /** Stops listening: connections are refused until listen(). */
  refuse(): Promise<void>;
  listen(): Promise<void>;
  close(): Promise<void>;
}

const REPLY: Record<'407' | '403', string> = {
  '407': 'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="proxy"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
  '403': 'HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: 16\r\nConnection: close\r\n\r\nAccess denied.\r\n',
};

export async function startFaultyProxy(faultFor: () => ProxyFault): Promise<FaultyProxy> {
  const met: ProxyFault[] = [];
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const onConnection = (client: Socket): void => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    let head = Buffer.alloc(0);
    const onData = (c: Buffer): void => {
      head = Buffer.concat([head, c]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      client.off('data', onData);
      const target = /^CONNECT 127\.0\.0\.1:(\d+) /.exec(head.toString('latin1'));
      const fault = target ? faultFor() : '403';
      met.push(fault);
      if (fault === 'close') return void client.destroy();
      if (fault !== 'tunnel') return void client.end(REPLY[fault]);
      const upstream = connect(Number(target![1]), '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection established\r\n\r\n');
        const rest = head.subarray(end + 4);
        if (rest.length) upstream.write(rest);
        client.pipe(upstream).pipe(client);
      });
      upstream.on('error', () => client.destroy());
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
    };
    client.on('data', onData);
  };
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer(onConnection);
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });
  const refuse = () =>
    new Promise<void>((resolve) => {
      sockets.forEach((s) => s.destroy());
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });
  await listen();
  return {
    get port() {
      return port;
    },
    met,
    refuse,
    listen,
    close: refuse,
  };
}
