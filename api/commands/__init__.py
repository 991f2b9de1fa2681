"""Subcommands of the `conflictdb` CLI, one module each (see api/cli.py)."""

from __future__ import annotations

from types import ModuleType

from api.commands import apikey, dispatch, extract, ingest, project, reextract, release, review, serve, worker

COMMAND_MODULES: tuple[ModuleType, ...] = (
    serve,
    worker,
    dispatch,
    project,
    extract,
    ingest,
    reextract,
    review,
    release,
    apikey,
)
