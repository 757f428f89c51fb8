"""How a notebook hands a chart to the appendix without showing it twice (a light module: the build reads it).

The chart is on screen where its cell returned it. :meth:`helpers.present.report.Report.figure` then displays
the appendix's HTML of it under :data:`FIGURE_MIME`, a MIME type of the project's own that Jupyter, nbconvert and
Quarto do not render, beside one line of text/plain (the chart's name, fingerprint and title), which they show
and nbval compares. :mod:`helpers.build.assemble` reads the HTML back.
"""

FIGURE_MIME = "application/vnd.phu-luc.figure+html"

# The tag of the notebooks' hand-off cells (those that only call rep.figure, rep.table, rep.notes, rep.text, or a
# section's *_notes(rep, …) or hand_off(rep, …)), and of the figure hand-off's output: nbconvert's
# TagRemovePreprocessor leaves them out of a report (README, "Notebooks").
HANDOFF_TAG = "handoff"

# Every chart's text is set in FONT_FAMILY (it carries every Vietnamese diacritic; matplotlib ships its files).
# The PDF's copy of each chart is written beside figures/ in an output folder, in PRINT_SVG_DIR: the same SVG with
# its text kept as text (the PDF embeds the font), which WeasyPrint draws about five times faster than matplotlib's
# glyph outlines; the build removes the folder once the PDF is written. figures/<name>.svg keeps the outlines, so
# that Word and any SVG viewer show the charts without the font.
FONT_FAMILY = "DejaVu Sans"
PRINT_SVG_DIR = "print_figures"
