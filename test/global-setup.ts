/** Once before all tests: the renderer bundle is built (or found fresh), so browser tests never race to build it. */
import { ensureRenderer } from '../service/serve/build-renderer.js';

export default async function setup(): Promise<void> {
  await ensureRenderer((l) => console.log(l));
}
