# The upload page (`tenderlint serve`) in a small image:
#   docker build -t tenderlint .
#   docker run --rm -p 8000:8000 tenderlint
# Settings for every check: mount a .tenderlint.toml into /home/tenderlint (see README, "Host it for
# your organisation"). Put an HTTPS proxy in front of it; the container listens on plain HTTP.

FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY src ./src
COPY rules ./rules
# Wheels for tenderlint and everything it needs, so the final image has no compilers or build tools.
RUN pip wheel --no-cache-dir --wheel-dir /wheels '.[serve]'

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 tenderlint
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir --no-index --find-links /wheels 'tenderlint[serve]' && rm -rf /wheels
USER tenderlint
WORKDIR /home/tenderlint
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
# uvicorn stops on SIGTERM (docker stop) and the server kills its workers on the way out.
CMD ["tenderlint", "serve", "--host", "0.0.0.0", "--port", "8000"]
