"""Reading one rule file: YAML, strictly and with bounds, since a rule base may come from
elsewhere (`--rules DIR`).

The C parser composes the document into nodes (no Python object is built yet and no alias
is expanded); a walk over the nodes then refuses what a rule file never needs and what
could exhaust the checker: aliases (a 700-byte alias bomb expands to millions
of nodes), merge keys, duplicate mapping keys (PyYAML would silently keep the last one),
nesting deeper than MAX_DEPTH and more than MAX_NODES nodes. Only then are the Python
objects built. Raises RuleFileError with the problem; the caller names the file.

The documentation keys (`doc`, `examples`) are split off the text and parsed only when they
are read (`explain`, the rulebook, the examples' tests), with the same checks; a problem
there is then reported by those commands.
"""
from __future__ import annotations

import re

MAX_FILE_BYTES = 1 << 20        # the largest real rule file is about 6 KB
MAX_NODES = 20_000              # the largest real one has about 1,000
MAX_DEPTH = 32                  # the deepest real one nests 7 levels


# Top-level keys only `explain` and the rulebook need: parsed when first asked for, so that
# `check` reads only the rule itself (a third of the text).
DOC_KEYS = ("doc", "examples")
_TOP_KEY_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*):(?:[ \t]|$)")


class RuleFileError(Exception):
    """A rule file that is not acceptable YAML; str() is the problem."""


class Documentation:
    """A rule file's DOC_KEYS, parsed (and checked like the rest) on first use."""

    def __init__(self, text: str | None = None, values: dict | None = None):
        self._text, self._values = text, values

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
    return doc, Documentation(text=tail)


def _split(text: str):
    """(text of the rule's keys, text of its documentation keys), or (text, None) when the
    file is not a plain block mapping whose top-level keys each start a line."""
    chunks, key = {}, None
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
            continue
        else:
            return text, None               # flow style, document markers, anything unusual
    head = "".join("".join(v) for k, v in chunks.items() if k not in DOC_KEYS)
    tail = "".join("".join(v) for k, v in chunks.items() if k in DOC_KEYS)
    return head, tail or None


def read_yaml(data: bytes):
    """The whole document of one rule file (`data`: its bytes)."""
    return _parse(_decode(data))


def _decode(data: bytes) -> str:
    if len(data) > MAX_FILE_BYTES:
        raise RuleFileError(f"the file has {len(data)} bytes; a rule file has at most {MAX_FILE_BYTES}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise RuleFileError(f"not UTF-8: {e}") from None


def _parse(text: str):
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_nodes(yaml, node)
        return loader.construct_document(node)
    except yaml.YAMLError as e:
        raise RuleFileError(f"YAML syntax error: {e}") from None
    finally:
        loader.dispose()


def _check_nodes(yaml, root) -> None:
    seen: set[int] = set()
    todo = [(root, 1)]
    while todo:
        node, depth = todo.pop()
        if id(node) in seen:
            raise RuleFileError(f"line {node.start_mark.line + 1}: YAML aliases (*name) are not allowed in rule files")
        seen.add(id(node))
        if len(seen) > MAX_NODES:
            raise RuleFileError(f"more than {MAX_NODES} YAML nodes; a rule file is far smaller")
        if depth > MAX_DEPTH:
            raise RuleFileError(f"line {node.start_mark.line + 1}: nested deeper than {MAX_DEPTH} levels")
        if isinstance(node, yaml.MappingNode):
            keys: set = set()
            for key, value in node.value:
                if key.tag == "tag:yaml.org,2002:merge":
                    raise RuleFileError(f"line {key.start_mark.line + 1}: YAML merge keys (<<) are not allowed")
                k = (key.tag, key.value) if isinstance(key, yaml.ScalarNode) else id(key)
                if k in keys:
                    raise RuleFileError(f"line {key.start_mark.line + 1}: duplicate key {key.value!r}")
                keys.add(k)
                todo.append((key, depth + 1))
                todo.append((value, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            todo.extend((item, depth + 1) for item in node.value)
