#!/usr/bin/env python3
"""Writes a minimal WordprocessingML document (.docx) from a text draft, with Python's zipfile.

Each run of lines holding a tab becomes one table (w:tbl), a line one row (w:tr), each
tab-separated field one cell (w:tc); every other line becomes a paragraph (w:p). juesuan reads
such a file back to the same text, so its findings must equal those on the text.

With --features it writes instead a small document that uses what the reader must understand:
list numbering (numbering.xml: 一、 / （一） / 1.), a merged cell across grid columns
(w:gridSpan), a vertical merge (w:vMerge), a tab stop and a tab, a line break, a text box with
its mc:Fallback copy, deleted text, and an escaped "<script>".

Usage: docx-from-text.py DRAFT.txt OUT.docx [--level 0-9]
       docx-from-text.py --features OUT.docx
"""
import sys
import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DATE = (2024, 1, 1, 0, 0, 0)

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W}">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def run(text):
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def paragraph(text, numbering=None):
    properties = ""
    if numbering is not None:
        properties = f'<w:pPr><w:numPr><w:ilvl w:val="{numbering}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    return f"<w:p>{properties}{run(text) if text else ''}</w:p>"


def cell(text, extra=""):
    return f"<w:tc><w:tcPr>{extra}</w:tcPr>{paragraph(text)}</w:tc>"


def table(rows):
    body = "".join("<w:tr>" + "".join(cell(field) for field in row.split("\t")) + "</w:tr>" for row in rows)
    return f"<w:tbl><w:tblPr/>{body}</w:tbl>"


def document(body):
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><w:body>{body}<w:sectPr/></w:body></w:document>'
    )


def from_text(text):
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    parts, rows = [], []
    for line in lines:
        if "\t" in line:
            rows.append(line)
            continue
        if rows:
            parts.append(table(rows))
            rows = []
        parts.append(paragraph(line))
    if rows:
        parts.append(table(rows))
    # Two tables in a row would read as one: Word separates them by a paragraph anyway.
    return "".join(parts)


def features():
    textbox = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
        + paragraph("文本框中的说明")
        + "</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>"
        + paragraph("文本框中的说明")
        + "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    merged = (
        "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:tr>" + cell("项目", '<w:gridSpan w:val="2"/>') + cell("金额") + "</w:tr>"
        "<w:tr>" + cell("基本支出", '<w:vMerge w:val="restart"/>') + cell("人员经费") + cell("10.00") + "</w:tr>"
        "<w:tr>" + cell("", "<w:vMerge/>") + cell("公用经费") + cell("5.00") + "</w:tr>"
        '<w:tr><w:tc><w:p><w:r><w:t>合</w:t></w:r><w:r><w:br/><w:t>计</w:t></w:r></w:p><w:p><w:r><w:t>（万元）</w:t></w:r></w:p></w:tc>'
        + cell("")
        + cell("15.00")
        + "</w:tr></w:tbl>"
    )
    body = "".join(
        [
            paragraph("第一部分 概况", 0),
            paragraph("主要职责", 1),
            paragraph("负责规划。", 2),
            paragraph("负责管理。", 2),
            paragraph("机构设置", 1),
            paragraph("第二部分 决算表", 0),
            '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>'
            '<w:r><w:t>项目</w:t></w:r><w:r><w:tab/><w:t>金额</w:t></w:r></w:p>',
            '<w:p><w:r><w:t>第一行</w:t></w:r><w:r><w:br/><w:t>第二行</w:t></w:r></w:p>',
            '<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del>'
            '<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>&lt;script&gt;&amp;</w:t></w:r></w:p>',
            f"<w:p>{run('正文：支出共计××万元。')}{textbox}</w:p>",
            paragraph(""),
            merged,
            paragraph("注：本表反映基本支出。"),
        ]
    )
    return body


def write(path, body, level):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, text in [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", RELS),
            ("word/numbering.xml", NUMBERING),
            ("word/document.xml", document(body)),
        ]:
            info = zipfile.ZipInfo(name, DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"), compresslevel=level)


def main(argv):
    if len(argv) >= 2 and argv[0] == "--features":
        write(argv[1], features(), 6)
        return 0
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    level = 6
    if len(argv) >= 4 and argv[2] == "--level":
        level = int(argv[3])
    with open(argv[0], encoding="utf-8", errors="replace") as handle:
        text = handle.read()
    write(argv[1], from_text(text), level)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
