"""A project without its own src/ (an example under examples/) is keyed on the toolkit's
package source and lock file, so a package change reruns its notebooks and re-renders it."""

from rapport.pipeline.cache import TOOLKIT_SRC, Environment, toolkit_paths


def test_project_with_src_uses_its_own(tmp_path):
    (tmp_path / "src").mkdir()
    assert toolkit_paths(tmp_path) == (tmp_path / "src", tmp_path / "requirements.lock")


def test_project_without_src_uses_the_toolkit(tmp_path):
    src, lock = toolkit_paths(tmp_path)
    assert src == TOOLKIT_SRC and (src / "rapport" / "__init__.py").is_file()
    assert lock == TOOLKIT_SRC.parent / "requirements.lock" and lock.is_file()
    env = Environment.of(tmp_path)
    assert env.lock != "" and env.lock == Environment.of(TOOLKIT_SRC.parent).lock
    # keyed on the toolkit package itself: not the empty key of a folder without sources
    empty = tmp_path / "empty"
    (empty / "src").mkdir(parents=True)
    assert env.package != Environment.of(empty).package


def test_render_hash_follows_the_renderer_for_an_example(tmp_path, monkeypatch):
    from rapport.pipeline import cli
    (tmp_path / "_quarto.yml").write_text("project: {type: book}\n")
    before = cli.render_inputs_hash(tmp_path, {})
    real = cli.tree_sha256
    monkeypatch.setattr(cli, "tree_sha256",
                        lambda p, *a, **kw: "changed" if p == TOOLKIT_SRC else real(p, *a, **kw))
    assert cli.render_inputs_hash(tmp_path, {}) != before
