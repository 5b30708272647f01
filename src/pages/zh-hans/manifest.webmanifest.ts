import type { APIRoute } from 'astro';
import { webManifestResponse } from '../../lib/web-manifest';

/** The Simplified edition's web app manifest (src/lib/web-manifest.ts). */
export const GET: APIRoute = () => webManifestResponse(import.meta.env.BASE_URL, 'hans');
