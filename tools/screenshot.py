"""Screenshot built pages in headless Chromium: tools/screenshot.py SITE_DIR PATH [WIDTH] [OUT.png]"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from browser import launch_chromium, serve_directory  # noqa: E402


def main() -> None:
    site, path = Path(sys.argv[1]), sys.argv[2]
    width = int(sys.argv[3]) if len(sys.argv) > 3 else 1280
    out = sys.argv[4] if len(sys.argv) > 4 else "/tmp/shot.png"
    with serve_directory(site) as base, launch_chromium() as browser:
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(base + path)
        page.screenshot(path=out, full_page=True)
    print(out)


if __name__ == "__main__":
    main()
