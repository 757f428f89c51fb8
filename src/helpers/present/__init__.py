"""Presentation: charts and the notebook report."""
