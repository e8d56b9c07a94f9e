"""Work on a second processor core: a forked child process that hands back its result.

A national build renders ten thousand pages and a few dozen PDF posters;
on a machine with several cores, parts of that run in a child process
forked from the build, which already has the validated data in memory, so
nothing needs to be loaded or sent to it but the result.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import traceback
from typing import Callable, TypeVar

T = TypeVar("T")

#: A child collects its cyclic garbage every 10,000 new objects instead of Python's 700: a child makes
#: pages or lays out PDFs (WeasyPrint makes millions of short-lived objects) and ends; the example's
#: posters and hand-outs take half a second less of the CPU.
CHILD_GC_THRESHOLD = (10_000, 10, 10)


class ChildFailed(RuntimeError):
    """The child process raised; the message carries its traceback."""


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return cores() > 1 and "fork" in multiprocessing.get_all_start_methods()


class Pending:
    """The result of work started in a child process: call it to wait for the result."""

    def __init__(self, work: Callable[[], T], nice: int = 0, run_here: bool = False, forks: bool = False):
        self._work = work
        self._process = None
        if run_here or not can_fork():
            return  # runs when its result is asked for, in this process
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)

        parent = os.getpid()

        def run() -> None:
            _die_with(parent)
            if forks:  # multiprocessing refuses children to a daemonic process; for the parent it stays one
                multiprocessing.current_process()._config["daemon"] = False
            gc.freeze()  # what it inherited lives as long as it does: the collector need not go through it
            gc.set_threshold(*CHILD_GC_THRESHOLD)
            try:
                if nice:
                    os.nice(nice)
                sender.send((True, work()))
            except BaseException as exc:  # the parent raises it again
                try:
                    sender.send((False, exc))
                except Exception:  # an exception that cannot be pickled
                    sender.send((False, ChildFailed(traceback.format_exc())))
            finally:
                sender.close()

        self._process = context.Process(target=run, daemon=True)  # ended with this process, never waited for
        self._process.start()
        sender.close()

    def __call__(self) -> T:
        if self._process is None:
            return self._work()
        try:
            ok, value = self._receiver.recv()
        except EOFError:
            self._process.join()
            raise ChildFailed(f"the child process ended without a result (exit code {self._process.exitcode})") from None
        finally:
            self._receiver.close()
        self._process.join()
        self._process = None
        self._work = _again(ok, value)
        return self._work()

    @property
    def forked(self) -> bool:
        """Whether the work is under way in a child process (else it runs here when its result is asked for,
        or its result has come, or it was cancelled)."""
        return self._process is not None

    def ready(self, timeout: float | None = 0) -> bool:
        """Whether the result has come (waiting up to ``timeout`` seconds for it; None: until it comes)."""
        if self._process is None:
            return True
        try:
            return self._receiver.poll(timeout)
        except (OSError, ValueError):  # the pipe was closed: cancelled
            return True

    def cancel(self, wait: bool = False) -> None:
        """Stop the child if its result is no longer wanted (e.g. the build failed meanwhile).

        Not waited for unless ``wait``: a child as large as its parent takes a while to go, and
        one whose result goes nowhere else need not be seen to go (multiprocessing collects it when
        it next starts a process). A child that writes files is waited for, so that nothing it
        writes comes after the caller removes them.
        """
        if self._process is not None:
            self._process.kill()
            if wait:
                self._process.join()
            self._receiver.close()
            self._process = None


def _die_with(parent: int) -> None:
    """Have this child killed when the process that forked it ends, however it ends (Linux).

    A preview stopped with ``kill`` ends without cleaning up: its children, each waiting to hand a result
    to a pipe that a sibling still holds open, would wait for ever, holding as much memory as the build.
    """
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: such a child lingers until its work is done
        return
    if os.getppid() != parent:  # it ended before the signal was asked for
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _again(ok: bool, value):
    """What a Pending gives when asked again: the same result, or the same exception."""

    def result():
        if not ok:
            raise value
        return value

    return result


class Turns:
    """Items that processes forked after it was made take in turn: each takes the next one no process has taken.

    Iterating gives this process's share, one item at a time, so work of
    uneven size spreads over the processes by itself: whichever is free
    takes the next item. Put the largest items first.
    """

    def __init__(self, items):
        self.items = tuple(items)
        self._next = multiprocessing.get_context("fork" if can_fork() else None).Value("i", 0)

    def __iter__(self):
        while (index := self._take()) is not None:
            yield self.items[index]

    def share_of_this_process(self) -> Callable[[object], bool]:
        """This process's share as a filter, for code that goes through every item itself in order (to keep
        each one's place): called once per item, it is true for those this process takes. An item is
        taken when the filter reaches it, once this process is done with the one it took before."""
        claim = position = -1

        def mine(_item) -> bool:
            nonlocal claim, position
            position += 1
            if claim < position:
                taken = self._take()
                claim = len(self.items) if taken is None else taken
            return claim == position

        return mine

    def _take(self) -> int | None:
        """The position of the next item no process has taken, and it is this one's (None: none is left)."""
        with self._next.get_lock():
            index = self._next.value
            self._next.value += 1
        return index if index < len(self.items) else None


def in_child(work: Callable[[], T], nice: int = 0, forks: bool = False) -> Pending:
    """Start ``work()`` in a forked child; the returned :class:`Pending` gives its result.

    ``nice`` lowers the child's priority (see ``os.nice``), for work that must not
    slow down what a person is waiting for; ``forks``: the work starts children
    of its own. Without a second core (or without fork) the work runs when its
    result is asked for, in this process.
    """
    return Pending(work, nice, forks=forks)


def made_on_two_cores(makes: list[Callable[[], T]], chunk: int) -> list[T]:
    """``[make() for make in makes]``, this process and a forked child taking ``chunk`` of them at a time in
    turn (:class:`Turns`), so both end together however busy the cores are with other work."""
    turns = Turns(range(0, len(makes), chunk))

    def share() -> dict[int, list[T]]:
        return {start: [make() for make in makes[start:start + chunk]] for start in turns}

    theirs = in_child(share)
    try:
        made = share()
        made.update(theirs())
    finally:
        theirs.cancel()
    return [result for start in sorted(made) for result in made[start]]


def done(value: T) -> Pending:
    """A :class:`Pending` that already has its result."""
    return Pending(lambda: value, run_here=True)
