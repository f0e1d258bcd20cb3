"""Full-width punctuation written inside formulas (Japanese input methods type it):
``；`` ``，`` ``：`` ``（`` ``）`` ``＝`` ``＋`` ``－`` ``＜`` ``＞`` ``［`` ``］`` read as
their ASCII forms, which mean the same in a formula (README, notation table).

This is the one place that does it: the row splitter (every displayed formula), the expression
reader and the decorations (every row's body) call :func:`ascii_punctuation`. Each character
becomes one character, so every offset and column stays that of what the author wrote. Other
full-width characters (letters, digits, ideographic prose), and the parentheses of an equation
number ``（1）``, are left as written: the decorations read them as prose.
"""

from __future__ import annotations

import re

FULL_WIDTH = {
    "\uff1b": ";",  # ；
    "\uff0c": ",",  # ，
    "\uff1a": ":",  # ：
    "\uff08": "(",  # （
    "\uff09": ")",  # ）
    "\uff1d": "=",  # ＝
    "\uff0b": "+",  # ＋
    "\uff0d": "-",  # －
    "\uff1c": "<",  # ＜
    "\uff1e": ">",  # ＞
    "\uff3b": "[",  # ［
    "\uff3d": "]",  # ］
}
_TABLE = str.maketrans(FULL_WIDTH)
# ``（1）``, ``（２.３）``: a number alone in full-width parentheses is how Japanese posts number
# an equation, never a factor; it is left as written (the decorations reject it as prose in the
# formula) rather than read as ``(1)``, which would multiply the side by it.
_NUMBER_IN_PARENTHESES = re.compile("\uff08[\\s0-9\uff10-\uff19.\uff0e]*\uff09")


def ascii_punctuation(text: str) -> str:
    """``text`` with each full-width punctuation character of :data:`FULL_WIDTH` replaced by
    its ASCII form (same length), except the parentheses around a number alone (an equation
    number); any other text unchanged."""
    if not any(ch in FULL_WIDTH for ch in text):
        return text
    kept = [m.span() for m in _NUMBER_IN_PARENTHESES.finditer(text)]
    if not kept:
        return text.translate(_TABLE)
    out, at = [], 0
    for start, end in kept:
        out.append(text[at:start].translate(_TABLE))
        out.append(text[start:end])
        at = end
    out.append(text[at:].translate(_TABLE))
    return "".join(out)
