"""Reading the YAML data files (lexicons, patterns, registries) with the C parser when present:
the pure-Python parser costs about a second per process on the actor registry alone."""

from __future__ import annotations

from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)


YAMLError = yaml.YAMLError
