"""The ``sitrep_actors`` spaCy component: registry aliases → ``doc.spans["sitrep_actors"]``.

Each span's ``label_`` is an actor id; the group's ``attrs`` hold how each span was found
(``methods``: "start:end" → alias / branch / ner / apposition / coreference / discovered) and the
groups discovered in the text (``discovered``: id → name, ``discovery``: [id, start, end] of the evidence).
The model's own entities (``doc.ents``: ORG, NORP, PERSON, GPE...) are left untouched.

Order of the rules, each working on what the previous ones found:
1. aliases through two PhraseMatchers (LOWER for most, ORTH for ``case_sensitive`` ones), plus
   branch names composed from a parent name and a branch core ("IS in the province of Khorassan"),
   and branches described by their country or region ("Islamic State's Afghan branch", "the
   Somali affiliate of Islamic State", "al-Qaeda's branch in Yemen");
2. filters: stop-word aliases ("IS") in ALL-CAPS lines need group context; a one-word alias at the
   end of a person's name ("Sirajuddin Haqqani") is the person, not the group;
3. longest match wins; aliases shared by several actors (al-Shabab) are resolved by country context;
4. model ORG entities that are a spelling variant of an alias (fuzzy, method "ner"): the same
   words, each spelt closely; a one-word name only by its plural ending ("Al-Azim" is a town,
   not the outlet "Al-Azaim");
5. appositions ("the IS regional affiliate — known as ..."), discovery of unknown groups, then
   descriptive references ("the group") linked to the one group named just before.
"""

import re
from collections.abc import Iterable
from itertools import islice, product

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, SpanGroup

from sitrep.actors import context, discover, links
from sitrep.actors.base import SPAN_KEY, Hit, Sentences, country_word_table, lexicon, words
from sitrep.actors.registry import Registry, load_registry, normalize
from sitrep.nlp import doc_text

_SEPARATOR = re.compile(r"(\s*[-‐‑–]\s*|\s+)")
_PARTICLES = frozenset({"al", "el", "ad", "ash", "as", "at", "ar", "an", "ul", "ud", "wal"})


@Language.factory("sitrep_actors", default_config={"actors_file": ""}, assigns=["doc.spans"])
def make_actor_recognizer(nlp: Language, name: str, actors_file: str) -> "ActorRecognizer":
    return ActorRecognizer(nlp, name, actors_file)


def alias_variants(name: str, plural: bool) -> set[str]:
    """Spellings of one alias that the tokenizer splits differently: hyphen or space at each
    hyphen and after each particle ("al-Qaeda", "al Qaeda"; "Ahl al-Sunnah wa al Jamma’ah"),
    both apostrophes, and for one-word names a plural ("Haqqanis")."""
    parts = _SEPARATOR.split(name.strip())
    words_, seps = parts[0::2], parts[1::2]
    options = []
    for k, sep in enumerate(seps):
        if "-" in sep or "‐" in sep or "–" in sep:
            options.append(tuple(dict.fromkeys((sep, "-", " "))))
        elif words_[k].lower() in _PARTICLES:
            options.append((" ", "-"))
        else:
            options.append((sep,))
    forms: set[str] = set()
    for combo in islice(product(*options), 32):
        text = words_[0] + "".join(s + w for s, w in zip(combo, words_[1:], strict=True))
        forms.update({text, text.replace("’", "'"), text.replace("'", "’")})
    if re.search(r"[-‐‑–]\s*[A-Z]$", name):  # "ISIS-K." ends a sentence: the tokenizer keeps "K."
        forms.update({f + "." for f in forms})
    if plural and " " not in name and name.isalpha() and len(name) >= 4 and not name.isupper():
        if not name.endswith("s"):
            forms.add(name + "s")
    return {f for f in forms if f.strip()}


class ActorRecognizer:
    """Finds registry actors in a Doc; see the module docstring for the rules."""

    def __init__(self, nlp: Language, name: str, actors_file: str = "") -> None:
        self.name = name
        self.actors_file = actors_file
        self.registry: Registry = load_registry(actors_file or None)
        self.vocab = nlp.vocab
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._stop_aliases: set[str] = set()
        self._capitalised = _capitalised_keys(self.registry)
        self._add_aliases(nlp)
        self.branches = _branch_cores(self.registry)
        self.country_branches = _country_cores(self.registry)
        self._add_branch_provinces(nlp)
        self.countries = context.CountryContext(nlp, self.registry)
        self.triggers = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.triggers.add("apposition", list(nlp.tokenizer.pipe(links.trigger_phrases())))
        self._fuzzy_keys: list[str] | None = None

    # -- patterns ---------------------------------------------------------------------------
    def _add_aliases(self, nlp: Language) -> None:
        from spacy.lang.en.stop_words import STOP_WORDS

        for actor_id, entry in self.registry.entries.items():
            plural = entry.actor.kind in {"armed_group", "militia"}
            folded: set[str] = set()
            exact: set[str] = set()
            for alias in entry.names:
                target = exact if alias in entry.case_sensitive else folded
                target.update(alias_variants(alias, plural and alias not in entry.case_sensitive))
                if alias in entry.case_sensitive and alias.lower() in STOP_WORDS:
                    self._stop_aliases.add(alias)
            if folded:
                self.folded.add(actor_id, list(nlp.tokenizer.pipe(sorted(folded))))
            if exact:
                self.exact.add(actor_id, list(nlp.tokenizer.pipe(sorted(exact))))

    def _add_branch_provinces(self, nlp: Language) -> None:
        """ "Khorasan Province", "Central Africa(n) Province" name a branch on their own (capital P:
        "Khorasan province" is also a place)."""
        for cores in self.branches.values():
            for child, display in cores.values():
                if display:
                    forms = [f"{display} Province", f"{display} Provinces"]
                    self.exact.add(child, list(nlp.tokenizer.pipe(forms)))

    # -- the component ------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        sents = Sentences(doc)
        hits = self._alias_hits(doc)
        hits = _longest(hits)
        hits.extend(self._elided_hits(doc, hits))
        triggers = [(s, e) for _, s, e in self.triggers(doc)]
        self.countries.resolve(doc, hits, sents, triggers)
        hits.extend(self._ner_hits(doc, hits))
        hits.extend(links.appositions(doc, hits, triggers))
        hits = _longest(hits)
        found = discover.discover(doc, hits, self.registry)
        hits.extend(found.hits)
        hits = _longest(hits)
        hits.extend(links.coreferences(doc, hits, self.registry, sents, set(found.names)))
        _write(doc, sorted(hits, key=lambda h: h.start), found, self.actors_file)
        return doc

    def _alias_hits(self, doc: Doc) -> list[Hit]:
        spans: dict[tuple[int, int], list[str]] = {}
        strings = self.vocab.strings
        for match_id, start, end in [*self.folded(doc), *self.exact(doc)]:
            actor_id = strings[match_id]
            if doc[start:end].text in self._stop_aliases and not _name_in_context(doc, start, end):
                continue
            ids = spans.setdefault((start, end), [])
            if actor_id not in ids:
                ids.append(actor_id)
        hits = [Hit(s, e, tuple(ids)) for (s, e), ids in spans.items()]
        # a described branch before a composed one: on the same span, "branch" is the method kept
        hits.extend([*self._described_branches(doc, hits), *self._branch_hits(doc, hits)])
        return [
            h
            for h in hits
            if not _inside_person(doc, h) and not _generic(doc, h) and not self._lowercased(doc, h)
        ]

    def _elided_hits(self, doc: Doc, hits: list[Hit]) -> list[Hit]:
        """Nationalities that share the name's head: "Iraqi and Turkish intelligence", "Kenyan,
        Somali and Ethiopian troops". Each nationality before the named one stands for the name
        with its own word, when that is an alias too ("Iraqi intelligence")."""
        nations = country_word_table()
        out: list[Hit] = []
        for hit in hits:
            if hit.end - hit.start < 2 or normalize(doc[hit.start].text) not in nations:
                continue
            head = [t.text for t in doc[hit.start + 1 : hit.end]]
            i = hit.start - 1
            while i >= 1 and doc[i].lower_ in ("and", "or", ","):
                word = doc[i - 1]
                if not word.text[:1].isupper() or normalize(word.text) not in nations:
                    break
                probe = Doc(self.vocab, words=[word.text, *head])
                ids = [
                    self.vocab.strings[m]
                    for m, a, b in [*self.folded(probe), *self.exact(probe)]
                    if (a, b) == (0, len(probe))
                ]
                if ids:
                    out.append(Hit(word.i, word.i + 1, tuple(dict.fromkeys(ids))))
                i -= 2
        return out

    def _lowercased(self, doc: Doc, hit: Hit) -> bool:
        """ "the defense department of the country": a capitalised multi-word name written all in
        lowercase is a common noun phrase."""
        span = doc[hit.start : hit.end]
        return len(span) > 1 and span.text.islower() and normalize(span.text) in self._capitalised

    def _branch_hits(self, doc: Doc, hits: Iterable[Hit]) -> list[Hit]:
        """Parent name + connectors + branch core (+ "Province"): "ISIS-Khorasan", "IS in the
        province of Khorassan", "Islamic State (IS) in Khorasan", "Islamic State’s Central Africa
        Province"."""
        out: list[Hit] = []
        connectors, suffixes = words("branch_connectors"), words("branch_suffixes")
        for hit in list(hits):
            cores = self._cores_for(hit.ids)
            if not cores:
                continue
            i = _skip_parenthesis(doc, hit.end)
            j = i
            while j < len(doc) and j - i < 6 and doc[j].lower_ in connectors:
                j += 1
            found = _longest_core(doc, j, cores)
            if found is None:
                continue
            end, child = found
            if end < len(doc) and doc[end].lower_ in suffixes:
                end += 1
            out.append(Hit(hit.start, end, (child,)))
        return out

    def _described_branches(self, doc: Doc, hits: Iterable[Hit]) -> list[Hit]:
        """A parent group, a branch noun and a country or region name the branch there: "Islamic
        State's Afghan branch", "the Islamic State affiliate in Somalia", "the West Africa branch
        of the Islamic State group". A country counts only when it has one branch of the parent;
        "al-Qaeda's Syrian affiliate" (Nusra Front, later Hurras al-Din) stays al-Qaeda."""
        out: list[Hit] = []
        nouns = words("branch_nouns")
        for hit in list(hits):
            cores = self._cores_for(hit.ids)
            for actor_id in hit.ids:
                cores.update(
                    {k: (v, "") for k, v in self.country_branches.get(actor_id, {}).items()}
                )
            if not cores:
                continue
            i = _skip_parenthesis(doc, hit.end)
            if i < len(doc) and doc[i].lower_ in {"'s", "’s"}:
                i += 1
            found = _longest_core(doc, i, cores)  # "'s Afghan branch"
            if found and found[0] < len(doc) and doc[found[0]].lower_ in nouns:
                out.append(Hit(hit.start, found[0] + 1, (found[1],), "branch"))
                continue
            if i + 1 < len(doc) and doc[i].lower_ in nouns and doc[i + 1].lower_ in {"in", "for"}:
                j = i + 2 + (i + 2 < len(doc) and doc[i + 2].lower_ == "the")
                found = _longest_core(doc, j, cores)  # "affiliate in Somalia"
                if found:
                    out.append(Hit(hit.start, found[0], (found[1],), "branch"))
                    continue
            j = hit.start - 1 - (hit.start > 0 and doc[hit.start - 1].lower_ == "the")
            if j >= 2 and doc[j].lower_ == "of" and doc[j - 1].lower_ in nouns:
                for start in range(max(j - 5, 0), j - 1):  # "the Afghan branch of"
                    if doc[start].lower_ == "the":
                        continue
                    found = _longest_core(doc, start, cores)
                    if found and found[0] == j - 1:
                        out.append(Hit(start, hit.end, (found[1],), "branch"))
                        break
        return out

    def _cores_for(self, ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        cores: dict[str, tuple[str, str]] = {}
        for actor_id in ids:
            cores.update(self.branches.get(actor_id, {}))
        return cores

    def _ner_hits(self, doc: Doc, hits: list[Hit]) -> list[Hit]:
        """Model entities that spell an alias differently ("Tehreek-e-Taliban Pakistan")."""
        out: list[Hit] = []
        for ent in doc.ents:
            if ent.label_ != "ORG" or any(h.overlaps(ent.start, ent.end) for h in hits):
                continue
            start, end = ent.start, ent.end
            if doc[start].lower_ == "the":
                start += 1
            if end - 1 > start and doc[end - 1].lower_ in {"'s", "’s"}:
                end -= 1
            actor_id = self._fuzzy(doc[start:end].text)
            if actor_id:
                out.append(Hit(start, end, (actor_id,), "ner"))
        return out

    def _fuzzy(self, text: str) -> str | None:
        from rapidfuzz import fuzz, process

        key = normalize(text)
        if len(key) < 7:
            return None
        if self._fuzzy_keys is None:
            self._fuzzy_keys = [k for k in self.registry._folded if len(k) >= 7]
        for alias, _, _ in process.extract(
            key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=90, limit=5
        ):
            # an alias several actors share needs the country context, which a guess skips
            if _spelling_variant(key, alias) and len(self.registry.candidates(alias)) == 1:
                return self.registry.lookup(alias).id  # type: ignore[union-attr]
        return None


# -- helpers ----------------------------------------------------------------------------------
# The short words that join a name's parts, spelt many ways ("Tehreek-e-Taliban", "Tehrik-i-").
_JOINERS = _PARTICLES | {"e", "i", "o", "u", "wa", "wal", "of", "in", "and", "for"}


def _spelling_variant(key: str, alias: str) -> bool:
    """Two normalised names that spell the same words differently: as many words, each close to
    its counterpart or with the same consonants ("tehreek e taliban" / "tehrik i taliban",
    "revolution" / "revolutionary"); a word naming a country names the same one ("Iraq" /
    "Iraqi", not "Nigerian" / "Nigerien"). A name of one word (particles aside) may differ only
    by a plural ending ("Haqqani" / "Haqqanis"): one letter turns such a name into another
    ("Al-Azim", a town, is not the outlet "Al-Azaim"). A word more or a word changed is another
    name ("Security Council" / "UN Security Council", "Libyan Foreign Ministry" / "Iran Foreign
    Ministry")."""
    from rapidfuzz import fuzz

    ours, theirs = key.split(), alias.split()
    if len(ours) != len(theirs):
        return False
    pairs = [
        (a, b) for a, b in zip(ours, theirs, strict=True) if a not in _JOINERS or b not in _JOINERS
    ]
    if len(pairs) < 2:
        return any(a == b or a + "s" == b or b + "s" == a for a, b in pairs)
    countries = country_word_table()
    return all(
        a == b
        or (
            countries.get(a, frozenset()) == countries.get(b, frozenset())  # not "Nigerien"
            and (_skeleton(a) == _skeleton(b) or fuzz.ratio(a, b) >= 85)
        )
        for a, b in pairs
    )


def _skeleton(word: str) -> str:
    """A word's consonants, doubled ones once: what transliterations of one name share
    ("tehreek" / "tehrik", "tayyaba" / "taiba")."""
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", word))


def _capitalised_keys(registry: Registry) -> frozenset[str]:
    """Lookup keys whose every registry spelling has a capital letter."""
    lower: set[str] = set()
    upper: set[str] = set()
    for entry in registry.entries.values():
        for name in entry.names:
            (lower if name.islower() else upper).add(normalize(name))
    return frozenset(upper - lower)


def _branch_cores(registry: Registry) -> dict[str, dict[str, tuple[str, str]]]:
    """parent id → normalised core → (child id, core as written when the name ends in "Province").

    A branch whose name starts with one of its parent's names has a core: "Islamic State Khorasan
    Province" → "khorasan"; "al-Qaeda in the Islamic Maghreb" → "islamic maghreb"."""
    connectors = words("branch_connectors") | {"in", "the", "of"}
    suffixes = words("branch_suffixes")
    variants: dict[str, list[str]] = lexicon().get("core_variants", {}) or {}
    table: dict[str, dict[str, tuple[str, str]]] = {}
    for child_id, entry in registry.entries.items():
        parent = entry.actor.parent
        if not parent or parent not in registry.entries:
            continue
        parent_keys = {normalize(n) for n in registry.entries[parent].names}
        for name in entry.names:
            key = normalize(name)
            for pk in parent_keys:
                if not key.startswith(pk + " "):
                    continue
                rest = name.split()[len(pk.split()) :] if _same_words(name, pk) else None
                core_words = [w for w in key[len(pk) :].split()]
                while core_words and core_words[0] in connectors:
                    core_words.pop(0)
                is_province = bool(core_words) and core_words[-1] in suffixes
                while core_words and core_words[-1] in suffixes:
                    core_words.pop()
                if not core_words or all(w in connectors for w in core_words):
                    continue
                core = " ".join(core_words)
                display = _display_core(rest, len(core_words)) if is_province else ""
                cores = table.setdefault(parent, {})
                cores.setdefault(core, (child_id, display))
                for variant in variants.get(core, []):
                    cores.setdefault(variant, (child_id, ""))
                if core.endswith("a"):  # adjectival "Central African Province", "West African"
                    cores.setdefault(core + "n", (child_id, display + "n" if display else ""))
    return table


def _country_cores(registry: Registry) -> dict[str, dict[str, str]]:
    """parent id → normalised country word → the parent's only armed branch in that country
    ("islamic-state" → "afghan" → "islamic-state-khorasan-province")."""
    from sitrep.countries import country_words

    by_country: dict[tuple[str, str], list[str]] = {}
    for child_id, entry in registry.entries.items():
        actor = entry.actor
        if actor.parent in registry.entries and actor.country and actor.kind == "armed_group":
            by_country.setdefault((actor.parent, actor.country), []).append(child_id)
    table: dict[str, dict[str, str]] = {}
    for (parent, code), children in by_country.items():
        if len(children) == 1:
            for word in country_words(code):
                table.setdefault(parent, {})[normalize(word)] = children[0]
    return table


def _same_words(name: str, parent_key: str) -> bool:
    return normalize(" ".join(name.split()[: len(parent_key.split())])) == parent_key


def _display_core(rest: list[str] | None, size: int) -> str:
    """The core as written in the name, for the case-sensitive "<Core> Province" pattern."""
    if not rest:
        return ""
    kept = [w for w in rest if normalize(w) not in {"in", "the", "of", ""}]
    core = kept[:size]
    return " ".join(core) if core and all(w[:1].isupper() for w in core) else ""


def _skip_parenthesis(doc: Doc, i: int) -> int:
    """Skip an acronym in brackets right after a name: "Islamic State (IS) in Khorasan"."""
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and doc[i + 1].is_upper:
        return i + 3
    return i


def _longest_core(doc: Doc, i: int, cores: dict[str, tuple[str, str]]) -> tuple[int, str] | None:
    for size in range(5, 0, -1):
        if i + size > len(doc):
            continue
        key = normalize(doc[i : i + size].text)
        last = doc[i + size - 1].text
        if key in cores and doc[i].text[:1].isupper() and last[-1:].isalnum():
            return i + size, cores[key][0]
    return None


def _name_in_context(doc: Doc, start: int, end: int) -> bool:
    """A stop-word alias ("IS") names the group unless it stands in an ALL-CAPS line, where it
    needs group context: "IS FIGHTERS", "CLAIMED BY IS"."""
    text = doc_text(doc)
    begin = text.rfind("\n", 0, doc[start].idx) + 1
    stop = text.find("\n", doc[end - 1].idx)
    line = text[begin : stop if stop >= 0 else len(text)]
    letters = re.findall(r"[A-Za-z]{2,}", line)
    caps = sum(w.isupper() for w in letters)
    if len(letters) < 2 or caps / len(letters) < 0.6:
        return True
    after = doc[end].lower_ if end < len(doc) else ""
    before = doc[start - 1].lower_ if start > 0 else ""
    return after in words("caps_alias_after") or before in words("caps_alias_before")


def _inside_person(doc: Doc, hit: Hit) -> bool:
    """An alias that ends a person's name is that person: "Sirajuddin Haqqani", "Muhammad Ali
    Al-Houthi" (but not "Osama Bin Laden’s Al Qaeda", where a possessive separates them)."""
    if hit.start == 0 or any(doc[k].ent_type_ != "PERSON" for k in range(hit.start, hit.end)):
        return False
    if doc[hit.start].ent_iob_ != "I" or (hit.end < len(doc) and doc[hit.end].ent_iob_ == "I"):
        return False
    start = hit.start
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    before = doc[start : hit.start]
    return any(t.text[:1].isupper() for t in before) and not any(
        t.lower_ in {"'s", "’s", "'", "’"} for t in before
    )


def _generic(doc: Doc, hit: Hit) -> bool:
    """ "an Islamic emirate", "an Islamic state": an indefinite article and a lowercase last word
    make a common noun phrase, not a name ("an Islamic State fighter" stays a mention)."""
    return (
        hit.end - hit.start > 1
        and hit.start > 0
        and doc[hit.start - 1].lower_ in {"a", "an"}
        and doc[hit.end - 1].text[:1].islower()
    )


def _longest(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping hits, longest first (ties: earlier methods in the list win)."""
    order = sorted(
        range(len(hits)), key=lambda k: (-(hits[k].end - hits[k].start), hits[k].start, k)
    )
    taken: list[Hit] = []
    used: set[int] = set()
    for k in order:
        hit = hits[k]
        if any(t in used for t in range(hit.start, hit.end)):
            continue
        taken.append(hit)
        used.update(range(hit.start, hit.end))
    return taken


def _write(doc: Doc, hits: list[Hit], found: discover.Discovered, actors_file: str) -> None:
    spans = [doc[h.start : h.end] for h in hits]
    for span, hit in zip(spans, hits, strict=True):
        span.label_ = hit.actor_id
    group = SpanGroup(doc, name=SPAN_KEY, spans=spans)
    group.attrs["methods"] = {
        f"{s.start_char}:{s.end_char}": h.method for s, h in zip(spans, hits, strict=True)
    }
    group.attrs["discovered"] = dict(found.names)
    group.attrs["discovery"] = [list(e) for e in found.evidence]
    group.attrs["actors_file"] = actors_file
    doc.spans[SPAN_KEY] = group
