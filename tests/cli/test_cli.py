"""The ``parallax`` command as a user runs it: exit codes, reports, formats, errors that say what to do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsparallax.cli.app import EXIT_NOT_FOUND, EXIT_OK, EXIT_PARTIAL, main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    captured = capsys.readouterr()
    return int(exit_info.value.code or 0), captured.out, captured.err


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    rows = [
        {
            "id": "n1",
            "title": "Bridge reopens",
            "source": "River Times",
            "published": "2026-10-02",
            "text": "The old bridge over the Rio Claro reopened on Friday after two years of repairs. " * 3,
        },
        {
            "id": "n2",
            "title": "Ferry strike ends",
            "source": "Coast Weekly",
            "published": "2026-10-03",
            "text": "Ferry workers in Puerto Azul ended a four-day strike after a pay deal was signed. " * 3,
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{oops\n")
    return path


def test_ingest_report_and_exit_code(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, corpus: Path
) -> None:
    db = str(tmp_path / "s.db")
    code, out, _ = run(capsys, "--db", db, "ingest", str(corpus))
    assert code == EXIT_PARTIAL
    assert "stored" in out and "rejected" in out and f"{corpus}:3: invalid JSON" in out
    code, out, _ = run(capsys, "--db", db, "ingest", str(corpus), "--format", "json")
    report = json.loads(out)
    assert (report["stored"], report["duplicates"], report["rejected"]) == (0, 2, 1)
    assert report["rejections"][0] == {
        "location": str(corpus),
        "line": 3,
        "reason": report["rejections"][0]["reason"],
    }


def test_articles_article_and_stats(capsys: pytest.CaptureFixture[str], tmp_path: Path, corpus: Path) -> None:
    db = str(tmp_path / "s.db")
    run(capsys, "--db", db, "ingest", str(corpus))
    code, out, _ = run(capsys, "--db", db, "articles", "--format", "jsonl")
    assert code == EXIT_OK and [json.loads(line)["id"] for line in out.splitlines()] == ["n2", "n1"]
    code, out, _ = run(capsys, "--db", db, "articles", "--search", "ferry strike", "--format", "json")
    assert [a["id"] for a in json.loads(out)["articles"]] == ["n2"]
    code, out, _ = run(capsys, "--db", db, "articles")
    assert code == EXIT_OK and "Bridge reopens" in out
    code, out, _ = run(capsys, "--db", db, "article", "n1", "--format", "json")
    assert json.loads(out)["source"] == "River Times"
    code, out, _ = run(capsys, "--db", db, "article", "n1")
    assert "Rio Claro" in out and "River Times" in out
    code, _, err = run(capsys, "--db", db, "article", "missing")
    assert code == EXIT_NOT_FOUND and "parallax articles" in err
    code, out, _ = run(capsys, "--db", db, "stats", "--format", "json")
    assert json.loads(out)["articles"] == 2


def test_errors_say_what_to_do(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "no" / "dir" / "s.db"), "stats")
    assert code == 1 and "does not exist" in " ".join(err.split())  # the console wraps long paths
    code, _, err = run(capsys, "--config", str(tmp_path / "missing.toml"), "stats")
    assert code == 1 and "--config" in err
    code, _, _ = run(capsys, "ingest")
    assert code == 2


def test_config_file_sets_the_store(capsys: pytest.CaptureFixture[str], tmp_path: Path, corpus: Path) -> None:
    config = tmp_path / "parallax.toml"
    config.write_text(f'db = "{tmp_path / "from-config.db"}"\n[ingest]\nbatch_size = 1\n')
    code, _, _ = run(capsys, "--config", str(config), "ingest", str(corpus))
    assert code == EXIT_PARTIAL and (tmp_path / "from-config.db").exists()


def test_stdin(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    data = json.dumps({"id": "s1", "text": "Read from standard input about a lighthouse keeper."}).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data + b"\n")))
    code, out, _ = run(capsys, "--db", str(tmp_path / "s.db"), "ingest", "-", "--format", "json")
    assert code == EXIT_OK and json.loads(out)["stored"] == 1
