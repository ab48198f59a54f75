"""Relations between actors, one RelationReport per statement, and their aggregation.

A relation is read from a cue phrase (``data/relations.yaml``: "joint operation", "clashed with",
"declared allegiance to", "backed by" ...) and the actors around it in the same sentence:

- endpoints (``endpoints``) are actor mentions, people, state forces and agencies, a country
  coordinated with an actor and, for membership cues only, unnamed groups or people ("a cell of
  Islamic State fighters" -> ``np:<slug>``). A person is an endpoint only when the affiliation
  itself is stated ("X, a commander claiming allegiance to IS");
- A and B are read by the cue's ``args`` kind (``pairs``, ``symmetric``, ``subjects``);
  "our"/"us"/"we" inside a quotation is the speaker's organisation; "the two groups" is the last
  pair of actors mentioned;
- stance (``stance``): asserted, denied or speculated;
- speaker: the innermost claim covering the cue (``covering_claim``), else "the author";
- per-pair rows of ``relations.jsonl`` (``aggregate``).

Modules: ``extract`` (the entry point and statement rules) -> ``pairs`` -> ``symmetric`` /
``subjects`` -> ``site`` -> ``endpoints``; ``stance``; ``aggregate``.
"""

from sitrep.claims.relations.aggregate import aggregate_relations
from sitrep.claims.relations.extract import extract_relations

__all__ = ["aggregate_relations", "extract_relations"]
