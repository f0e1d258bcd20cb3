"""Renderers: one module per output format, all over the same :class:`eqchain.model.Report`.

* :mod:`eqchain.render.terminal`: ``render_terminal`` (rich), ``make_console``, ``progress``
* :mod:`eqchain.render.latex`: ``render_latex`` (a document or a fragment)
* :mod:`eqchain.render.markdown`: ``render_markdown`` (MathJax 3 and KaTeX)
* :mod:`eqchain.render.json`: ``render_json`` (schema ``eqchain/schema/report.schema.json``)
* :mod:`eqchain.render.notebook`: ``report_latex``, ``report_markdown``, ``report_html`` (Jupyter)

:mod:`eqchain.render.content` lays a report out once (chains, sides, justifications in words)
so that every format says the same thing. Nothing here is imported eagerly, and no renderer
imports SymPy until it has to print an expression.
"""
