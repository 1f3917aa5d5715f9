# dealbot in a container: `docker compose up` (compose.yaml) runs it with your .env.
# Slim Python, a non-root user, the database on a volume, and a HEALTHCHECK on /healthz.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin dealbot \
    && mkdir /data && chown dealbot:dealbot /data

WORKDIR /app
# the package first (a layer that changes only with the code), then the default feeds
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
RUN pip install . && dealbot --version
COPY feeds.toml manifest.yml ./

USER dealbot
# the database lives on the volume; /healthz is served on PORT in HTTP mode and on
# DEALBOT_METRICS_PORT in Socket Mode (set here so the healthcheck always has a port)
ENV DEALBOT_DB=/data/dealbot.db \
    DEALBOT_FEEDS=/app/feeds.toml \
    PORT=3000 \
    DEALBOT_METRICS_PORT=9100
VOLUME ["/data"]
EXPOSE 3000 9100

HEALTHCHECK --interval=60s --timeout=5s --start-period=90s --retries=3 \
  CMD ["python", "-c", "import os, sys, urllib.request\nfor port in (os.environ.get('DEALBOT_METRICS_PORT'), os.environ.get('PORT')):\n    try:\n        urllib.request.urlopen(f'http://127.0.0.1:{port}/healthz', timeout=4)\n        sys.exit(0)\n    except Exception:\n        pass\nsys.exit(1)"]

CMD ["dealbot", "run"]
