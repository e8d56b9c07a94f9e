"""A contact as a vCard 3.0 file (RFC 2426), which a phone adds to its contacts when the reader opens it.

Only the writing of the format is here: what a service's or a centre's card
holds is decided in :mod:`zavazek.site.contact_cards`. Text is UTF-8;
lines longer than 75 bytes are folded without splitting a character.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The media type a vCard is served and linked as.
MEDIA_TYPE = "text/vcard"


@dataclass(frozen=True)
class PostalAddress:
    street: str
    city: str
    postcode: str
    country: str = "CZ"


@dataclass(frozen=True)
class Contact:
    """What one card says; ``note`` may hold several lines (the opening hours)."""

    name: str
    organisation: str | None = None
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    addresses: tuple[PostalAddress, ...] = ()
    urls: tuple[str, ...] = ()
    note: str = ""
    geo: tuple[float, float] | None = None  # (latitude, longitude) of the first address


def escape(value: str) -> str:
    """A text value: backslash, comma, semicolon and line breaks escaped (RFC 2426, 4)."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\n").replace("\n", "\\n"))


def fold(line: str, limit: int = 75) -> str:
    """A content line folded to at most ``limit`` bytes per physical line, never inside a character."""
    if len(line) * 4 <= limit or len(line.encode("utf-8")) <= limit:
        return line
    out, current, size = [], [], 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append("".join(current))
            current, size = [" "], 1  # a continuation line starts with one space
        current.append(char)
        size += width
    out.append("".join(current))
    return "\r\n".join(out)


def _distinct(values) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def vcard(contact: Contact) -> bytes:
    """The card as a file's bytes (UTF-8, CRLF line ends)."""
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{escape(contact.name)}", f"N:{escape(contact.name)};;;;"]
    if contact.organisation:
        lines.append(f"ORG:{escape(contact.organisation)}")
    lines += [f"TEL;TYPE=WORK,VOICE:{phone}" for phone in _distinct(contact.phones)]
    lines += [f"EMAIL;TYPE=INTERNET:{email}" for email in _distinct(contact.emails)]
    lines += [f"ADR;TYPE=WORK:;;{escape(a.street)};{escape(a.city)};;{escape(a.postcode)};{a.country}"
              for a in contact.addresses]
    if contact.geo is not None:
        lines.append(f"GEO:{contact.geo[0]};{contact.geo[1]}")
    lines += [f"URL:{url}" for url in _distinct(contact.urls)]
    if contact.note:
        lines.append(f"NOTE:{escape(contact.note)}")
    lines.append("END:VCARD")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")
