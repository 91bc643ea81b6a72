"""Advance widths of Times New Roman, enough to draw the short rules of the Decree 30 header.

The widths (1/1000 em, code points 32–126) are those of Liberation Serif, which is metric-compatible with
Times New Roman. A Vietnamese letter is as wide as its base letter: tone and vowel marks sit above or
below it. No font file is read at run time.
"""

from __future__ import annotations

import unicodedata

_REGULAR = """
250 333 408 500 500 833 778 180 333 333 500 564 250 333 250 278 500 500 500 500 500 500 500 500 500 500 278
278 564 564 564 444 921 722 667 667 722 611 556 722 722 333 389 722 611 889 722 722 556 722 667 556 611 722
722 944 722 722 611 333 278 333 469 500 333 444 500 444 500 444 333 500 500 278 278 500 278 778 500 500 500
500 333 389 278 500 500 722 500 500 444 480 200 480 541
"""
_BOLD = """
250 333 555 500 500 1000 833 278 333 333 500 570 250 333 250 278 500 500 500 500 500 500 500 500 500 500 333
333 570 570 570 500 930 722 667 722 722 667 611 778 778 389 500 778 667 944 722 778 611 778 722 556 667 722
722 1000 722 722 667 333 278 333 581 500 333 500 556 444 556 444 333 500 556 278 333 556 278 833 556 500 556
556 444 389 333 556 500 722 500 500 444 394 220 394 520
"""
_FIRST = 32
_WIDTHS = {False: tuple(int(w) for w in _REGULAR.split()), True: tuple(int(w) for w in _BOLD.split())}
_BASE = str.maketrans({"đ": "d", "Đ": "D"})
_DEFAULT = 500


def _advance(char: str, *, bold: bool) -> int:
    base = unicodedata.normalize("NFD", char.translate(_BASE))[:1] or char
    code = ord(base) - _FIRST
    widths = _WIDTHS[bold]
    return widths[code] if 0 <= code < len(widths) else _DEFAULT


def text_width_pt(text: str, *, size_pt: float, bold: bool = False) -> float:
    """Width of ``text`` on one line, in points, set in Times New Roman at ``size_pt``."""
    text = unicodedata.normalize("NFC", text)
    return sum(_advance(ch, bold=bold) for ch in text) * size_pt / 1000
