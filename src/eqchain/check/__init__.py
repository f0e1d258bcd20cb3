"""Checking derivations: rule application, equivalence under assumptions, refutation."""
