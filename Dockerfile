# syntax=docker/dockerfile:1
# Sportello API image: built in one stage, run as a non-root user in a slim second stage.
FROM python:3.12-slim AS build
WORKDIR /src
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
COPY pyproject.toml README.md ./
COPY schema schema
COPY resolvers resolvers
COPY models models
COPY auth auth
COPY server server
COPY migrations migrations
RUN python -m venv /opt/sportello \
    && /opt/sportello/bin/pip install --upgrade pip \
    && /opt/sportello/bin/pip install .

FROM python:3.12-slim AS runtime
RUN groupadd --system --gid 10001 sportello \
    && useradd --system --uid 10001 --gid sportello --home /app sportello
COPY --from=build /opt/sportello /opt/sportello
WORKDIR /app
ENV PATH=/opt/sportello/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    SPORTELLO_ENV=production \
    SPORTELLO_DATA_DIR=/app/data
RUN mkdir -p /app/data && chown 10001:10001 /app/data
USER 10001
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status != 200)"]
CMD ["sportello", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
