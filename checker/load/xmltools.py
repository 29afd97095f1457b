"""Small XML parts of a workbook archive, parsed safely."""
from __future__ import annotations


def xml_root(data: bytes):
    """ElementTree root of a small XML part (DOCTYPE already refused; defusedxml when
    installed, as a second fence)."""
    try:
        from defusedxml.ElementTree import fromstring
    except ImportError:  # pragma: no cover
        from xml.etree.ElementTree import fromstring
    return fromstring(data)


def local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
