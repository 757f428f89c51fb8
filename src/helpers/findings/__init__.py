"""The key findings of each part: the sentences at the top of a notebook (``rep.findings``), one module per part,
named as the part (``helpers.findings.poverty`` for ``01_poverty``).

A stage of its own above :mod:`helpers.sections`: a finding is made from the frames the part's sections show (their
frame functions), in the words of the part's text file beside its section module (``sections/<part>.yml``), so
that a number in a finding is the number its table shows. Nothing below imports it; the notebooks do.
"""
