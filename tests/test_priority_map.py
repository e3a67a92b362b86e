"""The offline risk map: schematic township outlines (Voronoi cells of the township centroids, as GeoJSON) and
the figure that draws them as plain lines — no tiles, no geo outlines, nothing fetched."""

from __future__ import annotations

import pandas as pd
import pytest

from riskdash.screens.priority import charts as priority_charts
from riskdash.screens.priority.outlines import township_centroids, township_outlines


def scored(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["enterprise_id", "name", "region_code", "region_name", "longitude", "latitude",
                                       "level", "score"])


def area(ring) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:]))) / 2


def inside(ring, x, y) -> bool:
    hit = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            hit = not hit
    return hit


TWO = scored([
    ("E1", "甲", "T1", "东镇", 112.0, 34.0, "red", 70.0),
    ("E2", "乙", "T1", "东镇", 112.2, 34.2, "blue", 5.0),
    ("E3", "丙", "T2", "西乡", 113.0, 34.0, "yellow", 20.0),
    ("E4", "丁", "T2", "西乡", 113.2, 34.2, "orange", 40.0),
    ("E5", "戊", "T2", "西乡", None, None, "blue", 1.0),  # no coordinates: not on the map, not in a centroid
])


def test_centroids_are_the_means_of_located_enterprises():
    assert township_centroids(TWO).values.tolist() == [["T1", "东镇", 112.1, 34.1], ["T2", "西乡", 113.1, 34.1]]


def test_two_townships_split_the_frame_at_their_bisector():
    outlines = township_outlines(TWO)
    assert outlines["type"] == "FeatureCollection"
    features = outlines["features"]
    assert [f["properties"] for f in features] == [
        {"region_code": "T1", "name": "东镇", "schematic": True},
        {"region_code": "T2", "name": "西乡", "schematic": True},
    ]
    east, west = (f["geometry"]["coordinates"][0] for f in features)
    # the frame: the enterprises' extent (112–113.2, 34–34.2) plus 5 % a side (at least 0.01°)
    frame_area = (1.2 * 1.1) * (0.2 * 1.1)
    assert area(east) + area(west) == pytest.approx(frame_area)
    # both centroids lie on latitude 34.1, so the bisector is the meridian half-way: 112.6
    assert max(x for x, _ in east) == pytest.approx(112.6) and min(x for x, _ in west) == pytest.approx(112.6)
    assert east[0] == east[-1] and west[0] == west[-1]  # closed rings, as GeoJSON wants


def test_every_centroid_lies_in_its_own_cell_only():
    rows = [(f"E{i}", "x", f"T{i % 7}", f"镇{i % 7}", 112 + (i * 37 % 100) / 100, 34 + (i * 53 % 100) / 100,
             "blue", 1.0) for i in range(70)]
    frame = scored(rows)
    centroids = township_centroids(frame)
    features = township_outlines(frame)["features"]
    assert len(features) == 7
    for feature in features:
        ring = feature["geometry"]["coordinates"][0]
        holders = [c.region_code for c in centroids.itertuples() if inside(ring, c.longitude, c.latitude)]
        assert holders == [feature["properties"]["region_code"]]


def test_one_township_is_the_whole_frame_and_none_is_empty():
    one = township_outlines(TWO[TWO["region_code"] == "T1"])["features"]
    assert len(one) == 1 and len(one[0]["geometry"]["coordinates"][0]) == 5
    assert township_outlines(TWO.iloc[0:0])["features"] == []


def test_the_map_draws_outlines_and_points_as_plain_scatter():
    fig = priority_charts.risk_map(TWO, "企业风险等级分布 · 测试", "zh", outlines=township_outlines(TWO))
    # offline: only cartesian scatter traces (no scattergeo / scattermap / tiles to fetch)
    assert {trace.type for trace in fig.data} == {"scatter"}
    layout = fig.to_plotly_json()["layout"]
    assert not {"geo", "map", "mapbox"} & set(layout)
    names = [trace.name for trace in fig.data]
    assert names[0] == "乡镇界线（示意）"
    assert names[2:] == ["蓝色", "黄色", "重点关注", "红色预警"]
    labels = fig.data[1]
    assert labels.mode == "text" and list(labels.text) == ["东镇", "西乡"]
    # the red point sits on top: drawn last
    assert list(fig.data[-1].x) == [112.0]


def test_the_map_without_outlines_draws_points_only():
    fig = priority_charts.risk_map(TWO, "t", "en")
    assert [trace.name for trace in fig.data] == ["Blue", "Yellow", "Close attention", "Red alert"]
