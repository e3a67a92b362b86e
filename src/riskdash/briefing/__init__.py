"""The meeting briefing (汇报): one content model (``content.build_brief``) drawn by every export and by the
presentation mode. ``headline`` words the numbers in the official register; ``pptx_export`` writes the
16:9 deck; the Word 通报 and the A4 PDF are ``docx_export`` and ``pdf_export``.
"""

from riskdash.briefing.content import (  # noqa: F401 (the package's public names)
    SLIDE_KEYS,
    Brief,
    BriefMeta,
    ChartSpec,
    Kpi,
    Slide,
    TableSpec,
    build_brief,
)
