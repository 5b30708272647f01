import type { APIRoute } from 'astro';
import { mapResponse, mapStaticPaths } from '../../../lib/maps';

/** The Simplified edition's maps and charts: the same drawing, names and words converted. */
export const getStaticPaths = mapStaticPaths;
export const GET: APIRoute = ({ params }) => mapResponse(params['map'], 'hans');
