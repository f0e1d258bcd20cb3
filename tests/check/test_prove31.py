"""Proving more of the valid steps of real derivations (issue 12): a function named at a family's
generic member, products of exponentials and of constants in the normal form."""

from __future__ import annotations

from eqchain.api import check_derivations
from eqchain.load.document import load_document
from eqchain.model import Verdict


def check(tmp_path, rows: list[str], assume: str | None = None):
    text = "# f\n\n" + "".join(f"$$\n{row}\n$$\n\n" for row in rows)
    doc = tmp_path / "post.md"
    doc.write_text(text, encoding="utf-8")
    d = load_document(str(doc), "markdown", assume=assume)
    return check_derivations([d]).derivations[0].results


DENSITY = (
    r"p(y_i|\mu,\sigma^2) = \frac{1}{\sqrt{2 \pi \sigma^2}} \cdot \exp \left[ -\frac{1}{2} "
    r"\left( \frac{y_i-\mu}{\sigma} \right)^2 \right]"
)
PRODUCT = r"\prod_{i=1}^n p(y_i|\mu,\sigma^2)"


def test_density_at_a_member_defines_it_at_every_member(tmp_path):
    results = check(
        tmp_path,
        [
            DENSITY,
            PRODUCT + r" = \sqrt{ \frac{1}{(2 \pi \sigma^2)^n} } \cdot \exp \left[ -\frac{1}{2}"
            r" \sum_{i=1}^{n} \left( \frac{y_i-\mu}{\sigma} \right)^2 \right]",
        ],
        r"\sigma > 0",
    )
    assert results[0].verdict is Verdict.DEFINITION
    assert results[1].verdict is Verdict.VERIFIED, results[1].reason


def test_a_wrong_product_of_densities_is_not_verified(tmp_path):
    results = check(
        tmp_path,
        [
            DENSITY,
            PRODUCT + r" = \frac{1}{(2 \pi \sigma^2)^n} \cdot \exp \left[ -\frac{1}{2}"
            r" \sum_{i=1}^{n} \left( \frac{y_i-\mu}{\sigma} \right)^2 \right]",
        ],
        r"\sigma > 0",
    )
    assert results[0].verdict is Verdict.DEFINITION
    assert results[1].verdict is Verdict.REFUTED


def test_the_definition_at_a_member_says_nothing_of_other_arguments(tmp_path):
    # p(y | mu, sigma^2), the joint density written with the same letter, stays undefined: the
    # product of the members' densities is neither proved nor refuted equal to it
    results = check(
        tmp_path,
        [DENSITY, r"p(y|\mu,\sigma^2) = " + PRODUCT, r"p(x|\mu,\sigma^2) = p(y_1|\mu,\sigma^2)"],
        r"\sigma > 0",
    )
    assert results[0].verdict is Verdict.DEFINITION
    assert results[1].verdict is not Verdict.VERIFIED
    assert results[1].verdict is not Verdict.REFUTED
    assert results[2].verdict is not Verdict.VERIFIED


def test_a_value_that_depends_on_the_index_is_no_function_of_the_member(tmp_path):
    # q(y_i) = y_i + i is no function of y_i alone: not read as a definition of q
    results = check(tmp_path, [r"q(y_i) = y_i + i", r"q(y_1) = y_1 + 1"])
    assert results[0].verdict is not Verdict.DEFINITION
    results = check(tmp_path, [r"q(y_i) = y_i + y_{i+1}", r"q(y_1) = y_1 + y_2"])
    assert results[0].verdict is not Verdict.DEFINITION


def test_a_member_definition_applied_at_another_member(tmp_path):
    good = check(tmp_path, [r"r(y_i) = y_i^{2} + 1", r"r(y_j) - 1 = y_j^{2}"])
    assert [r.verdict for r in good] == [Verdict.DEFINITION, Verdict.VERIFIED]
    bad = check(tmp_path, [r"r(y_i) = y_i^{2} + 1", r"r(y_1) = y_1^{2}"])
    assert bad[1].verdict is Verdict.REFUTED
    # at another generic member it defines the function anew, as L(sigma) after L(p) does,
    # with a warning that says the row is false as a claim about the earlier function
    again = check(tmp_path, [r"r(y_i) = y_i^{2} + 1", r"r(y_j) = y_j^{2}"])
    assert again[1].verdict is Verdict.DEFINITION
    assert "it is false" in again[1].warnings[0]


def test_product_of_a_constant_needs_its_condition(tmp_path):
    # prod_{k=1}^{n} c = c^n with n an integer (a product's bound); the exponent sum
    good = check(
        tmp_path,
        [r"\prod_{k=1}^{n} c e^{x_k} = c^{n} e^{\sum_{k=1}^{n} x_k}"],
    )
    assert good[0].verdict is Verdict.VERIFIED, good[0].reason
    bad = check(
        tmp_path,
        [r"\prod_{k=1}^{n} c e^{x_k} = c^{n} e^{\sum_{k=1}^{n} 2 x_k}"],
    )
    assert bad[0].verdict is Verdict.REFUTED


def test_the_joint_density_row_is_no_redefinition_of_the_members(tmp_path):
    # p(y | lambda) = prod_i p(y_i | lambda): a claim about the undefined joint value (unknown),
    # never a new definition of p that would replace (and mention) the members' one
    results = check(
        tmp_path,
        [
            r"y_i \sim \mathrm{Poiss}(\lambda), \quad i = 1, \ldots, n",
            r"p(y_i|\lambda) = \mathrm{Poiss}(y_i; \lambda)",
            r"p(y|\lambda) = \prod_{i=1}^n p(y_i|\lambda) = \prod_{i=1}^n \frac{\lambda^{y_i}"
            r" \exp(-\lambda)}{y_i !}",
        ],
    )
    verdicts = [r.verdict for r in results]
    assert verdicts[1] is Verdict.DEFINITION
    assert verdicts[2] is Verdict.UNKNOWN and not results[2].warnings
    assert verdicts[3] is Verdict.VERIFIED, results[3].reason


def test_a_function_at_members_defined_again_is_a_redefinition(tmp_path):
    # ja/hkawabata-softmax-activation-gradients: phi(x_j) is the logistic function in one
    # section, ReLU in another: each row defines it anew (a warning names the earlier line),
    # never a claim refuted by the earlier meaning
    results = check(
        tmp_path,
        [
            r"\phi(x_j) := \cfrac{1}{1 + e^{-x_j}}",
            r"\phi(x_j) := \begin{cases} 0 & (x_j \le 0) \\ x_j & (x_j \gt 0) \end{cases}",
            r"\phi(x_1) = \begin{cases} 0 & (x_1 \le 0) \\ x_1 & (x_1 \gt 0) \end{cases}",
        ],
    )
    assert [r.verdict for r in results][:2] == [Verdict.DEFINITION, Verdict.DEFINITION]
    assert "redefines" in results[1].warnings[0]
    assert results[2].verdict is not Verdict.REFUTED
