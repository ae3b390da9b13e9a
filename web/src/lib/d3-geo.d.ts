// Minimal types for the part of d3-geo the map uses (d3-geo ships with @observablehq/plot; no @types package here).
declare module 'd3-geo' {
  import type { Feature, FeatureCollection, Geometry } from 'geojson';
  export interface GeoProjection {
    fitSize(size: [number, number], object: FeatureCollection | Feature): GeoProjection;
  }
  export function geoEqualEarth(): GeoProjection;
  export function geoPath(
    projection: GeoProjection,
  ): (object: Feature<Geometry | null> | FeatureCollection) => string | null;
}
