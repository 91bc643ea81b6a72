"""How citizens and agencies re-send the same petition: the transformations of the duplicate evaluation set."""

from __future__ import annotations

import random
import re
import unicodedata

from bench.textgen import HAMLETS, OFFICIALS

_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_LETTERS = "abcdeghiklmnopqrstuvxy"


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text.strip()) if s]


def strip_diacritics(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize(
        "NFC", "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    )


def typos(text: str, rng: random.Random, rate: float = 0.06) -> str:
    words = text.split(" ")
    for i, word in enumerate(words):
        if len(word) < 3 or rng.random() >= rate:
            continue
        pos = rng.randrange(len(word) - 1)
        op = rng.choice(("swap", "drop", "double", "replace"))
        if op == "swap":
            word = word[:pos] + word[pos + 1] + word[pos] + word[pos + 2 :]
        elif op == "drop":
            word = word[:pos] + word[pos + 1 :]
        elif op == "double":
            word = word[:pos] + word[pos] + word[pos:]
        else:
            word = word[:pos] + rng.choice(_LETTERS) + word[pos + 1 :]
        words[i] = word
    return " ".join(words)


def reorder(text: str, rng: random.Random) -> str:
    parts = sentences(text)
    rng.shuffle(parts)
    return " ".join(parts)


def shorten(text: str, rng: random.Random) -> str:
    parts = sentences(text)
    if len(parts) <= 2:
        return parts[0] if parts else text
    keep = max(2, round(len(parts) * rng.uniform(0.55, 0.75)))
    chosen = sorted(rng.sample(range(len(parts)), keep))
    return " ".join(parts[i] for i in chosen)


def forward(text: str, name: str, rng: random.Random) -> str:
    agency = rng.choice(
        ["Ban Dân vận Huyện ủy", "Ủy ban MTTQ Việt Nam xã", "Thanh tra tỉnh", "Văn phòng Đoàn ĐBQH tỉnh"]
    )
    number = rng.randint(10, 999)
    cover = (
        f"{agency} nhận được đơn của công dân {name} trú tại {rng.choice(HAMLETS)}. "
        f"Thực hiện quy định, {agency} chuyển đơn đến Ủy ban nhân dân xã để xem xét, giải quyết theo thẩm quyền "
        f"(Phiếu chuyển số {number}/PC). Tóm tắt nội dung đơn như sau:"
    )
    body = text if rng.random() < 0.6 else shorten(text, rng)
    return f"{cover} {body} Đề nghị thông báo kết quả cho {agency} và công dân biết."


def retype(text: str, rng: random.Random) -> str:
    """A citizen writing the same letter again from memory: small word changes, some sentences moved."""
    swaps = [
        ("Đề nghị", "Kính đề nghị"),
        ("gia đình tôi", "nhà tôi"),
        ("Tôi", "Tôi tên là công dân, tôi"),
        ("xã", "xã nhà"),
    ]
    for old, new in rng.sample(swaps, 2):
        text = text.replace(old, new, 1)
    if rng.random() < 0.5:
        text += f" Tôi đã gửi đơn nhưng chưa nhận được trả lời của {rng.choice(OFFICIALS)}."
    return text


TRANSFORMS = (
    "retype",
    "no_diacritics",
    "typos",
    "reorder",
    "shorten",
    "forward",
    "no_diacritics+typos",
    "reorder+shorten",
)


def variant(kind: str, subject: str, content: str, name: str, rng: random.Random) -> tuple[str, str]:
    """(subject, content) of a re-sent copy made by the named transformation(s)."""
    for step in kind.split("+"):
        if step == "retype":
            content = retype(content, rng)
        elif step == "no_diacritics":
            subject, content = strip_diacritics(subject), strip_diacritics(content)
        elif step == "typos":
            subject, content = typos(subject, rng), typos(content, rng)
        elif step == "reorder":
            content = reorder(content, rng)
        elif step == "shorten":
            content = shorten(content, rng)
        elif step == "forward":
            subject = f"Chuyển đơn: {subject}"
            content = forward(content, name, rng)
    return subject, content
