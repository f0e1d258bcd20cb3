from eqchain.cli import run

run()
