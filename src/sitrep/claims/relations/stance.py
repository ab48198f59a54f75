"""The stance of a relation statement: ``denied`` when the cue is negated ("no connections to", "is
not Daesh") or inside a claim made with a denial verb ("denied any cooperation with"); ``speculated``
with a hedge in the cue's clause ("may have", "supposedly", "ostensibly", "possibly", "whether",
"will join") or a sentence opening "If true, ..."; "reportedly" / "allegedly" keep ``asserted``: they
name where the statement comes from, not doubt about it."""

from __future__ import annotations

from sitrep.claims.lexicon import speech
from sitrep.claims.relations.site import Site


def stance_of(site: Site) -> str:
    if site.cue.stance:
        return site.cue.stance
    doc, lex = site.doc, site.lex
    before = doc[max(site.sent.start, site.start - 4) : site.start].text
    if lex.negation.search(before) or any(c.dep_ == "neg" for c in doc[site.start].head.children):
        return "denied"
    claim = site.claim
    if claim is not None and claim.stance == "denies" and claim.verb in speech().denial_verbs:
        return "denied"
    lo = max(site.sent.start, site.start - 6)
    for i in range(site.start - 1, lo - 1, -1):  # the hedge must be in the cue's own clause
        if doc[i].text in {",", ";", "—", "(", ")"}:
            lo = i + 1
            break
    context = doc[lo : min(site.sent.end, site.end + 2)].text
    if lex.speculative.search(context):
        return "speculated"
    if lex.opening_hedge is not None and lex.opening_hedge.search(site.sent.text):
        cue = doc[site.start]  # a relative clause states background fact, outside the hedge
        if all(t.dep_ != "relcl" for t in (cue, *cue.ancestors)):
            return "speculated"
    return "asserted"
