"""Standalone questions asked in a conversation: how many are taken for follow-ups, and what that
costs. Each question of a noticias folder is asked right after the one before it in its file, as
the chat would (``qa_bot.conversation.Conversation``), and alone:

    python benchmarks/standalone_after.py ../shared/data/noticias benchmarks/noticias-ciegas \
        benchmarks/noticias-ciegas-2

Prints, per folder, the questions asked, how many were taken for follow-ups, and how many were
right alone and after the previous one (passage holds `expect`, or refused when it is null); then
the questions whose outcome changed.
"""

from __future__ import annotations

import argparse
import json
from itertools import pairwise
from pathlib import Path

from qa_bot.bot import QABot
from qa_bot.conversation import Conversation
from qa_bot.eval.scoring import normalize_answer
from qa_bot.models import Answer


def _right(answer: Answer, expect: str | None) -> bool:
    if expect is None:
        return not answer.supported
    return answer.supported and normalize_answer(expect) in normalize_answer(
        answer.passages[0].text
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args()
    print("| carpeta | preguntas | tomadas por continuación | correctas solas | tras la anterior |")
    print("|---|---:|---:|---:|---:|")
    changed = []
    for folder in args.folders:
        asked = follow = alone_ok = after_ok = 0
        for txt in sorted(folder.glob("*.txt")):
            bot = QABot.load(txt, cache=False)
            lines = txt.with_suffix(".jsonl").read_text(encoding="utf-8").splitlines()
            questions = [json.loads(line) for line in lines if line.strip()]
            for previous, gold in pairwise(questions):
                chat = Conversation(bot)
                chat.ask(previous["q"])
                after = chat.ask(gold["q"])
                alone = bot.ask(gold["q"])
                asked += 1
                follow += chat.context is not None
                ok_alone, ok_after = _right(alone, gold["expect"]), _right(after, gold["expect"])
                alone_ok += ok_alone
                after_ok += ok_after
                if ok_alone != ok_after:
                    label = "pierde" if ok_alone else "gana"
                    changed.append(f"- {label}: «{gold['q']}» tras «{previous['q']}»")
        print(f"| {folder.name} | {asked} | {follow} | {alone_ok} | {after_ok} |")
    if changed:
        print("\n" + "\n".join(changed))


if __name__ == "__main__":
    main()
