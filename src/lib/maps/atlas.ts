/**
 * Country outlines from Natural Earth (1:50m admin-0 countries), as the world-atlas package
 * ships them in TopoJSON, read with topojson-client and simplified with topojson-simplify to
 * what a map a few hundred pixels wide can show. Read once per process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { geoArea } from 'd3-geo';
import type { MultiPolygon, Polygon } from 'geojson';
import { merge } from 'topojson-client';
import { presimplify, quantile, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type {
  GeometryCollection,
  GeometryObject,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Topology,
} from 'topojson-specification';

/** The world-atlas file the maps draw: Natural Earth 1:50m, which still has Singapore and Hong Kong. */
export const ATLAS_FILE = 'world-atlas/countries-50m.json';

/**
 * Share of the outlines' points kept (by Visvalingam weight): at about 2 px a degree, 1:50m has
 * far more detail than a pixel shows.
 */
const KEEP = 0.05;

/**
 * Islands smaller than this (steradians, about 1,000 km²) are left out, except an economy's
 * largest piece: Oahu (Honolulu) stays, reefs and islets a pixel cannot show go.
 */
const MIN_PART = 2.5e-5;

/** Antarctica: below the maps' southern edge. */
const LEFT_OUT = new Set(['010']);

interface CountryProperties {
  name: string;
}

/** A shape without the islands too small to draw; its largest piece is always kept. */
function withoutSpecks(shape: MultiPolygon): MultiPolygon {
  const areas = shape.coordinates.map((coordinates) => geoArea({ type: 'Polygon', coordinates } satisfies Polygon));
  const largest = Math.max(...areas);
  return {
    type: 'MultiPolygon',
    coordinates: shape.coordinates.filter((_, index) => areas[index]! >= MIN_PART || areas[index] === largest),
  };
}

type Countries = Topology<{ countries: GeometryCollection<CountryProperties> }>;
type Area = TopoPolygon<CountryProperties> | TopoMultiPolygon<CountryProperties>;
const isArea = (geometry: GeometryObject<CountryProperties>): geometry is Area =>
  geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';

export interface Atlas {
  /** The world-atlas ids (ISO 3166-1 numeric codes) that have a shape. */
  ids: ReadonlySet<string>;
  /** One country's outline: every shape with its id (Australia is two in Natural Earth, with Ashmore and Cartier). */
  country(id: string): MultiPolygon;
  /** All land except the given countries, as one shape without inner borders. */
  landExcept(ids: ReadonlySet<string>): MultiPolygon;
}

let atlas: Atlas | undefined;

export function loadAtlas(): Atlas {
  if (atlas) return atlas;
  // Resolved from the project root, like src/data/: the built endpoint runs from elsewhere.
  const path = createRequire(join(process.cwd(), 'package.json')).resolve(ATLAS_FILE);
  const topology = JSON.parse(readFileSync(path, 'utf8')) as Countries;
  const weighted = presimplify(topology, sphericalTriangleArea);
  const simple = simplify(weighted, quantile(weighted, KEEP)) as Countries;
  // A few Natural Earth shapes have no ISO code (no id): they are land all the same.
  const geometries = simple.objects.countries.geometries
    .filter(isArea)
    .filter((geometry) => !LEFT_OUT.has(String(geometry.id)));
  const byId = Map.groupBy(
    geometries.filter((geometry) => geometry.id !== undefined),
    (geometry) => String(geometry.id),
  );
  atlas = {
    ids: new Set(byId.keys()),
    country: (id) => {
      const shapes = byId.get(id);
      if (!shapes) throw new Error(`${ATLAS_FILE}: no country with id ${id}`);
      return withoutSpecks(merge(simple, shapes));
    },
    landExcept: (ids) =>
      withoutSpecks(
        merge(
          simple,
          geometries.filter((geometry) => geometry.id === undefined || !ids.has(String(geometry.id))),
        ),
      ),
  };
  return atlas;
}
