"""Country words more than one pipeline step reads: names beyond ISO 3166 and demonyms.

They live in ``data/countries.yaml`` (format in its header) so that the place resolver
(``events.places``), the perpetrators' state forces (``events.perpetrators``), the relation
lexicon (``claims.lexicon``) and the actor recognizer (``actors.recognize``) agree on what
"Afghan" or "DR Congo" means without one step reading another's data.
"""

from __future__ import annotations

from functools import cache

from sitrep.datafiles import read_mapping


@cache
def _data() -> dict[str, dict[str, list[str]]]:
    data = read_mapping("sitrep", "countries.yaml", "country data")
    return {key: data.get(key) or {} for key in ("country_aliases", "demonyms")}


def country_aliases() -> dict[str, list[str]]:
    """Country code → names beyond the ISO 3166 ones ("CD" → ["DRC", "DR Congo", ...])."""
    return _data()["country_aliases"]


def demonyms() -> dict[str, list[str]]:
    """Country code → its adjectives of nationality ("AF" → ["Afghan", "Afghans"])."""
    return _data()["demonyms"]


def country_words(code: str) -> list[str]:
    """Every way to name a country: its ISO names (not the inverted "Congo, The ..."), its aliases
    and its demonyms."""
    import pycountry

    words = [*country_aliases().get(code, []), *demonyms().get(code, [])]
    country = pycountry.countries.get(alpha_2=code)
    if country is not None:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                words.append(value)
    return list(dict.fromkeys(words))
