"""Frames in, frames out: attainment, trends, reconciliation, summaries. No language, no IPython, no text."""
