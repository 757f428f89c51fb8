"""Skip one slow import that the build never uses.

jsonschema (imported by nbformat and so by papermill) loads the optional
package ``rfc3987_syntax`` when it is installed, to check the "iri" string
format; that package compiles an Earley grammar on import, which costs about
three seconds of every build. Notebook schemas never use that format, so the
build's process marks the package as absent before jsonschema is first
imported: jsonschema then simply leaves the "iri" checker out. Importing this
module after jsonschema has been imported changes nothing.
"""

from __future__ import annotations

import sys


def skip_iri_grammar() -> bool:
    """Keep jsonschema from loading ``rfc3987_syntax``; True if it took effect in this process."""
    if "jsonschema" in sys.modules or "rfc3987_syntax" in sys.modules:
        return False
    sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]  # import now raises ImportError
    return True


skip_iri_grammar()
