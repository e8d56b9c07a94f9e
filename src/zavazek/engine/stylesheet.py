"""Material's stylesheet reduced to the rules the site's markup can use (part of the theme adapter).

Material's ``main.*.min.css`` styles every component it has (search, tabs,
admonitions, code, right-to-left text …): 23 kB gzip, most of it for markup
the site never has. :class:`Vocabulary` collects the classes, ids and
attributes of the pages as they are rendered, and :func:`reduce` keeps a
selector only if every class, id and attribute it requires occurs in them
(and an attribute selector's value, for ``=``). Element names, pseudo-classes
and whatever stands inside ``:not()``, ``:is()`` and the like are not
checked, so a rule is never dropped for those; custom properties
(``--md-…``) that no kept rule uses are dropped too.

Nothing here imports the site engine; :mod:`zavazek.engine.plugin` feeds it.

The pages written from shells are read while the engine renders the others
(:func:`read_in_child`): ten thousand bodies at national scale, a second and
a half of a core.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import tinycss2

from zavazek.site import kept, parallel
from zavazek.site.fingerprint import code_fingerprint

_TAG = re.compile(r"<[a-zA-Z][^>]*>")
_ATTRIBUTE = re.compile(r"""\s([a-zA-Z_:][-\w:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_VAR = re.compile(r"var\(\s*(--[-\w]+)")

#: Attributes the site's own scripts set after the page loaded (zavazek-*.js).
SCRIPTED_ATTRIBUTES = {"hidden": set(), "role": {"button"}, "tabindex": {"0"}, "aria-expanded": {"true", "false"}}


class Vocabulary:
    """The classes, ids and attributes (with their values) that occur in some pages."""

    def __init__(self):
        self.attributes: dict[str, set[str]] = defaultdict(set)
        for name, values in SCRIPTED_ATTRIBUTES.items():
            self.attributes[name] |= values
        self._tags: set[str] = set()  # the start tags read so far: the pages of a site repeat most of them

    def add_html(self, html: str) -> None:
        attributes, read = self.attributes, self._tags
        for tag in set(_TAG.findall(html)) - read:
            read.add(tag)
            for name, double, single, bare in _ATTRIBUTE.findall(tag[1:]):
                attributes[name.lower()].add(double or single or bare)

    def forget_tags_read(self) -> None:
        """Forget which start tags were read (what they held stays): a smaller object to send."""
        self._tags = set()

    def merge(self, other: "Vocabulary") -> None:
        """Add what ``other`` holds (read from other pages, e.g. in a child process)."""
        for name, values in other.attributes.items():
            self.attributes[name] |= values

    def fingerprint(self) -> str:
        """A digest of what it holds (the same for the same classes, ids and attributes, read in any order)."""
        digest = hashlib.sha256()
        for name in sorted(self.attributes):
            digest.update(repr((name, sorted(self.attributes[name]))).encode())
        return digest.hexdigest()

    @property
    def size(self) -> int:
        """How many (attribute, value) pairs it holds: it only grows, so an equal size is the same vocabulary."""
        return sum(len(values) for values in self.attributes.values())

    def has_class(self, name: str) -> bool:
        return name in self.classes

    @property
    def classes(self) -> set[str]:
        values = self.attributes.get("class", ())  # read without adding the name: an attribute listed is present
        if getattr(self, "_classes_from", None) != len(values):
            self._classes = {c for value in values for c in value.split()}
            self._classes_from = len(values)
        return self._classes


def reduce(css: str, vocabulary: Vocabulary, other_css: str = "") -> str:
    """``css`` without the rules no page can match; ``other_css`` (loaded beside it) may use its variables."""
    rules = _kept(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True), vocabulary)
    used = _used_variables(rules, other_css)
    return "".join(_serialize(rule, used) for rule in rules)


#: The last reduced stylesheet, in the provider's folder: its key on the first line, then the stylesheet.
KEPT = ".zavazek/cache/reduced-stylesheet.css"


def reduce_kept(css: str, vocabulary: Vocabulary, other_css: str, folder: Path) -> str:
    """:func:`reduce`, read from the last build's (``folder`` / :data:`KEPT`) when made from the same
    stylesheets, vocabulary and code: the next build of unchanged pages need not parse Material's
    stylesheet again (a third of a second)."""
    key = hashlib.sha256("\0".join((code_fingerprint(), version("tinycss2"), css, other_css,
                                      vocabulary.fingerprint())).encode()).hexdigest()
    path = folder / KEPT
    try:
        first, _, reduced = path.read_text(encoding="utf-8").partition("\n")
        if first == key:
            return reduced
    except (OSError, UnicodeDecodeError):
        pass
    reduced = reduce(css, vocabulary, other_css)
    with contextlib.suppress(OSError):  # kept for speed only: the next build reduces it again
        kept.write_whole(path, lambda out: out.write(f"{key}\n{reduced}".encode()))
    return reduced


#: The stylesheet's address while the pages are rendered: its name is known only once every
#: page is (it is named after its content), and is then put in (:func:`put_name`).
PENDING = "assets/stylesheets/zavazek-material.pending.min.css"


def name_of(css: str) -> str:
    """The stylesheet's address, named after its content: a browser never keeps a copy missing a rule,
    and a build that changes no rule leaves every page's link, and so every page, as it was."""
    return f"assets/stylesheets/zavazek-material.{hashlib.sha256(css.encode()).hexdigest()[:10]}.min.css"


def put_name(html: str, name: str, previous: str | None = None) -> str:
    """``html`` linking to the stylesheet ``name`` instead of :data:`PENDING` (or the ``previous`` name)."""
    pending, new = PENDING.rpartition("/")[2], name.rpartition("/")[2]
    html = html.replace(pending, new)
    return html.replace(previous.rpartition("/")[2], new) if previous and previous != name else html


def _kept(rules, vocabulary: Vocabulary) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in _split(rule.prelude) if _can_match(s, vocabulary)]
            if selectors:
                kept.append((selectors, rule))
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
            inner = _kept(tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True), vocabulary)
            if inner:
                kept.append((inner, rule))
        elif rule.type == "at-rule":
            kept.append((None, rule))
    return kept


def _split(prelude) -> list[list]:
    selectors, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append(current)
            current = []
        else:
            current.append(token)
    selectors.append(current)
    return [_strip(s) for s in selectors if _strip(s)]


def _strip(tokens: list) -> list:
    while tokens and tokens[0].type == "whitespace":
        tokens = tokens[1:]
    while tokens and tokens[-1].type == "whitespace":
        tokens = tokens[:-1]
    return tokens


def _can_match(selector: list, vocabulary: Vocabulary) -> bool:
    for i, token in enumerate(selector):
        if token.type == "literal" and token.value == "." and i + 1 < len(selector):
            following = selector[i + 1]
            if following.type == "ident" and not vocabulary.has_class(following.value):
                return False
        elif token.type == "hash" and token.is_identifier:
            if token.value not in vocabulary.attributes.get("id", ()):
                return False
        elif token.type == "[] block" and not _attribute_can_match(token.content, vocabulary):
            return False
    return True


def _attribute_can_match(content: list, vocabulary: Vocabulary) -> bool:
    tokens = [t for t in content if t.type != "whitespace"]
    if not tokens or tokens[0].type != "ident":
        return True
    name = tokens[0].lower_value
    if name not in vocabulary.attributes:
        return False
    operator = tokens[1] if len(tokens) > 2 else None
    if operator is not None and operator.type == "literal" and operator.value == "=":
        value = tokens[2]
        if value.type in ("ident", "string") and not (len(tokens) > 3 and tokens[3].type == "ident"):  # no [a=b i]
            return value.value in vocabulary.attributes[name]
    return True


def _declarations(rule) -> list:
    return [d for d in tinycss2.parse_declaration_list(rule.content, skip_whitespace=True, skip_comments=True)
            if d.type == "declaration"]


def _used_variables(rules, other_css: str) -> set[str]:
    """Custom properties that some kept declaration uses, directly or through another variable."""
    defined: dict[str, list[str]] = defaultdict(list)
    used = set(_VAR.findall(other_css))

    def walk(kept):
        for inner, rule in kept:
            if rule.type == "at-rule":
                if inner:
                    walk(inner)
                elif rule.content is not None:
                    used.update(_VAR.findall(tinycss2.serialize(rule.content)))
                continue
            for declaration in _declarations(rule):
                value = tinycss2.serialize(declaration.value)
                if declaration.name.startswith("--"):
                    defined[declaration.name].append(value)
                else:
                    used.update(_VAR.findall(value))

    walk(rules)
    pending = list(used)
    while pending:
        for value in defined.get(pending.pop(), []):
            for name in _VAR.findall(value):
                if name not in used:
                    used.add(name)
                    pending.append(name)
    return used


def _serialize(item, used: set[str]) -> str:
    inner, rule = item
    if rule.type == "at-rule":
        if inner is None:
            return tinycss2.serialize([rule])
        body = "".join(_serialize(i, used) for i in inner)
        if not body:
            return ""
        return f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{body}}}"
    declarations = [
        f"{d.name}:{tinycss2.serialize(d.value).strip()}{'!important' if d.important else ''}"
        for d in _declarations(rule)
        if not d.name.startswith("--") or d.name in used
    ]
    if not declarations:
        return ""
    return ",".join(tinycss2.serialize(s) for s in inner) + "{" + ";".join(declarations) + "}"


def read_in_child(bodies: list[str], seen: set[int]):
    """Start reading the ``bodies`` whose hash is not in ``seen``, in a child process (none if every body
    was seen); the returned :class:`~zavazek.site.parallel.Pending` gives (their vocabulary, their hashes)."""
    unseen: dict[int, str] = {}
    for body in bodies:
        key = hash(body)  # kept by the string: the next build of a preview hashes only new bodies
        if key not in seen:
            unseen.setdefault(key, body)
    if not unseen:
        return parallel.done((Vocabulary(), set()))

    def read() -> tuple[Vocabulary, set[int]]:
        vocabulary = Vocabulary()
        for body in unseen.values():
            vocabulary.add_html(body)
        vocabulary.forget_tags_read()  # not worth sending back
        return vocabulary, set(unseen)

    return parallel.in_child(read)
