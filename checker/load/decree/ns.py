"""XML namespaces and qualified tag names of WordprocessingML the reader looks at, and how it
reads a number from an attribute."""
from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
W15_NS = "http://schemas.microsoft.com/office/word/2012/wordml"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"

RT_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
RT_CUSTOM_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
RT_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
RT_HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
RT_FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
RT_COMMENTS_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"

CT_DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# Main parts Word writes for .docm, .dotx and .dotm: read as a .docx (macros never read).
CT_DOCUMENT_VARIANTS = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)


def w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


def mc(name: str) -> str:
    return f"{{{MC_NS}}}{name}"


# Tags compared in the walk, computed once.
P, R, T, TBL, TR, TC = w("p"), w("r"), w("t"), w("tbl"), w("tr"), w("tc")
PPR, RPR, TRPR, TCPR, TBLPR, TBLGRID, GRIDCOL = w("pPr"), w("rPr"), w("trPr"), w("tcPr"), w("tblPr"), \
    w("tblGrid"), w("gridCol")
SDT, SDT_CONTENT, CUSTOM_XML = w("sdt"), w("sdtContent"), w("customXml")
HYPERLINK, SMART_TAG, FLD_SIMPLE, DIR, BDO = w("hyperlink"), w("smartTag"), w("fldSimple"), w("dir"), w("bdo")
INS, DEL, MOVE_FROM, MOVE_TO = w("ins"), w("del"), w("moveFrom"), w("moveTo")
DEL_TEXT, INSTR_TEXT = w("delText"), w("instrText")
TAB, PTAB, BR, CR = w("tab"), w("ptab"), w("br"), w("cr")
NO_BREAK_HYPHEN, SOFT_HYPHEN = w("noBreakHyphen"), w("softHyphen")
FLD_CHAR = w("fldChar")
DRAWING, PICT, OBJECT = w("drawing"), w("pict"), w("object")
TXBX_CONTENT = w("txbxContent")
COMMENT_RANGE_START, COMMENT_REFERENCE = w("commentRangeStart"), w("commentReference")
ALTERNATE_CONTENT, CHOICE, FALLBACK = mc("AlternateContent"), mc("Choice"), mc("Fallback")
PSTYLE, NUMPR, NUMID, ILVL, TBLSTYLE = w("pStyle"), w("numPr"), w("numId"), w("ilvl"), w("tblStyle")
GRID_SPAN, VMERGE, HMERGE, GRID_BEFORE, GRID_AFTER = w("gridSpan"), w("vMerge"), w("hMerge"), \
    w("gridBefore"), w("gridAfter")
TBL_BORDERS, TC_BORDERS = w("tblBorders"), w("tcBorders")
VAL, TYPE, ID, AUTHOR, DATE, FLD_CHAR_TYPE = w("val"), w("type"), w("id"), w("author"), w("date"), \
    w("fldCharType")
# a level's w:numFmt written as mc:AlternateContent (numbering.xml)
ALTERNATE_CHOICE_PATH = f"{ALTERNATE_CONTENT}/{CHOICE}/{w('numFmt')}"
FALLBACK_PATH = f"{ALTERNATE_CONTENT}/{FALLBACK}/{w('numFmt')}"


def int_attr(v, default=None):
    """An attribute's value as an integer (w:val, w:start, ...), `default` when it is absent or
    not a number."""
    try:
        return int(v)
    except (TypeError, ValueError):
        return default
