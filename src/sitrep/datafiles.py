"""Reading the YAML data files (lexicons, patterns, registries) with the C parser when present:
the pure-Python parser costs about a second per process on the actor registry alone."""

from __future__ import annotations

from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)


YAMLError = yaml.YAMLError


def read_mapping(package: str, name: str, what: str) -> dict[str, Any]:
    """A YAML mapping shipped in ``package``'s ``data/`` folder; a clear ConfigError otherwise."""
    from importlib import resources

    from sitrep.errors import ConfigError

    path = resources.files(package) / "data" / name
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{what} {name} cannot be read: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{what} {name} must be a YAML mapping")
    return data
