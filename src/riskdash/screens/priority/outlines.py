"""Schematic township outlines for the offline risk map, derived from the data: no real boundaries ship with
riskdash (the demo city has none, and a tile server or Plotly's geo outlines would need the internet).

Each township is placed at the centroid of its enterprises' coordinates, and the map's frame is split into the
Voronoi cells of those centroids: every point of a cell is nearer to its township's centroid than to any
other. The cells are an honest sketch of "which township lies where", not a boundary: the map labels them 示意
(schematic). They are returned as a GeoJSON FeatureCollection, so that real outlines in the same form could
be drawn the same way, and drawn as plain scatter lines.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

# each cell is cut by the bisectors of this many nearest centroids: a Voronoi cell inside a frame is bounded by
# near neighbours, and a city of 1,000+ townships would otherwise cost n² cuts
NEAREST = 40
# the frame around the enterprises, as a share of their extent on each side
MARGIN = 0.05


def township_centroids(scores: pd.DataFrame) -> pd.DataFrame:
    """One row per township with located enterprises: region_code, region_name, longitude, latitude (means)."""
    located = scores.dropna(subset=["longitude", "latitude"])
    if located.empty:
        return pd.DataFrame(columns=["region_code", "region_name", "longitude", "latitude"])
    return (located.groupby(["region_code", "region_name"], sort=True)[["longitude", "latitude"]].mean()
            .reset_index())


def _clip(polygon: list[tuple[float, float]], point: tuple[float, float],
          other: tuple[float, float]) -> list[tuple[float, float]]:
    """The part of a convex polygon nearer to ``point`` than to ``other`` (Sutherland–Hodgman, one half-plane)."""
    nx, ny = other[0] - point[0], other[1] - point[1]
    # points (x, y) with nx·x + ny·y ≤ offset are on point's side of the bisector
    offset = (nx * (point[0] + other[0]) + ny * (point[1] + other[1])) / 2
    sides = [nx * x + ny * y - offset for x, y in polygon]
    if max(sides) <= 0:
        return polygon  # the bisector misses the cell: nothing to cut
    kept: list[tuple[float, float]] = []
    for i, (x, y) in enumerate(polygon):
        px, py = polygon[i - 1]
        side, side_before = sides[i], sides[i - 1]
        if (side <= 0) != (side_before <= 0):
            t = side_before / (side_before - side)
            kept.append((px + t * (x - px), py + t * (y - py)))
        if side <= 0:
            kept.append((x, y))
    return kept


def township_outlines(scores: pd.DataFrame) -> dict:
    """Schematic outlines (Voronoi cells of the township centroids within the enterprises' frame) as GeoJSON:
    one Polygon feature per township with properties region_code, name, schematic=True."""
    centroids = township_centroids(scores)
    features: list[dict] = []
    if centroids.empty:
        return {"type": "FeatureCollection", "features": features}
    located = scores.dropna(subset=["longitude", "latitude"])
    lon_min, lon_max = float(located["longitude"].min()), float(located["longitude"].max())
    lat_min, lat_max = float(located["latitude"].min()), float(located["latitude"].max())
    pad_lon = max((lon_max - lon_min) * MARGIN, 0.01)
    pad_lat = max((lat_max - lat_min) * MARGIN, 0.01)
    frame = [(lon_min - pad_lon, lat_min - pad_lat), (lon_max + pad_lon, lat_min - pad_lat),
             (lon_max + pad_lon, lat_max + pad_lat), (lon_min - pad_lon, lat_max + pad_lat)]
    # distances in a plane where a degree of longitude is shortened as on the ground
    squeeze = np.cos(np.radians((lat_min + lat_max) / 2))
    points = centroids[["longitude", "latitude"]].to_numpy(dtype=float) * np.array([squeeze, 1.0])
    for i, row in enumerate(centroids.itertuples(index=False)):
        order = np.argsort(((points - points[i]) ** 2).sum(axis=1))
        cell = [(x * squeeze, y) for x, y in frame]
        here = (float(points[i][0]), float(points[i][1]))
        for j in order[1:NEAREST + 1]:
            there = (float(points[j][0]), float(points[j][1]))
            if there == here:
                continue  # two townships at one centroid: both keep the shared cell
            cell = _clip(cell, here, there)
            if not cell:
                break
        if len(cell) < 3:
            continue
        ring = [[float(x / squeeze), float(y)] for x, y in cell]
        ring.append(ring[0])
        features.append({
            "type": "Feature",
            "properties": {"region_code": row.region_code, "name": row.region_name, "schematic": True},
            "geometry": {"type": "Polygon", "coordinates": [ring]},
        })
    return {"type": "FeatureCollection", "features": features}
