"""What a page offers to send on (a service, a region's list): the message, in the page's language.

Readers pass help on in WhatsApp, Telegram and Viber groups: the message is
short (the service's name, its phone, its addresses and the page's public
address) so that it reads well in a chat. The page shows the system's
share sheet where the browser has one, else plain links
(:class:`~zavazek.site.links.ShareLinks`) and a copy button
(``theme/assets/zavazek-share.js``).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from zavazek.core import placeholders
from zavazek.site.escaping import json_attribute
from zavazek.site.links import Links, ShareLinks, share_message


@dataclass(frozen=True)
class ShareView:
    title: str  # the subject of an e-mail, the title for the share sheet
    text: str  # the message without the address
    url: str | None  # the page's public address (None when the site has none)
    links: ShareLinks
    script: Markup  # {"title", "text", "url", "message"} for the script, as a quoted attribute value


def share(links: Links, title: str, lines) -> ShareView:
    """The page ``links`` is for, sent on as ``lines`` and its public address.

    Empty lines are left out, and so is a line with a text staff have not filled in yet
    (a placeholder, :mod:`zavazek.core.placeholders`): a message must not pass it on.
    """
    title = placeholders.strip_marker(title)
    text = "\n".join(line for line in lines if line and not any(m in line for m in placeholders.MARKERS))
    url = links.absolute()
    return ShareView(title, text, url, links.share(title, text, url),
                     json_attribute({"title": title, "text": text, "url": url, "message": share_message(text, url)}))


def service_lines(name: str, phone: str | None, addresses, fmt) -> list[str]:
    """A service in a few lines: its name, phone and the addresses of its places."""
    return [name, fmt.gettext("Phone: {number}").format(number=phone) if phone else None,
            *(a.one_line() for a in addresses)]
