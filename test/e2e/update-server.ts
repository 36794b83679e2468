import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Handler = (response: ServerResponse) => void;

// Cross-origin rules apply to the extension's fetch: the server allows any origin, the If-None-Match and
// If-Modified-Since request headers, and exposes ETag and Date, as a real registry host must (see the
// README's publisher section).
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'If-None-Match, If-Modified-Since',
  'access-control-expose-headers': 'ETag, Date',
};

/** A registry host on 127.0.0.1 whose answers for /registry.json and /registry.json.sig the test sets. */
export async function startUpdateServer() {
  const handlers = new Map<string, Handler>();
  const hanging = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    if (request.method === 'OPTIONS') {
      response.writeHead(204, CORS).end();
      return;
    }
    const handler = handlers.get(request.url ?? '');
    if (!handler) {
      response.writeHead(404, CORS).end('not found');
      return;
    }
    handler(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/registry.json`;
  return {
    url,
    serve(registry: Uint8Array | string, signature: string) {
      handlers.set('/registry.json', (r) => r.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end(registry));
      handlers.set('/registry.json.sig', (r) => r.writeHead(200, CORS).end(signature));
    },
    /** Publishes a file and its signature beside the registry: `name` such as `registry.json.from-2` for a delta. */
    publish(name: string, body: Uint8Array | string, signature: string) {
      handlers.set(`/${name}`, (r) => r.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end(body));
      handlers.set(`/${name}.sig`, (r) => r.writeHead(200, CORS).end(signature));
    },
    /** Announces a body larger than any registry may be, and sends a little of it. */
    oversized(bytes: number) {
      handlers.set('/registry.json', (r) => {
        r.writeHead(200, { ...CORS, 'content-length': String(bytes) });
        r.write('{"schemaVersion": 1,');
        hanging.add(r);
      });
    },
    status(code: number) {
      handlers.set('/registry.json', (r) => r.writeHead(code, CORS).end('server error'));
    },
    redirect(location: string) {
      handlers.set('/registry.json', (r) => r.writeHead(302, { ...CORS, location }).end());
    },
    /** Sends the headers and a first chunk, then nothing more. */
    hang() {
      handlers.set('/registry.json', (r) => {
        hanging.add(r);
        r.writeHead(200, CORS);
        r.write('{"schemaVersion": 1,');
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of hanging) r.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
