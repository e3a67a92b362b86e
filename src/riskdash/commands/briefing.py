"""``riskdash brief --db PATH --from D --to D [--as-of D] [--region CODE] --out FILE.pptx|FILE.docx|FILE.pdf``.

Builds the briefing for the filters and writes it in the format its suffix names; prints one JSON line
``{"out", "format", "slides", "seconds"}``. The file is written beside the target under a temporary name and
renamed into place, so a failure leaves neither a half-written file nor a damaged earlier one.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from riskdash import db

def register(commands, metrics) -> None:
    from riskdash.commands import add_user_option, day

    brief = commands.add_parser("brief", help="write the meeting briefing (汇报): PPTX, Word 通报 or PDF")
    brief.add_argument("--db")
    brief.add_argument("--from", dest="start", type=day, required=True)
    brief.add_argument("--to", dest="end", type=day, required=True)
    brief.add_argument("--as-of", dest="as_of", type=day, help="the day hazards are judged on (default --to)")
    brief.add_argument("--region", help="region code (default the top region)")
    add_user_option(brief)
    brief.add_argument("--out", required=True, help="FILE.pptx, FILE.docx or FILE.pdf")
    # English wording for a visitor's copy; not part of the command-line contract
    brief.add_argument("--lang", choices=("zh", "en"), default="zh", help=argparse.SUPPRESS)
    brief.set_defaults(handler=cmd_brief, industry=None)


def writer_for(path: Path):
    """The writer function for the file's suffix (each writer's libraries load only when it is chosen); a
    one-line error for an unknown suffix."""
    suffix = path.suffix.lower()
    if suffix == ".pptx":
        from riskdash.briefing import pptx_export

        return pptx_export.write_pptx
    if suffix == ".docx":
        from riskdash.briefing import docx_export

        return docx_export.write_docx
    if suffix == ".pdf":
        from riskdash.briefing import pdf_export

        return pdf_export.write_pdf
    raise db.RiskdashError(f"--out {path}: unknown format {suffix or '(none)'!r} (expected .pptx, .docx or .pdf)")


def cmd_brief(args) -> int:
    from riskdash.briefing import build_brief
    from riskdash.commands import filters_from, print_json

    started = time.perf_counter()
    out = Path(args.out)
    write = writer_for(out)
    if out.suffix.lower() in (".docx", ".pdf"):
        from riskdash.briefing.tongbao import start_chart_renderer

        start_chart_renderer()  # Chromium starts while the queries run
    if not out.parent.exists():
        raise db.RiskdashError(f"--out {out}: folder {out.parent} does not exist")
    con = db.connect(args.db, read_only=True)
    try:
        filters = filters_from(args, con)
        if filters.as_of < filters.start:
            raise db.RiskdashError(f"--as-of {filters.as_of} is before --from {filters.start}")
        brief = build_brief(con, filters, lang=args.lang)
    finally:
        con.close()
    handle, temp_name = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=out.suffix, dir=out.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        write(brief, temp)
        os.replace(temp, out)
    finally:
        temp.unlink(missing_ok=True)
    # slides: the briefing's parts (事故形势 … 下步工作), the same for every format; the deck adds a title slide
    print_json({"out": str(out), "format": out.suffix.lower().lstrip("."), "slides": len(brief.slides),
                "seconds": round(time.perf_counter() - started, 2)})
    return 0
