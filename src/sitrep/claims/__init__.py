"""Claims (who said what, and whether they assert or deny it) and relations between actors.

Public API (wired by ``sitrep.pipeline``):

- ``extract_claims(doc, article, actors) -> list[Claim]``
- ``extract_relations(doc, article, actors, claims) -> list[RelationReport]``
- ``aggregate_relations(reports) -> list[dict]`` (rows of ``relations.jsonl``)
- ``covering_claim(claims, start, end) -> Claim | None`` (the innermost claim over a span)
"""

from sitrep.claims.attribution import AUTHOR, covering_claim, extract_claims
from sitrep.claims.relations import aggregate_relations, extract_relations

__all__ = [
    "AUTHOR",
    "aggregate_relations",
    "covering_claim",
    "extract_claims",
    "extract_relations",
]
