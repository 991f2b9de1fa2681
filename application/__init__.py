"""The application layer: the use cases, each a function over ports (application/ports.py).

    ingest.py         submit an article, submit a batch, re-extract one or all, live events
    subscriptions.py  subscribe, change / pause / resume, rotate the secret, unsubscribe,
                      retry a delivery, replay history
    admin.py          rebuild a projection, create and revoke API keys
    idempotency.py    the Idempotency-Key rule (the first reply to a key is the reply)
    queries.py        the read side, passed through to infra's queries (no port: see there)

Rules live in `domain`, SQL in `infra` (its modules are the adapters that satisfy the ports,
without importing them), HTTP and CLI shapes in `api`, whose composition root
(api/app.py, api/services.py) picks the adapters. Routes and commands call use cases.

One `POST /articles`, followed as data; each module is entered once, and every call
returns to the use case, which is the only place that knows the order:

    api/routes/articles.submit_article        the HTTP body as ArticleInput; Idempotency-Key
      → application/ingest.submit_article     the use case
          → domain/articles.validate_article  an Article: id, de-duplication keys, event ids
          → infra/ingestion.find              (ArticleStore) a stored article with any key?
          → domain/extraction.extract         the conflict events
          → infra/ingestion.append_new        (ArticleStore) one transaction: the stream via
                                              infra/event_store, the keys; events via infra/codec
          → domain/wire.wire_event            the reply's events
      ← Outcome (201 created / 200 duplicate) → the route serialises it

Before this layer the same request went route → domain/articles → infra/ingestion →
extraction → infra/ingestion → infra/codec → domain/articles → infra/codec →
infra/ingestion → infra/event_store → infra/ingestion, entering infra/ingestion four times.
"""
