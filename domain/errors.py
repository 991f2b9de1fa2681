"""The domain's error vocabulary. api/errors.py maps these to problem+json once."""

from __future__ import annotations


class ConflictDBError(Exception):
    """Base of every error a user can act on; its message is one clear line."""


class ValidationError(ConflictDBError):
    """Input is malformed or out of range."""


class NotFoundError(ConflictDBError):
    """The named thing does not exist."""


class ConcurrencyError(ConflictDBError):
    """An append's expected stream version no longer holds."""


class NotReachedError(ConflictDBError):
    """A log position past what the read models hold now: well formed, answerable once they have applied it."""


class ConfigurationError(ConflictDBError):
    """The service cannot start with the configuration it was given."""


class AuthError(ConflictDBError):
    """Missing or invalid credentials."""


class PermissionDeniedError(ConflictDBError):
    """Valid credentials without the scope the action needs."""
