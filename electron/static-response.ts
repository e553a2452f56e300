import { CSP, staticFile } from '../shared/node/static-files.js';

export async function staticFileResponse(root: string, path: string): Promise<Response> {
  const f = await staticFile(root, path);
  if (!f) return new Response('not found', { status: 404 });
  return new Response(new Uint8Array(f.body), { headers: { 'content-type': f.type, 'content-security-policy': CSP, 'x-content-type-options': 'nosniff' } });
}
