"""Reader-facing words: one function picks the language (:func:`say`, from the YAML text
files beside the section modules and here), numbers in Vietnamese or English style
(:mod:`~helpers.text.formatting`), the catalogue's names of kinds and domains
(:mod:`~helpers.text.vocabulary`)."""

from helpers.text.templates import TextError, Texts, say, texts_for

__all__ = ["TextError", "Texts", "say", "texts_for"]
