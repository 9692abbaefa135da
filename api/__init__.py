"""The doors to Protokoll: the FastAPI app (api.app.create_app) and the `protokoll` command line
(api.cli). Only this package imports FastAPI."""
