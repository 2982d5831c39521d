"""The one error type for misuse of the API: wrong settings, unknown codes, wrong types."""

from __future__ import annotations


class UsageError(ValueError):
    """pohon was called wrongly: an unknown setting, severity, rule code or argument type.

    Raised at the call, before any work is done, with the message in Indonesian and English
    (``str(error)`` shows both; ``message`` and ``message_en`` hold each). It is a
    :class:`ValueError`, so code that caught ``ValueError`` keeps working.
    """

    def __init__(self, message: str, message_en: str | None = None) -> None:
        self.message = message
        self.message_en = message_en or message
        text = message if message_en is None else f"{message} ({message_en})"
        super().__init__(text)
