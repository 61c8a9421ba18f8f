"""A filed version in the precedent importer's shape, so the vote can add it to the library."""
import re
from resolutions.drafts.redline import CALL, plain
from resolutions.filing.pdf.filers import version_filers

URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:)]")


def version_structure(version) -> tuple[dict, str]:
    """(structure, source text) of a filed version: its parts with their footnote calls, notes and filers."""
    content = version.content
    structure = {"title": content["title"], "resolved": [], "whereas": [], "supporting": [], "calls": [],
                 "footnotes": [{"number": n, "text": plain(text), "urls": URL.findall(plain(text))}
                               for n, text in enumerate(content.get("footnotes", []), start=1)],
                 "filers": [{"name": f.name, "organization": f.organization, "lead": f.lead}
                            for f in version_filers(version)],
                 "warnings": []}
    lines = [content["title"]]
    for part in content["parts"]:
        reading = plain(part["html"]).strip()
        lines.append(f"{part['kind'].upper()}: {reading}")
        text, offset = [], 0
        index = len(structure[part["kind"]])
        for position, piece in enumerate(CALL.split(reading)):
            if position % 2:  # the split's captured group: a call's number
                structure["calls"].append({"part": part["kind"], "index": index, "number": int(piece),
                                           "offset": offset})
            else:
                text.append(piece)
                offset += len(piece)
        structure[part["kind"]].append("".join(text))
    lines += [f"[{n['number']}] {n['text']}" for n in structure["footnotes"]]
    return structure, "\n\n".join(lines)
