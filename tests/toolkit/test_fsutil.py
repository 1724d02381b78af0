"""Crash-safe writes (`rapport.fsutil`): the one atomic write for text and bytes."""

from pathlib import Path

import pytest

from rapport.fsutil import atomic_write_bytes, atomic_write_text


def test_atomic_write_text_creates_dirs_and_keeps_newlines(tmp_path: Path):
    path = tmp_path / "a" / "b" / "x.md"
    assert atomic_write_text(path, "æ\nø\r\n") == path
    assert path.read_bytes() == "æ\nø\r\n".encode("utf-8")
    assert [p.name for p in path.parent.iterdir()] == ["x.md"]  # no temporary file left


def test_atomic_write_bytes_replaces_and_cleans_up_on_error(tmp_path: Path):
    path = tmp_path / "fig.svg"
    atomic_write_bytes(path, b"old")
    atomic_write_bytes(path, b"<svg/>")
    assert path.read_bytes() == b"<svg/>"
    with pytest.raises(TypeError):
        atomic_write_bytes(path, "not bytes")  # type: ignore[arg-type]
    assert path.read_bytes() == b"<svg/>"
    assert [p.name for p in tmp_path.iterdir()] == ["fig.svg"]
