"""Render office files the way a reader would see them: LibreOffice headless to PDF, poppler to text and
pixels. Shared by the briefing export tests (the set-up installs libreoffice-impress, libreoffice-writer and
poppler-utils)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image


def to_pdf(path: Path, outdir: Path) -> Path:
    """Convert a .pptx or .docx to PDF with LibreOffice; a fresh profile so parallel runs do not collide."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is missing: run bash scripts/setup.sh"
    with tempfile.TemporaryDirectory(prefix="riskdash-lo-") as profile:
        result = subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(outdir), str(path)],
            capture_output=True, text=True, timeout=180,
        )
    pdf = outdir / (path.stem + ".pdf")
    assert result.returncode == 0 and pdf.exists(), f"LibreOffice could not render {path.name}: {result.stderr}"
    return pdf


def pdf_text(pdf: Path) -> list[str]:
    """The text of each page (pdftotext, layout kept)."""
    pages = pdf_page_count(pdf)
    return [
        subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
                       capture_output=True, text=True, check=True).stdout
        for n in range(1, pages + 1)
    ]


def pdf_page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split(":")[1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_fonts(pdf: Path) -> list[dict[str, str]]:
    """pdffonts rows: name, type, embedded (yes/no)."""
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
    rows = []
    for line in lines[2:]:
        parts = line.split()
        if len(parts) >= 5:
            # columns: name type [type2] encoding emb sub uni object ID — emb is the 5th from the end
            rows.append({"name": parts[0], "embedded": parts[-5]})
    return rows


def rasterise(pdf: Path, outdir: Path, dpi: int = 40) -> list[Path]:
    """One PNG per page (pdftoppm)."""
    prefix = outdir / f"{pdf.stem}-page"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(prefix)], check=True)
    return sorted(outdir.glob(f"{pdf.stem}-page*.png"))


def ink_share(png: Path) -> float:
    """Share of pixels that are not near-white: 0 for a blank page."""
    pixels = np.asarray(Image.open(png).convert("L"))
    return float((pixels < 235).mean())
