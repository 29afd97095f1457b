"""The one XML parser for the parts the reader parses itself (relationships, custom
properties, commentsExtended): entities never resolved, no DTD, no network. DOCTYPE and
ENTITY declarations were already refused while the part was streamed (container.py)."""
from __future__ import annotations

from lxml import etree

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                          remove_comments=False)


# what a malformed part raises (lxml's errors are not ValueError)
ParseError = (etree.LxmlError, ValueError)


def parse(data: bytes):
    """The root element; one of ParseError for malformed XML."""
    return etree.fromstring(data, _PARSER)


def tostring(root) -> bytes:
    """A part written back as Word writes one: UTF-8, with its standalone declaration."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

