"""The sample's edition, byte for byte, in every format.

`tests/golden/` holds the files `jsr-nlp process` wrote for the bundled sample before the
package was reorganised. A change of layout must not change a byte of any of them; a change
of behaviour that is meant must regenerate them (`uv run python tests/test_golden.py`) and
say so in its commit.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
SAMPLE = "samples/japon-urss-segunda-guerra-mundial.txt"
FORMATS = "json,txt,tei,html,csv,jsonl"


def write_sample(out: Path) -> None:
    from jsr_nlp.cli import app

    result = CliRunner().invoke(app, ["process", SAMPLE, "--out", str(out), "--format", FORMATS])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name", sorted(p.name for p in GOLDEN.iterdir()))
def test_sample_outputs_are_byte_identical(name, tmp_path_factory, monkeypatch):
    out = tmp_path_factory.getbasetemp() / "golden-out"
    if not out.exists():
        monkeypatch.chdir(ROOT)
        write_sample(out)
    assert (out / name).read_bytes() == (GOLDEN / name).read_bytes(), name


if __name__ == "__main__":
    import os

    os.chdir(ROOT)
    for old in GOLDEN.iterdir():
        old.unlink()
    write_sample(GOLDEN)
    (GOLDEN / "run.json").unlink()
    print(f"regenerated {len(list(GOLDEN.iterdir()))} files in {GOLDEN}", file=sys.stderr)
