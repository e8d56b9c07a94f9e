"""Fitting a poster onto its sheets.

A poster that needs more than one sheet is printed as a numbered set
("1/2", "2/2"), so whoever pins it up sees there is more. Its last sheet must
never hold only a sentence or two: the poster is laid out again, first more
tightly, then with its last part starting a sheet of its own. Each layout is
a class on the poster's ``<body>``; ``poster.html.j2`` says what each does.
The sheet numbers sit in the page margin, so adding them moves no text.
"""

from __future__ import annotations

from collections.abc import Callable

from zavazek.site.pdf import Laid

#: Fewer words than this on a last sheet make it an orphan.
MIN_WORDS_ON_LAST_SHEET = 30

#: The layouts tried in turn until the last sheet is no orphan.
LAYOUTS = ("", "tight", "tight break-last")

BODY = "<body>"

#: Sheet numbers in the bottom margin, at the size of the poster's running text.
NUMBERED = ('<style>@page { @bottom-right { content: counter(page) "/" counter(pages); '
            'font-family: "Noto Sans", sans-serif; font-weight: bold; font-size: 1rem; } }</style>')


def with_layout(html: str, classes: str, numbered: bool = False) -> str:
    """The poster's HTML with ``classes`` on its body, and its sheets numbered or not."""
    if BODY not in html or "</head>" not in html:
        raise ValueError("a poster's template must have a head and open its body with a plain <body>")
    if numbered:
        html = html.replace("</head>", NUMBERED + "</head>", 1)
    return html.replace(BODY, f'<body class="{classes}">' if classes else BODY, 1)


def is_orphan(count: int) -> bool:
    return count < MIN_WORDS_ON_LAST_SHEET


def fitted(html: str, lay_out: Callable[[str], Laid]) -> bytes:
    """The PDF of a poster laid out so its last sheet is no orphan, numbered when it has several sheets.

    Each layout is made numbered: WeasyPrint sets the margins' numbers once
    the sheets are counted, so a poster that fits one sheet only leaves its
    "1/1" out, and no poster is laid out twice to be numbered.
    """
    for layout in LAYOUTS:
        laid = lay_out(with_layout(html, layout, numbered=True))
        if laid.pages == 1:
            laid.without_margins()
            return laid.pdf()
        if not is_orphan(len(laid.words(-1))):
            break
    return laid.pdf()
