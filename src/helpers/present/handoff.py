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
