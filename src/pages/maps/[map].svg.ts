import type { APIRoute } from 'astro';
import { mapResponse, mapStaticPaths } from '../../lib/maps';

/** The Traditional edition's maps and charts (src/lib/maps/), drawn from the data at build time. */
export const getStaticPaths = mapStaticPaths;
export const GET: APIRoute = ({ params }) => mapResponse(params['map'], 'hant');
