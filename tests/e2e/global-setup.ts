import type { TestProject } from 'vitest/node';
import { serve } from '../../tools/serve';
import { ensureChromium } from '../../tools/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    chromiumPath: string;
  }
}

/** Finds (or installs) Chromium and serves the built dist/ with its _headers on a free port. */
export default async function setup(project: TestProject) {
  const chromiumPath = ensureChromium();
  const server = await serve({ dir: 'dist', port: 0 });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('test server did not start');
  project.provide('siteUrl', `http://localhost:${address.port}/`);
  project.provide('chromiumPath', chromiumPath);
  return () => new Promise<void>((done) => server.close(() => done()));
}
