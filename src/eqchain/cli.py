"""The ``eqchain`` command line.

Exit status: 0 when every claim is verified, 1 when any claim is refuted or unknown or any
formula unreadable or any file not loaded, 2 for usage errors or when no input could be loaded
at all (with ``file:line:column: message`` and no traceback). ``check`` reports every file: one
that cannot be loaded is an entry of the report, and the others are still checked. Heavy modules
(SymPy, the parsers, rich) are imported inside the commands, so ``--help`` stays fast.
"""

from __future__ import annotations

import os
import re
import sys
from contextlib import nullcontext
from pathlib import Path

import click

from eqchain import __version__
from eqchain.errors import EqchainError

EXIT_OK, EXIT_FAILED, EXIT_INVALID, EXIT_INTERNAL = 0, 1, 2, 3

FORMAT = click.Choice(["text", "json"])
# check's formats: the linters' ones besides text and JSON (see eqchain.render.diagnostics)
CHECK_FORMAT = click.Choice(["text", "concise", "json", "github", "sarif"])
LANG = click.Choice(["en", "ja"])


class Seconds(click.FloatRange):
    """A time limit in seconds: a finite number in the range (``nan`` and ``inf`` passed
    FloatRange's comparisons, and every step ended in a SymPy error)."""

    name = "seconds"

    def convert(self, value, param, ctx):
        import math

        out = super().convert(value, param, ctx)
        if not math.isfinite(out):
            self.fail(f"{value!r} is not a finite number of seconds", param, ctx)
        return out


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eqchain")
def cli() -> None:
    """Check mathematical derivations step by step, symbolically."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=CHECK_FORMAT,
    default="text",
    show_default=True,
    help="Output format: text (a table per file), concise (path:line:col: status: message), "
    "json, github (workflow commands that annotate a pull request), sarif (SARIF 2.1.0).",
)
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="concise, github, sarif: list verified steps too (else only what needs attention).",
)
@click.option(
    "--timeout",
    type=Seconds(min=0.1),
    default=10.0,
    show_default=True,
    help="Time limit for one step, in seconds.",
)
@click.option(
    "--lang", type=LANG, default="en", show_default=True, help="Language of the justifications."
)
@click.option(
    "--assume", "assume", default=None, help='Assumptions for documents, e.g. "y_k > 0, t_k >= 0".'
)
@click.option(
    "--dialect",
    type=click.Choice(
        ["commonmark", "github", "gitlab", "qiita", "zenn", "kramdown", "pandoc", "myst"]
    ),
    default=None,
    help="Markdown dialect: which blocks are display math (default: what the document's front "
    "matter or suffix says, else CommonMark).",
)
@click.option(
    "--macros",
    type=click.Path(dir_okay=False),
    default=None,
    help="LaTeX macros for documents: a .tex/.sty file of \\newcommand lines, or a "
    "MathJax/KaTeX macro table in JSON.",
)
@click.option("--no-cache", is_flag=True, help="Do not read or write the verdict cache.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Check files in this many parallel processes [default: the cores, when there are "
    "more files than cores; else 1].",
)
@click.option("--watch", is_flag=True, help="Re-check on every save; show what changed.")
@click.option(
    "--cross-check",
    is_flag=True,
    help="Also read every formula with SymPy's parse_latex and latex2sympy2; "
    "a formula they read differently is an error (ambiguous LaTeX).",
)
@click.option(
    "--stdin-format",
    type=click.Choice(["markdown", "md", "latex", "tex", "rst", "rest", "toml"]),
    default=None,
    help="What '-' (standard input) holds; default: a derivation file when its TOML has "
    "derivation keys, LaTeX when it has \\documentclass or \\begin{document}, else Markdown.",
)
@click.option(
    "--skip-non-derivations",
    is_flag=True,
    help="Skip files named that hold no derivation (TOML without steps, derivations or "
    "maximize; documents without displayed equations), as a folder walk does (pre-commit).",
)
@click.option(
    "--glob",
    "globs",
    multiple=True,
    help="What a folder walk takes, e.g. '*.md' or 'posts/*.tex' (repeatable; default: "
    "*.toml, *.md, *.markdown, *.qmd, *.Rmd, *.tex).",
)
@click.option("--max-rechecks", type=int, default=None, hidden=True)
def check(
    paths,
    fmt,
    verbose,
    timeout,
    lang,
    assume,
    dialect,
    macros,
    no_cache,
    jobs,
    watch,
    cross_check,
    stdin_format,
    skip_non_derivations,
    globs,
    max_rechecks,
):
    """Check derivation files, documents, or folders of them; '-' reads standard input.

    Every file is reported: one that cannot be loaded is an entry with its error, and the
    others are still checked. Folders are walked for *.toml, *.md, *.markdown, *.qmd, *.Rmd,
    *.tex and *.rst; there, TOML files that are not derivation files and documents without displayed
    equations are skipped. Exit status 0 when every claim is verified, 1 when any claim is
    refuted or unknown or any formula unreadable, 2 when any file could not be loaded."""
    from eqchain.load import collect_each

    if watch and "-" in paths:
        raise click.UsageError("--watch cannot watch standard input ('-')")
    skipped: list[str] = []
    inputs: list = []
    for path in paths:
        if path == "-":
            inputs.append(_Stdin(_read_stdin(), stdin_format))
        else:
            inputs += collect_each(
                [path], skipped=skipped, skip_unrelated=skip_non_derivations, globs=globs
            )
    inputs = _once(inputs)
    if no_cache:
        os.environ["EQCHAIN_NO_CACHE"] = "1"  # no remembered readings either
    options = {
        "format": fmt,
        "verbose": verbose,
        "timeout": timeout,
        "lang": lang,
        "assume": assume,
        "dialect": dialect,
        "macros": macros,
    }
    if cross_check:
        options["cross_check"] = True
    if globs:
        options["globs"] = tuple(globs)
    if watch:
        from eqchain.watch import watch_and_check

        watch_and_check(paths, options, max_rechecks=max_rechecks)
        sys.exit(EXIT_OK)
    files = [i for i in inputs if isinstance(i, str)]
    key = None
    use_cache = not no_cache and not sys.stdout.isatty() and len(files) == len(inputs)
    use_cache = use_cache and not _brings_in_files(files)
    if use_cache and (macros is None or os.path.isfile(macros)):  # else: an error below
        from eqchain import cache

        read = files + ([macros] if macros else [])
        try:
            key = cache.key("check", {**options, "no_color": "NO_COLOR" in os.environ}, read)
        except OSError:
            key = None  # a file that cannot be read is reported by the check itself
        hit = cache.get(key) if key is not None else None
        if hit is not None:
            sys.stdout.write(hit.stdout)
            sys.exit(hit.exit_code)
    from eqchain.render.progress import CheckProgress, wanted

    with CheckProgress(len(inputs)) if wanted(fmt) else nullcontext() as progress:
        report = _check_files(
            inputs,
            timeout,
            jobs,
            assume,
            dialect,
            macros,
            cross_check,
            skipped,
            progress,
            while_waiting=lambda: _output_modules(fmt),
        )
    if skipped:
        click.echo(
            f"eqchain: skipped {len(skipped)} file{'s' if len(skipped) != 1 else ''} holding no "
            "derivation (TOML without steps, derivations or maximize; documents without "
            "displayed equations)",
            err=True,
        )
    code = exit_status(report)
    if key is not None and not report.errors:
        import io

        buffer = io.StringIO()
        _emit(report, fmt, lang, show=False, file=buffer, verbose=verbose)
        sys.stdout.write(buffer.getvalue())
        cache.put(key, cache.Entry(buffer.getvalue(), code))
        sys.exit(code)
    _emit(report, fmt, lang, show=False, verbose=verbose)
    if fmt in ("json", "sarif"):  # text, concise and github show them; these readers may not
        for error in report.errors:
            click.echo(f"eqchain: error: {error}", err=True)
    sys.exit(code)


def _brings_in_files(files) -> bool:
    """Whether a LaTeX document may ``\\input`` other files: the cache key knows only the
    files named, so such a run is not cached."""
    for name in files:
        if name.lower().endswith(".tex"):
            try:
                with open(name, "rb") as fh:
                    data = fh.read()
            except OSError:
                continue
            if b"\\input" in data or b"\\include" in data or b"\\subfile" in data:
                return True
    return False


def exit_status(report) -> int:
    """2 when no input could be loaded at all; else 0 when every file was loaded and every
    claim is verified, and 1 otherwise (a file not loaded among others is reported, as ruff
    reports a file it cannot read, and counts as a problem, not as a usage error)."""
    if report.errors and all(d.error is not None for d in report.derivations):
        return EXIT_INVALID
    return EXIT_OK if report.all_verified else EXIT_FAILED


def _check_files(
    inputs,
    timeout,
    jobs,
    assume,
    dialect=None,
    macros=None,
    cross_check=False,
    skipped=None,
    progress=None,
    while_waiting=None,
):
    """Load and check files, in parallel processes when ``jobs > 1``; stable order. An input
    that is an error (a missing path, say) or a file that cannot be loaded is an entry with its
    error; standard input is checked in this process. A document a folder walk found
    (:class:`eqchain.load.Found`) with no displayed equation is skipped (appended to
    ``skipped``). ``progress`` (:class:`eqchain.render.progress.CheckProgress`) is told of
    each file and, in one process, of each step. ``while_waiting``: called in this process
    once a worker has no file left to take (a core is free), while the last files are
    checked (the output's modules are imported then, not after)."""
    from eqchain.api import check_input, error_entry
    from eqchain.load import holds_no_derivation
    from eqchain.model import Report

    def one(item, on_step=None):
        if isinstance(item, _Stdin):
            return item.check(timeout, assume, dialect, macros, cross_check, on_step)
        if isinstance(item, str):
            if on_step is None:
                return check_input(str(item), timeout, assume, dialect, macros, cross_check)
            return _check_one(str(item), timeout, assume, dialect, macros, cross_check, on_step)
        return (error_entry(item, item.path or ""),)

    files = [i for i in inputs if isinstance(i, str)]
    parts = []
    if jobs is None:  # the cores, when there are more files than cores
        cores = os.cpu_count() or 1
        jobs = cores if len(files) > cores else 1
    readable = files + [i for i in inputs if isinstance(i, _Stdin)]
    if readable:
        _import_checker(readable)
    if jobs > 1 and len(files) > 1:
        with _worker_pool(min(jobs, len(files))) as pool:
            # the costliest first (a Lagrange problem, then the longest files), so that no worker
            # starts the longest check last; reported in the order given
            futures = {
                f: pool.submit(check_input, str(f), timeout, assume, dialect, macros, cross_check)
                for f in sorted(files, key=_expected_cost, reverse=True)
            }
            if while_waiting is not None:
                _when_a_worker_is_free(list(futures.values()), min(jobs, len(files)))
                while_waiting()
            checked = (futures[f].result() for f in files)
            for item in inputs:
                parts.append(next(checked) if isinstance(item, str) else one(item))
                if progress is not None:
                    progress.done()
    else:
        for item in inputs:
            if progress is not None:
                progress.file("standard input" if isinstance(item, _Stdin) else str(item))
            parts.append(one(item, progress.step if progress is not None else None))
            if progress is not None:
                progress.done()
    kept = []
    for item, part in zip(inputs, parts, strict=True):
        if holds_no_derivation(item, part):
            if skipped is not None:
                skipped.append(str(item))
            continue
        kept.append(part)
    return Report(tuple(d for part in kept for d in part))


def _when_a_worker_is_free(futures: list, workers: int) -> None:
    """Return once fewer of ``futures`` are running than there are ``workers``."""
    from concurrent.futures import FIRST_COMPLETED, wait

    pending = set(futures)
    while pending and len(pending) >= workers:
        pending = wait(pending, return_when=FIRST_COMPLETED).not_done


def _output_modules(fmt: str) -> None:
    """Import what :func:`_emit` needs for ``fmt`` (rich for the text table)."""
    if fmt == "json":
        import eqchain.render.json  # noqa: F401
    elif fmt in ("concise", "github", "sarif"):
        import eqchain.render.diagnostics  # noqa: F401
    else:
        import eqchain.render.terminal  # noqa: F401


def _import_checker(inputs) -> None:
    """Import the checker and the readers ``inputs`` need (standard input: every reader), with
    the cyclic garbage collector paused: imports make many objects and almost no garbage, and
    its passes over them were a tenth of a cold check's start. In eqchain's own process (the
    console script, :func:`run`) what they made is then frozen (``gc.freeze``): no later pass
    walks it, nor touches it in a forked worker (the pattern the ``gc`` module's documentation
    gives for fork). A process that calls :func:`main` itself (tests, the MCP server) keeps its
    garbage collectable: nothing is frozen there."""
    import gc
    import importlib

    needed = [
        "eqchain.api",
        "eqchain.check.engine",
        "eqchain.load.toml_file",
        "eqchain.latex.memo",  # the reader, which loading any file uses
        *_SYMPY_LAZY,
    ]
    if any(not isinstance(f, str) or not f.lower().endswith(".toml") for f in inputs):
        needed += ["eqchain.load.document"]
    if any(isinstance(f, str) and _optimizes(f) for f in inputs):
        needed += ["eqchain.optimize"]
    paused = gc.isenabled()
    gc.disable()
    try:
        for name in needed:
            importlib.import_module(name)
    finally:
        if paused:
            gc.enable()
    if _FREEZE_AFTER_IMPORTS and paused:
        gc.freeze()


def _worker_pool(workers: int):
    """Processes for ``--jobs``, forked (where the platform can) from this process once it has
    imported the checker and the readers the files need (:func:`_import_checker`), so that no
    worker imports them again."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    fork = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork") if fork else None
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


# Modules SymPy imports on first use (the first exp of a set), which every checked file
# reaches: imported before the fork, each worker would pay them again. (The units the first
# simplify imports and the tensors the first Add imports are not needed: eqchain/speedups.py.)
_SYMPY_LAZY = ("sympy.sets.setexpr",)


def _expected_cost(path) -> tuple:
    """What orders the files for the workers: a file the Lagrange solver works on, then by size."""
    try:
        size = os.path.getsize(path)
    except OSError:
        size = 0
    return (_optimizes(path), size)


def _optimizes(path) -> bool:
    """Whether a derivation file has a ``[maximize]`` or ``[minimize]`` table (the Lagrange
    solver's modules are then imported before the fork); read as text, never parsed here."""
    if not str(path).lower().endswith(".toml"):
        return False
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return re.search(r"^\s*\[\s*(maximize|minimize)\s*\]", text, re.MULTILINE) is not None


def _check_one(path, timeout, assume, dialect, macros, cross_check, on_step) -> tuple:
    """:func:`eqchain.api.check_input` telling ``on_step`` of each step checked."""
    from eqchain.api import check_derivations, error_entry
    from eqchain.errors import EqchainError, InputError
    from eqchain.load import load

    given = {"assume": assume, "dialect": dialect, "macros": macros}
    options = {k: v for k, v in given.items() if v}
    if cross_check:
        options["cross_check"] = True
    try:
        return check_derivations(load(path, **options), timeout, on_step).derivations
    except RecursionError:
        return (error_entry(InputError("input nested too deeply", path), path),)
    except EqchainError as err:
        return (error_entry(err, path),)


def _once(inputs: list) -> list:
    """``inputs`` with each file once (a file named and also in a folder named, say)."""
    seen: set = set()
    out = []
    for item in inputs:
        if isinstance(item, str):
            key = os.path.realpath(item)
            if key in seen:
                continue
            seen.add(key)
        out.append(item)
    return out


STDIN_KINDS = {"md": "markdown", "tex": "latex", "rst": "rest"}


def _read_stdin() -> bytes:
    return sys.stdin.buffer.read()


class _Stdin:
    """Standard input (``-``), read once; reported under the name ``-``, as ruff does."""

    def __init__(self, data: bytes, kind: str | None):
        self.data = data
        self.kind = STDIN_KINDS.get(kind, kind) if kind else None

    def check(self, timeout, assume, dialect, macros, cross_check, on_step=None) -> tuple:
        from eqchain.api import check_derivations, error_entry
        from eqchain.errors import EqchainError
        from eqchain.load import load_text

        kind = self.kind
        try:
            if kind is None:
                from eqchain.mcp_tools import infer_format

                kind = infer_format(self.data.decode("utf-8", errors="replace"))
            given = {"assume": assume, "dialect": dialect, "macros": macros}
            options = {k: v for k, v in given.items() if v and kind != "toml"}
            if cross_check:
                options["cross_check"] = True
            return check_derivations(
                load_text("-", self.data, kind, **options), timeout
            ).derivations
        except RecursionError:
            return (error_entry(EqchainError("input nested too deeply"), "-"),)
        except EqchainError as err:
            return (error_entry(err, "-"),)


@cli.command()
@click.argument("path")
@click.option(
    "--lang", type=LANG, default="en", show_default=True, help="Language of the justifications."
)
@click.option(
    "--pretty", is_flag=True, help="Lay the formulas out in two dimensions (SymPy's printer)."
)
@click.option("--timeout", type=Seconds(min=0.1), default=10.0, show_default=True)
def show(path, lang, pretty, timeout):
    """Print the proof chain with each justification in words, the formulas in Unicode."""
    from eqchain.api import check_derivations
    from eqchain.load import load
    from eqchain.render.terminal import make_console, render_terminal

    report = check_derivations(load(path), timeout)
    render_terminal(report, make_console(), lang=lang, show=True, pretty=pretty)
    sys.exit(EXIT_OK if report.all_verified else EXIT_FAILED)


@cli.command()
@click.option("--format", "fmt", type=FORMAT, default="text", show_default=True)
@click.option("--lang", type=LANG, default="en", show_default=True)
def rules(fmt, lang):
    """List the rule table: name, statement, side conditions, meaning."""
    from eqchain.rules import RULES

    if fmt == "json":
        import json

        rows = [r.as_dict() for r in RULES]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    width = max(len(r.name) for r in RULES)
    for r in RULES:
        conds = f"  [needs {r.conditions_text()}]" if r.conditions else ""
        click.echo(f"{r.name:<{width}}  {r.statement}{conds}")
        click.echo(f"{'':<{width}}  {r.text(lang)}")


@cli.command()
@click.argument("expr")
@click.option(
    "--rules",
    "families",
    default="log,sum,prod",
    show_default=True,
    help="Rule families to apply, comma-separated (see `eqchain rules`).",
)
@click.option(
    "--symbols",
    "symbols_file",
    type=click.Path(dir_okay=False),
    help="A TOML file whose [symbols] declares the symbols and their assumptions.",
)
@click.option(
    "--save",
    type=click.Path(dir_okay=False),
    help="Write the derivation as a derivation file that `eqchain check` reads.",
)
@click.option(
    "--assume",
    "assume",
    default=None,
    help='Plain symbols and their assumptions, as for documents: "a > 0, b > 0, n integer" '
    "(with --symbols, these override its declarations).",
)
@click.option("--format", "fmt", type=FORMAT, default="text", show_default=True)
@click.option("--lang", type=LANG, default="en", show_default=True)
@click.option("--timeout", type=Seconds(min=0.1), default=10.0, show_default=True)
def derive(expr, families, symbols_file, save, assume, fmt, lang, timeout):
    """Apply rules to EXPR (LaTeX) until none applies; every step is checked."""
    from eqchain.api import check_derivations
    from eqchain.derive import derive as run_derive

    decls = ()
    if symbols_file:
        from eqchain.load.toml_file import load_symbols

        decls = load_symbols(symbols_file)
    decls = _with_assumptions(decls, assume)
    names = [f.strip() for f in families.split(",") if f.strip()]
    derived = run_derive(expr, decls, names)
    if not derived.derivation.steps:
        why = f": {derived.blocked}" if derived.blocked else ""
        raise EqchainError(f"no rule of {', '.join(names)} applies to the expression{why}")
    report = check_derivations([derived.derivation], timeout)
    if save:
        from eqchain.load.toml_file import dump_derivation
        from eqchain.output import write_atomic

        write_atomic(save, dump_derivation(derived.derivation))
    _emit(report, fmt, lang, show=True)
    if derived.blocked and fmt == "text":
        click.echo(f"stopped: {derived.blocked}", err=True)
    sys.exit(EXIT_OK if report.all_verified else EXIT_FAILED)


@cli.command()
@click.argument("path", required=False)
@click.option("--objective", help="The objective (LaTeX), e.g. '\\sum_{k=1}^{K} t_k \\log y_k'.")
@click.option("--variable", "variables", multiple=True, help="A variable, e.g. y_k (repeatable).")
@click.option(
    "--constraint",
    "constraints",
    multiple=True,
    help="An equality constraint (LaTeX, repeatable), e.g. '\\sum_{k=1}^{K} y_k = 1'.",
)
@click.option(
    "--data",
    "data",
    multiple=True,
    help="Values, e.g. t=2,5,2,4,2,5 or N=20 (repeatable; fractions as 1/10).",
)
@click.option(
    "--symbols",
    "symbols_file",
    type=click.Path(dir_okay=False),
    help="A TOML file whose [symbols] declares the names and their assumptions.",
)
@click.option("--minimize", is_flag=True, help="Minimise instead of maximise.")
@click.option(
    "--assume",
    "assume",
    default=None,
    help='Plain symbols and their assumptions, as for documents: "a > 0, b > 0, n integer" '
    "(with --symbols, these override its declarations).",
)
@click.option(
    "--save",
    type=click.Path(dir_okay=False),
    help="Write the solution as a derivation file that `eqchain check` reads.",
)
@click.option("--format", "fmt", type=FORMAT, default="text", show_default=True)
@click.option("--lang", type=LANG, default="en", show_default=True)
@click.option("--timeout", type=Seconds(min=0.1), default=10.0, show_default=True)
def maximize(
    path,
    objective,
    variables,
    constraints,
    data,
    symbols_file,
    minimize,
    assume,
    save,
    fmt,
    lang,
    timeout,
):
    """Solve a constrained maximum (Lagrange multipliers) as checked steps.

    Either PATH, a derivation file with a [maximize] (or [minimize]) table, or the problem
    given with --objective, --variable, --constraint, --data and --symbols. The solution (the
    Lagrangian, stationarity, the point, the second-order certificate) is written as ordinary
    steps and checked like any derivation."""
    from eqchain.api import check_derivations

    if path:
        if objective or variables or constraints or data or assume:
            raise click.UsageError("give either PATH or --objective/--variable/..., not both")
        from eqchain.load import load

        derivations = load(path)
    else:
        derivations = (
            _problem_from_options(
                objective, variables, constraints, data, symbols_file, minimize, assume
            ),
        )
    if not any(s.by or s.kind.value != "claim" for d in derivations for s in d.steps):
        raise EqchainError("nothing to solve: the file has no [maximize] table")
    report = check_derivations(derivations, timeout)
    if save:
        from eqchain.load.toml_file import dump_derivation
        from eqchain.output import write_atomic

        write_atomic(save, "".join(dump_derivation(d) for d in derivations))
    _emit(report, fmt, lang, show=True)
    sys.exit(EXIT_OK if report.all_verified else EXIT_FAILED)


def _problem_from_options(
    objective, variables, constraints, data, symbols_file, minimize, assume=None
):
    """A Derivation for a problem stated on the command line (the same path as a file's
    [maximize] table, so the same checks apply)."""
    from eqchain.load.toml_file import load_symbols
    from eqchain.model import Derivation
    from eqchain.optimize.derivation import solved_from_toml
    from eqchain.scope import Scope

    if not objective or not variables:
        raise click.UsageError("--objective and at least one --variable are needed")
    decls = _with_assumptions(load_symbols(symbols_file) if symbols_file else (), assume)
    scope = Scope.from_decls(decls, strict=True)
    values: dict = {}
    for item in data:
        name, sep, text = item.partition("=")
        if not sep or not name.strip():
            raise click.UsageError(f"--data takes NAME=VALUES, got {item!r}")
        parts = [p.strip() for p in text.split(",") if p.strip()]
        values[name.strip()] = (
            parts if len(parts) != 1 or name.strip() in scope.families else parts[0]
        )
    table = {
        "objective": objective,
        "variables": list(variables),
        "constraints": list(constraints),
        "data": values,
        "sense": "minimize" if minimize else "maximize",
    }
    steps, verdict = solved_from_toml(table, scope, "<command line>")
    title = f"{verdict} of {objective}"  # what the second-order test proved, not what was asked
    return Derivation(title, "<command line>", tuple(decls), tuple(steps), scope)


def _with_assumptions(decls, assume: str | None) -> tuple:
    """``decls`` with the plain symbols of ``--assume`` (``"a > 0, n integer, f function"``)
    added or replacing a declaration of the same name; InputError for a family or a bound
    (families need --symbols: their index and range)."""
    if not assume:
        return tuple(decls)
    from eqchain.load.assume import Bound, Stated, parse_assume
    from eqchain.model import SymbolDecl

    out = list(decls)
    for item in parse_assume(assume):
        if isinstance(item, (Bound, Stated)):
            what = "the bound" if isinstance(item, Bound) else "the equation"
            raise EqchainError(f"--assume takes signs and words here, not {what} '{item.text}'")
        if item.index:
            raise EqchainError(
                f"--assume declares plain symbols; declare the family '{item.name}' in a "
                f'--symbols file, e.g. {item.name} = {{ index = "{item.index}", '
                f'range = "1..K", assume = "{" ".join(item.words)}" }}'
            )
        function = item.words == ("function",)
        decl = SymbolDecl(item.name, () if function else tuple(item.words), is_function=function)
        out = [d for d in out if d.name != item.name] + [decl]
    return tuple(out)


def _publish(paths, lang, timeout, output, render) -> None:
    """Check ``paths`` and write ``render(report)`` to ``output`` (atomically) or stdout.

    Refuted and unknown steps are published with their counterexample or reason, and the exit
    status says so (1); invalid input writes nothing (2)."""
    from eqchain.api import check_derivations
    from eqchain.load import collect, load

    derivations = [d for f in collect(paths) for d in load(f)]
    report = check_derivations(derivations, timeout)
    text = render(report)
    if output:
        from eqchain.output import write_atomic

        write_atomic(output, text)
    else:
        sys.stdout.write(text)
    sys.exit(EXIT_OK if report.all_verified else EXIT_FAILED)


@cli.command(name="latex")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
@click.option(
    "--lang",
    type=LANG,
    default="en",
    show_default=True,
    help="en compiles with pdflatex, ja with lualatex (luatexja).",
)
@click.option("--body", is_flag=True, help="A fragment to paste into an existing document.")
@click.option("--timeout", type=Seconds(min=0.1), default=10.0, show_default=True)
def latex_command(paths, output, lang, body, timeout):
    """Publish the checked proof as a LaTeX document."""
    from eqchain.render.latex import render_latex

    _publish(paths, lang, timeout, output, lambda r: render_latex(r, lang, body=body))


@cli.command(name="markdown")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
@click.option("--lang", type=LANG, default="en", show_default=True)
@click.option(
    "--flavor",
    type=click.Choice(["github", "katex", "mathjax", "hugo", "jekyll", "qiita", "zenn"]),
    default="github",
    show_default=True,
    help="The renderer the Markdown is for: its math delimiters (github also suits markdown-it "
    "with KaTeX, Zenn and Hugo; mathjax writes inline math as \\\\(...\\\\); jekyll as $$...$$; "
    "qiita puts display math in ```math fences).",
)
@click.option("--timeout", type=Seconds(min=0.1), default=10.0, show_default=True)
def markdown_command(paths, output, lang, flavor, timeout):
    """Publish the checked proof as blog-ready Markdown (math that survives the renderer)."""
    from eqchain.render.markdown import render_markdown

    _publish(paths, lang, timeout, output, lambda r: render_markdown(r, lang, flavor))


@cli.command(name="mcp")
@click.option(
    "--timeout",
    type=Seconds(min=0.1, max=60.0),
    default=10.0,
    show_default=True,
    help="Time limit for one step when a call gives none, in seconds.",
)
def mcp_command(timeout):
    """Serve the checker to AI assistants: an MCP server over stdin/stdout.

    Tools: check, check_step, derive, maximize, rules (see the README). Needs the mcp
    package: pip install 'eqchain[mcp]'."""
    try:
        import mcp  # noqa: F401

        from eqchain.mcp_server import serve_stdio
    except ImportError:
        raise EqchainError(
            "the MCP server needs the mcp package: pip install 'eqchain[mcp]'"
        ) from None
    serve_stdio(timeout)


def _emit(report, fmt: str, lang: str, show: bool, file=None, verbose: bool = False) -> None:
    if fmt == "json":
        from eqchain.render.json import render_json

        (file or sys.stdout).write(render_json(report))
        return
    if fmt in ("concise", "github", "sarif"):
        from eqchain.render import diagnostics

        render = getattr(diagnostics, f"render_{fmt}")
        (file or sys.stdout).write(render(report, lang, verbose))
        return
    from eqchain.render.terminal import make_console, render_terminal

    render_terminal(report, make_console(file), lang=lang, show=show)


def main(argv=None) -> int:
    """Entry point of the console script; returns (and exits with) the exit status."""
    try:
        code = cli.main(args=argv, prog_name="eqchain", standalone_mode=False)
    except click.exceptions.Exit as e:
        code = e.exit_code
    except click.ClickException as e:
        e.show()
        code = EXIT_INVALID
    except click.exceptions.Abort:
        click.echo("eqchain: aborted", err=True)
        code = EXIT_INVALID
    except EqchainError as e:
        click.echo(f"eqchain: error: {e}", err=True)
        code = EXIT_INVALID
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else EXIT_INVALID
    except KeyboardInterrupt:
        code = 130
    except RecursionError:
        click.echo("eqchain: error: input nested too deeply", err=True)
        code = EXIT_INVALID
    except MemoryError:
        click.echo("eqchain: error: out of memory", err=True)
        code = EXIT_INVALID
    except Exception as e:  # noqa: BLE001 - last resort: never a traceback for the user
        click.echo(f"eqchain: internal error: {type(e).__name__}: {e}", err=True)
        code = EXIT_INTERNAL
    code = code or 0
    sys.exit(code)


# Whether :func:`_import_checker` freezes what the imports made: in eqchain's own process only.
_FREEZE_AFTER_IMPORTS = False


def run() -> None:
    """The console script (and ``python -m eqchain``): :func:`main` in a process of its own,
    which ends without tearing the interpreter down. Freeing SymPy's caches and trees object by
    object took a third of a second after every check; the exit handlers still run (worker
    pools, temporary files) and the output is flushed first."""
    global _FREEZE_AFTER_IMPORTS
    _FREEZE_AFTER_IMPORTS = True
    try:
        main()
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else EXIT_INVALID
    else:  # pragma: no cover - main always exits
        code = 0
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)  # a profiler or coverage writes its results at the interpreter's end
    _exit_now(code)


def _exit_now(code: int) -> None:
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said there
            pass
    os._exit(code)


if __name__ == "__main__":
    run()
