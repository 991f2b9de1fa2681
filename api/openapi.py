"""How the OpenAPI describes request and response Structs, beyond Litestar's defaults."""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec
from litestar._openapi.schema_generation.plugins.struct import StructSchemaPlugin
from litestar.openapi.spec import OpenAPIType, Schema
from litestar.typing import FieldDefinition

from application.review import ReviewInput
from domain.articles import NOT_BLANK_PATTERN, ArticlePatch

if TYPE_CHECKING:
    from litestar._openapi.schema_generation import SchemaCreator


def _one_given(*names: str) -> list[Schema]:
    """At least one of `names` is present and not null (as `anyOf`)."""
    not_null = Schema(schema_not=Schema(type=OpenAPIType.NULL))
    return [Schema(required=[name], properties={name: not_null}) for name in names]


# Rules across a body's fields that JSON Schema can state and Litestar does not derive from the Struct.
_BODY_RULES: dict[type[msgspec.Struct], list[Schema]] = {
    ArticlePatch: _one_given("published_at", "language", "source", "title"),  # domain.articles.validated_patch
    # A rejection gives its reason (domain.review.check_note): any other verdict, or a note that is not blank.
    ReviewInput: [
        Schema(properties={"verdict": Schema(schema_not=Schema(const="rejected"))}),
        Schema(required=["note"], properties={"note": Schema(type=OpenAPIType.STRING, pattern=NOT_BLANK_PATTERN)}),
    ],
}


class ClosedStructSchemaPlugin(StructSchemaPlugin):
    """A Struct that refuses unknown fields (`forbid_unknown_fields=True`) is declared with
    `additionalProperties: false`. Litestar declares every Struct open, so a client (or a fuzzer)
    reading the schema would send extra fields that the server answers with a 400. A body with a
    rule across its fields (`_BODY_RULES`) declares it too."""

    def to_openapi_schema(self, field_definition: FieldDefinition, schema_creator: SchemaCreator) -> Schema:
        schema = super().to_openapi_schema(field_definition, schema_creator)
        struct: type[msgspec.Struct] = field_definition.type_
        if struct.__struct_config__.forbid_unknown_fields:
            schema.additional_properties = False
        if struct in _BODY_RULES:
            schema.any_of = _BODY_RULES[struct]
        return schema
