"""Who may write into an output folder: one run at a time.

:class:`FolderLock` holds a lock file naming its process; a second run stops at once with
a message naming the holder, and a lock left by a process that no longer exists is
taken over.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from jsr_nlp.errors import ConfigurationError

LOCK = ".jsr-nlp.lock"


class FolderLock:
    """An exclusive lock on an output folder for the length of a run."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK
        self._held = False

    def acquire(self) -> None:
        """Take the lock, or raise :class:`ConfigurationError` naming the live holder."""
        for _ in range(3):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = self._holder()
                if holder is None and self._age() < 10:
                    holder = -1  # just created; its owner has not written its pid yet
                if holder is not None and (holder == -1 or _alive(holder)):
                    who = "another jsr-nlp run" + (f" (process {holder})" if holder > 0 else "")
                    msg = (
                        f"{who} is writing into this folder; "
                        f"wait for it to finish, or remove {self.path} if it is not running"
                    )
                    raise ConfigurationError(str(self.path.parent), msg) from None
                # a lock from a process that no longer exists: take it over
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()
                continue
            with os.fdopen(fd, "w") as fh:
                fh.write(f"{os.getpid()}\n")
            self._held = True
            return
        msg = f"could not take the lock {self.path}"
        raise ConfigurationError(str(self.path.parent), msg)

    def release(self) -> None:
        """Give the lock back (only if this process holds it)."""
        if self._held and self._holder() == os.getpid():
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
        self._held = False

    def _age(self) -> float:
        import time

        try:
            return time.time() - self.path.stat().st_mtime
        except OSError:
            return float("inf")

    def _holder(self) -> int | None:
        try:
            return int(self.path.read_text("ascii").split()[0])
        except (OSError, ValueError, IndexError):
            return None

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """``with FolderLock(folder).held(): ...``"""
        self.acquire()
        try:
            yield
        finally:
            self.release()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True
