"""Drafting a year's figures from the report itself (issue 17).

A stage of its own: it reads ``helpers.data`` (the catalogue, the contract, the audit's tokenizer and skip rules,
the printed grammar) and nothing of analysis, present, sections or build. ``reading`` turns a .txt/.docx/.pdf into
text, ``segments`` cuts it into located sentences, ``matching`` places a number's words on the catalogue,
``propose`` drafts the review sheet and ``accept`` files the reviewed rows into ``data/figures/<year>.csv``. The rules
that decide kinds, periods, cut-offs, instruments, units and breakdowns are data, in ``draft_rules.yml``.
"""
