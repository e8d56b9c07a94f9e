"""Benchmark: the directory at national scale against a bare MkDocs + Material site.

    make bench   (or: .venv/bin/python bench/benchmark.py [--services 2000] [--profile] [--no-preview])

Builds, in one run and on this machine:

1. a synthetic national directory (bench/synthetic.py: 2,000 services of 400
   organisations in all 14 regions, texts in all five languages) with
   ``zavazek build``, starting from an empty PDF cache, so the hand-outs and
   posters are laid out as in a first build; then the same build again with
   nothing changed and the cache warm;
2. the same directory at half the size (1,000 services of 200 organisations),
   to show how the cost grows with the number of services;
3. the same provider with 20 services, to compare the size of one service page;
4. a bare MkDocs + Material + mkdocs-static-i18n site (bench/bare_site.py) in
   the same five languages with as many plain pages as the national site;

then prints, for each build, seconds, pages per second, peak memory (see
bench/measure.py: the largest single process, and the whole process tree at
its fullest) and the site's size; the ratio of the national build to the bare
one; the time per service at both sizes and its growth; the HTML size of a
service page at both scales; the bytes a one-word search downloads in
headless Chromium; and what each kind of page downloads at 360 px in Chromium
(gzip, as a web server sends it): the first view with an empty cache, and a
further view after the home page. Then it starts ``zavazek serve`` on the
national directory, edits one service and reports how long until the preview
shows the change (``--no-preview`` leaves that out).

``--profile`` builds the national directory once more, from an empty cache,
under cProfile and prints the 25 functions with the most cumulative and the
most own time. Work done in child processes (pages and PDFs rendered in
forked children, site/parallel.py; Pagefind) is not in that profile: it shows
only as the build waiting for them.

    .venv/bin/python bench/benchmark.py --first-view-only

builds only the example site and prints only its page weights (seconds, not
minutes).

    .venv/bin/python bench/benchmark.py --posters-only
    .venv/bin/python bench/benchmark.py --handouts-only

render every noticeboard poster (or every hand-out of the directory) of the
example site and print, per PDF, the smallest type size printed, the size
below which a tenth of the characters fall, pages and bytes, and the time
to render them all. Work folders go to bench/out/ (ignored by git). Nothing here is a
pass/fail test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))

from bare_site import write_bare_site  # noqa: E402
from measure import Measurement, measured  # noqa: E402
from synthetic import write_provider  # noqa: E402

TODAY = "2026-11-23"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
BIN = Path(sys.executable).parent


def timed(command: list[str], cwd: Path | None = None) -> float:
    started = time.monotonic()
    result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
    return time.monotonic() - started


def zavazek_build(folder: Path, log: Path, empty_cache: bool = True) -> Measurement:
    """``zavazek build`` of a provider folder; by default from an empty PDF cache, as a first build."""
    if empty_cache:
        shutil.rmtree(folder / ".zavazek" / "cache", ignore_errors=True)
    os.sync()  # what the previous build wrote goes to the disk before, not during, this one
    return measured([str(BIN / "zavazek"), "build", str(folder), "--today", TODAY], log, env=ENV)


def build_figures(build: Measurement, pages: int) -> str:
    return (f"{build.seconds:.1f} s, {build.cpu_seconds:.1f} s CPU  ({pages / build.seconds:.0f} pages/s), peak RSS "
            f"{build.largest_kb / 1024:.0f} MB largest process, {build.together_kb / 1024:.0f} MB all together")


def open_project_languages(folder: Path) -> tuple[str, ...]:
    from zavazek.engine.config import open_project

    return tuple(open_project(folder).languages)


def print_profile(folder: Path, top: int = 25) -> None:
    """Build ``folder`` again from an empty cache under cProfile; print the top functions two ways."""
    import pstats

    shutil.rmtree(folder / ".zavazek" / "cache", ignore_errors=True)
    profile = OUT / "national.prof"
    build = measured([sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "zavazek.cli",
                      "build", str(folder), "--today", TODAY], OUT / "build-profiled.log", env=ENV)
    print(f"profile of the national build, empty PDF cache ({build.seconds:.1f} s under cProfile; "
          f"saved in {profile.relative_to(ROOT)})")
    print("Only the build's own process is profiled: what forked children do (pages and PDFs rendered\n"
          "in child processes, site/parallel.py) and Pagefind (its own program) is not in it and shows\n"
          "only as the build waiting for them (select/poll/wait, Pending.__call__, Indexing.wait).")
    for key, title in (("cumulative", "cumulative time (the function and what it calls)"),
                       ("tottime", "own time (the function's own code)")):
        print(f"\n--- top {top} by {title} ---")
        pstats.Stats(str(profile)).strip_dirs().sort_stats(key).print_stats(top)


def count(folder: Path, pattern: str) -> int:
    return sum(1 for _ in (folder / "site").glob(pattern))


def html_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def search_bytes(site: Path, query: str, lang_prefix: str = "") -> tuple[int, int]:
    """(bytes downloaded from /pagefind/, number of results) for one query on the search page."""
    from browser import launch_chromium, serve_directory

    with serve_directory(site) as base, launch_chromium() as browser:
        page = browser.new_page()
        responses = []  # their bodies read afterwards: Playwright's calls inside its own event handler can hang
        page.on("response", lambda r: responses.append(r) if "/pagefind/" in r.url else None)
        page.goto(f"{base}{lang_prefix}hledat/?q={query}")
        page.wait_for_function("document.querySelector('.zv-search__status').textContent !== ''")
        results = page.locator(".zv-search__results li").count()
        downloaded = sum(len(r.body()) for r in responses)
        page.close()
    return downloaded, results


def page_kinds(site: Path) -> dict[str, str]:
    """One page of each kind; of the region lists and service pages, the heaviest."""
    directory = site / "sluzby"
    regions = [p for p in directory.glob("*/index.html") if p.parent.name not in ("s", "druh", "data")]
    services = list((directory / "s").glob("*/index.html"))

    def heaviest(pages: list[Path]) -> str:
        return max(pages, key=lambda p: p.stat().st_size).parent.relative_to(site).as_posix() + "/"

    return {"home": "", "commitment": "zavazek/", "goals": "cile/", "checklist": "kontrola/",
            "directory home": "sluzby/", "region list": heaviest(regions), "service page": heaviest(services),
            "search": "hledat/"}


def page_weight_rows(site: Path, title: str) -> list[tuple[str, str]]:
    """Rows "kind: first view / further view" in kB, and the worst of each.

    A further view comes after the home page (the home page's after the commitment).
    """
    from browser import launch_chromium, page_weight

    rows, firsts, furthers = [(f"page weight, {title} (gzip, 360 px)", "first view / further view")], {}, {}
    with launch_chromium() as browser:
        for kind, path in page_kinds(site).items():
            firsts[kind], furthers[kind] = page_weight(browser, site, path, after="zavazek/" if path == "" else "")
            rows.append((f"  {kind} (/{path})", f"{firsts[kind] / 1024:.1f} kB / {furthers[kind] / 1024:.1f} kB"))
    worst_first, worst_further = max(firsts, key=firsts.get), max(furthers, key=furthers.get)
    rows.append(("  worst first view", f"{firsts[worst_first] / 1024:.1f} kB ({worst_first})"))
    rows.append(("  worst further view", f"{furthers[worst_further] / 1024:.1f} kB ({worst_further})"))
    return rows


def print_rows(rows: list[tuple[str, str]]) -> None:
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


def preview_edit_seconds(folder: Path, port: int = 8765) -> tuple[float, float, float]:
    """Seconds until the preview serves, then from saving an edit to seeing it: a service, a goal."""
    proc = subprocess.Popen([str(BIN / "zavazek"), "serve", str(folder), "--port", str(port), "--today", TODAY], env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def fetch(path: str):
        try:
            return urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=5).read().decode()
        except Exception:
            return None

    def edit(file: str, after: list[str], marker: str, page: str) -> float:
        """Put ``marker`` in front of the first Czech text found after the strings ``after``, in order."""
        path = folder / "data" / file
        text = path.read_text(encoding="utf-8")
        at = 0
        for anchor in after:
            at = text.index(anchor, at)
        at = text.index("cs: ", at) + 4
        path.write_text(text[:at] + marker + " " + text[at:], encoding="utf-8")
        saved = time.monotonic()
        while marker not in (fetch(page) or ""):
            time.sleep(0.2)
        return time.monotonic() - saved

    try:
        started = time.monotonic()
        while fetch("sluzby/s/s-01000/") is None:
            time.sleep(0.5)
        ready = time.monotonic() - started
        service = edit("services.yaml", ["id: s-01000", "description:"], "UPRAVENO", "sluzby/s/s-01000/")
        goal = edit("goals.yaml", ["operational:", "goals:"], "ZMENENO", "cile/")
        return ready, service, goal
    finally:
        proc.terminate()  # its children go with it (site/parallel.py)
        proc.wait()


def pdf_row(name: str, pdf: bytes) -> tuple[str, str]:
    """A PDF's printed type sizes, pages and bytes, read back from it."""
    from zavazek.site.posters.measure import type_sizes

    m = type_sizes(pdf)
    return f"  {name}", f"{m.smallest:5.1f} pt / {m.tenth:5.1f} pt, {m.pages} page(s), {m.bytes:,} B"


def poster_rows(folder: Path) -> list[tuple[str, str]]:
    """Each poster's printed type sizes, sheets and bytes, and the time to render them all."""
    import datetime as dt

    from zavazek.core.loader import load_data
    from zavazek.site.posters import posters_for, render_poster
    from zavazek.engine.config import open_project

    day = dt.date.fromisoformat(TODAY)
    project = open_project(folder)
    data = load_data(project.data_dir, list(project.languages), day)
    rows, total, cpu = [("poster (smallest / 10th percentile type, sheets, bytes)", "")], 0.0, 0.0
    for poster in posters_for(data, project, day):
        started, cpu_started = time.monotonic(), time.process_time()
        pdf = render_poster(poster, data, project, day)
        total += time.monotonic() - started
        cpu += time.process_time() - cpu_started
        rows.append(pdf_row(poster.filename, pdf))
    rows.append((f"rendering all {len(rows) - 1} posters", f"{total:.1f} s, {cpu:.1f} s of CPU"))
    return rows


def kb(n: int) -> str:
    return f"{n / 1024:,.0f} kB" if n < 10 * 1024 * 1024 else f"{n / 1024 / 1024:,.0f} MB"


def handout_rows(folder: Path, each: bool = True) -> list[tuple[str, str]]:
    """Every hand-out PDF of a provider: type sizes, pages, bytes; and the time to render them all."""
    import datetime as dt

    from zavazek.site.directory import handouts
    from zavazek.site.directory.rendering import directory_templates
    from zavazek.site.directory.standing import on_day
    from zavazek.core.loader import load_data
    from zavazek.engine.config import open_project

    day = dt.date.fromisoformat(TODAY)
    project = open_project(folder)
    data = load_data(project.data_dir, list(project.languages), day)
    published, templates = on_day(data.services, day), directory_templates()
    shutil.rmtree(folder / handouts.CACHE_DIR, ignore_errors=True)
    started, cpu = time.monotonic(), time.process_time()
    files = handouts.published(published, project, templates)
    seconds, cpu = time.monotonic() - started, time.process_time() - cpu
    rows = [("hand-outs rendered on their own, empty cache",
             f"{len(files)} in {seconds:.1f} s, {cpu:.1f} s of CPU ({cpu / max(len(files), 1):.2f} s each)")]
    started = time.monotonic()
    handouts.published(published, project, templates)
    rows.append(("  again, from the cache", f"{time.monotonic() - started:.2f} s"))
    if each:
        rows.append(("hand-out (smallest / 10th percentile type, pages, bytes)", ""))
        rows += [pdf_row(path.rsplit("/", 1)[-1], content) for path, content in files.items()]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=2000)
    parser.add_argument("--organisations", type=int, default=400)
    parser.add_argument("--profile", action="store_true",
                        help="build the national directory once more under cProfile and print where the time goes")
    parser.add_argument("--no-preview", dest="preview", action="store_false",
                        help="do not measure an edit in the preview server")
    parser.add_argument("--first-view-only", action="store_true",
                        help="only build the example site and print what its pages download")
    parser.add_argument("--posters-only", action="store_true",
                        help="only render the example site's posters and print their type sizes")
    parser.add_argument("--handouts-only", action="store_true",
                        help="only render the example site's hand-out PDFs and print their type sizes")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    load_before = Path("/proc/loadavg").read_text().split()[:3]
    if args.posters_only:
        print_rows(poster_rows(ROOT))
        return
    if args.handouts_only:
        from site_fixtures import copy_site_folder

        shutil.rmtree(OUT / "example", ignore_errors=True)
        print_rows(handout_rows(copy_site_folder(ROOT, OUT / "example")))
        return
    if args.first_view_only:
        from site_fixtures import copy_site_folder

        shutil.rmtree(OUT / "example", ignore_errors=True)
        example = copy_site_folder(ROOT, OUT / "example")
        timed([str(BIN / "zavazek"), "build", str(example), "--today", TODAY])
        print_rows(page_weight_rows(example / "site", "example site"))
        return

    large, organisations = args.services, min(args.organisations, args.services)
    sizes = (large // 2, large)
    trash = _out_of_the_way([OUT / f"national-{n}" for n in sizes] + [OUT / "small", OUT / "bare"])
    nationals, builds = {}, {}
    for services in sizes:
        nationals[services] = write_provider(OUT / f"national-{services}", services,
                                             max(1, organisations * services // large))
        builds[services] = zavazek_build(nationals[services], OUT / f"build-{services}.log")
    national = nationals[large]
    pages = html_pages(national / "site")
    warm = zavazek_build(national, OUT / f"build-{large}-warm.log", empty_cache=False)
    small = write_provider(OUT / "small", 20, 4)
    zavazek_build(small, OUT / "build-20.log")

    bare = write_bare_site(OUT / "bare", pages)
    os.sync()
    bare_build = measured([str(BIN / "mkdocs"), "build", "-q"], OUT / "build-bare.log", cwd=bare, env=ENV)
    bare_pages = html_pages(bare / "site")

    service_big = (national / "site" / "sluzby" / "s" / "s-00001" / "index.html").stat().st_size
    service_small = (small / "site" / "sluzby" / "s" / "s-00001" / "index.html").stat().st_size
    search_cs, hits_cs = search_bytes(national / "site", "poradna")
    search_vi, hits_vi = search_bytes(national / "site", "tu van", "vi/")
    per_service = {n: builds[n].seconds / n for n in sizes}
    languages = len(open_project_languages(national))

    rows = [
        ("services in the directory", f"{large:,} (of {organisations} organisations)"),
        (f"HTML pages built ({languages} languages)", f"{pages:,}   bare site: {bare_pages:,}"),
        ("PDF files: posters / region hand-outs", f"{count(national, 'nastenky/*.pdf')} / {count(national, 'sluzby/*/*.pdf')}"
         "  (a region with more than 48 services gets no hand-out)"),
        (f"zavazek build, {large:,} services, empty PDF cache", build_figures(builds[large], pages)),
        ("  site size", kb(size(national / "site"))),
        ("  of which search index", kb(size(national / "site" / "pagefind"))),
        ("  of which open data", kb(size(national / "site" / "sluzby" / "data"))),
        ("  of which PDF", kb(sum(p.stat().st_size for p in (national / "site").rglob("*.pdf")))),
        ("bare Material build, same pages and languages", build_figures(bare_build, bare_pages)),
        ("  site size", kb(size(bare / "site"))),
        ("ratio zavazek / bare", f"{builds[large].seconds / bare_build.seconds:.4f}  (of CPU time: "
                                 f"{builds[large].cpu_seconds / bare_build.cpu_seconds:.2f})"),
        ("zavazek build again, nothing changed (cache warm)", build_figures(warm, pages)),
        (f"zavazek build, {sizes[0]:,} services, empty PDF cache",
         build_figures(builds[sizes[0]], html_pages(nationals[sizes[0]] / "site"))),
        ("growth: time per service", f"{per_service[sizes[0]] * 1000:.1f} ms at {sizes[0]:,}, "
                                     f"{per_service[large] * 1000:.1f} ms at {large:,} services"),
        ("growth: ratio of the two (1.00 = linear)", f"{per_service[large] / per_service[sizes[0]]:.2f}"
         f"  (each further service: {(builds[large].seconds - builds[sizes[0]].seconds) / (large - sizes[0]) * 1000:.1f} ms)"),
        (f"service page HTML, {large:,} vs 20 services",
         f"{service_big:,} B vs {service_small:,} B  ({(service_big / service_small - 1) * 100:+.1f} %)"),
        ("one-word search downloads (cs 'poradna')", f"{kb(search_cs)}  ({hits_cs} results shown)"),
        ("two-word search downloads (vi 'tu van')", f"{kb(search_vi)}  ({hits_vi} results shown)"),
    ]
    rows += page_weight_rows(national / "site", "national directory")
    rows += handout_rows(national, each=False)
    if args.preview:
        ready, service, goal = preview_edit_seconds(national)
        rows += [("preview server ready", f"{ready:.1f} s"), ("preview shows an edited service", f"{service:.1f} s"),
                 ("preview shows an edited goal", f"{goal:.1f} s")]
    print_rows(rows)
    if args.profile:
        print()
        print_profile(national)
    print(f"\nload while measuring ({os.cpu_count()} cores): {load_before} at the start, "
          f"{Path('/proc/loadavg').read_text().split()[:3]} at the end")
    shutil.rmtree(trash, ignore_errors=True)


def _out_of_the_way(folders: list[Path]) -> Path:
    """Move the previous run's work folders aside, to be deleted after this run's measurements.

    Deleting them just before a build (gigabytes, tens of thousands of files) slowed the build's own
    writing of files by seconds on the development machine's disk (ext4 with online discard), which
    says nothing about the build; a build from scratch in a folder of its own does not follow one.
    """
    trash = OUT / ".trash"
    trash.mkdir(exist_ok=True)
    for folder in folders:
        if folder.exists():
            folder.rename(trash / f"{folder.name}-{time.monotonic_ns()}")
    os.sync()
    return trash


if __name__ == "__main__":
    main()
