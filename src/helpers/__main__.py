"""``python -m helpers``, the same as the installed ``phu-luc`` command: see :mod:`helpers.cli`."""

from helpers.cli import main

raise SystemExit(main(prog="python -m helpers"))
