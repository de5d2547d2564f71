"""Errors the user can act on; their message is one line meant to be shown as is."""


class FlexPrepError(Exception):
    """Base of every error whose message is written for the user."""


class DatabaseError(FlexPrepError):
    """The database file cannot be opened, read or written."""


class ValidationError(FlexPrepError, ValueError):
    """A value is not allowed (bad enum, out-of-range rating, bad date...).

    ``where`` is a JSON sub-path inside the value (``"[2]"``, ``".tue.where"``).
    """

    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(message)
        self.where = where


class NotFoundError(FlexPrepError, LookupError):
    """A workbook or item does not exist (any more)."""


class NameTakenError(ValidationError):
    """Another workbook already has this name."""


class FileFormatError(FlexPrepError):
    """A workbook file is not a valid FlexPrep workbook file."""
