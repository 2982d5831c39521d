"""The JSON Schema of the native plan file format, for validation outside Python."""

from __future__ import annotations

from typing import Any

from pohon.model import FORMAT_VERSION, Plan

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def plan_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a plan file, as ``pohon schema`` prints it.

    >>> schema = plan_schema()
    >>> sorted(schema["properties"])
    ['nodes', 'opds', 'plan', 'pohon']
    """
    schema = Plan.model_json_schema(by_alias=True, mode="validation")
    schema.pop("title", None)
    schema.pop("description", None)
    return {
        "$schema": SCHEMA_DIALECT,
        "title": f"pohon: berkas rencana pohon kinerja (format {FORMAT_VERSION})",
        "description": (
            "Satu pohon kinerja per berkas, YAML atau JSON: plan, opds, nodes. "
            "One performance tree per file, YAML or JSON."
        ),
        **schema,
    }
