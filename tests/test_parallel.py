"""Work done on a second core hands back its result, or the very error staff would have seen."""

from __future__ import annotations

import functools
import os
import time

import pytest

from zavazek.site import parallel
from zavazek.core.problems import DataError, Message, Problem

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="needs a second core and fork")


def test_the_result_comes_from_another_process():
    pending = parallel.in_child(lambda: (os.getpid(), ["page"] * 50_000))
    pid, pages = pending()
    assert pid != os.getpid() and len(pages) == 50_000
    assert pending()[0] == pid  # asked again: the same result


def test_a_data_error_in_the_child_is_raised_as_the_same_error_with_its_file_and_line(tmp_path):
    def fail():
        raise DataError([Problem(tmp_path / "goals.yaml", 12, 3, "plans[0].centre",
                                 Message("There is no centre “{id}”.", {"id": "plzn"}))])

    with pytest.raises(DataError) as raised:
        parallel.in_child(fail)()
    assert "goals.yaml:12:3" in raised.value.format(tmp_path)


def test_work_no_longer_wanted_is_stopped():
    pending = parallel.in_child(lambda: time.sleep(60))
    started = time.monotonic()
    pending.cancel()
    assert time.monotonic() - started < 5


def test_processes_taking_turns_share_the_items_each_once():
    turns = parallel.Turns(range(40))

    def take():
        taken = []
        for item in turns:
            taken.append(item)
            time.sleep(0.01)  # an item takes a while, so the other process takes the next
        return os.getpid(), taken

    one, other = parallel.in_child(take), parallel.in_child(take)
    (pid_one, first), (pid_other, second) = one(), other()
    assert pid_one != pid_other
    assert sorted(first + second) == list(range(40))  # none taken twice, none left


def test_processes_going_through_every_item_in_order_each_make_the_ones_they_took():
    """How both PDF processes share the posters: each goes through the list, and makes the posters it takes."""
    turns = parallel.Turns(range(40))

    def go_through():
        mine = turns.share_of_this_process()
        made = []
        for item in range(40):
            if mine(item):
                made.append(item)
                time.sleep(0.01)  # an item takes a while, so the other process takes the next
        return os.getpid(), made

    one, other = parallel.in_child(go_through), parallel.in_child(go_through)
    (pid_one, first), (pid_other, second) = one(), other()
    assert pid_one != pid_other and first and second
    assert first == sorted(first) and second == sorted(second)
    assert sorted(first + second) == list(range(40))  # none made twice, none left


def test_work_made_on_two_cores_comes_back_in_order_and_both_processes_made_some():
    def make(i):
        time.sleep(0.01)  # a while, so that the other process takes the next chunk
        return i, os.getpid()

    made = parallel.made_on_two_cores([functools.partial(make, i) for i in range(40)], chunk=3)
    assert [i for i, _ in made] == list(range(40))
    assert {pid for _, pid in made} - {os.getpid()} and os.getpid() in {pid for _, pid in made}


@pytest.mark.parametrize("failing", ["child", "parent"])
def test_a_failure_on_either_core_is_raised_here(failing):
    parent = os.getpid()

    def make(i):
        time.sleep(0.01)
        if (os.getpid() == parent) == (failing == "parent"):
            raise ValueError(f"page {i} failed in the {failing}")
        return i

    with pytest.raises(ValueError, match=f"failed in the {failing}"):
        parallel.made_on_two_cores([functools.partial(make, i) for i in range(40)], chunk=3)


def test_a_child_that_forks_its_own_helper_takes_the_helper_with_it_when_stopped(tmp_path):
    """The PDFs' child forks a second process for the hand-outs: a preview that stops it for a newer edit
    leaves neither rendering on."""
    pid_file = tmp_path / "helper.pid"

    def with_helper():
        helper = parallel.in_child(lambda: (pid_file.write_text(str(os.getpid())), time.sleep(60)))
        helper()

    pending = parallel.in_child(with_helper, forks=True)
    deadline = time.monotonic() + 10
    while not pid_file.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    helper_pid = int(pid_file.read_text())
    pending.cancel(wait=True)
    deadline = time.monotonic() + 5
    while _running(helper_pid) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not _running(helper_pid)


def test_a_forking_child_hands_back_its_helpers_result():
    def with_helper():
        helper = parallel.in_child(lambda: os.getpid())
        return os.getpid(), helper()

    child, helper = parallel.in_child(with_helper, forks=True)()
    assert len({child, helper, os.getpid()}) == 3


def _running(pid: int) -> bool:
    """Whether the process runs (a zombie waiting to be collected by its parent does not)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
