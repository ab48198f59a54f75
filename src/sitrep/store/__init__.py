"""The SQLite store: one file, WAL mode, versioned migrations applied on open, FTS5 over articles."""

from sitrep.store.db import Store

__all__ = ["Store"]
