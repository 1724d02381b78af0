"""A kernel that dies while starting (before any cell ran) is started again; a failure after a
cell ran, or of another kind, is reported as it is (rapport.pipeline.execute._run)."""

from __future__ import annotations

import nbformat
import pytest

from rapport.pipeline import execute

DIED = "Kernel died before replying to kernel_info"


def notebook(ran: bool = False):
    cell = nbformat.v4.new_code_cell("x = 1")
    cell.execution_count = 1 if ran else None
    return nbformat.v4.new_notebook(cells=[cell])


class FakeClient:
    """Fails with `errors` in turn, then succeeds; counts the kernels it was asked to start."""
    errors: list[Exception] = []
    started = 0

    def __init__(self, nb, **kwargs):
        self.nb = nb

    def execute(self):
        FakeClient.started += 1
        if FakeClient.errors:
            raise FakeClient.errors.pop(0)


@pytest.fixture
def fake(monkeypatch):
    monkeypatch.setattr(execute, "NotebookClient", FakeClient)
    FakeClient.started = 0
    return FakeClient


def test_a_kernel_that_dies_while_starting_is_started_again(fake, tmp_path):
    fake.errors = [RuntimeError(DIED), RuntimeError(DIED)]
    execute._run(notebook(), tmp_path)
    assert fake.started == 3


def test_it_gives_up_after_the_last_attempt(fake, tmp_path):
    fake.errors = [RuntimeError(DIED)] * execute.KERNEL_START_ATTEMPTS
    with pytest.raises(RuntimeError, match="kernel_info"):
        execute._run(notebook(), tmp_path)
    assert fake.started == execute.KERNEL_START_ATTEMPTS


def test_no_retry_once_a_cell_ran(fake, tmp_path):
    fake.errors = [RuntimeError(DIED)]
    with pytest.raises(RuntimeError):
        execute._run(notebook(ran=True), tmp_path)
    assert fake.started == 1


def test_no_retry_for_another_error(fake, tmp_path):
    fake.errors = [RuntimeError("something else")]
    with pytest.raises(RuntimeError, match="something else"):
        execute._run(notebook(), tmp_path)
    assert fake.started == 1
