"""Screenshots at 360 px of what a reader's phone does offline and when sending on:
tools/phone_screenshots.py SITE_DIR OUT_DIR

With the example site built (``make site``): keeps the Prague list in Ukrainian,
shows the share fallback and the "save to contacts" button of a Russian service
page, then, offline, a service page kept with the list, a page opened before,
and a page never opened (in Vietnamese).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from browser import launch_chromium, serve_directory  # noqa: E402


def main() -> None:
    site, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    with launch_chromium() as browser, serve_directory(site) as base:
        context = browser.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        page.goto(base + "uk/sluzby/praha/")
        page.locator("[data-keep-button]").click()
        page.locator("[data-keep-forget]").wait_for()
        page.locator(".zv-keep").scroll_into_view_if_needed()
        page.screenshot(path=str(out / "keep-list-uk.png"))
        page.goto(base + "ru/sluzby/s/migrace-asistence/")
        page.locator(".zv-share").scroll_into_view_if_needed()
        page.screenshot(path=str(out / "share-fallback-ru.png"))
        page.locator(".zv-save").scroll_into_view_if_needed()
        page.screenshot(path=str(out / "save-contact-ru.png"))
        context.set_offline(True)
        for path, name in (("uk/sluzby/s/migrace-poradenstvi/", "offline-kept-uk"),
                           ("ru/sluzby/s/migrace-asistence/", "offline-opened-ru"),
                           ("vi/cile/", "offline-never-vi")):
            page.goto(base + path)
            page.screenshot(path=str(out / f"{name}.png"))
        context.close()
    print(out)


if __name__ == "__main__":
    main()
