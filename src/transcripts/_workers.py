"""A batch on every core: ``ordered(func, tasks, workers)`` gives
``func(task)`` for each task, in task order, computed by forked worker
processes and by the calling process itself.

The tasks' numbers wait in one pipe; each process (the caller among them)
takes the next number when it is free, so a slow task never holds the others
up, and no process sits idle while another works: with ``workers`` cores,
``workers - 1`` children and the caller share the work.  A child sends each
result back, pickled and framed, on a pipe of its own, which a thread of the
caller reads.  Tasks a child took but never finished (it was killed) are
done again by the caller, so nothing is lost.  A worker is a fork of the
caller, and shares the modules it imported; where there is no ``fork``,
a pool of fresh interpreters does the work.

Why not :mod:`multiprocessing`: its pool leaves the calling process only
handing out tasks and collecting results, on threads that compete with the
workers for the cores, pickles every task, and imports a dozen modules
first; on a batch of small files that bookkeeping is a worker's share.
"""

from __future__ import annotations

import os
import pickle
import struct
import sys
import threading
from typing import Callable, Iterator, Optional, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_TOKEN = struct.Struct("<I")
_FRAME = struct.Struct("<Q")
#: Task numbers are written in groups small enough for the pipe to move each
#: atomically (POSIX's PIPE_BUF is at least 512), so a reader never sees part
#: of a number.
_GROUP = 128


def ordered(
    func: Callable[[T], R],
    tasks: Sequence[T],
    workers: int,
    init: Optional[Callable[[], None]] = None,
) -> Iterator[R]:
    """``func(task)`` for each of ``tasks``, in order, on ``workers``
    processes (this one included); ``init`` runs first in each child."""
    if workers <= 1 or len(tasks) < 2:
        for task in tasks:
            yield func(task)
        return
    if not hasattr(os, "fork"):
        yield from _spawned(func, tasks, workers, init)
        return
    pool = _Pool(func, tasks, min(workers, len(tasks)) - 1, init)
    try:
        yield from pool.results()
    finally:
        pool.close()


class _Pool:
    def __init__(self, func: Callable[[T], R], tasks: Sequence[T], children: int, init: Optional[Callable[[], None]]) -> None:
        import gc

        self.func, self.tasks = func, tasks
        self.done: dict[int, R] = {}
        self.finished = 0  # children whose pipe has closed
        self.lock = threading.Condition()
        self.pids: list[int] = []
        self.pipes: list[int] = []  # the read end of each child's result pipe
        self.threads: list[threading.Thread] = []
        self.queue, queue_w = os.pipe()
        self.taken_all = False
        self.complete = False  # every result was given
        gc.freeze()  # children share the caller's objects without copying their pages
        try:
            for _ in range(children):
                r, w = os.pipe()
                pid = os.fork()
                if pid == 0:  # pragma: no cover (runs in the child, which never returns)
                    os.close(r)
                    os.close(queue_w)
                    for fd in self.pipes:
                        os.close(fd)
                    self._child(w, init)
                os.close(w)
                self.pids.append(pid)
                self.pipes.append(r)
        finally:
            gc.unfreeze()
        # Threads only after every fork: a fork copies only the thread that calls it.
        self.threads.append(threading.Thread(target=self._hand_out, args=(queue_w,), daemon=True))
        self.threads += [threading.Thread(target=self._collect, args=(fd,), daemon=True) for fd in self.pipes]
        for thread in self.threads:
            thread.start()

    # -- the child -------------------------------------------------------

    def _child(self, out: int, init: Optional[Callable[[], None]]) -> None:  # pragma: no cover (a child)
        status = 1
        try:
            if init is not None:
                init()
            while True:
                k = self._take()
                if k is None:
                    break
                data = pickle.dumps((k, self.func(self.tasks[k])), pickle.HIGHEST_PROTOCOL)
                _write_all(out, _FRAME.pack(len(data)) + data)
            status = 0
        except KeyboardInterrupt:
            status = 130
        except SystemExit as exc:
            status = exc.code if isinstance(exc.code, int) else 1
        except BaseException:
            import traceback

            traceback.print_exc()  # the caller does the task again, and meets the same error
        finally:
            try:
                sys.stderr.flush()
            finally:
                os._exit(status)

    # -- the caller ------------------------------------------------------

    def _take(self) -> Optional[int]:
        """The next task's number from the shared pipe, or None when all are taken."""
        token = os.read(self.queue, _TOKEN.size)
        return _TOKEN.unpack(token)[0] if len(token) == _TOKEN.size else None

    def _hand_out(self, queue_w: int) -> None:
        try:
            for start in range(0, len(self.tasks), _GROUP):
                numbers = range(start, min(start + _GROUP, len(self.tasks)))
                _write_all(queue_w, struct.pack(f"<{len(numbers)}I", *numbers))
        except OSError:
            pass  # the batch was stopped: the read end is closed
        finally:
            os.close(queue_w)

    def _collect(self, fd: int) -> None:
        """Read one child's results until its pipe closes."""
        try:
            with os.fdopen(fd, "rb", closefd=False) as pipe:
                while True:
                    head = pipe.read(_FRAME.size)
                    if len(head) < _FRAME.size:
                        break
                    (size,) = _FRAME.unpack(head)
                    data = pipe.read(size)
                    if len(data) < size:
                        break
                    k, result = pickle.loads(data)
                    with self.lock:
                        self.done[k] = result
                        self.lock.notify()
        except (OSError, ValueError):
            pass
        finally:
            with self.lock:
                self.finished += 1
                self.lock.notify()

    def results(self) -> Iterator[R]:
        n = len(self.tasks)
        for k in range(n):
            while True:
                with self.lock:
                    if k in self.done:
                        result = self.done.pop(k)
                        break
                    lost = self.taken_all and self.finished == len(self.pipes)
                if lost:  # a child took it and died: do it here
                    result = self.func(self.tasks[k])
                    break
                if self.taken_all:
                    with self.lock:
                        if k not in self.done and self.finished < len(self.pipes):
                            self.lock.wait()
                    continue
                mine = self._take()
                if mine is None:
                    self.taken_all = True
                else:
                    value = self.func(self.tasks[mine])
                    with self.lock:
                        self.done[mine] = value
            yield result
        self.complete = True

    def close(self) -> None:
        """Stop the children (if the batch ended early) and reap them."""
        import signal

        for pid in self.pids:
            if not self.complete:
                try:
                    os.kill(pid, signal.SIGTERM)
                except OSError:
                    pass
        for pid in self.pids:
            try:
                os.waitpid(pid, 0)
            except (OSError, InterruptedError):
                pass
        try:
            os.close(self.queue)
        except OSError:
            pass
        for thread in self.threads:
            thread.join()
        for fd in self.pipes:
            try:
                os.close(fd)
            except OSError:
                pass


def _spawned(func: Callable[[T], R], tasks: Sequence[T], workers: int, init: Optional[Callable[[], None]]) -> Iterator[R]:
    """Where processes cannot fork: a pool of fresh interpreters (``func``
    and the tasks must pickle)."""
    import multiprocessing

    pool = multiprocessing.get_context("spawn").Pool(workers, initializer=init)
    try:
        yield from pool.imap(func, tasks)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
