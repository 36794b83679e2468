import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ORIGIN_PLACEHOLDER } from './corpus-sites';
import { siteFor } from './fixture-sites';

/** Serves each fixture site under its own host name, on 127.0.0.1 only. */
export async function startSiteServer(): Promise<{
  port: number;
  url: (host: string, path?: string) => string;
  close: () => Promise<void>;
}> {
  let port = 0;
  const server: Server = createServer((request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const site = siteFor(host);
    if (!site) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`no fixture for ${host}`);
      return;
    }
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end(site.html.replace(ORIGIN_PLACEHOLDER, (_, host: string) => `http://${host}:${port}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  ({ port } = server.address() as AddressInfo);
  return {
    port,
    url: (host, path = '/') => `http://${host}:${port}${path}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
