"""The loaded content/ kept between lint runs: used only while nothing it read has changed, private
to the user, never inside the project, and never a reason for a wrong or failed lint."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import huifang

SCRIPT = (
    "客服：您好，我是安心物业客服小李，请问是王先生吗？现在方便接电话吗？\n客服：喂喂喂，听得到吗？\n"
    "客服：非常感谢您的支持，祝您生活愉快，再见！\n"
)


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv("HUIFANG_NO_CACHE", raising=False)
    monkeypatch.delenv("CI", raising=False)
    return home / "huifang" / "content"


def lint(proj: Path):
    script = proj / "scripts_src" / "c.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    run = huifang("lint", "--project", proj, script, "--format", "json")
    assert run.returncode in (0, 1), run.stderr
    return sorted((p["rule"], p["line"], p["message"]) for p in json.loads(run.stdout))


def phrases(found):
    return [f for f in found if f[0] == "forbidden-phrase"]


def loaded_part(entry: Path) -> bytes:
    """The entry's pickled content, after its header and manifest."""
    import io
    import pickle

    stream = io.BytesIO(entry.read_bytes().split(b"\n", 1)[1])
    pickle.load(stream)
    return stream.read()


def settle() -> None:
    """Wait until the project's files are too old to be racy: a hit on an entry with racy files writes
    it back once they have aged (see the last test), and these tests check that a hit writes nothing."""
    import time

    from huifang.contentcache import RACY_NS

    time.sleep(RACY_NS / 1e9 + 0.2)


def test_second_run_reads_the_cache_and_agrees(proj, cache):
    settle()
    first = lint(proj)
    entries = list(cache.glob("*.pickle"))
    assert len(entries) == 1 and phrases(first)
    assert oct(cache.stat().st_mode & 0o777) == "0o700" and oct(entries[0].stat().st_mode & 0o777) == "0o600"
    written = entries[0].stat().st_mtime_ns
    assert lint(proj) == first
    assert entries[0].stat().st_mtime_ns == written  # read, not written again
    assert not list(proj.rglob("*.pickle"))  # never inside the project


def test_edit_of_the_same_size_and_time_is_seen(proj, cache):
    phrase_file = proj / "content" / "forbidden" / "basic.yaml"
    assert phrases(lint(proj))[0][1] == 2
    stat = phrase_file.stat()
    text = phrase_file.read_text(encoding="utf-8")
    phrase_file.write_text(text.replace("phrase: 喂喂喂", "phrase: 嗯嗯嗯"), encoding="utf-8")
    os.utime(phrase_file, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert phrase_file.stat().st_size == stat.st_size and phrase_file.stat().st_mtime_ns == stat.st_mtime_ns
    assert phrases(lint(proj)) == []


def test_broken_entry_is_ignored_and_replaced(proj, cache):
    first = lint(proj)
    entry = next(cache.glob("*.pickle"))
    key = entry.read_bytes().split(b"\n", 1)[0]
    for garbage in (b"", b"not a key\n", key + b"\n" + b"\x80\x05truncated"):
        entry.write_bytes(garbage)
        assert lint(proj) == first
    assert entry.read_bytes().startswith(key + b"\n\x80")


def test_not_used_where_others_could_write_or_when_turned_off(proj, cache, monkeypatch):
    cache.mkdir(parents=True)
    cache.chmod(0o777)
    first = lint(proj)
    assert list(cache.iterdir()) == []
    cache.chmod(0o700)
    monkeypatch.setenv("HUIFANG_NO_CACHE", "1")
    assert lint(proj) == first
    assert list(cache.iterdir()) == []


def test_not_written_under_ci_but_read(proj, cache, monkeypatch):
    monkeypatch.setenv("CI", "true")
    first = lint(proj)
    assert not cache.exists() or list(cache.iterdir()) == []
    monkeypatch.setenv("CI", "false")
    assert lint(proj) == first
    entry = next(cache.glob("*.pickle"))
    written = entry.stat().st_mtime_ns
    monkeypatch.setenv("CI", "true")
    assert lint(proj) == first
    assert entry.stat().st_mtime_ns == written


def test_unwritable_cache_home_still_lints(proj, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file-not-folder"))
    (tmp_path / "file-not-folder").write_text("x", encoding="utf-8")
    monkeypatch.delenv("HUIFANG_NO_CACHE", raising=False)
    assert phrases(lint(proj))


def test_content_error_is_reported_from_the_cache_too(proj, cache):
    broken = proj / "content" / "forbidden" / "broken.yaml"
    broken.write_text("phrases: [\n", encoding="utf-8")
    for _ in range(2):  # written, then read back
        run = huifang("lint", "--project", proj, "--format", "json")
        assert run.returncode == 1
        assert any(p["path"] == "content/forbidden/broken.yaml" for p in json.loads(run.stdout))
    assert len(list(cache.glob("*.pickle"))) == 1


def _age_entry(entry: Path) -> None:
    """Make the entry look written long after its files: none is racy, so the stat data alone is trusted."""
    import io
    import pickle

    raw = entry.read_bytes()
    header, rest = raw.split(b"\n", 1)
    stream = io.BytesIO(rest)
    manifest = pickle.load(stream)
    manifest["time"] += 3600 * 10**9
    entry.write_bytes(header + b"\n" + pickle.dumps(manifest) + rest[stream.tell() :])


def test_unchanged_stat_is_trusted_and_a_changed_one_is_checked(proj, cache):
    first = lint(proj)
    entry = next(cache.glob("*.pickle"))
    _age_entry(entry)
    written = entry.stat().st_mtime_ns
    assert lint(proj) == first and entry.stat().st_mtime_ns == written  # a hit on stat data alone
    phrase_file = proj / "content" / "forbidden" / "basic.yaml"
    os.utime(phrase_file, ns=(phrase_file.stat().st_atime_ns, phrase_file.stat().st_mtime_ns))  # ctime moves
    content = loaded_part(entry)
    assert lint(proj) == first and loaded_part(entry) == content  # read, same bytes: still a hit (the
    # entry may be written back with the file's new stat once it is old enough, its content copied)
    stat = phrase_file.stat()
    text = phrase_file.read_text(encoding="utf-8")
    phrase_file.write_text(text.replace("phrase: 喂喂喂", "phrase: 嗯嗯嗯"), encoding="utf-8")
    os.utime(phrase_file, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same modification time
    assert phrases(lint(proj)) == []


def test_added_and_removed_content_files_are_seen_without_racy_files(proj, cache):
    first = lint(proj)
    _age_entry(next(cache.glob("*.pickle")))
    extra = proj / "content" / "forbidden" / "more.yaml"
    extra.write_text(
        "phrases:\n  - id: ting-de-dao\n    phrase: 听得到吗\n    severity: warning\n"
        "    reason: 先问候。\n    instead: 您好。\n",
        encoding="utf-8",
    )
    added = lint(proj)
    assert phrases(added) == sorted(phrases(first) + [p for p in phrases(added) if p[1] == 2 and "听得到吗" in p[2]])
    assert len(phrases(added)) == len(phrases(first)) + 1
    _age_entry(next(cache.glob("*.pickle")))
    extra.unlink()
    assert lint(proj) == first


def test_written_and_read_for_the_project_in_the_current_folder(proj, cache):
    """The way pre-commit runs the hook: no --project, the project is '.'."""
    (proj / "scripts_src" / "c.txt").write_text(SCRIPT, encoding="utf-8")
    settle()
    runs = [huifang("lint", "scripts_src/c.txt", "--format", "json", cwd=proj) for _ in range(2)]
    assert runs[0].stdout == runs[1].stdout and json.loads(runs[0].stdout)
    entries = list(cache.glob("*.pickle"))
    assert len(entries) == 1
    written = entries[0].stat().st_mtime_ns
    assert huifang("lint", "scripts_src/c.txt", "--format", "json", cwd=proj).stdout == runs[0].stdout
    assert entries[0].stat().st_mtime_ns == written


def _qa(proj: Path, call: Path, script: str):
    return huifang("qa", "--project", proj, "--no-db", "--format", "json", "--script", script, call)


def test_qa_keeps_its_own_entry_with_the_scripts_and_sees_one_added_or_removed(proj, cache, tmp_path):
    """`huifang qa` reads the whole project (scripts_src/ too) from the cache: a script added or removed
    since the entry was written is seen, even when every other file's stat data is trusted."""
    call = tmp_path / "call.txt"
    call.write_text(
        "客服：您好，请问您对维修服务满意吗？\n客户：满意。\n客服：感谢您的支持，再见！\n", encoding="utf-8"
    )
    first = _qa(proj, call, "demo-extra")
    assert first.returncode == 2 and "--script demo-extra：没有这篇话术" in first.stderr
    lint(proj)  # lint's entry (content only) is another one: neither replaces the other
    assert len(list(cache.glob("*.pickle"))) == 2
    for entry in cache.glob("*.pickle"):
        _age_entry(entry)
    source = (proj / "scripts_src" / "good.yaml").read_text(encoding="utf-8")
    extra = proj / "scripts_src" / "demo-extra.yaml"
    extra.write_text(source.replace("id: good", "id: demo-extra"), encoding="utf-8")
    added = _qa(proj, call, "demo-extra")
    assert added.returncode in (0, 1), added.stderr
    assert json.loads(added.stdout)["calls"][0]["script"] == "demo-extra"
    for entry in cache.glob("*.pickle"):
        _age_entry(entry)
    extra.unlink()
    assert _qa(proj, call, "demo-extra").returncode == 2
    assert _qa(proj, call, "good").returncode in (0, 1)


def test_an_entry_written_just_after_its_files_changed_is_refreshed_once_they_are_old(proj, cache):
    """Racy files are read again on every run; once they are old enough to trust by stat, the entry is
    written back with their present stats (the same content), and from then on a hit reads no file."""
    import io
    import pickle
    import time

    from huifang import contentcache

    first = lint(proj)
    entry = next(cache.glob("*.pickle"))

    def manifest() -> dict:
        return pickle.load(io.BytesIO(entry.read_bytes().split(b"\n", 1)[1]))

    # as if written a second after the newest file changed: every run must read it again
    header, made = entry.read_bytes().split(b"\n", 1)[0], manifest()
    newest = max(max(stat[3], stat[4]) for _, stat, _ in made["files"])
    made["time"] = newest + 10**9
    content = loaded_part(entry)
    entry.write_bytes(header + b"\n" + pickle.dumps(made) + content)
    assert any(contentcache._racy(stat, made["time"]) for _, stat, _ in made["files"])
    time.sleep(max(0.0, (newest + contentcache.RACY_NS) / 1e9 - time.time()) + 0.3)
    assert lint(proj) == first  # a hit that re-reads the racy files, and writes the entry back
    refreshed = manifest()
    assert refreshed["time"] > made["time"]
    assert not any(contentcache._racy(stat, refreshed["time"]) for _, stat, _ in refreshed["files"])
    assert loaded_part(entry) == content  # the loaded content is copied, not pickled again
    written = entry.stat().st_mtime_ns
    assert lint(proj) == first and entry.stat().st_mtime_ns == written  # now a plain hit


def test_enabled_packs_are_kept_built_and_a_changed_pack_is_picked_up(proj, cache, tmp_path, monkeypatch):
    """The phrase packs huifang.yaml enables are kept built in the entry: a hit builds none, an edit of
    the pack (same size, same modification time) is seen, and an entry whose content part is not what
    this version writes is ignored."""
    import io
    import pickle

    from huifang import contentcache
    from huifang.lint import packs

    here = tmp_path / "packs"
    here.mkdir()
    pack = here / "service-taboos.yaml"
    pack.write_bytes((packs.HERE / "service-taboos.yaml").read_bytes())
    monkeypatch.setattr(packs, "HERE", here)
    config = proj / "huifang.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "lint:\n  extends: [default, service-taboos]\n", "utf-8")
    build = packs._build

    def built_in(name: str) -> tuple:
        raise AssertionError(f"{name} built again")

    def phrases_after_load(*, may_build: bool) -> list[str]:
        monkeypatch.setattr(packs, "_BUILT", {})
        monkeypatch.setattr(packs, "_build", build if may_build else built_in)
        contentcache.load_content(proj)
        return [phrase.phrase.value for phrase in packs.phrases("service-taboos")]

    first = phrases_after_load(may_build=True)
    assert "这不归我管" in first
    assert phrases_after_load(may_build=False) == first  # from the entry
    stat = pack.stat()
    pack.write_text(pack.read_text(encoding="utf-8").replace("phrase: 这不归我管", "phrase: 这不由我管"), "utf-8")
    os.utime(pack, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert pack.stat().st_size == stat.st_size
    changed = phrases_after_load(may_build=True)
    assert "这不由我管" in changed and "这不归我管" not in changed
    assert phrases_after_load(may_build=False) == changed
    entry = next(cache.glob("*.pickle"))
    header, rest = entry.read_bytes().split(b"\n", 1)
    stream = io.BytesIO(rest)
    pickle.load(stream)
    entry.write_bytes(header + b"\n" + rest[: stream.tell()] + pickle.dumps(["not", "a", "pair"]))
    assert phrases_after_load(may_build=True) == changed


@pytest.mark.parametrize("folder", ["scripts_src", "content"])
def test_a_top_folder_link_replaced_or_repointed_is_seen(proj, cache, tmp_path, folder):
    """A top folder that is a symlink out of the project is refused, a finding of the project rather than of a
    file; replacing the link by the folder itself (or pointing it elsewhere) leaves every file's stat as it was,
    so only the link's own state tells the entry is stale."""
    outside = tmp_path / "outside"
    real = proj / folder
    os.replace(real, tmp_path / "kept")
    os.symlink(outside, real)
    shutil.copytree(tmp_path / "kept", outside)

    def refused() -> bool:
        run = huifang("lint", "--project", proj, "--format", "json")
        return any(p["path"] == folder and "符号链接" in p["message"] for p in json.loads(run.stdout))

    assert refused() and refused()  # written, then read back
    _age_entry(next(cache.glob("*.pickle")))
    real.unlink()
    os.replace(tmp_path / "kept", real)
    assert not refused()
    _age_entry(next(cache.glob("*.pickle")))
    os.replace(real, tmp_path / "kept")
    inside = proj / "inside"
    shutil.copytree(tmp_path / "kept", inside)
    os.symlink(inside, real)  # now a link inside the project: allowed
    assert not refused()
    _age_entry(next(cache.glob("*.pickle")))
    real.unlink()
    os.symlink(outside, real)
    assert refused()


def test_a_content_file_replaced_by_a_link_out_of_the_project_is_refused_though_its_bytes_are_the_same(
    proj, cache, tmp_path
):
    first = lint(proj)
    _age_entry(next(cache.glob("*.pickle")))
    phrase_file = proj / "content" / "forbidden" / "basic.yaml"
    outside = tmp_path / "basic.yaml"
    shutil.copy2(phrase_file, outside)
    phrase_file.unlink()
    os.symlink(outside, phrase_file)
    found = lint(proj)
    assert found != first and any("符号链接指向项目之外" in message for _, _, message in found)
