"""Render the application icon's SVG to the PNG sizes FlexPrep ships (Qt's SVG renderer).

Usage: python resources/icons/render.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256)
HERE = Path(__file__).resolve().parent


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(HERE / "flexprep.svg"))
    if not renderer.isValid():
        raise SystemExit("flexprep.svg is not a valid SVG")
    (HERE / "png").mkdir(exist_ok=True)
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = HERE / "png" / f"flexprep-{size}.png"
        if not image.save(str(target)):
            raise SystemExit(f"could not write {target}")
        print(target.relative_to(HERE))
    del app


if __name__ == "__main__":
    main()
