"""Reading LaTeX: the normalisation layer around SymPy's parser, and printing LaTeX back."""
