"""The command line as a user runs it: real processes, real content."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.content.loader import default_content_dir


def madoguchi(
    *args: str,
    stdin: str = "",
    env: dict | None = None,
    cwd: Path | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
        cwd=cwd,
    )


def test_ask_json_streams_many_lines_through_one_process() -> None:
    lines = [
        {"text": "nghi phep nam duoc may ngay"},
        {"text": "有給休暇は何日？", "lang": "ja"},
        "not json",
        {"text": ""},
        {"no": "text"},
        {"text": "hello"},
    ] * 400
    stdin = "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines)
    result = madoguchi("ask", "--json", "-", stdin=stdin)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == len(lines)
    first = rows[0]
    assert set(first) == {"lang", "intent", "entry", "confidence", "handoff", "text"}
    assert (first["lang"], first["entry"]) == ("vi", "annual-paid-leave")
    assert rows[1]["lang"] == "ja" and rows[1]["entry"] == "annual-paid-leave"
    assert rows[2] == {"error": "line 3: not JSON"}
    assert rows[3]["intent"] is None and rows[3]["text"]
    assert "error" in rows[4]
    assert rows[5]["intent"] == "greeting"


def test_ask_json_names_the_answer_given_beside_an_escalation() -> None:
    # intent is the decision (urgent), entry the answer that went beside it; a suggestion
    # still has no entry (the contract's other half)
    lines = [
        {"text": "上周在车间被机器夹伤了手，现在还疼，这种算劳灾吗？"},
        {"text": "training for staff"},
    ]
    stdin = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines)
    result = madoguchi("ask", "--json", "-", stdin=stdin)
    assert result.returncode == 0, result.stderr
    flagged, vague = (json.loads(line) for line in result.stdout.splitlines())
    assert (flagged["intent"], flagged["entry"], flagged["handoff"]) == (
        "urgent",
        "health-checkup-safety",
        True,
    )
    assert "119" in flagged["text"] and "mhlw.go.jp" in flagged["text"]
    assert vague["intent"] and vague["entry"] is None and not vague["handoff"]


def test_ask_one_question_in_plain_text() -> None:
    result = madoguchi("ask", "minimum wage in tokyo?")
    assert result.returncode == 0, result.stderr
    assert "https://" in result.stdout


def test_chat_is_a_terminal_conversation() -> None:
    result = madoguchi("chat", stdin="xin chào\n/menu\n1\n/language pt\n/quit\n")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "Português" in result.stdout


def test_kb_check_passes_on_the_shipped_content() -> None:
    result = madoguchi("kb", "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "content OK" in result.stdout
    assert "coverage" in result.stdout


def test_kb_check_fails_with_one_readable_line(tmp_path: Path) -> None:
    (tmp_path / "knowledge" / "telework").mkdir(parents=True)
    (tmp_path / "knowledge" / "telework" / "broken.yaml").write_text("id: [unclosed\n")
    result = madoguchi("kb", "check", "--content-dir", str(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "knowledge/telework/broken.yaml: line" in result.stderr


def test_kb_check_names_the_questions_a_rule_of_scope_would_refuse(tmp_path: Path) -> None:
    # a curator's rule too broad: "paid leave" alone would refuse the leave entry's questions
    for folder in ("knowledge", "intents", "locales"):
        shutil.copytree(default_content_dir() / folder, tmp_path / folder)
    scope = tmp_path / "intents" / "out-of-scope.yaml"
    broad = "beyond:\n  - about: too broad\n    together:\n      - {en: [paid leave]}\n"
    scope.write_text(scope.read_text(encoding="utf-8").replace("beyond:\n", broad, 1))
    result = madoguchi("kb", "check", "--content-dir", str(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    flagged = [line for line in result.stderr.splitlines() if "(too broad)" in line]
    leave = "knowledge/foreign-employee/annual-paid-leave.yaml: questions.en: "
    assert any(leave in line and "would be refused" in line for line in flagged)


def test_a_bad_setting_is_one_line_not_a_traceback() -> None:
    result = madoguchi("ask", "hi", env={"MADOGUCHI_DEFAULT_LANGUAGE": "klingon"})
    assert result.returncode == 1
    assert "MADOGUCHI_DEFAULT_LANGUAGE" in result.stderr
    assert "Traceback" not in result.stderr


def test_eval_prints_figures() -> None:
    result = madoguchi("eval", "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert set(figures["by_language"]) == {"ja", "en", "zh", "vi", "ko", "ne", "id", "tl", "pt"}


@pytest.mark.skipif(
    not (default_content_dir() / "pyproject.toml").exists(),
    reason="needs the source checkout to build a wheel",
)
def test_the_wheel_carries_its_content(tmp_path: Path) -> None:
    """pip install . into a fresh venv; madoguchi runs from another directory."""
    root = default_content_dir()
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path / "dist"),
            str(root),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr  # hatchling comes with the dev extra
    (wheel,) = (tmp_path / "dist").glob("madoguchi-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    py = venv / "bin" / "python"
    # The dependencies come from this environment (no network needed), madoguchi only from the
    # wheel: a .pth naming our site-packages does not run the editable install's own .pth.
    ours = [p for p in sys.path if p.endswith("site-packages")]
    target = subprocess.run(
        [str(py), "-c", "import site; print(site.getsitepackages()[0])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(target) / "parent_env.pth").write_text("\n".join(ours) + "\n")
    subprocess.run(
        [str(py), "-m", "pip", "install", "--no-deps", "-q", str(wheel)], check=True, timeout=300
    )
    away = tmp_path / "elsewhere"
    away.mkdir()
    result = subprocess.run(
        [str(venv / "bin" / "madoguchi"), "ask", "--json", "有給休暇"],
        capture_output=True,
        text=True,
        cwd=away,
        timeout=120,
        env={**os.environ, "PYTHONPATH": ""},
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["entry"] == "annual-paid-leave"
    where = subprocess.run(
        [str(py), "-c", "import bot; print(bot.__file__)"],
        cwd=away,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert str(venv) in where.stdout


def test_chat_reaches_every_self_check(tmp_path: Path) -> None:
    """A newcomer with no token tries the checks: /check lists them, a number starts one."""
    content = __import__("bot.content.loader", fromlist=["load_content"]).load_content()
    lines = ["/language en", "/check", "1", "2024-04-01", "5", "40"]  # paid leave, to its result
    for number in range(2, len(content.flows) + 1):
        lines += ["/check", str(number), "/cancel"]
    env = {"MADOGUCHI_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'chat.db'}"}
    result = madoguchi("chat", stdin="\n".join([*lines, "/quit", ""]), env=env)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    out = " ".join(result.stdout.split())
    assert "Your most recent grant:" in out and "Rule applied:" in out
    for flow in content.flows.values():
        first = " ".join(flow.steps[0].ask.split())
        assert first[:40] in out, flow.id
    assert out.count("Stopped. Ask me anything") == len(content.flows) - 1
