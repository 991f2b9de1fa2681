"""GET /articles/{id}: an article with its live events."""

from __future__ import annotations

from typing import Annotated

import msgspec
from litestar import get
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import PathParameter

from api.auth import require_scope
from api.consistency import ReadAfter
from api.schemas import ArticleWithEvents
from api.services import ServicesDep
from application.queries import articles, filters
from domain.errors import NotFoundError


class _ArticleOut(articles.ArticleView, kw_only=True):
    events: list[msgspec.Raw]  # stored wire JSON, passed through


@get(
    "/articles/{article_id:str}",
    tags=["articles"],
    summary="One article with its live events",
    guards=[require_scope("read")],
    responses={200: ResponseSpec(data_container=ArticleWithEvents, description="The article")},
)
async def get_article(
    services: ServicesDep, read_after: ReadAfter, article_id: Annotated[str, PathParameter(format="uuid")]
) -> _ArticleOut:
    found = await articles.fetch_article(services.read_pool, filters.parse_uuid("article id", article_id))
    if found is None:
        raise NotFoundError(f"no article {article_id}")
    article, events = found
    return _ArticleOut(**msgspec.structs.asdict(article), events=[msgspec.Raw(e) for e in events])


ROUTES = [get_article]
