"""Native Word footnotes for a python-docx Document, which has none (python-docx 1.2).

``Footnotes(document)`` adds the footnotes part (``word/footnotes.xml`` with the separator and
continuation-separator notes Word expects, its relationship and content type), the
``footnotePr`` setting, and Word's built-in "footnote text" and "footnote reference" styles
when the template lacks them. ``reference`` puts a note's reference mark in a paragraph; a note
referred to again gets a NOTEREF cross-reference showing the same number, as Word does it.
Footnote ids are the note numbers: Word numbers the marks itself, in order of appearance.
"""
from docx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

FOOTNOTE_TEXT, FOOTNOTE_REFERENCE = "FootnoteText", "FootnoteReference"
NOTE_BOOKMARK = "_RefNote{}"  # names starting with "_" are hidden bookmarks in Word

_SEPARATOR = (
    '<w:footnote w:type="{type}" w:id="{id}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:{type}/></w:r></w:p></w:footnote>'
)
_PART_XML = (
    f'<w:footnotes {nsdecls("w", "r")}>'
    + _SEPARATOR.format(type="separator", id=-1) + _SEPARATOR.format(type="continuationSeparator", id=0)
    + "</w:footnotes>"
)
_STYLES = {
    FOOTNOTE_TEXT: (
        f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="{FOOTNOTE_TEXT}"><w:name w:val="footnote text"/>'
        '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>'
    ),
    FOOTNOTE_REFERENCE: (
        f'<w:style {nsdecls("w")} w:type="character" w:styleId="{FOOTNOTE_REFERENCE}">'
        '<w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/>'
        '<w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
    ),
}
# CT_Settings is a sequence: footnotePr goes before the first of these that the settings hold.
_AFTER_FOOTNOTE_PR = ("w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema",
                      "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
                      "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown",
                      "w:smartTagType", "w:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags",
                      "w:decimalSymbol", "w:listSeparator")


def ensure_style(document, style_id: str, xml: str) -> None:
    """Add a style to the document's styles part unless it has one with that id."""
    styles = document.styles.element
    if not any(style.get(qn("w:styleId")) == style_id for style in styles.iterchildren(qn("w:style"))):
        styles.append(parse_xml(xml))


def text_run(text: str, *, bold=False, italic=False, style: str = "") -> OxmlElement:
    """A ``w:r`` holding ``text`` (spaces kept), in a character style and bold or italic."""
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    if style:
        properties.append(_valued("w:rStyle", style))
    if bold:
        properties.append(OxmlElement("w:b"))
    if italic:
        properties.append(OxmlElement("w:i"))
    if len(properties):
        run.append(properties)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    return run


def _valued(tag: str, value) -> OxmlElement:
    element = OxmlElement(tag)
    element.set(qn("w:val"), str(value))
    return element


class Footnotes:
    """The footnotes part of one python-docx Document, created on first use."""

    def __init__(self, document):
        self.document = document
        self.element = parse_xml(_PART_XML)
        self.part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, self.element, document.part.package)
        document.part.relate_to(self.part, RT.FOOTNOTES)
        for style_id, xml in _STYLES.items():
            ensure_style(document, style_id, xml)
        self._set_footnote_properties()
        self._referenced: set[int] = set()

    def _set_footnote_properties(self) -> None:
        settings = self.document.settings.element
        if settings.find(qn("w:footnotePr")) is not None:
            return
        properties = parse_xml(f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/>'
                               "</w:footnotePr>")
        following = next((settings.find(qn(tag)) for tag in _AFTER_FOOTNOTE_PR if settings.find(qn(tag)) is not None),
                         None)
        if following is not None:
            following.addprevious(properties)
        else:
            settings.append(properties)

    def add(self, number: int) -> OxmlElement:
        """Footnote ``number``'s paragraph (Footnote Text, led by its mark), to which the caller adds runs."""
        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), str(number))
        paragraph = OxmlElement("w:p")
        properties = OxmlElement("w:pPr")
        properties.append(_valued("w:pStyle", FOOTNOTE_TEXT))
        paragraph.append(properties)
        mark = OxmlElement("w:r")
        mark_properties = OxmlElement("w:rPr")
        mark_properties.append(_valued("w:rStyle", FOOTNOTE_REFERENCE))
        mark.append(mark_properties)
        mark.append(OxmlElement("w:footnoteRef"))
        paragraph.append(mark)
        paragraph.append(text_run(" "))
        note.append(paragraph)
        self.element.append(note)
        return paragraph

    def reference(self, paragraph, number: int) -> None:
        """Put note ``number``'s mark at the end of ``paragraph`` (a ``w:p``).

        The first reference is the footnote's own, inside a hidden bookmark; a later one is a
        NOTEREF field to that bookmark, formatted as the mark (``\\f``), so it shows the same number.
        """
        bookmark = NOTE_BOOKMARK.format(number)
        if number in self._referenced:
            field = OxmlElement("w:fldSimple")
            field.set(qn("w:instr"), f" NOTEREF {bookmark} \\f \\h ")
            field.append(text_run(str(number), style=FOOTNOTE_REFERENCE))
            paragraph.append(field)
            return
        self._referenced.add(number)
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(number))
        start.set(qn("w:name"), bookmark)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(number))
        run = OxmlElement("w:r")
        properties = OxmlElement("w:rPr")
        properties.append(_valued("w:rStyle", FOOTNOTE_REFERENCE))
        run.append(properties)
        reference = OxmlElement("w:footnoteReference")
        reference.set(qn("w:id"), str(number))
        run.append(reference)
        paragraph.extend([start, run, end])
