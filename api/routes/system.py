"""Open endpoints: /health for the load balancer and /metrics for Prometheus."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST

from api.deps import BookDep, MetricsDep
from api.schemas import Health

router = APIRouter(tags=["system"])


@router.get("/health", response_model=Health)
def health(request: Request, book: BookDep) -> Health:
    """Whether the database answers and the classification model is loaded."""
    book.db.ping()
    pipeline = request.app.state.pipeline
    model = "none"
    if pipeline is not None and pipeline.classifier.is_available:
        model = "loaded"
    return Health(status="ok", database="ok", model=model)


@router.get(
    "/metrics",
    response_class=Response,
    responses={200: {"content": {CONTENT_TYPE_LATEST: {}}, "description": "Prometheus text"}},
)
def metrics(registry: MetricsDep) -> Response:
    """Files taken, pages OCR'd, queue length, review backlog, per-stage latency."""
    return Response(registry.render(), media_type=CONTENT_TYPE_LATEST)
