"""sitrep's exceptions, one hierarchy; the CLI turns them into messages and exit codes.

SitrepError                 base class; str(err) is a message a user can act on
├── InputError              one input (file, line, record) cannot be ingested; carries `origin`
│   └── RejectedInput       ...and is stored as `rejected` with `reason`
├── ConfigError             a setting, config file or user data file (actors, lexicons) is invalid
├── ModelMissingError       the spaCy model package is not installed (message has the pip command)
└── StoreError              the database cannot be opened, migrated or written
"""

from __future__ import annotations


class SitrepError(Exception):
    """Base class of every error sitrep raises on purpose."""


class InputError(SitrepError):
    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class RejectedInput(InputError):
    """An input that is recorded as rejected (binary, empty, undecodable, too large, not English...)."""


class ConfigError(SitrepError):
    pass


class ModelMissingError(SitrepError):
    pass


class StoreError(SitrepError):
    pass
