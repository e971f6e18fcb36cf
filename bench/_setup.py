"""What the benchmarks that start processes do first.

An installed package has its bytecode (pip compiles it when it installs a
wheel), and an editable one writes it on first import; but where
``PYTHONDONTWRITEBYTECODE`` is set, as on the machines these benchmarks run
on, every process would compile every module from source again, some
0.1 s that no user pays.  :func:`bytecode` compiles ``src/`` once (a no-op
when the bytecode is up to date), so that start-up and batch figures
measure the program, not the compiler.
"""

from __future__ import annotations

import compileall
import pathlib

SRC = pathlib.Path(__file__).resolve().parent.parent / "src"


def bytecode() -> None:
    """Compile the package's modules to bytecode where it is missing or stale."""
    compileall.compile_dir(str(SRC), quiet=1)
