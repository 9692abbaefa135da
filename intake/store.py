"""The originals store: every file's bytes, kept read-only under their SHA-256, outside the inbox.

Writing is the first durable act of intake: copy to a temporary name, fsync, rename into place.
Storing the same bytes twice is a no-op, so every later step can be redone from the store.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from intake.errors import OriginalMissing

_CHUNK = 1 << 20


@dataclass(frozen=True)
class StoredOriginal:
    sha256: str
    size: int
    path: Path


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class OriginalsStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def relative(self, sha256: str) -> str:
        return str(self.path_for(sha256).relative_to(self.root))

    def put_file(self, source: Path) -> StoredOriginal:
        """Copy `source` into the store (hashing while copying) and return where it is."""
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out, source.open("rb") as src:
                while chunk := src.read(_CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                out.flush()
                os.fsync(out.fileno())
            return self._commit(tmp, digest.hexdigest(), size)
        finally:
            tmp.unlink(missing_ok=True)

    def put_bytes(self, data: bytes) -> StoredOriginal:
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            return self._commit(tmp, hashlib.sha256(data).hexdigest(), len(data))
        finally:
            tmp.unlink(missing_ok=True)

    def _commit(self, tmp: Path, sha256: str, size: int) -> StoredOriginal:
        final = self.path_for(sha256)
        if not final.exists():
            final.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(tmp, 0o444)
            os.replace(tmp, final)
            _fsync_dir(final.parent)
        return StoredOriginal(sha256=sha256, size=size, path=final)

    def open_original(self, sha256: str) -> Path:
        path = self.path_for(sha256)
        if not path.exists():
            raise OriginalMissing(f"original {sha256} is not in the store")
        return path

    def copy_out(self, sha256: str, target: Path) -> None:
        shutil.copyfile(self.open_original(sha256), target)


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
