"""Writes Word drafts of an SK pembentukan Pokja (decree-format.md): realistic drafts in the
layouts units use, and the pieces of smaller documents. The sample drafts are written with it
(samples/make_drafts.py), and so are the tests' drafts (tests/decree_kit.py adds the rule
base's example unit and small decrees around one construct). Standard library and python-docx
only; nothing here imports the checker or the tests.

Three levels, each usable alone:

1. **WordprocessingML pieces** (strings): `p()`, `run()`, `tbl()`/`tr()`/`tc()`, `ins()`,
   `dele()`, `move_from()`/`move_to()`, `sdt_block()`/`sdt_run()`, `textbox()`,
   `fld_simple()`/`fld_complex()`, `hyperlink()`, `smart_tag()`, `commented()`, `br()`,
   `tab()`. Text given as a str is escaped into a run; `X("<w:...>")` is raw XML.

       body = p("KEPUTUSAN") + tbl([tr(tc(p("No")), tc(p("Nama"), span=2))], borders=False)

2. **A package**: `build_docx(body, numbering=Numbering(), comments=[...], headers=[...],
   footers=[...], properties={...}, macro=False) -> bytes` writes a .docx through
   python-docx (its default template with the styles in use: `template()`; settings, theme,
   fonts, docProps, customXml and a thumbnail as Word writes them) with the body,
   numbering definitions, comments (+ commentsExtended done flags), headers/footers and
   custom document properties given. `rezip(data, {name: bytes | None})` edits members of a
   finished zip (hostile files); `as_docm(data)` makes a .docm of it.

       nb = Numbering(); n = nb.list("lowerLetter")       # a fresh list: its numId
       data = build_docx(p("a", num=(n, 0)) + p("b", num=(n, 0)), numbering=nb)

3. **A whole draft**: `SkDraft` describes a decree (title, number, subject, Menimbang,
   Mengingat, Pokja with their tasks, targets and members, signature) and how it is laid
   out; `.to_bytes()`, `.write(path)`. Its defaults are the rule base's example unit's
   (rules/_example_base.yaml: Asisten Deputi Contoh Kebijakan).

   Layout switches (SkDraft fields):
   - `diktum`: "paragraphs" | "table" (a borderless `KESATU | : | text` table) |
     "content_controls" (each diktum in a block-level content control)
   - `lampiran`: "per_pokja" (one member table per Pokja under an `A. Pokja ...` heading) |
     "single" (one table: a `PENGARAH` section with the common Pengarah, then a section row per
     Pokja)
   - `nama_nip`: "one_cell" (`Nama\\nNIP ...` in one cell) | "columns" (a NIP column)
   - `merged_pengarah`: the Pengarah rows' Kedudukan is one vertically merged cell
   - `numbering`: "word" (Word auto-numbering for diktum items and uraian tugas items) |
     "typed" (`a.`, `1.` typed in the text)
   - `header_rows`: 1 | 2 (a `Penugasan` cell over `Uraian Tugas | Output`)
   - `column_numbers`: a `(1) (2) ...` row under the header
   - `targets`: "items" (the target diktum's items name each Pokja) | "table" (a nested table
     `No | Pokja | Target Kinerja` in the target diktum)
   - `signature_table`: the signature block in a borderless two-column table
   - `lampiran_header`: "paragraphs" | "table" (a borderless box) | "text_box"
   - `lampiran_signature`: a second signature block at the end of the Lampiran
   - `revisions`: tracked changes (an insertion and a deletion in diktum KEDUA, a deleted
     paragraph, an insertion in the header)
   - `comments`: `KitComment`s anchored on a diktum (by ordinal), "title" or "lampiran"
   Content switches: `number`, `date`, `place`, `instrument`, `issuer_lines`, `office`,
   `office_lines` (the signature's, e.g. an a.n. block), `ttd`, `signer`, `signer_nip`,
   `pokja` (PokjaSpec list), `pengarah` (the Pengarah of every Pokja), `menimbang`,
   `mengingat`, `subject`, `term` (the period diktum). `draft.copy(**changes)` copies.
"""
from __future__ import annotations

import copy
import functools
import io
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
    'mc:Ignorable="w14 w15 wps"'
)
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
CT_COMMENTS_EX = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"
CT_HEADER = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
CT_FOOTER = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
CT_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CT_DOCM = "application/vnd.ms-word.document.macroEnabled.main+xml"
CT_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_COMMENTS_EX = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
AUTHOR, DATE = "Biro Hukum", "2025-01-10T09:00:00Z"


# ============================================================================ pieces

class X(str):
    """Raw WordprocessingML, inserted as it is."""


def _inline(content) -> str:
    return "".join(c if isinstance(c, X) else run(c) for c in content if c is not None and c != "")


def run(text: str, *, bold: bool = False) -> X:
    """A run; "\\n" in the text is a line break (w:br), "\\t" a tab."""
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    parts = []
    for i, line in enumerate(text.split("\n")):
        if i:
            parts.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if chunk:
                parts.append(f'<w:t xml:space="preserve">{escape(chunk)}</w:t>')
    return X(f"<w:r>{rpr}{''.join(parts)}</w:r>")


def br(kind: str | None = None) -> X:
    return X(f'<w:r><w:br w:type="{kind}"/></w:r>' if kind else "<w:r><w:br/></w:r>")


def tab() -> X:
    return X("<w:r><w:tab/></w:r>")


def p(*content, style: str | None = None, num: tuple | None = None, jc: str | None = None,
      mark_deleted: bool = False, mark_inserted: bool = False) -> X:
    """A paragraph. `num`: (numId, ilvl) of Word's numbering; `mark_deleted`: its paragraph
    mark is a tracked deletion (the paragraph joins the next one when accepted)."""
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    if mark_deleted or mark_inserted:
        tag = "del" if mark_deleted else "ins"
        ppr += f'<w:rPr><w:{tag} w:id="900" w:author="{AUTHOR}" w:date="{DATE}"/></w:rPr>'
    return X(f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{_inline(content)}</w:p>")


_rev_id = [1000]


def _rid() -> int:
    _rev_id[0] += 1
    return _rev_id[0]


def ins(*content, author: str = AUTHOR, date: str = DATE) -> X:
    return X(f'<w:ins w:id="{_rid()}" w:author={quoteattr(author)} w:date="{date}">{_inline(content)}</w:ins>')


def dele(text: str, author: str = AUTHOR, date: str = DATE) -> X:
    return X(f'<w:del w:id="{_rid()}" w:author={quoteattr(author)} w:date="{date}"><w:r>'
             f'<w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>')


def move_from(text: str, author: str = AUTHOR) -> X:
    return X(f'<w:moveFrom w:id="{_rid()}" w:author={quoteattr(author)} w:date="{DATE}"><w:r>'
             f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:moveFrom>')


def move_to(*content, author: str = AUTHOR) -> X:
    return X(f'<w:moveTo w:id="{_rid()}" w:author={quoteattr(author)} w:date="{DATE}">{_inline(content)}</w:moveTo>')


def sdt_run(*content, tag: str = "isian") -> X:
    return X(f'<w:sdt><w:sdtPr><w:tag w:val="{tag}"/></w:sdtPr><w:sdtContent>{_inline(content)}</w:sdtContent></w:sdt>')


def sdt_block(*blocks, tag: str = "bagian") -> X:
    """A block-, row- or cell-level content control around paragraphs/tables, rows or cells."""
    return X(f'<w:sdt><w:sdtPr><w:tag w:val="{tag}"/></w:sdtPr><w:sdtContent>{"".join(blocks)}</w:sdtContent>'
             f'</w:sdt>')


def hyperlink(text: str) -> X:
    return X(f'<w:hyperlink w:anchor="x">{run(text)}</w:hyperlink>')


def smart_tag(text: str) -> X:
    return X(f'<w:smartTag w:uri="urn:x" w:element="place">{run(text)}</w:smartTag>')


def fld_simple(instr: str, result: str) -> X:
    return X(f'<w:fldSimple w:instr={quoteattr(instr)}>{run(result)}</w:fldSimple>')


def fld_complex(instr: str, result: str) -> X:
    return X('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
             f'<w:r><w:instrText xml:space="preserve">{escape(instr)}</w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
             f'{run(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def textbox(*paras: str, fallback: str | None = None) -> X:
    """A run holding a text box as Word saves it: mc:Choice (DrawingML) and mc:Fallback (VML),
    both with the same paragraphs unless `fallback` (raw paragraphs) is given."""
    body = "".join(paras)
    fb = body if fallback is None else fallback
    return X('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" '
             'distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" '
             'allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0'
             '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>'
             '</wp:positionV><wp:extent cx="2000000" cy="800000"/><wp:wrapNone/><wp:docPr id="1" name="Kotak"/>'
             '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
             f'<wps:wsp><wps:txbx><w:txbxContent>{body}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>'
             '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
             f'<v:shape><v:textbox><w:txbxContent>{fb}</w:txbxContent></v:textbox></v:shape></w:pict>'
             '</mc:Fallback></mc:AlternateContent></w:r>')


def commented(cid: int, *content) -> X:
    """Content with comment `cid` anchored on it (range start, end and the reference run)."""
    return X(f'<w:commentRangeStart w:id="{cid}"/>{_inline(content)}<w:commentRangeEnd w:id="{cid}"/>'
             f'<w:r><w:commentReference w:id="{cid}"/></w:r>')


def tc(*blocks, span: int = 1, vmerge: str | None = None, hmerge: str | None = None, width: int = 1500) -> X:
    """A cell; its blocks are paragraphs (str: one paragraph) or tables. `vmerge`: "restart"
    or "continue"; `hmerge` likewise (legacy)."""
    pr = f'<w:tcW w:w="{width * span}" w:type="dxa"/>'
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if hmerge:
        pr += '<w:hMerge w:val="restart"/>' if hmerge == "restart" else "<w:hMerge/>"
    if vmerge:
        pr += '<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>"
    inner = "".join(b if isinstance(b, X) else p(b) for b in blocks) or p()
    if not inner.rstrip().endswith("</w:p>"):
        inner += p()                       # Word ends every cell with a paragraph
    return X(f"<w:tc><w:tcPr>{pr}</w:tcPr>{inner}</w:tc>")


def tr(*cells, before: int = 0, after: int = 0, deleted: bool = False, inserted: bool = False,
       header: bool = False) -> X:
    pr = ""
    if before:
        pr += f'<w:gridBefore w:val="{before}"/>'
    if after:
        pr += f'<w:gridAfter w:val="{after}"/>'
    if header:
        pr += "<w:tblHeader/>"
    if deleted:
        pr += f'<w:del w:id="{_rid()}" w:author="{AUTHOR}" w:date="{DATE}"/>'
    if inserted:
        pr += f'<w:ins w:id="{_rid()}" w:author="{AUTHOR}" w:date="{DATE}"/>'
    cells_xml = "".join(c if isinstance(c, X) else tc(c) for c in cells)
    return X(f"<w:tr>{'<w:trPr>' + pr + '</w:trPr>' if pr else ''}{cells_xml}</w:tr>")


_NO_BORDERS = ("<w:tblBorders>" + "".join(f'<w:{s} w:val="nil"/>' for s in
                                           ("top", "left", "bottom", "right", "insideH", "insideV"))
               + "</w:tblBorders>")


def tbl(rows, *, cols: int | None = None, borders: bool = True, widths: list[int] | None = None) -> X:
    """A table of `rows` (tr() strings, or lists of cells). Bordered tables use Word's "Table
    Grid" style; borderless ones set every border to nil, as Word's "No Border" does."""
    rows_xml = [r if isinstance(r, X) else tr(*r) for r in rows]
    n = cols or max((r.count("<w:tc>") for r in rows_xml), default=1)
    widths = widths or [1500] * n
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    pr = ('<w:tblStyle w:val="TableGrid"/>' if borders else "") + '<w:tblW w:w="0" w:type="auto"/>' \
        + ("" if borders else _NO_BORDERS)
    return X(f"<w:tbl><w:tblPr>{pr}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows_xml)}</w:tbl>")


# ============================================================================ numbering

class Numbering:
    """Numbering definitions for build_docx. `list(fmt, text)` adds an abstract numbering with
    one level format per level (fmt: a w:numFmt or a list of them; text: the level texts) and
    returns a fresh numId; `restart(num_id)` a new numId continuing the same abstract
    numbering but restarting at `start` (w:lvlOverride/w:startOverride); `raw` adds XML."""

    def __init__(self):
        self._abstract: list[str] = []
        self._nums: list[str] = []
        self._by_num: dict[int, int] = {}
        self.raw = ""

    def abstract(self, fmts, texts=None, starts=None, extra: dict | None = None) -> int:
        fmts = [fmts] if isinstance(fmts, str) else list(fmts)
        texts = texts or [f"%{i + 1}." for i in range(len(fmts))]
        texts = [texts] if isinstance(texts, str) else list(texts)
        starts = starts or [1] * len(fmts)
        aid = len(self._abstract) + 1
        levels = ""
        for i, (f, t, s) in enumerate(zip(fmts, texts, starts)):
            more = (extra or {}).get(i, "")
            levels += (f'<w:lvl w:ilvl="{i}"><w:start w:val="{s}"/><w:numFmt w:val="{f}"/>{more}'
                       f'<w:lvlText w:val={quoteattr(t)}/><w:lvlJc w:val="left"/>'
                       f'<w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>')
        self._abstract.append(f'<w:abstractNum w:abstractNumId="{aid}"><w:multiLevelType w:val="hybridMultilevel"/>'
                              f'{levels}</w:abstractNum>')
        return aid

    def num(self, abstract_id: int, overrides: dict[int, int] | None = None) -> int:
        nid = len(self._nums) + 1
        ov = "".join(f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{s}"/></w:lvlOverride>'
                     for i, s in (overrides or {}).items())
        self._nums.append(f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{abstract_id}"/>{ov}</w:num>')
        self._by_num[nid] = abstract_id
        return nid

    def list(self, fmts="decimal", texts=None, starts=None) -> int:
        return self.num(self.abstract(fmts, texts, starts))

    def restart(self, num_id: int, start: int = 1, level: int = 0) -> int:
        return self.num(self._by_num[num_id], {level: start})

    def xml(self) -> str:
        return "".join(self._abstract) + self.raw + "".join(self._nums)


# ============================================================================ package

@dataclass
class KitComment:
    """A comment: its id (as used in commented()), text, author, and whether it is marked done.
    For SkDraft, `anchor` names where it goes: a diktum ordinal, "title" or "lampiran"."""
    cid: int
    text: str
    author: str = AUTHOR
    done: bool = False
    anchor: str = "KESATU"
    parent: int | None = None       # a reply to comment `parent`


def _para_id(cid: int) -> str:
    return f"{0x10000000 + cid:08X}"


def comments_xml(comments) -> tuple[bytes, bytes]:
    body = "".join(
        f'<w:comment w:id="{c.cid}" w:author={quoteattr(c.author)} w:date="{DATE}" w:initials="BH">'
        f'<w:p w14:paraId="{_para_id(c.cid)}" w14:textId="77777777">{run(c.text)}</w:p></w:comment>'
        for c in comments)
    ex = "".join(
        f'<w15:commentEx w15:paraId="{_para_id(c.cid)}" w15:done="{1 if c.done else 0}"'
        + (f' w15:paraIdParent="{_para_id(c.parent)}"' if c.parent is not None else "") + "/>"
        for c in comments)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments {NSDECL}>{body}</w:comments>'
            .encode(), f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx {NSDECL}>{ex}'
            '</w15:commentsEx>'.encode())


def custom_xml(properties: dict) -> bytes:
    props = "".join(f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{i + 2}" '
                    f'name={quoteattr(k)}><vt:lpwstr>{escape(str(v))}</vt:lpwstr></property>'
                    for i, (k, v) in enumerate(properties.items()))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.'
            'openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.'
            f'org/officeDocument/2006/docPropsVTypes">{props}</Properties>').encode()


# Styles a draft uses, kept from python-docx's template (it carries all 164 of Word 2010's
# built-in styles, 350 KB; a document Word saves today holds the styles it uses).
_KEEP_STYLES = ("Normal", "DefaultParagraphFont", "TableNormal", "NoList", "TableGrid", "ListParagraph", "Header",
                "Footer", "HeaderChar", "FooterChar", "Heading1", "Heading1Char", "Title", "TitleChar", "ListNumber",
                "ListBullet")


@functools.lru_cache(maxsize=1)
def template() -> bytes:
    """python-docx's default template as Word saves such a document today: only the styles in
    use, no stylesWithEffects part (Word 2010's), the rest unchanged."""
    import os
    import re

    import docx
    path = os.path.join(os.path.dirname(docx.__file__), "templates", "default.docx")
    data = Path(path).read_bytes()
    z = zipfile.ZipFile(io.BytesIO(data))
    styles = z.read("word/styles.xml").decode()
    head, _, rest = styles.partition("<w:style ")
    body = "<w:style " + rest[: rest.rindex("</w:styles>")]
    kept = [m.group(0) for m in re.finditer(r"<w:style [^>]*>.*?</w:style>", body, re.S)
            if re.search(r'w:styleId="([^"]+)"', m.group(0)).group(1) in _KEEP_STYLES]
    rels = z.read("word/_rels/document.xml.rels").decode()
    rels = re.sub(r"<Relationship [^>]*stylesWithEffects[^>]*/>\s*", "", rels)
    ct = re.sub(r"<Override [^>]*stylesWithEffects[^>]*/>\s*", "", z.read("[Content_Types].xml").decode())
    return rezip(data, {"word/styles.xml": (head + "".join(kept) + "</w:styles>").encode(),
                        "word/stylesWithEffects.xml": None, "word/_rels/document.xml.rels": rels.encode(),
                        "[Content_Types].xml": ct.encode()})


def build_docx(body: str, *, numbering: Numbering | None = None, comments=(), headers=(), footers=(),
               properties: dict | None = None, macro: bool = False) -> bytes:
    """A .docx (a .docm with `macro`) whose body is `body` (paragraphs and tables), written by
    python-docx from its default template (template())."""
    import docx
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    doc = docx.Document(io.BytesIO(template()))
    body_el = doc.element.body
    sect = body_el.find(f"{{{W_NS}}}sectPr")
    for child in list(body_el):
        if child is not sect:
            body_el.remove(child)
    for el in parse_xml(f"<w:body {NSDECL}>{body}</w:body>"):
        sect.addprevious(el)
    if numbering is not None:
        num_el = doc.part.numbering_part.element
        for child in list(num_el):
            num_el.remove(child)
        for el in parse_xml(f"<w:numbering {NSDECL}>{numbering.xml()}</w:numbering>"):
            num_el.append(el)
    pkg = doc.part.package
    if comments:
        c_xml, ex_xml = comments_xml(comments)
        doc.part.relate_to(Part(PackURI("/word/comments.xml"), CT_COMMENTS, c_xml, pkg), RT + "comments")
        doc.part.relate_to(Part(PackURI("/word/commentsExtended.xml"), CT_COMMENTS_EX, ex_xml, pkg), RT_COMMENTS_EX)
    for kind, items, ct in (("header", headers, CT_HEADER), ("footer", footers, CT_FOOTER)):
        for i, content in enumerate(items, 1):
            tag = "hdr" if kind == "header" else "ftr"
            xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{tag} {NSDECL}>{content}</w:{tag}>'
            rid = doc.part.relate_to(Part(PackURI(f"/word/{kind}{i}.xml"), ct, xml.encode(), pkg), RT + kind)
            ref = parse_xml(f'<w:{kind}Reference {NSDECL} w:type="{"default" if i == 1 else "first"}" '
                            f'r:id="{rid}"/>')
            sect.insert(0, ref)
    if properties:
        pkg.relate_to(Part(PackURI("/docProps/custom.xml"), CT_CUSTOM, custom_xml(properties), pkg),
                      RT + "custom-properties")
    out = io.BytesIO()
    doc.save(out)
    data = out.getvalue()
    if macro:
        data = as_docm(data)
    return data


def rezip(data: bytes, changes: dict[str, bytes | None], compression=zipfile.ZIP_DEFLATED) -> bytes:
    """The zip with members replaced (bytes), removed (None) or added."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as zf:
        for info in src.infolist():
            if info.filename in changes:
                if changes[info.filename] is not None:
                    zf.writestr(info.filename, changes[info.filename])
                continue
            zf.writestr(info.filename, src.read(info))
        for name, blob in changes.items():
            if blob is not None and name not in src.namelist():
                zf.writestr(name, blob)
    return out.getvalue()


def as_docm(data: bytes) -> bytes:
    """The .docx `data` as a .docm: its main part's content type and a VBA project part."""
    zf = zipfile.ZipFile(io.BytesIO(data))
    ct = zf.read("[Content_Types].xml").decode().replace(CT_DOCX, CT_DOCM)
    ct = ct.replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
                    "</Types>")
    rels = zf.read("word/_rels/document.xml.rels").decode().replace(
        "</Relationships>", '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/'
        'vbaProject" Target="vbaProject.bin"/></Relationships>')
    return rezip(data, {"[Content_Types].xml": ct.encode(), "word/_rels/document.xml.rels": rels.encode(),
                        "word/vbaProject.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504})


def write(path, data: bytes) -> Path:
    path = Path(path)
    path.write_bytes(data)
    return path


# ============================================================================ whole drafts

@dataclass
class Person:
    name: str
    nip: str = ""                 # as written ("19750312 200003 1 001"); "" for none
    jabatan: str = ""
    kedudukan: str = "Anggota"
    uraian_tugas: list[str] = field(default_factory=list)
    output: list[str] = field(default_factory=list)
    id_pegawai: str = ""          # written in brackets after the name: "Andi Saputra (PPNPN-01)"


@dataclass
class PokjaSpec:
    name: str                     # as the decree writes it, with its Pokja word
    task: str
    targets: list[str]
    members: list[Person]         # Ketua and Anggota (the Pengarah are SkDraft.pengarah)
    code: str = ""                # written after the name where the decree forms it: "Pokja Kopi, Kakao (PB-02)"


@dataclass
class SkDraft:
    instrument: str = "KEPUTUSAN"
    issuer_lines: list[str] = field(default_factory=lambda: ["ASISTEN DEPUTI CONTOH KEBIJAKAN",
                                                             "KEMENTERIAN KOORDINATOR BIDANG PEREKONOMIAN"])
    number: str = "KEP-12/D.9.1/01/2025"
    subject: list[str] = field(default_factory=lambda: [
        "PEMBENTUKAN KELOMPOK KERJA DI LINGKUNGAN", "ASISTEN DEPUTI CONTOH KEBIJAKAN TAHUN 2025"])
    office: str = "ASISTEN DEPUTI CONTOH KEBIJAKAN"
    menimbang: list[str] = field(default_factory=lambda: [
        "bahwa untuk mencapai target kinerja Asisten Deputi Contoh Kebijakan Tahun 2025 perlu dibentuk "
        "kelompok kerja;",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan Asisten "
        "Deputi Contoh Kebijakan tentang Pembentukan Kelompok Kerja di Lingkungan Asisten Deputi Contoh "
        "Kebijakan Tahun 2025;"])
    mengingat: list[str] = field(default_factory=lambda: [
        "Peraturan Presiden Nomor 140 Tahun 2024 tentang Kementerian Koordinator Bidang Perekonomian;",
        "Peraturan Menteri Koordinator Bidang Perekonomian Nomor 1 Tahun 2025 tentang Mekanisme Kerja pada "
        "Kementerian Koordinator Bidang Perekonomian;"])
    pokja: list[PokjaSpec] = field(default_factory=list)
    pengarah: list[Person] = field(default_factory=list)
    term: str = ("Keputusan ini mulai berlaku pada tanggal ditetapkan sampai dengan tanggal 31 Desember 2025.")
    place: str = "Jakarta"
    date: str = "20 Januari 2025"
    office_lines: list[str] | None = None      # default: [office + ","]
    signer: str = "Dr. Bambang Sutrisno, S.E., M.Si."
    signer_nip: str = "19750312 200003 1 001"
    ttd: str = "ttd"
    # layout switches (see the module docstring)
    diktum: str = "paragraphs"
    lampiran: str = "per_pokja"
    nama_nip: str = "one_cell"
    merged_pengarah: bool = False
    numbering: str = "typed"
    header_rows: int = 1
    column_numbers: bool = False
    targets: str = "items"
    signature_table: bool = False
    lampiran_header: str = "paragraphs"
    lampiran_signature: bool = False
    revisions: bool = False
    comments: list[KitComment] = field(default_factory=list)

    def copy(self, **changes) -> SkDraft:
        return replace(copy.deepcopy(self), **changes)

    # ------------------------------------------------------------ building

    def to_bytes(self) -> bytes:
        return _Builder(self).build()

    def write(self, path) -> Path:
        return write(path, self.to_bytes())


ORDINALS = ("KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH", "KEDELAPAN", "KESEMBILAN",
            "KESEPULUH")


class _Builder:
    def __init__(self, d: SkDraft):
        self.d = d
        self.nb = Numbering()
        self._letters = self.nb.abstract(["lowerLetter", "decimal"], ["%1.", "%2)"])
        self._decimal = self.nb.abstract(["decimal"], ["%1."])
        self._comment_ids = {}

    # ------------------------------------------------------------ helpers

    def _items(self, texts: list[str], kind: str = "letter") -> list[str]:
        """Numbered item paragraphs: Word numbering (a fresh list) or typed labels."""
        if not texts:
            return []
        if self.d.numbering == "word":
            nid = self.nb.num(self._letters if kind == "letter" else self._decimal, {0: 1})
            return [p(t, num=(nid, 0)) for t in texts]
        labels = [f"{chr(97 + i)}." if kind == "letter" else f"{i + 1}." for i in range(len(texts))]
        return [p(f"{lab}\t{t}") for lab, t in zip(labels, texts)]

    def _comment(self, anchor: str, *content):
        cs = [c for c in self.d.comments if c.anchor == anchor]
        out = list(content)
        for c in cs:
            out = [commented(c.cid, *out)]
        return out

    # ------------------------------------------------------------ parts

    def title(self) -> str:
        d = self.d
        lines = [p(*self._comment("title", f"{d.instrument} {d.issuer_lines[0]}"), jc="center")]
        lines += [p(x, jc="center") for x in d.issuer_lines[1:]]
        lines.append(p(f"NOMOR {d.number}".rstrip(), jc="center"))
        lines.append(p("TENTANG", jc="center"))
        lines += [p(x, jc="center") for x in d.subject]
        lines.append(p())
        lines.append(p("DENGAN RAHMAT TUHAN YANG MAHA ESA", jc="center"))
        lines.append(p())
        lines.append(p(f"{d.office},", jc="center"))
        return "".join(lines)

    def considerations(self) -> str:
        out = []
        for word, items, kind in (("Menimbang", self.d.menimbang, "letter"), ("Mengingat", self.d.mengingat, "num")):
            labels = [f"{chr(97 + i)}." if kind == "letter" else f"{i + 1}." for i in range(len(items))]
            for i, (lab, text) in enumerate(zip(labels, items)):
                head = f"{word}\t:\t" if i == 0 else "\t\t"
                out.append(p(f"{head}{lab}\t{text}"))
        return "".join(out)

    def dicta(self) -> list[tuple[str, list[str]]]:
        """(own text, item/table blocks) per diktum."""
        d = self.d
        names = [k.name + (f" ({k.code})" if k.code else "") for k in d.pokja]
        out = []
        if len(names) == 1:
            out.append((f"Membentuk {names[0]} di lingkungan {d.office.title()}, dengan susunan keanggotaan "
                        "sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari "
                        "Keputusan ini.", []))
        else:
            items = [f"{n}{'; dan' if i == len(names) - 2 else ';' if i < len(names) - 2 else '.'}"
                     for i, n in enumerate(names)]
            out.append((f"Membentuk Kelompok Kerja di lingkungan {d.office.title()}, yang selanjutnya disebut "
                        "Pokja, sebagai berikut:", self._items(items)))
        tasks = [f"{k.name}: {k.task};" for k in d.pokja]
        revised = self.d.revisions and tasks
        blocks = self._items(tasks)
        if revised:
            k = d.pokja[0]
            first, rest = k.task.split(" ", 1) if " " in k.task else (k.task, "")
            label = [] if d.numbering == "word" else ["a.\t"]
            num = (int(blocks[0].split('w:numId w:val="')[1].split('"')[0]), 0) if d.numbering == "word" else None
            blocks[0] = p(*label, f"{k.name}: {first} ", ins(rest), dele(" lama"), ";", num=num)
            blocks.insert(1, p(dele("Paragraf yang dihapus seluruhnya."), mark_deleted=True))
        out.append(("Pokja sebagaimana dimaksud dalam Diktum KESATU mempunyai tugas:", blocks))
        if d.targets == "table":
            rows = [tr(tc(p("No")), tc(p("Pokja")), tc(p("Target Kinerja")), header=True)]
            for i, k in enumerate(d.pokja, 1):
                rows.append(tr(tc(p(str(i))), tc(p(k.name)), tc(*[p(t) for t in k.targets])))
            out.append(("Target kinerja Pokja sebagaimana dimaksud dalam Diktum KESATU sebagai berikut:",
                        [tbl(rows, widths=[600, 3000, 5000])]))
        else:
            t_items = [f"{k.name}: {'; '.join(k.targets)};" for k in d.pokja]
            out.append(("Target kinerja Pokja sebagaimana dimaksud dalam Diktum KESATU sebagai berikut:",
                        self._items(t_items)))
        out.append(("Susunan keanggotaan, uraian tugas, dan output anggota Pokja sebagaimana dimaksud dalam "
                    "Diktum KESATU tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari "
                    "Keputusan ini.", []))
        out.append((d.term, []))
        return out

    def diktum_part(self) -> str:
        d = self.d
        out = [p("MEMUTUSKAN:", jc="center"),
               p(f"Menetapkan\t:\tKEPUTUSAN {d.office} TENTANG {' '.join(d.subject)}.")]
        dicta = self.dicta()
        if d.diktum == "table":
            rows = []
            for (own, blocks), ordinal in zip(dicta, ORDINALS):
                content = [p(*self._comment(ordinal, own))] + blocks
                rows.append(tr(tc(p(ordinal), width=1400), tc(p(":"), width=300), tc(*content, width=7300)))
            out.append(tbl(rows, borders=False, widths=[1400, 300, 7300]))
            return "".join(out)
        for (own, blocks), ordinal in zip(dicta, ORDINALS):
            paras = [p(*self._comment(ordinal, f"{ordinal}\t:\t{own}"))] + blocks
            if d.diktum == "content_controls":
                out.append(sdt_block(*paras, tag=f"diktum-{ordinal.lower()}"))
            else:
                out.extend(paras)
        return "".join(out)

    def signature(self, second: bool = False) -> str:
        d = self.d
        office = d.office_lines if d.office_lines is not None else [f"{d.office},"]
        lines = [f"Ditetapkan di {d.place}", f"pada tanggal {d.date}".rstrip(), *office, "", d.ttd, "",
                 d.signer] + ([f"NIP {d.signer_nip}"] if d.signer_nip else [])
        if d.signature_table or second:
            return tbl([tr(tc(p(), width=4500), tc(*[p(x) for x in lines], width=4500))], borders=False,
                       widths=[4500, 4500])
        return "".join(p(x) for x in lines)

    def lampiran_header(self) -> str:
        d = self.d
        lines = ["LAMPIRAN", f"KEPUTUSAN {d.office}", f"NOMOR {d.number}".rstrip(),
                 f"TENTANG {' '.join(d.subject)}"]
        if d.lampiran_header == "table":
            return tbl([tr(tc(p(), width=4000), tc(*[p(x) for x in lines], width=5000))], borders=False,
                       widths=[4000, 5000])
        if d.lampiran_header == "text_box":
            return p(textbox(*[p(x) for x in lines]))
        return "".join(p(*self._comment("lampiran", x)) if i == 0 else p(x) for i, x in enumerate(lines))

    def _header_rows(self) -> list[str]:
        d = self.d
        nama = "Nama/NIP" if d.nama_nip == "one_cell" else "Nama"
        lead = [("No", 600), (nama, 2600)] + ([("NIP", 1800)] if d.nama_nip == "columns" else []) \
            + [("Jabatan", 1800), ("Kedudukan", 1300)]
        if d.header_rows == 2:
            top = [tc(p(t, ), vmerge="restart", width=w) for t, w in lead] + [tc(p("Penugasan"), span=2, width=1600)]
            bottom = [tc(p(), vmerge="continue", width=w) for _, w in lead] + [tc(p("Uraian Tugas"), width=1600),
                                                                                   tc(p("Output"), width=1600)]
            rows = [tr(*top, header=True), tr(*bottom, header=True)]
        else:
            rows = [tr(*[tc(p(t), width=w) for t, w in lead], tc(p("Uraian Tugas"), width=1600),
                       tc(p("Output"), width=1600), header=True)]
        if d.column_numbers:
            n = len(lead) + 2
            rows.append(tr(*[tc(p(f"({i})")) for i in range(1, n + 1)]))
        return rows

    def _width(self) -> int:
        return 6 + (self.d.nama_nip == "columns")

    def _person_row(self, no: int, person: Person, kedudukan_merge: str | None = None) -> str:
        d = self.d
        name = person.name + (f" ({person.id_pegawai})" if person.id_pegawai else "")
        if d.nama_nip == "one_cell":
            nama = [p(name)] + ([p(f"NIP {person.nip}")] if person.nip else [])
            cells = [tc(p(str(no))), tc(*nama)]
        else:
            cells = [tc(p(str(no))), tc(p(name)), tc(p(person.nip or "-"))]
        cells.append(tc(p(person.jabatan)))
        if kedudukan_merge == "continue":
            cells.append(tc(p(), vmerge="continue"))
        else:
            cells.append(tc(p(person.kedudukan), vmerge=kedudukan_merge))
        cells.append(tc(*self._cell_items(person.uraian_tugas)))
        cells.append(tc(*self._cell_items(person.output)))
        return tr(*cells)

    def _cell_items(self, texts: list[str]) -> list[str]:
        if len(texts) <= 1:
            return [p(t) for t in texts] or [p()]
        return self._items(texts, "num")

    def _pengarah_rows(self, start: int) -> list[str]:
        rows = []
        n = len(self.d.pengarah)
        for i, person in enumerate(self.d.pengarah):
            merge = None
            if self.d.merged_pengarah and n > 1:
                merge = "restart" if i == 0 else "continue"
            rows.append(self._person_row(start + i, person, merge))
        return rows

    def lampiran_tables(self) -> str:
        d = self.d
        out = [p("SUSUNAN KEANGGOTAAN, URAIAN TUGAS, DAN OUTPUT ANGGOTA KELOMPOK KERJA", jc="center")]
        width = self._width()
        widths = [600, 2600] + ([1800] if d.nama_nip == "columns" else []) + [1800, 1300, 1600, 1600]
        if d.lampiran == "single":
            rows = self._header_rows()
            rows.append(tr(tc(p("I."), width=600), tc(p("PENGARAH"), span=width - 1)))
            rows += self._pengarah_rows(1)
            for i, k in enumerate(d.pokja):
                roman = ["II", "III", "IV", "V", "VI", "VII"][i]
                rows.append(tr(tc(p(f"{roman}.")), tc(p(k.name.upper()), span=width - 1)))
                rows += [self._person_row(j, m) for j, m in enumerate(k.members, 1)]
            out.append(tbl(rows, widths=widths))
        else:
            for i, k in enumerate(d.pokja):
                out.append(p(f"{chr(65 + i)}.\t{k.name}"))
                rows = self._header_rows() + self._pengarah_rows(1)
                rows += [self._person_row(len(d.pengarah) + j, m) for j, m in enumerate(k.members, 1)]
                out.append(tbl(rows, widths=widths))
                out.append(p())
        return "".join(out)

    def build(self) -> bytes:
        d = self.d
        body = (self.title() + self.considerations() + self.diktum_part() + p() + self.signature()
                + p(br("page")) + self.lampiran_header() + p() + self.lampiran_tables())
        if d.lampiran_signature:
            body += p() + self.signature(second=True)
        headers = []
        if d.revisions:
            headers.append(p("RANCANGAN ", ins("UNTUK KONSULTASI")))
        else:
            headers.append(p("RANCANGAN"))
        footers = [tbl([tr(tc(p("Paraf koordinasi")), tc(p("Biro Hukum dan Organisasi")), tc(p("")))])]
        return build_docx(body, numbering=self.nb, comments=d.comments, headers=headers, footers=footers)
