"""Behaviour that mutation testing found unstated (``bench/bench_mutation.py``).

Each test pins a decision whose mutants survived the rest of the suite.
"""

from __future__ import annotations

import os
import stat

import pytest

from jsr_nlp.audit import _overlaps
from jsr_nlp.batch import LOCK, FolderLock, plan_stems
from jsr_nlp.clean import CleanConfig, _group, clean, number_convention
from jsr_nlp.errors import ConfigurationError
from jsr_nlp.lexicon.fuzzy import _extends


@pytest.mark.parametrize(
    ("text", "convention"),
    [
        ("creció un 2,8 % en 1998", "es"),
        ("la deuda sumaba 1.250.000 pesos", "es"),
        ("the army had 1,250,000 men", "en"),
        ("it cost 1,234.50 dollars", "en"),
        ("grew by 1.5 millones", "en"),
        ("75,000 hombres", "en"),
        ("en 1939 y en 1945", "unknown"),
        ("1,250,000 soldados y un 2,8 %", "unknown"),
    ],
)
def test_number_convention(text, convention):
    assert number_convention(text) == convention


def test_an_ambiguous_number_follows_the_document():
    # Spanish decimals elsewhere: 5,048 is five and a bit
    assert clean("el oro, a 5,048 dólares; el dólar, a 1,10 euros") == (
        "el oro, a 5,048 dólares; el dólar, a 1,10 euros"
    )
    # English numbers elsewhere: 5,048 is five thousand
    assert clean("5,048 dólares y 1,250,000 pesos") == "5.048 dólares y 1.250.000 pesos"
    # nothing decides: left as it is (suggested)
    assert clean("pagó 5,048 dólares") == "pagó 5,048 dólares"


@pytest.mark.parametrize(
    ("digits", "grouped"),
    [
        ("1500", "1 500"),
        ("250000", "250 000"),
        ("1250000", "1 250 000"),
        ("12345678", "12 345 678"),
    ],
)
def test_thin_space_grouping(digits, grouped):
    assert _group(digits, " ") == grouped


def test_thin_space_style_in_text():
    cfg = CleanConfig(thousands_separator="thin_space")
    assert clean("250,000 y 1,250,000 hombres", cfg) == "250\u202f000 y 1\u202f250\u202f000 hombres"


@pytest.mark.parametrize(
    ("a", "b", "extends"),
    [
        ("zinoviev", "zinovi", True),  # two more letters at the end: another name
        ("zinovi", "zinoviev", True),
        ("zhukov", "zhukovs", False),  # one more letter: a plural or a typo
        ("zukhovsky", "zhukov", False),  # longer, but not an extension
        ("abc", "abcd", False),
        ("abc", "abcde", True),
    ],
)
def test_a_name_extended_by_letters_is_another_name(a, b, extends):
    assert _extends(a, b) is extends


def test_touching_spans_do_not_overlap_but_an_insertion_at_the_edge_does():
    assert _overlaps(0, 2, 2, 4) is False
    assert _overlaps(0, 2, 1, 3) is True
    assert _overlaps(2, 2, 0, 2) is True  # an insertion where a replaced stretch ends


def test_standard_input_has_a_stem_of_its_own():
    assert plan_stems(["-", "<stdin>"]) == ["stdin", "stdin"]
    assert plan_stems(["-", "texts/a.txt"]) == ["stdin", "a"]


def test_lock_file_records_the_pid_and_is_readable(tmp_path):
    lock = FolderLock(tmp_path)
    lock.acquire()
    path = tmp_path / LOCK
    assert path.read_text("ascii").split() == [str(os.getpid())]
    assert stat.S_IMODE(path.stat().st_mode) & 0o044 == 0o044  # others can read who holds it
    lock.release()
    assert not path.exists()
    lock.release()  # releasing twice is harmless


def test_a_lock_just_created_without_a_pid_is_respected(tmp_path):
    (tmp_path / LOCK).write_text("", "ascii")  # another run is between create and write
    with pytest.raises(ConfigurationError) as err:
        FolderLock(tmp_path).acquire()
    assert "another jsr-nlp run is writing" in str(err.value)
    assert "process" not in str(err.value)
    assert err.value.path == str(tmp_path)


def test_an_old_lock_without_a_pid_is_taken_over(tmp_path):
    lock_file = tmp_path / LOCK
    lock_file.write_text("", "ascii")
    os.utime(lock_file, (1, 1))  # written long ago by a run that died before its pid
    lock = FolderLock(tmp_path)
    lock.acquire()
    assert lock_file.read_text("ascii").strip() == str(os.getpid())
    lock.release()


def test_releasing_never_removes_another_runs_lock(tmp_path):
    mine = FolderLock(tmp_path)
    mine.acquire()
    mine.release()
    (tmp_path / LOCK).write_text("1\n", "ascii")  # now held by process 1
    mine.release()
    FolderLock(tmp_path).release()  # never acquired
    assert (tmp_path / LOCK).read_text("ascii") == "1\n"


def test_standard_input_does_not_move_the_common_folder():
    assert plan_stems(["<stdin>", "t/a/x.txt", "t/a/y.txt"]) == ["stdin", "x", "y"]
    assert plan_stems(["-", "t/a/x.txt", "t/a/y.txt"]) == ["stdin", "x", "y"]


def test_lock_file_is_not_executable(tmp_path):
    with FolderLock(tmp_path).held():
        assert stat.S_IMODE((tmp_path / LOCK).stat().st_mode) & 0o111 == 0


def test_another_lock_object_never_releases_the_holders_lock(tmp_path):
    holder = FolderLock(tmp_path)
    holder.acquire()
    FolderLock(tmp_path).release()  # same process, never acquired
    assert (tmp_path / LOCK).exists()
    holder.release()


def test_asking_whether_the_holder_lives_does_not_signal_it(tmp_path):
    import subprocess
    import sys

    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        (tmp_path / LOCK).write_text(f"{sleeper.pid}\n", "ascii")
        with pytest.raises(ConfigurationError):
            FolderLock(tmp_path).acquire()
        assert sleeper.poll() is None  # still running: only signal 0 was sent
    finally:
        sleeper.kill()
        sleeper.wait()
