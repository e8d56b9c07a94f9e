"""What a build keeps, and the posters ``zavazek posters`` writes: written whole or not at all."""

import stat

import pytest

from zavazek.site.kept import write_whole


def test_a_file_written_whole_can_be_read_by_whoever_can_read_a_plainly_written_one(tmp_path):
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(b"%PDF")
    write_whole(tmp_path / "sub" / "poster.pdf", lambda out: out.write(b"%PDF-1.7"))
    assert (tmp_path / "sub" / "poster.pdf").read_bytes() == b"%PDF-1.7"
    assert stat.S_IMODE((tmp_path / "sub" / "poster.pdf").stat().st_mode) == stat.S_IMODE(plain.stat().st_mode)


def test_a_write_that_fails_leaves_the_old_file_and_nothing_else(tmp_path):
    kept = tmp_path / "reduced.css"
    kept.write_text("old", encoding="utf-8")

    def fails(out):
        out.write(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_whole(kept, fails)
    assert kept.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["reduced.css"]
