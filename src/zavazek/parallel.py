"""Work on a second processor core: a forked child process that hands back its result.

A national build renders ten thousand pages and a few dozen PDF posters;
on a machine with several cores, parts of that run in a child process
forked from the build, which already has the validated data in memory, so
nothing needs to be loaded or sent to it but the result.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from typing import Callable, TypeVar

T = TypeVar("T")


class ChildFailed(RuntimeError):
    """The child process raised; the message carries its traceback."""


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return cores() > 1 and "fork" in multiprocessing.get_all_start_methods()


def in_child(work: Callable[[], T]) -> Callable[[], T]:
    """Start ``work()`` in a forked child; returns a function that waits for and returns its result.

    Without a second core (or without fork) the work runs when its result
    is asked for, in this process.
    """
    if not can_fork():
        return work
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def run() -> None:
        try:
            sender.send((True, work()))
        except BaseException as exc:  # the parent raises it again
            try:
                sender.send((False, exc))
            except Exception:  # an exception that cannot be pickled
                sender.send((False, ChildFailed(traceback.format_exc())))
        finally:
            sender.close()

    process = context.Process(target=run, daemon=True)
    process.start()
    sender.close()

    def result() -> T:
        try:
            ok, value = receiver.recv()
        except EOFError:
            process.join()
            raise ChildFailed(f"the child process ended without a result (exit code {process.exitcode})") from None
        finally:
            receiver.close()
        process.join()
        if not ok:
            raise value
        return value

    return result
