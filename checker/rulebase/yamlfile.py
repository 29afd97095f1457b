"""Reading one rule file: YAML, strictly and with bounds, since a rule base may come from
elsewhere (`--rules DIR`).

The C parser composes the document into nodes (no Python object is built yet and no alias
is expanded); a walk over the nodes then refuses what a rule file never needs and what
could exhaust the checker: aliases (a 700-byte alias bomb expands to millions
of nodes), merge keys, duplicate mapping keys (PyYAML would silently keep the last one),
nesting deeper than MAX_DEPTH and more than MAX_NODES nodes. Only then are the Python
objects built. Raises RuleFileError with the problem; the caller names the file. The
bounds, and the real rules' sizes they were chosen from, are in bounds.py.

The documentation keys (`doc`, `examples`) are split off the text and parsed only when they
are read (`explain`, the rulebook, the examples' tests), with the same checks. So that
`check` and `rules` refuse an alias bomb in `doc` too, the documentation's text is composed
and checked at once whenever it holds something that may be an anchor or an alias (no real
rule's does; the check composes nodes only, which an alias bomb cannot make expensive).
"""
from __future__ import annotations

import re

from checker.rulebase.bounds import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES, MAX_SCALAR_CHARS, Problem
from checker.texts import UserError

# Top-level keys only `explain` and the rulebook need: parsed when first asked for, so that
# `check` reads only the rule itself (a third of the text).
DOC_KEYS = ("doc", "examples")
_TOP_KEY_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*):(?:[ \t]|$)")
# '&' or '*' where YAML could read an anchor or an alias (an over-approximation: also in text).
_MAYBE_ALIAS_RE = re.compile(r"(?:^|[\s\[{,])[&*][^\s,\[\]{}]", re.M)


class RuleFileError(UserError):
    """A rule file that is not acceptable YAML: `problem` is the Problem the caller names the
    file with (RuleBaseError); str() is its English text, message(lang) the user's."""
    PREFIX = "rulefile."

    def __init__(self, key: str, /, **params):
        self.problem = Problem(key, **params)
        super().__init__(key, **params)

    def __reduce__(self):
        return (_rule_file_error, (self.key, self.params))


def _rule_file_error(key: str, params: dict) -> RuleFileError:
    return RuleFileError(key, **params)


class Documentation:
    """A rule file's DOC_KEYS, parsed (and checked like the rest) on first use."""

    def __init__(self, text: str | None = None, values: dict | None = None):
        self._text, self._values = text, values

    @property
    def text(self) -> str | None:
        """The documentation keys' text as the file holds them (None when parsed at once)."""
        return self._text

    @property
    def values(self) -> dict | None:
        """The parsed documentation (None until parsed, when it came as text)."""
        return self._values

    def get(self, key: str):
        if self._values is None:
            doc = _parse(self._text) if self._text else None
            self._values = doc if isinstance(doc, dict) else {}
        return self._values.get(key)


def read_rule_file(data: bytes):
    """(the rule's keys as a mapping, its Documentation) of one rule file."""
    text = _decode(data)
    head, tail = _split(text)
    doc = _parse(head)
    if tail is None and isinstance(doc, dict):
        return {k: v for k, v in doc.items() if k not in DOC_KEYS}, Documentation(values=doc)
    if tail is not None and _MAYBE_ALIAS_RE.search(tail):
        _compose_checked(tail)
    return doc, Documentation(text=tail)


def _split(text: str):
    """(text of the rule's keys, text of its documentation keys), or (text, None) when the
    file is not a plain block mapping whose top-level keys each start a line."""
    chunks, key, doc_lines = {}, None, []
    for line in text.splitlines(keepends=True):
        m = _TOP_KEY_RE.match(line)
        if m:
            key = m.group(1)
            if key in chunks:
                return text, None           # a duplicate key: the full parse reports it
            chunks[key] = [line]
        elif key is not None and (not line.strip() or line[0] in " \t#"):
            chunks[key].append(line)
        elif key is None and (not line.strip() or line.startswith("#")):
            doc_lines.append("\n")
            continue
        else:
            return text, None               # flow style, document markers, anything unusual
        # The documentation's text keeps every other line as an empty one, so that the line
        # numbers of its problems are the file's.
        doc_lines.append(line if key in DOC_KEYS else "\n")
    head = "".join("".join(v) for k, v in chunks.items() if k not in DOC_KEYS)
    has_doc = any(k in DOC_KEYS for k in chunks)
    return head, "".join(doc_lines) if has_doc else None


def read_yaml(data: bytes):
    """The whole document of one rule file (`data`: its bytes)."""
    return _parse(_decode(data))


def _decode(data: bytes) -> str:
    if len(data) > MAX_FILE_BYTES:
        raise RuleFileError("too_big", n=len(data), max=MAX_FILE_BYTES)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise RuleFileError("not_utf8", detail=str(e)) from None


def _parse(text: str, construct: bool = True):
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_nodes(yaml, node)
        return loader.construct_document(node) if construct else None
    except yaml.YAMLError as e:
        raise RuleFileError("syntax", detail=str(e)) from None
    finally:
        loader.dispose()


def _compose_checked(text: str) -> None:
    """The checks of _parse on `text`, without building its Python objects."""
    _parse(text, construct=False)


def _check_nodes(yaml, root) -> None:
    seen: set[int] = set()
    todo = [(root, 1)]
    while todo:
        node, depth = todo.pop()
        line = node.start_mark.line + 1
        if id(node) in seen:
            raise RuleFileError("alias", line=line)
        seen.add(id(node))
        if len(seen) > MAX_NODES:
            raise RuleFileError("nodes", max=MAX_NODES)
        if depth > MAX_DEPTH:
            raise RuleFileError("depth", line=line, max=MAX_DEPTH)
        if isinstance(node, yaml.ScalarNode) and len(node.value) > MAX_SCALAR_CHARS:
            raise RuleFileError("scalar", line=line, n=len(node.value), max=MAX_SCALAR_CHARS)
        if isinstance(node, yaml.MappingNode):
            keys: set = set()
            for key, value in node.value:
                if key.tag == "tag:yaml.org,2002:merge":
                    raise RuleFileError("merge", line=key.start_mark.line + 1)
                k = (key.tag, key.value) if isinstance(key, yaml.ScalarNode) else id(key)
                if k in keys:
                    raise RuleFileError("duplicate", line=key.start_mark.line + 1, name=repr(key.value))
                keys.add(k)
                todo.append((key, depth + 1))
                todo.append((value, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            todo.extend((item, depth + 1) for item in node.value)
