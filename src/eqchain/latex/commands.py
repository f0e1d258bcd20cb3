"""The LaTeX commands eqchain knows, by what the reader does with them.

Every command the reader meets is in exactly one of these tables; anything else is an
"unknown LaTeX command" error, never silently read as a product of letters.
"""

from __future__ import annotations

GREEK = frozenset(
    {
        "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta",
        "vartheta", "iota", "kappa", "lambda", "mu", "nu", "xi", "rho", "varrho", "sigma",
        "varsigma", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega", "Gamma", "Delta",
        "Theta", "Lambda", "Xi", "Sigma", "Upsilon", "Phi", "Psi", "Omega", "pi", "varpi",
        "ell",  # not Greek, but a letter like them: \ell is the symbol "ell"
    }
)  # fmt: skip

# Characters typed for commands (an input method's Greek letters, a word processor's symbols):
# each reads as the command LaTeX would print the same way, ``μ`` as ``\mu``, ``Σ`` as the
# letter ``\Sigma`` (the summation sign is ``∑``), ``−`` (U+2212) as the minus sign. Capital
# Greek letters that look like Latin ones (``Α``, ``Β``) and anything else stay unsupported.
# Each Greek letter's character, as the terminal prints it (render/unicode.py) and as an
# input method types it (read as the command: UNICODE_COMMANDS).
GREEK_CHARACTERS = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
    "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ",
    "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ",
    "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ",
    "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ",
    "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
}  # fmt: skip
UNICODE_COMMANDS = {ch: name for name, ch in GREEK_CHARACTERS.items()} | {
    "µ": "mu", "ℓ": "ell", "×": "times", "·": "cdot", "⋅": "cdot", "≤": "le", "≥": "ge",
    "≠": "neq", "∞": "infty", "∂": "partial", "∑": "sum", "∏": "prod", "∫": "int", "∈": "in",
    "∇": "nabla", "→": "to",
}  # fmt: skip
# U+2212 minus; U+2013 en dash, a minus as WordPress's typography prints it (its pages copied
# into a post write (y – x)^2), with white space on both sides only (tokens._spaced: 0–9 is a
# range); U+2223 divides (a bar)
UNICODE_CHARACTERS = {"−": "-", "\u2013": "-", "∣": "|"}

# Accents and alphabets: ``\hat{y}`` is one symbol named "haty" (backslashes and braces removed).
ACCENTS = frozenset(
    {
        "hat", "bar", "tilde", "widehat", "widetilde", "overline", "vec", "dot", "ddot", "check",
        "breve", "mathcal", "mathbf", "boldsymbol", "mathsf", "bm", "mathscr", "mathfrak",
        "mathbb",  # a style only where tokens._blackboard_styles marks it; else UNSUPPORTED
    }
)  # fmt: skip

# Functions SymPy's parser reads with their usual meaning (``\log`` is the natural log).
FUNCTIONS = frozenset(
    {
        "log", "ln", "exp", "sin", "cos", "tan", "sec", "csc", "cot", "sinh", "cosh", "tanh",
        "coth", "arcsin", "arccos", "arctan",
    }
)  # fmt: skip

# Operators and structure passed to SymPy's parser as they are.
OPERATORS = frozenset({"frac", "sqrt", "binom", "sum", "prod", "cdot", "times", "div", "infty"})
FLOOR_CEIL = frozenset({"lfloor", "rfloor", "lceil", "rceil"})

# Commands that are brackets: read as the characters they print.
BRACKET_COMMANDS = {"lbrack": "[", "rbrack": "]", "lvert": "|", "rvert": "|"}

# Other spellings of the same command.
ALIASES = {
    "dfrac": "frac",
    "tfrac": "frac",
    "cfrac": "frac",  # a continued-fraction style: the same quotient
    "dbinom": "binom",
    "tbinom": "binom",
    "dots": "cdots",
    "ldots": "cdots",
    "dotsb": "cdots",
    "dotsc": "cdots",
    "dotsm": "cdots",
    "dotsi": "cdots",
    "dotso": "cdots",
    "varpropto": "propto",  # amssymb's proportional sign: the same relation
    "lbrace": "{",  # \lbrace is \{ (grouping after \exp, a set's braces: read as \{ is)
    "rbrace": "}",
    # TeX's font switches, moved before their group's brace by decorations.font_switches
    "rm": "mathrm",
    "bf": "mathbf",
    "it": "mathit",
    "sf": "mathsf",
    "cal": "mathcal",
}

# Pure decoration, blanked out before reading (spacing, sizing, style, numbering).
DROPPED = frozenset(
    {
        "left", "right", "bigl", "bigr", "Bigl", "Bigr", "big", "Big", "biggl", "biggr", "bigg",
        "Bigg", "displaystyle", "textstyle", "scriptstyle", "limits", "nolimits", "nonumber",
        "notag", "quad", "qquad", "enspace", "thinspace", "medspace", "thickspace", "negthinspace",
        "allowbreak", "boxed", "scriptscriptstyle", "tiny", "scriptsize", "footnotesize",
        "small", "normalsize", "large", "Large", "LARGE", "huge", "Huge", "middle", "bigm",
        "Bigm", "biggm", "Biggm",
    }
)  # fmt: skip

# Prose inside math: kept as the row's annotation.
PROSE = frozenset({"text", "textrm", "textbf", "textit", "textsf", "mbox", "mathrm", "textnormal"})
# amsmath's prose between the rows of an alignment: a row of its own (latex/rows.py)
PROSE |= {"intertext", "shortintertext"}

# Commands whose braces hold a name, an alphabet's letters or prose, never formula letters on
# their own: no operator typed without a backslash (w_{exp} aside, \mathrm{log}), no index
# (\mathrm{Poisson}), no letter written alone (\mathbb{E}, \hat{y}) is read inside them.
NAME_GROUPS = (
    PROSE
    | ACCENTS
    | {"mathit", "mathtt", "operatorname", "begin", "end", "label", "tag", "textup", "hbox"}
)

# Constructs with no faithful SymPy meaning: a clear "not supported" error naming them.
# x^*, \theta^{*}, w^\ast: an optimum to ML authors, a complex conjugate to physicists, never a
# power; eqchain makes no name of it (one reading or none: the row is unreadable, saying so)
STARRED = (
    "not supported: a starred name such as x^* (an optimum, or a conjugate: not a power); "
    "name the value otherwise, \\hat{x} or x_{\\text{opt}}"
)

# \theta^{\mathrm{MAP}}, w^{\text{new}}: a word over a name labels it; read as a power, the
# estimate would be theta to the power M A P
WORD_SUPERSCRIPT = (
    "not supported: a word as a superscript, such as \\theta^{\\mathrm{MAP}} (a label, not a "
    "power); write it as a subscript, \\theta_{\\mathrm{MAP}}"
)

UNSUPPORTED = {
    "nabla": "the gradient \\nabla",
    "mathbb": (
        "blackboard bold \\mathbb here (read: \\mathbb{E}[X] or \\mathbb{E}(X), the expectation; "
        "\\mathbb{V}, the variance; a letter as a name; not a probability \\mathbb{P} or a set)"
    ),
    "argmax": "\\argmax",
    "argmin": "\\argmin",
    "arg": "\\arg (as in \\arg\\max)",
    "propto": "proportionality \\propto",
    "sim": "the distribution sign \\sim",
    "mid": "conditioning \\mid",
    "|": "the norm \\|",
    "int": "integrals \\int",
    "iint": "integrals \\iint",
    "oint": "integrals \\oint",
    "lim": "limits \\lim",
    "max": "\\max",
    "min": "\\min",
    "sup": "\\sup",
    "inf": "\\inf",
    "approx": "approximation \\approx",
    "simeq": "approximation \\simeq",
    "leq": "inequalities \\leq",
    "geq": "inequalities \\geq",
    "le": "inequalities \\le",
    "ge": "inequalities \\ge",
    "leqslant": "inequalities \\leqslant",
    "geqslant": "inequalities \\geqslant",
    "ll": "inequalities \\ll",
    "gg": "inequalities \\gg",
    "lt": "inequalities \\lt",
    "gt": "inequalities \\gt",
    "neq": "\\neq",
    "ne": "\\neq",
    "in": "set membership \\in",
    "notin": "set membership \\notin",
    "subset": "sets \\subset",
    "subseteq": "sets \\subseteq",
    "cup": "set union \\cup",
    "cap": "set intersection \\cap",
    "setminus": "sets \\setminus",
    "emptyset": "sets \\emptyset",
    "forall": "\\forall",
    "exists": "\\exists",
    "to": "\\to",
    "mapsto": "\\mapsto",
    "rightarrow": "arrows \\rightarrow",
    "Rightarrow": "arrows \\Rightarrow",
    "leftarrow": "arrows \\leftarrow",
    "Leftarrow": "arrows \\Leftarrow",
    "longrightarrow": "arrows \\longrightarrow",
    "Longrightarrow": "arrows \\Longrightarrow",
    "leftrightarrow": "arrows \\leftrightarrow",
    "Leftrightarrow": "arrows \\Leftrightarrow",
    "iff": "\\iff",
    "implies": "\\implies",
    "therefore": "\\therefore",
    "because": "\\because",
    "equiv": "\\equiv",
    "det": "determinants \\det",
    "mathop": "\\mathop",
    "top": "transposes \\top",
    "intercal": "transposes \\intercal",
    "T": "transposes",
    "otimes": "\\otimes",
    "oplus": "\\oplus",
    "odot": "\\odot",
    "circ": "composition \\circ",
    "ast": "\\ast",
    "star": "\\star",
    "lVert": "the norm \\lVert",
    "rVert": "the norm \\rVert",
    "Vert": "the norm \\Vert",
    "vert": "absolute values \\vert",
    "E": "\\E (expectation)",
    "Pr": "\\Pr",
    "langle": "inner products \\langle",
    "rangle": "inner products \\rangle",
    "prime": "\\prime",
    "pm": "\\pm (two formulas in one)",
    "mp": "\\mp (two formulas in one)",
    "{": "braces \\{ (sets)",
    "}": "braces \\}",
    "lg": "\\lg (its base is ambiguous)",
    "gcd": "\\gcd",
    "lcm": "\\lcm",
    "bmod": "\\bmod",
    "pmod": "\\pmod",
    "mod": "\\mod",
    "underline": "\\underline",
    "cancel": "\\cancel",
    "color": "\\color",
    "textcolor": "\\textcolor",
    "frak": "\\frak",
    "Re": "\\Re",
    "Im": "\\Im",
    "aleph": "\\aleph",
    "hbar": "\\hbar",
    "imath": "\\imath",
    "jmath": "\\jmath",
    "parallel": "\\parallel",
    "perp": "\\perp",
    "triangleq": "\\triangleq (write = or :=)",
    "stackrel": "\\stackrel",
    "overset": "\\overset",
    "underset": "\\underset",
    "sqcup": "\\sqcup",
    "bigcup": "\\bigcup",
    "bigcap": "\\bigcap",
    "coprod": "\\coprod",
}

# What a dot-like command reads as; ellipses are patterns, not operators.
ELLIPSIS = "cdots"


def canonical_name(name: str) -> str:
    """The command name after resolving aliases (``dfrac`` -> ``frac``, ``ldots`` -> ``cdots``)."""
    return ALIASES.get(name, name)


def without_a_body(name: str) -> str:
    """The message for ``\\sum_K`` (``\\prod``) with nothing after it: an author's abbreviation
    of a sum (``\\frac{e^{a}}{\\sum_K}``), which eqchain does not guess."""
    return (
        f"\\{name} without a body: write the terms after it (\\{name}_{{k=1}}^{{K}} a_k), or "
        f"name it first (S = \\{name}_{{k=1}}^{{K}} a_k) and write S"
    )
