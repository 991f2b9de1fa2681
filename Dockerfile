# The API/worker image. In docker compose it talks to the `db` service through DATABASE_URL;
# alone (`docker run`, no DATABASE_URL) it keeps an embedded PostgreSQL under /data.

# The web page's front-end packages, exactly as package-lock.json pins them (no install scripts),
# as `make install` does; only node_modules/ goes on to the image, not Node.js.
FROM node:20-slim AS web
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    CONFLICTDB_DATA_DIR=/data
WORKDIR /app

# Every dependency pinned with its hash, in a layer of its own that survives code changes.
# requirements-runtime.lock is the runtime subset of requirements.lock (`make lock` writes both).
COPY requirements-runtime.lock ./
RUN pip install --require-hashes --no-deps -r requirements-runtime.lock

COPY pyproject.toml README.md ./
COPY api ./api
COPY domain ./domain
COPY infra ./infra
COPY seeds ./seeds
RUN pip install --no-deps --no-build-isolation . && pip check && rm -rf build *.egg-info
# The analyst's page at /: its own files and its npm packages, found in the working directory
# (api/routes/web.py), served offline like everything else.
COPY web ./web
COPY --from=web /build/node_modules ./node_modules

# Not root: the code stays root-owned and read-only; only /data is the service's to write.
RUN useradd --system --uid 10001 --create-home --home-dir /home/conflictdb conflictdb \
    && mkdir /data && chown conflictdb /data
USER conflictdb

EXPOSE 8000
# slim has no curl: ask /health with the standard library (any error or non-2xx exits 1).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/health' % os.environ.get('CONFLICTDB_PORT', '8000'), timeout=4)"]
CMD ["conflictdb", "serve", "--host", "0.0.0.0", "--ingest-seeds"]
