"""The API's routes, one module per area; each route validates, calls a service and answers
with a response schema."""

from api.routes import desk, entries, intake, reports, review, system, tokens

ROUTERS = (
    system.router,
    entries.router,
    review.router,
    desk.router,
    intake.router,
    reports.router,
    tokens.router,
)

__all__ = ["ROUTERS"]
