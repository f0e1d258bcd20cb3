from eqchain.cli import main

main()
