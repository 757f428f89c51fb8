"""Helpers for the annual analytical appendix (phụ lục phân tích) of the yearly
report on labour, people with merit and social affairs (the report's issuer and
area for each year come from ``data/reports.csv``, never from the code).

The sub-packages follow the data's route:
- ``data``: read and validate (``contract``, ``loading``, ``printed``, ``query``, ``audit``).
- ``analysis``: frames in, frames out (``attainment``, ``trends``, ``reconciliation``,
  ``summary``); no language, no IPython, no text.
- ``text``: reader-facing words: ``say`` picks the language from the text files,
  ``formatting`` writes numbers in Vietnamese or English style, ``vocabulary`` names
  kinds and domains from ``data/``.
- ``present``: ``charts`` (matplotlib Figures) and ``report`` (the notebook ``Report``).
- ``sections``: one module per notebook, each with its words in a ``.yml`` beside it.
- ``build``: execute the notebooks, assemble, export (PDF, Word, Excel), ``publish``.
- top level: ``cli`` (``python -m helpers``), ``errors``, ``paths``.
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
