"""The kernels the build keeps from one notebook to the next (:class:`KernelPool`), and the papermill engine
that runs a notebook in a kernel it is given.

Starting a kernel and importing pandas, matplotlib, seaborn and pandera costs about three seconds of CPU,
more than many notebooks take to run; so each worker thread of :mod:`helpers.build.execute` keeps its kernel:
before each notebook the kernel's namespace is wiped (``%reset -f``), its figures closed, its working folder
set to the notebook's and its execution count restarted. A kernel is replaced after a failure and after
:data:`KERNEL_USES` notebooks.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import threading
from pathlib import Path
from typing import Any

KERNEL_NAME = "python3"
START_TIMEOUT = 120  # seconds a kernel may take to start (generous: several start at once)
# ipykernel warns on every start that it talks over local TCP (and logs the interrupt
# jupyter_client sends when it stops a kernel); the bar is clearer without them. No
# history file: parallel kernels would otherwise share one SQLite database.
# The build's kernels draw with matplotlib's inline backend, whatever MPLBACKEND the shell has: a cell
# whose value is a Figure is kept in the executed notebook as image/png (helpers never chooses a backend).
KERNEL_ARGUMENTS = [
    "--IPKernelApp.log_level=CRITICAL",
    "--HistoryManager.hist_file=:memory:",
    "--IPKernelApp.matplotlib=inline",
]
KERNEL_USES = 12  # notebooks one kernel runs before it is replaced
ENGINE_NAME = "appendix-reused-kernel"
# Run in a kept kernel before each notebook: what a fresh kernel would look like.
RESET_CODE = """
import matplotlib.pyplot as _plt, os as _os
_plt.close("all")
_os.chdir({cwd!r})
get_ipython().run_line_magic("reset", "-f")
get_ipython().execution_count = 1
"""


@functools.cache
def register_engine() -> str:
    """Register with papermill (once) the engine that runs a notebook in a kernel it is given; its name."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines
    from papermill.utils import remove_args

    class ReusedKernelEngine(NBClientEngine):
        """papermill's nbclient engine, for a kernel that outlives the notebook (passed as ``km``)."""

        @classmethod
        def execute_managed_notebook(
            cls,
            nb_man,
            kernel_name,
            log_output=False,
            stdout_file=None,  # type: ignore[no-untyped-def]
            stderr_file=None,
            start_timeout=60,
            execution_timeout=None,
            **kwargs,
        ):
            kwargs = remove_args(["input_path", "timeout", "startup_timeout"], **kwargs)
            client = PapermillNotebookClient(
                nb_man,
                timeout=execution_timeout,
                startup_timeout=start_timeout,
                kernel_name=kernel_name,
                log=logging.getLogger("papermill"),
                log_output=log_output,
                stdout_file=stdout_file,
                stderr_file=stderr_file,
                **kwargs,
            )
            try:
                return client.execute()
            finally:
                if client.kc is not None:  # the kernel stays; this notebook's connection to it goes
                    client.kc.stop_channels()

    papermill_engines.register(ENGINE_NAME, ReusedKernelEngine)
    return ENGINE_NAME


class KernelPool:
    """Kernels kept from one notebook to the next, one per worker thread."""

    def __init__(self) -> None:
        self._local = threading.local()
        self._lock = threading.Lock()
        self._kernels: list[Any] = []

    def _start(self, cwd: Path) -> Any:
        from jupyter_client.manager import AsyncKernelManager
        from jupyter_core.utils import run_sync

        manager = AsyncKernelManager(kernel_name=KERNEL_NAME)
        with self._lock:
            self._kernels.append(manager)
        run_sync(manager.start_kernel)(extra_arguments=KERNEL_ARGUMENTS, cwd=str(cwd))
        self._local.uses = 0
        return manager

    def acquire(self, cwd: Path) -> Any:
        """This thread's kernel, reset for a new notebook working in ``cwd`` (started if there is none)."""
        from jupyter_client.blocking import BlockingKernelClient
        from jupyter_core.utils import run_sync

        manager = getattr(self._local, "manager", None)
        if manager is not None and (self._local.uses >= KERNEL_USES or not run_sync(manager.is_alive)()):
            self.discard()
            manager = None
        if manager is None:
            self._local.manager = manager = self._start(cwd)  # a new kernel is fresh: no reset needed
        elif self._local.uses:
            client = BlockingKernelClient()
            client.load_connection_info(manager.get_connection_info())
            client.start_channels()
            try:
                client.wait_for_ready(timeout=START_TIMEOUT)
                reply = client.execute_interactive(
                    RESET_CODE.format(cwd=str(cwd)),
                    store_history=False,
                    timeout=START_TIMEOUT,
                    output_hook=lambda msg: None,
                )
            finally:
                client.stop_channels()
            if reply["content"]["status"] != "ok":
                self.discard()
                self._local.manager = manager = self._start(cwd)
        self._local.uses += 1
        return manager

    def discard(self) -> None:
        """Stop this thread's kernel (after a failure: the next notebook gets a new one)."""
        manager = getattr(self._local, "manager", None)
        self._local.manager = None
        if manager is not None:
            self._stop(manager)

    def _stop(self, manager: Any) -> None:
        from jupyter_core.utils import run_sync

        with self._lock:
            if manager not in self._kernels:
                return
            self._kernels.remove(manager)
        with contextlib.suppress(Exception):
            run_sync(manager.shutdown_kernel)(now=True)

    def close(self) -> None:
        """Stop every kernel still running."""
        for manager in list(self._kernels):
            self._stop(manager)
