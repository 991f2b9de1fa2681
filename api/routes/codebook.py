"""GET /codebook (JSON, or a rendered page) and GET /codebook/actors/{code}: the codebook as the
domain defines it, so it cannot drift from what extraction does."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from litestar import MediaType, Request, get
from litestar.openapi import ResponseSpec
from litestar.openapi.spec import OpenAPIMediaType, OpenAPIResponse, OpenAPIType, Operation, Schema
from litestar.params import QueryParameter
from litestar.response import Response

from api.auth import require_scope
from api.codebook_page import render_codebook
from api.schemas import ActorCodePath
from application.queries import filters
from domain.codebook import Codebook, codebook
from domain.errors import NotFoundError, ValidationError
from domain.gazetteer.catalogue import ActorCode, actor_code

READ_GUARDS = [require_scope("read")]
FormatParam = Annotated[
    Literal["json", "html"] | None, QueryParameter(name="format", description="json (default) or html")
]


@dataclass
class _CodebookOperation(Operation):
    """GET /codebook: its 200 response declares the rendered page beside JSON."""

    def __post_init__(self) -> None:
        ok = (self.responses or {}).get("200")
        if isinstance(ok, OpenAPIResponse):
            page = OpenAPIMediaType(schema=Schema(type=OpenAPIType.STRING, description="The rendered page"))
            ok.content = {**(ok.content or {}), MediaType.HTML.value: page}


@get(
    "/codebook",
    tags=["codebook"],
    summary="The codebook: event types and roles, modality rules, actor codes, precisions, confidence",
    description="JSON by default; `format=html` or an Accept header preferring text/html gives the rendered page.",
    guards=READ_GUARDS,
    operation_class=_CodebookOperation,
    responses={200: ResponseSpec(data_container=Codebook, description="The codebook (JSON; text/html on request)")},
)
async def get_codebook(request: Request[Any, Any, Any], format_: FormatParam = None) -> Response[Any]:
    book = codebook()
    if _wants_html(format_, request.headers.get("accept")):
        return Response(render_codebook(book), media_type=MediaType.HTML)  # Litestar adds the charset
    return Response(book, media_type="application/json")


@get("/codebook/actors/{code:str}", tags=["codebook"], summary="One actor code", guards=READ_GUARDS)
async def get_actor_code(code: ActorCodePath) -> ActorCode:
    [parsed] = filters.actor_codes([code])
    found = actor_code(parsed)
    if found is None:
        raise NotFoundError(f"no actor code {parsed} in the codebook")
    return found


def _wants_html(format_: str | None, accept: str | None) -> bool:
    if format_ is not None:
        if format_ not in ("json", "html"):
            raise ValidationError(f"format: {format_[:40]!r} is not served here (json or html)")
        return format_ == "html"
    if not accept:
        return False
    html = accept.find("text/html")
    json = accept.find("application/json")
    return html >= 0 and (json < 0 or html < json)


ROUTES = [get_codebook, get_actor_code]
