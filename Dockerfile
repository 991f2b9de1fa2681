# The API/worker image. Talks to the `db` service through DATABASE_URL (no embedded server).
FROM python:3.11-slim
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
COPY pyproject.toml README.md ./
COPY api ./api
COPY domain ./domain
COPY infra ./infra
COPY seeds ./seeds
RUN pip install --no-cache-dir .
EXPOSE 8000
CMD ["conflictdb", "serve", "--host", "0.0.0.0", "--ingest-seeds"]
