"""Reader-facing words: number formatting and the catalogue's names of kinds and domains."""
