"""The one settings object, read from `PROTOKOLL_*` variables at each entry point and passed down.

Stage code never reads the environment: it receives this object, or the parts it needs.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything a deployment can tune. Paths default to places under `home`."""

    model_config = SettingsConfigDict(env_prefix="PROTOKOLL_", extra="ignore")

    home: Path = Path("./data")
    database_url: str | None = None
    inbox: Path | None = None

    # Intake
    stability_seconds: float = 3.0
    poll: bool = False
    rescan_seconds: float = 60.0
    max_file_bytes: int = 50 * 1024 * 1024
    max_pages: int = 200
    max_image_pixels: int = 80_000_000

    # Extraction
    ocr_languages: str = "sqi+eng"
    ocr_dpi: int = 300
    ocr_timeout_seconds: float = 120.0
    ocr_workers: int = Field(default=0, description="0 means one per core")

    # Classification and review
    model_dir: Path | None = None
    # Per-dimension auto-accept thresholds; unset ones come from the trained model's metadata,
    # where training chose them for >= 98% precision on out-of-fold predictions.
    thresholds: dict[str, float] = Field(default_factory=dict)

    # Registry
    default_reply_days: int = 30
    information_reply_working_days: int = 10
    timezone: str = "Europe/Tirane"

    # API
    host: str = "127.0.0.1"
    port: int = 8000
    max_upload_bytes: int = 50 * 1024 * 1024

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.home / 'protokoll.db').resolve()}"

    @property
    def inbox_dir(self) -> Path:
        return self.inbox if self.inbox is not None else self.home / "inbox"

    @property
    def originals_dir(self) -> Path:
        return self.home / "originals"

    @property
    def quarantine_dir(self) -> Path:
        return self.home / "quarantine"

    @property
    def model_path(self) -> Path:
        return self.model_dir if self.model_dir is not None else self.home / "model"

    def ensure_dirs(self) -> None:
        for path in (self.home, self.inbox_dir, self.originals_dir, self.quarantine_dir):
            path.mkdir(parents=True, exist_ok=True)
