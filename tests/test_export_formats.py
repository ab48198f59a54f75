"""CSV, GeoJSON and GraphML views: the files parse with standard readers and carry the data."""

from __future__ import annotations

import csv
import json

from sitrep.export_formats import CSV_COLUMNS, write_csv, write_geojson, write_graphml


def _event(event_id: str, lat: float | None, lon: float | None) -> dict:
    ev = {"document_id": "d1", "article_index": 0, "start": 0, "end": 5, "text": "Blast"}
    return {
        "id": event_id,
        "type": "bombing",
        "date": "2021-05-08",
        "date_precision": "day",
        "location": {
            "country": "AF",
            "admin1": "Kabul",
            "place": "Dasht-e-Barchi",
            "lat": lat,
            "lon": lon,
            "precision": "place" if lat is not None else "admin1",
        },
        "perpetrators": [
            {"actor_id": "taliban", "name": "Taliban", "basis": "accused", "disputed": True},
            {
                "actor_id": "islamic-state",
                "name": "Islamic State",
                "basis": "accused",
                "disputed": True,
            },
        ],
        "claimed_by": [],
        "killed": {"low": 25, "best": 55, "high": 85, "figures": []},
        "wounded": {"low": None, "best": None, "high": None, "figures": []},
        "targets": ["girls' school", "students, pupils"],
        "weapons": ["car bomb"],
        "disputes": [
            {
                "field": "perpetrators",
                "note": "blamed on Taliban by Ghani — blamed on Islamic State by the Taliban",
                "evidence": [ev],
            }
        ],
        "attribution_grade": "contested",
        "disputed": True,
        "documents": ["d1", "d2"],
        "sources": [
            {"document_id": "d1", "publisher": "a.com", "published": None},
            {"document_id": "d2", "publisher": "b.com", "published": None},
        ],
        "evidence": [ev],
    }


def test_csv_one_row_per_event_with_documented_columns(tmp_path):
    path = tmp_path / "events.csv"
    assert write_csv([_event("evt_1", 34.5, 69.1), _event("evt_2", None, None)], path) == 2
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[0]["event_id"] == "evt_1" and rows[0]["killed_best"] == "55"
    assert (
        rows[0]["perpetrators"] == "Taliban (accused, disputed); Islamic State (accused, disputed)"
    )
    assert rows[0]["targets"] == "girls' school; students, pupils"  # commas survive quoting
    assert rows[0]["n_sources"] == "2" and rows[0]["sources"] == "a.com; b.com"
    assert rows[0]["disputed"] == "1" and "Ghani" in rows[0]["notes"]
    assert rows[1]["latitude"] == "" and rows[1]["wounded_best"] == ""


def test_geojson_points_skip_events_without_coordinates(tmp_path):
    path = tmp_path / "events.geojson"
    counts = write_geojson([_event("evt_1", 34.5, 69.1), _event("evt_2", None, None)], path)
    assert counts == {"written": 1, "skipped": 1}
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    [feature] = data["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [69.1, 34.5]}
    assert feature["properties"]["event_id"] == "evt_1"
    assert all(not isinstance(v, dict | list) for v in feature["properties"].values())


def test_graphml_relation_graph_reads_back(tmp_path):
    import networkx as nx

    relations = [
        {
            "id": "r1",
            "a_id": "taliban",
            "a": "Taliban",
            "b_id": "islamic-state",
            "b": "Islamic State",
            "type": "cooperates_with",
            "asserted_by": ["Afghan officials"],
            "denied_by": ["Zabihullah Mujahid"],
            "speculated_by": [],
            "first_seen": "2017-08-06",
            "last_seen": "2017-08-10",
            "evidence": [{}],
            "counts": {"asserted": 2, "denied": 1, "speculated": 0},
        },
        {
            "id": "r2",
            "a_id": "taliban",
            "a": "Taliban",
            "b_id": "islamic-state",
            "b": "Islamic State",
            "type": "fights",
            "asserted_by": ["the author"],
            "denied_by": [],
            "first_seen": None,
            "last_seen": None,
            "evidence": [],
        },
    ]
    path = tmp_path / "relations.graphml"
    counts = write_graphml(relations, path, kinds={"taliban": "armed_group"})
    assert counts == {"nodes": 2, "edges": 2}
    graph = nx.read_graphml(path)
    assert graph.nodes["taliban"]["kind"] == "armed_group"
    assert graph.nodes["islamic-state"]["kind"] == "unknown"
    edges = {d["type"]: d for _, _, d in graph.edges(data=True)}
    assert edges["cooperates_with"]["asserted"] == 2 and edges["cooperates_with"]["denied"] == 1
    assert edges["cooperates_with"]["first_seen"] == "2017-08-06"
    assert edges["fights"]["asserted"] == 1
