/**
 * The projection of the site's maps: Equal Earth (equal-area, so no economy looks bigger than it
 * is), its centre meridian in the Pacific and the Atlantic at the edges, cut to a longitude and
 * latitude range and scaled to MAP_WIDTH pixels.
 */
import { geoEqualEarth, type GeoProjection } from 'd3-geo';

/** Every map is this wide (px): at 1:1 on a 1280 px screen its 12 px names stay 12 px. */
export const MAP_WIDTH = 680;

/** What a map shows, in degrees: west and east edges at the equator (west < east going east), north and south. */
export interface Extent {
  west: number;
  east: number;
  north: number;
  south: number;
}

export function pacificProjection(extent: Extent): { projection: GeoProjection; height: number } {
  const span = (((extent.east - extent.west) % 360) + 360) % 360;
  const centre = extent.west + span / 2;
  const projection = geoEqualEarth().rotate([-centre, 0]).scale(1).translate([0, 0]);
  const [west] = projection([extent.west, 0])!;
  const [east] = projection([extent.east, 0])!;
  const scale = MAP_WIDTH / (east - west);
  const top = projection([centre, extent.north])![1] * scale;
  const bottom = projection([centre, extent.south])![1] * scale;
  projection.scale(scale).translate([-west * scale, -top]);
  return { projection, height: Math.ceil(bottom - top) };
}
