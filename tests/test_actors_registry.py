"""The actor registry: loading, validation, lookup, hierarchy, user files (no spaCy model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.actors.registry import bundled_path, load_registry, normalize, read_registry
from sitrep.errors import ConfigError

FIXTURE = Path(__file__).parent / "data_actors_fixture.yaml"


@pytest.fixture(scope="module")
def small():
    return read_registry([FIXTURE])


def _write(tmp_path: Path, text: str, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_registry_loads_and_names_the_corpus_groups():
    registry = load_registry()
    assert len(registry) >= 100
    for name in (
        "Islamic State",
        "Islamic State Khorasan Province",
        "Taliban",
        "Haqqani Network",
        "al-Qaeda",
        "al-Shabaab",
        "Allied Democratic Forces",
        "Islamic State Central Africa Province",
    ):
        assert registry.lookup(name) is not None, name
    assert registry.lookup("ISKP").parent == "islamic-state"
    assert registry.lookup("Tehrik-i-Taliban Pakistan").id != registry.lookup("Taliban").id


def test_every_bundled_parent_and_kind_is_valid():
    registry = load_registry()
    for actor in registry.actors.values():
        assert actor.parent is None or actor.parent in registry.actors
        assert actor.source == "registry"
    assert bundled_path().name == "registry.yaml"


@pytest.mark.parametrize(
    ("surface", "key"),
    [
        ("The Taliban’s", "taliban"),
        ("al-Qaeda", "al qaeda"),
        ("Al  Qaeda", "al qaeda"),
        ("Islamic State – Khorasan", "islamic state khorasan"),
        ("Ahl al-Sunnah wa al Jamma’ah", "ahl al sunnah wa al jamma'ah"),
    ],
)
def test_normalize_unifies_case_apostrophes_dashes_and_the(surface, key):
    assert normalize(surface) == key


def test_lookup_respects_case_sensitive_aliases(small):
    assert small.lookup("IS").id == "islamic-state"
    assert small.lookup("is") is None
    assert small.lookup("Daesh").id == "islamic-state"
    assert small.lookup("isis-k").id == "islamic-state-khorasan-province"
    assert small.lookup("the Taliban's").id == "taliban"


def test_shared_alias_has_all_candidates(small):
    assert set(small.candidates("Al-Shabab")) == {"al-shabaab", "ahlu-sunnah-wa-jama"}
    assert small.lookup("Al-Shabab") is not None


def test_hierarchy(small):
    assert small.parent("islamic-state-khorasan-province").id == "islamic-state"
    assert small.ancestors("allied-democratic-forces") == [
        "islamic-state-central-africa-province",
        "islamic-state",
    ]
    assert {"islamic-state-khorasan-province", "allied-democratic-forces"} <= small.descendants(
        "islamic-state"
    )
    assert small.descendants("taliban") == {"haqqani-network"}
    assert small.descendants("reuters") == set()


def test_user_file_overrides_and_extends(tmp_path):
    user = _write(
        tmp_path,
        """
- id: taliban
  name: Taliban
  kind: armed_group
  aliases: [Taleban, Talibans]
  note: user note
- id: fateh-zwak
  name: Fateh Zwak
  kind: armed_group
  aliases: [Fatah Zwak]
  parent: taliban
""",
    )
    registry = load_registry(user)
    assert registry.get("taliban").note == "user note"
    assert registry.get("taliban").source == "user"
    assert registry.lookup("Fatah Zwak").id == "fateh-zwak"
    assert "fateh-zwak" in registry.descendants("taliban")
    assert registry.get("islamic-state") is not None  # bundled entries stay
    assert load_registry(str(user)) is registry  # cached per file


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("- id: x\n  name: X\n  kind: army\n", "kind 'army'"),
        ("- id: x\n  name: X\n  kind: armed_group\n  parent: nowhere\n", "parent 'nowhere'"),
        (
            "- id: x\n  name: X\n  kind: armed_group\n  aliases: [XX]\n  case_sensitive: [YY]\n",
            "YY",
        ),
        ("- id: x\n  name: X\n  kind: armed_group\n  colour: red\n", "unknown key"),
        ("- id: Bad Id\n  name: X\n  kind: armed_group\n", "'id'"),
        (
            "- id: x\n  name: X\n  kind: armed_group\n- id: x\n  name: Y\n  kind: media\n",
            "duplicate id",
        ),
        (
            "- id: x\n  name: X\n  kind: armed_group\n  aliases: [Same]\n"
            "- id: y\n  name: Y\n  kind: armed_group\n  aliases: [same]\n",
            "context_countries",
        ),
        ("- id: x\n  name: [unclosed\n", "not valid YAML"),
        ("id: x\n", "list of entries"),
    ],
)
def test_bad_registry_file_names_the_file_and_entry(tmp_path, body, message):
    path = _write(tmp_path, body, "broken-actors.yaml")
    with pytest.raises(ConfigError) as err:
        read_registry([path])
    assert "broken-actors.yaml" in str(err.value)
    assert message in str(err.value)


def test_shared_alias_allowed_with_context_countries(tmp_path):
    path = _write(
        tmp_path,
        "- id: x\n  name: X\n  kind: armed_group\n  aliases: [Same]\n"
        "- id: y\n  name: Y\n  kind: armed_group\n  aliases: [same]\n  context_countries: [MZ]\n",
    )
    registry = read_registry([path])
    assert registry.lookup("Same").id == "x"  # without context: the one without countries


def test_missing_user_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_registry(tmp_path / "nope.yaml")
