"""Helpers for the annual analytical appendix (phụ lục phân tích) of the yearly
report on labour, people with merit and social affairs (the report's issuer and
area for each year come from ``data/reports.csv``, never from the code).

Modules, by pipeline stage:
- ``paths``: where the project's data and outputs live.
- ``errors``: the exception types, one per way input can be wrong.
- ``printed``: reading figures as the report printed them (Vietnamese style).
- ``contract``: the data contract as pandera schemas.
- ``loading``: the data API (catalogue, sources, figures with the vintage rule,
  the report each year's appendix accompanies: ``load_report_meta``).
- ``audit``: the transcription audit of a report's text against its figures.
- ``cli``: the ``python -m helpers`` command line.
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
