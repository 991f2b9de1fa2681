"""How the OpenAPI describes request and response Structs, beyond Litestar's defaults."""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec
from litestar._openapi.schema_generation.plugins.struct import StructSchemaPlugin
from litestar.typing import FieldDefinition

if TYPE_CHECKING:
    from litestar._openapi.schema_generation import SchemaCreator
    from litestar.openapi.spec import Schema


class ClosedStructSchemaPlugin(StructSchemaPlugin):
    """A Struct that refuses unknown fields (`forbid_unknown_fields=True`) is declared with
    `additionalProperties: false`. Litestar declares every Struct open, so a client (or a fuzzer)
    reading the schema would send extra fields that the server answers with a 400."""

    def to_openapi_schema(self, field_definition: FieldDefinition, schema_creator: SchemaCreator) -> Schema:
        schema = super().to_openapi_schema(field_definition, schema_creator)
        struct: type[msgspec.Struct] = field_definition.type_
        if struct.__struct_config__.forbid_unknown_fields:
            schema.additional_properties = False
        return schema
