"""Run ``jsr-nlp process`` in a child that obeys file modes even when the tests run as root.

Root reads and writes anywhere, so a test of an unreadable input folder or a read-only
output folder gives up the two capabilities that allow it (CAP_DAC_OVERRIDE,
CAP_DAC_READ_SEARCH) in the child only. Raises ``subprocess.SubprocessError`` when that is
not possible here (the caller skips).
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from pathlib import Path


def _without_root_powers() -> None:  # pragma: no cover - runs in the child
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl")


def process_as_user(src: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """``python -m jsr_nlp process SRC --out OUT`` in a child bound by file modes."""
    return subprocess.run(
        [sys.executable, "-m", "jsr_nlp", "process", str(src), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=_without_root_powers if os.geteuid() == 0 else None,
        check=False,
    )
