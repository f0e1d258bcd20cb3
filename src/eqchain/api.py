"""The Python API: load a derivation, check it, get a report that notebooks can show."""

from __future__ import annotations

from dataclasses import dataclass

from eqchain.model import Derivation, DerivationReport, Report


def load(path: str, **options) -> LoadedDerivation:
    """Load a derivation file or document; raises :class:`eqchain.errors.InputError` for a file
    that cannot be loaded (a formula that cannot be read is an unreadable step instead)."""
    from eqchain.load import load as _load

    return LoadedDerivation(_load(path, **options))


@dataclass(frozen=True)
class LoadedDerivation:
    """The derivations of one file, ready to check."""

    derivations: tuple[Derivation, ...]

    def check(self, timeout: float | None = 10.0) -> CheckedReport:
        return CheckedReport(check_derivations(self.derivations, timeout))


def check_derivations(derivations, timeout: float | None = 10.0, on_step=None) -> Report:
    """Check already loaded derivations, in order.

    Invalid input found only while checking is raised as an InputError with the derivation's
    file filled in: one from the checker (which knows the line but not the file), or a number
    too large to compute in a definition or a given (a claim with one is ``unknown``), with
    the line of its step."""
    from eqchain.check.engine import check_derivation
    from eqchain.errors import InputError
    from eqchain.tree import TooLarge

    reports: list[DerivationReport] = []
    for d in derivations:
        done: list = []

        def step_done(result, done=done):
            done.append(result)
            if on_step is not None:
                on_step(result)

        try:
            reports.append(check_derivation(d, timeout, step_done))
        except InputError as err:
            raise _at_claim(err.located(d.path)) from None
        except TooLarge as err:
            step = d.steps[len(done)] if len(done) < len(d.steps) else None
            line = step.place.line if step is not None and step.place else None
            raise InputError(str(err), d.path, line) from None
    return Report(tuple(reports))


def _at_claim(err):
    """``err`` with the column where its line's claim starts (its LaTeX) when it points at a
    line of a derivation file and names no column: the checker knows a step's line only (a
    member defined twice is an error at ``file:line:column``)."""
    from eqchain.errors import InputError
    from eqchain.load.toml_file import claim_column

    if err.column is not None or not err.line or not str(err.path or "").endswith(".toml"):
        return err
    try:
        with open(err.path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError:
        return err
    column = claim_column(lines, err.line)
    if column is None:
        return err
    return InputError(err.message, err.path, err.line, column)


def check_path(*paths: str, timeout: float | None = 10.0) -> CheckedReport:
    """Load and check files or folders, like ``eqchain check``: a file or path that cannot be
    used is an entry with its error (``report.errors``; ``all_verified`` is then False) and
    every other file is still checked."""
    from eqchain.load import collect_each, holds_no_derivation

    parts = []
    for item in collect_each(paths):
        if isinstance(item, str):
            part = check_input(str(item), timeout)
            if not holds_no_derivation(item, part):  # a document without equations, found
                parts.extend(part)
        else:
            parts.append(error_entry(item, item.path or ""))
    return CheckedReport(Report(tuple(parts)))


def check_file(
    path: str,
    timeout: float | None = 10.0,
    assume: str | None = None,
    dialect: str | None = None,
    macros: str | None = None,
    cross_check: bool = False,
):
    """Load and check one file; returns its DerivationReports (picklable: the SymPy scope is
    dropped, renderers do not need it). ``assume``, ``dialect`` and ``macros`` are for
    documents (:func:`eqchain.load.document.load_document`). With ``cross_check``, every
    formula is also read by SymPy's parser and latex2sympy2, and a difference makes it
    unreadable (ambiguous LaTeX). Raises InputError for invalid input."""
    from dataclasses import replace

    from eqchain.errors import InputError
    from eqchain.load import load as _load

    given = {"assume": assume, "dialect": dialect, "macros": macros}
    options = {k: v for k, v in given.items() if v}
    if cross_check:
        options["cross_check"] = True
    try:
        report = check_derivations(_load(path, **options), timeout)
    except RecursionError:
        raise InputError("input nested too deeply", path) from None
    return tuple(
        replace(d, derivation=replace(d.derivation, scope=None)) for d in report.derivations
    )


def check_input(
    path: str,
    timeout: float | None = 10.0,
    assume: str | None = None,
    dialect: str | None = None,
    macros: str | None = None,
    cross_check: bool = False,
):
    """Like :func:`check_file`, but never raises for invalid input: a file that cannot be
    loaded or checked (invalid TOML, not UTF-8, no equations, ...) gives one entry carrying its
    error (:meth:`DerivationReport.failed`), so that a run over many files reports them all."""
    from eqchain.errors import EqchainError

    try:
        return check_file(path, timeout, assume, dialect, macros, cross_check)
    except EqchainError as err:
        return (error_entry(err, path),)


def error_entry(err, path: str) -> DerivationReport:
    """The report entry for a file (or path) that could not be used, from its error."""
    from eqchain.errors import InputError
    from eqchain.model import FileError, Place

    if isinstance(err, InputError):
        err = err.located(path)
        return DerivationReport.failed(
            path, FileError(err.message, Place(err.path or path, err.line, err.column))
        )
    return DerivationReport.failed(path, FileError(str(err), Place(path)))


@dataclass(frozen=True)
class CheckedReport:
    """A report with the representations Jupyter uses to show it."""

    report: Report

    def __getattr__(self, name):
        return getattr(self.report, name)

    def _repr_markdown_(self) -> str:
        from eqchain.render.notebook import report_markdown

        return report_markdown(self.report)

    def _repr_latex_(self) -> str:
        from eqchain.render.notebook import report_latex

        return report_latex(self.report)

    def _repr_html_(self) -> str:
        from eqchain.render.notebook import report_html

        return report_html(self.report)
