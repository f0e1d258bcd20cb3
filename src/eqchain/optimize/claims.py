r"""The claims of a Lagrange derivation, as LaTeX text with rule names and notes.

Nothing here is trusted: every claim is read back by the eqchain reader and decided by the
checker. The wording of the claims follows what a textbook writes::

    \mathcal{L} = \sum_{k=1}^{K} t_{k} \log y_{k} - \lambda \left(\sum_{k=1}^{K} y_{k} - 1\right)
    \frac{\partial \mathcal{L}}{\partial y_{k}} = \frac{t_{k}}{y_{k}} - \lambda
    \lambda y_{k} = t_{k}
    \lambda = \lambda \sum_{k=1}^{K} y_{k} = \sum_{k=1}^{K} \lambda y_{k} = \sum_{k=1}^{K} t_{k} = N
    y_{k} = \frac{t_{k}}{N}

followed by the second-order certificate and, when the problem has data, the instance.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import sympy as sp

from eqchain import rules as rule_table
from eqchain.model import StepKind
from eqchain.optimize import solution as S
from eqchain.optimize.problem import Family, Problem
from eqchain.optimize.texts import paren, tex

LAGRANGIAN = r"\mathcal{L}"
MAX_INSTANCE_MINORS = 12  # minors written out as claims up to this many variables


@dataclass(frozen=True)
class Claim:
    """One step to be: LaTeX text (``= ...`` continues the previous claim), its kind, rules,
    notes in English and Japanese, label and ``where`` values (name, number or tuple)."""

    text: str
    kind: StepKind = StepKind.CLAIM
    by: tuple[str, ...] = ()
    en: str = ""
    ja: str = ""
    label: str | None = None
    where: tuple[tuple[str, Any], ...] = ()
    # What the step does in the derivation ("stationarity", "multiplier", "solution",
    # "second-order (minor 3)"): how a reader finds it, since all share the table's line.
    role: str | None = None


def with_role(claims: list[Claim], role: str) -> list[Claim]:
    """``claims`` with ``role`` given to those that have none yet."""
    return [c if c.role else replace(c, role=role) for c in claims]


def rules(*names: str) -> tuple[str, ...]:
    """The names that the rule table knows. Rules this package would like (``differentiate``,
    ``solve_for``) are named as soon as the table has them and left out until then; ``algebra``
    is never named (the checker reports it by itself when nothing more specific applies)."""
    return tuple(n for n in names if n in rule_table.RULES_BY_NAME and n != "algebra")


def lagrangian_text(problem: Problem) -> str:
    text = tex(problem.objective)
    for lam, c in zip(problem.multipliers, problem.constraints, strict=True):
        inner = tex(c.lhs) if c.rhs == 0 else f"{tex(c.lhs)} - {paren_if_negative(c.rhs)}"
        text += f" - {tex(lam)} \\left({inner}\\right)"
    return text


def paren_if_negative(expr) -> str:
    return paren(expr) if expr.could_extract_minus_sign() or expr.is_Add else tex(expr)


def definition_claim(problem: Problem) -> Claim:
    if problem.constraints:
        en = (
            "The Lagrangian: the objective minus a multiplier times each constraint written as "
            "left side minus right side, which vanishes at every feasible point."
        )
        ja = (
            "ラグランジュ関数：目的関数から、各制約（左辺 − 右辺、実行可能な点では 0）に"
            "未定乗数を掛けたものを引く。"
        )
    else:
        en = "No constraint: the function to optimise is the objective itself."
        ja = "制約はないので、最適化する関数は目的関数そのもの。"
    return Claim(f"{LAGRANGIAN} = {lagrangian_text(problem)}", StepKind.DEFINITION, en=en, ja=ja)


def where_of(problem: Problem) -> tuple[tuple[str, Any], ...]:
    out: list[tuple[str, Any]] = []
    for key, value in problem.data:
        name = str(key.label) if isinstance(key, sp.IndexedBase) else str(key)
        out.append((name, value))
    if problem.is_family:
        fam: Family = problem.variables
        lengths = {len(v) for k, v in problem.data if isinstance(k, sp.IndexedBase)}
        if fam.upper.is_Symbol and lengths and fam.upper not in problem.scalar_data():
            (n,) = lengths
            out.append((str(fam.upper), sp.Integer(n + int(fam.lower) - 1)))
    return tuple(out)


def certificate_note(cert: S.Certificate, wanted: str) -> tuple[str, str]:
    """English and Japanese for what a certificate establishes."""
    if cert.status == wanted and cert.method == "concavity":
        en = (
            f"Second-order certificate: {cert.explanation} Established from the declared "
            f"assumptions: {_math_list(cert.established)}."
        )
        sign, definite, shape = (
            ("負", "負定値", "狭義凹") if wanted == S.MAXIMUM else ("正", "正定値", "狭義凸")
        )
        ja = (
            "二階の条件：各項は一つの変数だけに依存するのでヘッセ行列は対角行列。"
            f"宣言した仮定から {_math_list(cert.established)} なので対角成分はすべて{sign}、"
            f"ヘッセ行列は{definite}で、目的関数は{shape}。線形制約の下で停留点は唯一の大域的な"
            f"{'最大' if wanted == S.MAXIMUM else '最小'}点。"
        )
        return en, ja
    if cert.status == wanted:
        scope = "global" if cert.is_global else "strict local"
        en = f"Second-order certificate ({scope} {wanted}): {cert.explanation}"
        ja = (
            f"二階の条件：{'大域的な' if cert.is_global else '狭義の局所的な'}"
            f"{'最大' if wanted == S.MAXIMUM else '最小'}点（縁付きヘッセ行列の首座小行列式の"
            "符号による判定）。"
        )
        return en, ja
    need = f" It needs {_math_list(cert.missing)}." if cert.missing else ""
    en = f"Second-order test: {cert.status}, not a certified {wanted}. {cert.explanation}{need}"
    ja = (
        f"二階の条件：判定は「{_STATUS_JA.get(cert.status, cert.status)}」で、"
        f"{'最大' if wanted == S.MAXIMUM else '最小'}"
        f"点とは認定できない。{('必要な条件：' + _math_list(cert.missing)) if cert.missing else ''}"
    )
    return en, ja


_STATUS_JA = {
    S.MAXIMUM: "最大",
    S.MINIMUM: "最小",
    S.SADDLE: "鞍点",
    S.UNKNOWN: "不明",
    S.NOT_UNIQUE: "一意でない",
    S.NO_POINT: "停留点なし",
}


def _math_list(conditions) -> str:
    """Conditions (LaTeX) as inline math for a note: ``$a > 0$, $b < 0$``."""
    return ", ".join(f"${c}$" for c in conditions)


def note_last(claims: list[Claim], en: str, ja: str) -> None:
    """Append a note to the last claim (the certificate's place)."""
    last = claims[-1]
    claims[-1] = replace(last, en=f"{last.en} {en}".strip(), ja=f"{last.ja}{ja}")


def apply_data(expr, data: dict):
    """Put data values in, writing out sums whose bounds became concrete."""
    expr = expr.xreplace({k: v for k, v in data.items() if not isinstance(k, sp.Indexed)})
    expr = expr.replace(
        lambda e: (
            isinstance(e, sp.Sum) and all(lo.is_Integer and hi.is_Integer for _, lo, hi in e.limits)
        ),
        lambda e: e.doit(),
    )
    return expr.xreplace(data)


def minors_note(cert: S.Certificate, wanted: str, signs: list[str]) -> tuple[str, str]:
    """English and Japanese for what the signs of the written-out bordered minors show."""
    orders = f"${cert.minors[0].order}, \\dots, {cert.minors[-1].order}$"
    if cert.status == wanted == S.MAXIMUM:
        en = (
            f"The minors of orders {orders} are {', '.join(signs)}: they alternate, the "
            "first with the sign $(-1)^{m+1}$ for $m = 1$ constraint, so the point is a strict "
            "local maximum" + (" (and the global one, by concavity)." if cert.is_global else ".")
        )
        ja = "符号が交互に変わり、最初が $(-1)^{m+1}$（$m = 1$）なので狭義の極大点" + (
            "（凹性より大域的な最大点）。" if cert.is_global else "。"
        )
        return en, ja
    if cert.status == wanted:
        en = (
            f"The minors of orders {orders} all have the sign $(-1)^{{m}} = -1$ for $m = 1$ "
            "constraint, so the point is a strict local minimum"
            + (" (and the global one, by convexity)." if cert.is_global else ".")
        )
        ja = "すべて $(-1)^{m}$（$m = 1$）の符号なので狭義の極小点" + (
            "（凸性より大域的な最小点）。" if cert.is_global else "。"
        )
        return en, ja
    return certificate_note(cert, wanted)


def verdict_title(status: str, is_global: bool) -> str:
    """What the second-order test proved, as the start of a title: "Global maximum", "Strict
    local maximum", "Global minimum", "Strict local minimum", "Saddle point", or "Stationary
    point (second-order test: unknown)"."""
    if status in (S.MAXIMUM, S.MINIMUM):
        return f"{'Global' if is_global else 'Strict local'} {status}"
    if status == S.SADDLE:
        return "Saddle point"
    if status == S.NOT_UNIQUE:
        return "Optimum (not unique)"
    if status == S.NO_POINT:
        return "No stationary point"
    return f"Stationary point (second-order test: {status})"
